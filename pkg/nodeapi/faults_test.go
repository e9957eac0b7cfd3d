package nodeapi_test

import (
	"context"
	"io"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// requiredPaths are the endpoints a snapshot of gen cannot do without.
func requiredPaths(gen nodeapi.Generation) []string {
	switch gen {
	case nodeapi.Legacy:
		return []string{nodeapi.PathTranscoderInfo, nodeapi.PathNodeID, nodeapi.PathCurrentRound,
			nodeapi.PathEthAddr, nodeapi.PathEthBalance, nodeapi.PathStatus}
	case nodeapi.V03:
		return []string{nodeapi.PathTranscoderInfo, nodeapi.PathCurrentRound, nodeapi.PathEthAddr,
			nodeapi.PathEthBalance, nodeapi.PathStatus, nodeapi.PathRoundInitialized}
	}
	return []string{nodeapi.PathStatus, nodeapi.PathOrchestratorInfo, nodeapi.PathCurrentRound,
		nodeapi.PathRoundInitialized, nodeapi.PathEthAddr, nodeapi.PathEthBalance}
}

// TestSnapshotFaultPerEndpoint breaks each required endpoint in turn with
// each answer-level fault and checks the snapshot fails with an *Error
// naming that endpoint and the right reason.
func TestSnapshotFaultPerEndpoint(t *testing.T) {
	faults := []struct {
		name   string
		fault  fakenode.Fault
		reason string
	}{
		{"status 500", fakenode.Status(500, "missing ETH client"), "http_500"},
		{"garbage", fakenode.Garbage(), nodeapi.ReasonDecode},
		{"empty", fakenode.Empty(), nodeapi.ReasonEmptyBody},
		{"huge", fakenode.Huge(), nodeapi.ReasonBodyTooLarge},
	}
	for _, gen := range nodeapi.Generations() {
		n, c := startFake(t, gen, nodeapi.Options{})
		for _, path := range requiredPaths(gen) {
			for _, f := range faults {
				if gen == nodeapi.V05 && path == nodeapi.PathCurrentRound && f.fault == fakenode.Empty() {
					continue // round 0 in the raw form: TestSnapshotV05
				}
				t.Run(string(gen)+path+"/"+f.name, func(t *testing.T) {
					n.ClearFaults()
					n.SetFault(path, f.fault)
					_, err := c.Snapshot(testCtx(t), gen)
					wantError(t, err, path, f.reason)
				})
			}
		}
	}
}

func TestSnapshotTransportFaults(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(t *testing.T, n *fakenode.Node, clk *clock.Fake)
		ctx    func(t *testing.T) context.Context
		reason string
	}{
		{name: "hang", setup: func(_ *testing.T, n *fakenode.Node, _ *clock.Fake) {
			n.SetFault(nodeapi.PathEthBalance, fakenode.Hang())
		}, ctx: shortCtx, reason: nodeapi.ReasonTimeout},
		{name: "latency past the deadline", setup: func(_ *testing.T, n *fakenode.Node, _ *clock.Fake) {
			n.SetFault(nodeapi.PathEthBalance, fakenode.Latency(time.Minute)) // the fake clock never moves
		}, ctx: shortCtx, reason: nodeapi.ReasonTimeout},
		{name: "canceled", setup: func(_ *testing.T, n *fakenode.Node, _ *clock.Fake) {
			n.SetFault(nodeapi.PathEthBalance, fakenode.Hang())
		}, ctx: func(t *testing.T) context.Context {
			ctx, cancel := context.WithCancel(testCtx(t))
			cancel()
			return ctx
		}, reason: nodeapi.ReasonCanceled},
		{name: "stopped", setup: func(_ *testing.T, n *fakenode.Node, _ *clock.Fake) { n.Stop() },
			ctx: testCtx, reason: nodeapi.ReasonConnectionRefused},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clk := clock.NewFake(time.Unix(0, 0))
			n, c := startFake(t, nodeapi.Current, nodeapi.Options{}, fakenode.WithClock(clk))
			tc.setup(t, n, clk)
			_, err := c.Snapshot(tc.ctx(t), nodeapi.Current)
			if nodeapi.ReasonOf(err) != tc.reason {
				t.Fatalf("reason %q (%v), want %q", nodeapi.ReasonOf(err), err, tc.reason)
			}
		})
	}
}

// shortCtx gives a request that the fake will never answer a deadline
// that ends the test quickly. The test asserts the reason, not the time.
func shortCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	t.Cleanup(cancel)
	return ctx
}

func TestLatencyAnswersWhenClockMoves(t *testing.T) {
	clk := clock.NewFake(time.Unix(0, 0))
	n, c := startFake(t, nodeapi.Current, nodeapi.Options{}, fakenode.WithClock(clk))
	n.SetFault(fakenode.AllPaths, fakenode.Latency(5*time.Second))
	done := make(chan error, 1)
	go func() {
		_, err := c.Snapshot(testCtx(t), nodeapi.Current)
		done <- err
	}()
	// Seven endpoints are fetched concurrently, each parked on the clock.
	if !clk.BlockUntil(testCtx(t).Done(), 7) {
		t.Fatal("requests never parked on the latency fault")
	}
	clk.Advance(5 * time.Second)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// countingTransport counts the response body bytes the client reads.
type countingTransport struct{ read atomic.Int64 }

type countingBody struct {
	io.ReadCloser
	n *atomic.Int64
}

func (b countingBody) Read(p []byte) (int, error) {
	k, err := b.ReadCloser.Read(p)
	b.n.Add(int64(k))
	return k, err
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err == nil {
		resp.Body = countingBody{resp.Body, &c.read}
	}
	return resp, err
}

func TestHugeBodyStopsAtTheLimit(t *testing.T) {
	const limit = 64 << 10
	tr := &countingTransport{}
	n, c := startFake(t, nodeapi.Current, nodeapi.Options{HTTPClient: &http.Client{Transport: tr}, MaxBodyBytes: limit})
	n.SetFault(nodeapi.PathStatus, fakenode.Huge())
	_, err := c.Snapshot(testCtx(t), nodeapi.Current)
	wantError(t, err, nodeapi.PathStatus, nodeapi.ReasonBodyTooLarge)
	// The other endpoints' bodies are small; the 50 MB one was cut at limit+1.
	if got := tr.read.Load(); got > 2*limit {
		t.Fatalf("read %d body bytes for a %d-byte limit, the client read the huge body", got, limit)
	}
}
