package fakenode_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// guard is the longest any test here waits for something that must happen;
// reaching it means the code under test hangs.
const guard = 20 * time.Second

func TestStopRestartSamePort(t *testing.T) {
	n := start(t, nodeapi.Current)
	url := n.URL()
	if a := get(t, n, "/currentRound"); a.status != 200 {
		t.Fatalf("before stop: %d", a.status)
	}
	if _, err := n.Start(); err == nil {
		t.Fatal("second Start succeeded")
	}
	n.Stop()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url+"/currentRound", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := http.DefaultClient.Do(req); !errors.Is(err, syscall.ECONNREFUSED) {
		t.Fatalf("after Stop: %v, want connection refused", err)
	}
	if err := n.Restart(); err != nil {
		t.Fatal(err)
	}
	if n.URL() != url {
		t.Fatalf("URL changed from %s to %s", url, n.URL())
	}
	if a := do(t, http.MethodGet, url+"/currentRound"); a.status != 200 || string(a.body) != "4253" {
		t.Fatalf("after Restart: %d %q", a.status, a.body)
	}
	n.Close()
	if err := n.Restart(); err == nil {
		t.Fatal("Restart after Close succeeded")
	}
}

func TestRestartNeverStarted(t *testing.T) {
	n := fakenode.New(nodeapi.Current)
	defer n.Close()
	if err := n.Restart(); err == nil {
		t.Fatal("Restart of a node never started succeeded")
	}
}

func TestInvalidGeneration(t *testing.T) {
	n := fakenode.New(nodeapi.Auto)
	defer n.Close()
	if _, err := n.Start(); err == nil {
		t.Fatal("Start of an auto node succeeded")
	}
	rec := httptest.NewRecorder()
	n.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/status", nil))
	if rec.Code != 500 {
		t.Fatalf("status %d, want 500", rec.Code)
	}
}

// inFlight starts a GET of path and returns a channel that receives its
// outcome once the request is parked in the node.
func inFlight(t *testing.T, ctx context.Context, n *fakenode.Node, path string) <-chan error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, n.URL()+path, nil)
		if err != nil {
			done <- err
			return
		}
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			_, err = io.ReadAll(resp.Body)
			resp.Body.Close()
		}
		done <- err
	}()
	wait, cancel := context.WithTimeout(t.Context(), guard)
	defer cancel()
	if err := n.WaitForRequest(wait, path); err != nil {
		t.Fatalf("request for %s never arrived: %v", path, err)
	}
	return done
}

func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(guard):
		t.Fatalf("%s did not return", what)
	}
}

func TestHangReleasedByClose(t *testing.T) {
	n := start(t, nodeapi.Current)
	n.SetFault("/status", fakenode.Hang())
	done := inFlight(t, t.Context(), n, "/status")
	within(t, "Close with a hanging request", n.Close)
	select {
	case <-done:
	case <-time.After(guard):
		t.Fatal("hanging request not released")
	}
}

func TestHangEndsWithRequestContext(t *testing.T) {
	n := start(t, nodeapi.Current)
	n.SetFault(fakenode.AllPaths, fakenode.Hang())
	ctx, cancel := context.WithCancel(t.Context())
	done := inFlight(t, ctx, n, "/ethAddr")
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("request ended with %v, want context.Canceled", err)
	}
	within(t, "Close", n.Close)
}

func TestLatencyOnInjectedClock(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	n := start(t, nodeapi.Current, fakenode.WithClock(clk))
	n.SetFault("/currentRound", fakenode.Latency(time.Hour))
	done := inFlight(t, t.Context(), n, "/currentRound")
	if !clk.BlockUntil(t.Context().Done(), 1) {
		t.Fatal("latency timer never armed")
	}
	select {
	case err := <-done:
		t.Fatalf("answered before the clock moved: %v", err)
	default:
	}
	clk.Advance(time.Hour)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if clk.Waiters() != 0 {
		t.Fatalf("%d timers left after the answer", clk.Waiters())
	}

	// A request parked on latency is released by Close, and its timer stopped.
	parked := inFlight(t, t.Context(), n, "/currentRound")
	if !clk.BlockUntil(t.Context().Done(), 1) {
		t.Fatal("latency timer never armed")
	}
	within(t, "Close with a delayed request", n.Close)
	<-parked
	if clk.Waiters() != 0 {
		t.Fatalf("%d timers left after Close", clk.Waiters())
	}
}

func TestFaults(t *testing.T) {
	n := start(t, nodeapi.Current)
	tests := []struct {
		name   string
		fault  fakenode.Fault
		status int
		body   string
		ctype  string
	}{
		{name: "status", fault: fakenode.Status(500, "missing ETH client"), status: 500,
			body: "missing ETH client\n", ctype: "text/plain; charset=utf-8"},
		{name: "garbage", fault: fakenode.Garbage(), status: 200, body: fakenode.GarbageBody},
		{name: "empty", fault: fakenode.Empty(), status: 200, body: ""},
		{name: "none", fault: fakenode.None(), status: 200, body: "4253"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n.SetFault("/currentRound", tc.fault)
			a := get(t, n, "/currentRound")
			if a.status != tc.status || string(a.body) != tc.body {
				t.Fatalf("%d %q, want %d %q", a.status, a.body, tc.status, tc.body)
			}
			if tc.ctype != "" && a.ctype != tc.ctype {
				t.Fatalf("content type %q, want %q", a.ctype, tc.ctype)
			}
		})
	}
	t.Run("huge", func(t *testing.T) {
		n.SetFault("/status", fakenode.Huge())
		if a := get(t, n, "/status"); a.status != 200 || len(a.body) != fakenode.HugeBodyBytes {
			t.Fatalf("%d, %d bytes, want %d", a.status, len(a.body), fakenode.HugeBodyBytes)
		}
	})
	t.Run("path fault wins over global", func(t *testing.T) {
		n.ClearFaults()
		n.SetFault(fakenode.AllPaths, fakenode.Status(503, "down"))
		n.SetFault("/ethAddr", fakenode.Empty())
		if a := get(t, n, "/ethAddr"); a.status != 200 || len(a.body) != 0 {
			t.Fatalf("/ethAddr: %d %q", a.status, a.body)
		}
		if a := get(t, n, "/ethBalance"); a.status != 503 {
			t.Fatalf("/ethBalance: %d", a.status)
		}
		n.ClearFaults()
		if a := get(t, n, "/ethBalance"); a.status != 200 {
			t.Fatalf("after ClearFaults: %d", a.status)
		}
	})
}

func TestRequestLog(t *testing.T) {
	n := start(t, nodeapi.Current)
	get(t, n, "/status")
	do(t, http.MethodPost, n.URL()+"/bond")
	get(t, n, "/transcode") // a 2018 action path: 404 here, but still an action request
	get(t, n, "/ethAddr")
	if got, want := n.Requests(), []string{"/status", "/bond", "/transcode", "/ethAddr"}; !slices.Equal(got, want) {
		t.Fatalf("Requests() = %v, want %v", got, want)
	}
	if got, want := n.ActionRequests(), []string{"/bond", "/transcode"}; !slices.Equal(got, want) {
		t.Fatalf("ActionRequests() = %v, want %v", got, want)
	}
	if c := n.Calls()[1]; c.Method != http.MethodPost || c.Path != "/bond" {
		t.Fatalf("Calls()[1] = %+v", c)
	}
	n.ResetRequests()
	if len(n.Requests()) != 0 || len(n.ActionRequests()) != 0 {
		t.Fatal("ResetRequests left requests")
	}
}

func TestReward(t *testing.T) {
	tests := []struct {
		name       string
		gen        nodeapi.Generation
		setup      func(n *fakenode.Node)
		status     int
		body       string
		lastReward int64
	}{
		{name: "already called", gen: nodeapi.Current, status: 500,
			body: "Error calling reward: execution reverted: caller has already called reward for the current round\n", lastReward: 4253},
		{name: "success", gen: nodeapi.Current, setup: func(n *fakenode.Node) { n.SetLastRewardRound(4252) },
			status: 200, lastReward: 4253},
		{name: "not initialized", gen: nodeapi.Current, setup: func(n *fakenode.Node) { n.SetRound(4254, false) },
			status: 500, body: "Error calling reward: execution reverted: current round is not initialized\n", lastReward: 4253},
		{name: "inactive", gen: nodeapi.Current, setup: func(n *fakenode.Node) { n.SetRound(4254, true); n.SetActive(false) },
			status: 500, body: "Error calling reward: execution reverted: caller must be an active transcoder\n", lastReward: 4253},
		{name: "custom handler", gen: nodeapi.Current, setup: func(n *fakenode.Node) {
			n.SetRewardHandler(func(context.Context) error { return errors.New("nonce too low") })
		}, status: 500, body: "Error calling reward: nonce too low\n", lastReward: 4253},
		{name: "2018 node hides the error", gen: nodeapi.Legacy, status: 200, lastReward: 4253},
		{name: "2018 success", gen: nodeapi.Legacy, setup: func(n *fakenode.Node) { n.SetRound(4300, true) },
			status: 200, lastReward: 4300},
		{name: "v0.3 node hides the error", gen: nodeapi.V03, status: 200, lastReward: 4253},
		{name: "v0.3 success", gen: nodeapi.V03, setup: func(n *fakenode.Node) { n.SetRound(4300, true) },
			status: 200, lastReward: 4300},
		{name: "v0.5 node reports the error", gen: nodeapi.V05, status: 500,
			body: "Error calling reward: execution reverted: caller has already called reward for the current round\n", lastReward: 4253},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := start(t, tc.gen)
			if tc.setup != nil {
				tc.setup(n)
			}
			a := do(t, http.MethodPost, n.URL()+"/reward")
			if a.status != tc.status || string(a.body) != tc.body {
				t.Fatalf("%d %q, want %d %q", a.status, a.body, tc.status, tc.body)
			}
			if tc.body == "" && a.ctype != "" {
				t.Fatalf("empty answer with content type %q", a.ctype)
			}
			if got := n.LastRewardRound().Int64(); got != tc.lastReward {
				t.Fatalf("LastRewardRound %d, want %d", got, tc.lastReward)
			}
		})
	}
}
