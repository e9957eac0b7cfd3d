package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// TestMain lets the test binary act as lpwatch itself, so end-to-end tests
// run the real command as a child process without building it separately.
func TestMain(m *testing.M) {
	if os.Getenv("LPWATCH_AS_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// pdReceiver is a PagerDuty Events API stand-in whose health the test controls.
type pdReceiver struct {
	url      string
	mu       sync.Mutex
	healthy  bool
	attempts []string // "trigger <dedup>", "resolve <dedup>" for every request
	accepted []string // those answered 202
	changed  chan struct{}
}

func (p *pdReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var ev struct {
		Action string `json:"event_action"`
		Dedup  string `json:"dedup_key"`
		Key    string `json:"routing_key"`
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err := json.Unmarshal(body, &ev); err != nil || ev.Key != testRoutingKey {
		http.Error(w, `{"status":"invalid event"}`, http.StatusBadRequest)
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	what := ev.Action + " " + ev.Dedup
	p.attempts = append(p.attempts, what)
	if !p.healthy {
		http.Error(w, `{"status":"unavailable"}`, http.StatusInternalServerError)
	} else {
		p.accepted = append(p.accepted, what)
		w.WriteHeader(http.StatusAccepted)
		_, _ = w.Write([]byte(`{"status":"success","dedup_key":"` + ev.Dedup + `"}`))
	}
	select {
	case p.changed <- struct{}{}:
	default:
	}
}

func (p *pdReceiver) snapshot() (attempts, accepted []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.attempts...), append([]string(nil), p.accepted...)
}

func (p *pdReceiver) waitFor(t *testing.T, what string, cond func(attempts, accepted []string) bool) {
	t.Helper()
	deadline := time.NewTimer(60 * time.Second)
	defer deadline.Stop()
	for {
		if cond(p.snapshot()) {
			return
		}
		select {
		case <-p.changed:
		case <-deadline.C:
			a, acc := p.snapshot()
			if len(a) > 6 {
				a = append(a[:3:3], a[len(a)-3:]...)
			}
			t.Fatalf("timed out waiting for %s: attempts (first and last) %v accepted %v", what, a, acc)
		}
	}
}

const testRoutingKey = "e2e0routing0key0000000000000000x"

func countPrefix(list []string, prefix string) int {
	n := 0
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			n++
		}
	}
	return n
}

func startChild(t *testing.T, cfgPath string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "run", "-config", cfgPath)
	cmd.Env = append(os.Environ(), "LPWATCH_AS_MAIN=1")
	logf, err := os.OpenFile(filepath.Join(filepath.Dir(cfgPath), "lpwatch.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { logf.Close() })
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	return cmd
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestKill9LosesNothing: the sink is broken, lpwatch is killed with
// SIGKILL while a trigger and its resolve are pending, lpwatch restarts,
// the sink heals, and each notification arrives exactly once, in order.
func TestKill9LosesNothing(t *testing.T) {
	pd := &pdReceiver{changed: make(chan struct{}, 1)}
	srv := httptest.NewServer(pd)
	defer srv.Close()
	pd.url = srv.URL
	kill9LosesNothing(t, pd)
}

// kill9Sink is the sink of kill9LosesNothing, broken until heal.
type kill9Sink interface {
	// table is its [[alert.sink]] table, named "oncall".
	table() string
	// waitFailed waits until it refused an attempt at a trigger.
	waitFailed(t *testing.T, listen string)
	heal(t *testing.T)
	// delivered lists what it accepted, in order, as "trigger KEY" and
	// "resolve KEY", KEY tying a resolve to its trigger.
	delivered(t *testing.T) []string
	// waitAccepted waits until it accepted a trigger and a resolve.
	waitAccepted(t *testing.T)
}

func (p *pdReceiver) table() string {
	return fmt.Sprintf("[[alert.sink]]\nname = \"oncall\"\ntype = \"pagerduty\"\nurl = %q\nrouting_key = %q\nmin_severity = \"critical\"\n", p.url, testRoutingKey)
}

func (p *pdReceiver) waitFailed(t *testing.T, _ string) {
	p.waitFor(t, "a failed trigger attempt", func(a, _ []string) bool { return countPrefix(a, "trigger") > 0 })
}

func (p *pdReceiver) heal(*testing.T) {
	p.mu.Lock()
	p.healthy = true
	p.mu.Unlock()
}

func (p *pdReceiver) delivered(*testing.T) []string {
	_, acc := p.snapshot()
	return acc
}

func (p *pdReceiver) waitAccepted(t *testing.T) {
	p.waitFor(t, "trigger and resolve delivered", func(_, acc []string) bool {
		return countPrefix(acc, "trigger") >= 1 && countPrefix(acc, "resolve") >= 1
	})
}

// kill9LosesNothing is TestKill9LosesNothing for one sink.
func kill9LosesNothing(t *testing.T, sink kill9Sink) {
	node := fakenode.New(nodeapi.Current)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	defer node.Close()

	cfgPath, listen := kill9Config(t, node, sink.table())
	child := startChild(t, cfgPath)
	node.Stop()
	sink.waitFailed(t, listen)
	if err := node.Restart(); err != nil {
		t.Fatal(err)
	}
	// The resolve never overtakes its trigger: it waits, queued, behind it.
	waitUntil(t, "the resolve queued behind the failing trigger", func() bool {
		return pendingNotifications(t, listen) == 2
	})

	if err := child.Process.Kill(); err != nil { // SIGKILL: no chance to flush anything
		t.Fatal(err)
	}
	_ = child.Wait()
	sink.heal(t)

	startChild(t, cfgPath)
	sink.waitAccepted(t)
	// Let the restarted daemon run a while longer: nothing else may arrive.
	node.ResetRequests()
	ctxWait := func(n int) {
		for i := 0; i < n; i++ {
			if err := node.WaitForRequest(t.Context(), nodeapi.PathStatus); err != nil {
				t.Fatal(err)
			}
			node.ResetRequests()
		}
	}
	ctxWait(6) // six more probe cycles of the restarted daemon
	acc := sink.delivered(t)
	if countPrefix(acc, "trigger") != 1 || countPrefix(acc, "resolve") != 1 || !strings.HasPrefix(acc[0], "trigger") {
		t.Fatalf("accepted %v: want exactly one trigger then one resolve", acc)
	}
	if strings.TrimPrefix(acc[0], "trigger ") != strings.TrimPrefix(acc[1], "resolve ") {
		t.Fatalf("trigger and resolve carry different keys: %v", acc)
	}
	if a := node.ActionRequests(); len(a) != 0 {
		t.Fatalf("action paths requested: %v", a)
	}
}

// kill9Config writes the configuration of a kill -9 test: the fake node
// probed every 500ms, down after 1s, the sink table, a short backoff. It
// returns its path and the listen address.
func kill9Config(t *testing.T, node *fakenode.Node, table string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	listen := freePort(t)
	cfgPath := filepath.Join(dir, "lpwatch.toml")
	cfg := fmt.Sprintf(`[server]
listen = %q
[state]
dir = %q
[log]
format = "json"
[[node]]
name = "tc001"
url = %q
expected_address = %q
interval = "500ms"
timeout = "400ms"
[chain]
urls = []
[checks]
node_down_for = "1s"
[alert]
backoff_initial = "100ms"
backoff_max = "300ms"
%s[host]
enabled = false
`, listen, filepath.Join(dir, "state"), node.URL(), fakenode.DefaultAddress, table)
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	return cfgPath, listen
}

// testAlertConfig writes a configuration for `lpwatch test-alert` with the
// sink table (its min_severity lowered to info, so that the test alert
// passes) and returns its path.
func testAlertConfig(t *testing.T, table string) string {
	t.Helper()
	cfg := filepath.Join(t.TempDir(), "lpwatch.toml")
	text := `[[node]]
name = "tc001"
url = "http://127.0.0.1:7935"
expected_address = "0x0000000000000000000000000000000000000001"
[alert]
source = "orch-1"
` + strings.Replace(table, `min_severity = "critical"`, `min_severity = "info"`, 1)
	if err := os.WriteFile(cfg, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// pendingNotifications reads the outbox depth from a running daemon's
// /status (-1 when it cannot be read yet).
func pendingNotifications(t *testing.T, listen string) int {
	t.Helper()
	var st status.Report
	if err := (daemonAPI{addr: "http://" + listen}).call(t.Context(), "GET", "/status", nil, &st); err != nil {
		return -1
	}
	return st.Delivery.Pending
}
