package daemon

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	logtest "github.com/sirupsen/logrus/hooks/test"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// captureSink records every notification it accepts.
type captureSink struct{ ch chan *alert.Notification }

func (c *captureSink) Name() string { return "capture" }
func (c *captureSink) Type() string { return "log" }
func (c *captureSink) Notify(_ context.Context, n *alert.Notification) error {
	c.ch <- n
	return nil
}

type harness struct {
	t     *testing.T
	stop  func() // stops the daemon and waits for it (also run at cleanup)
	clk   *clock.Fake
	d     *Daemon
	sink  *captureSink
	base  string
	reg   *prometheus.Registry
	path  string
	start time.Time
}

func testConfig(dir string, nodes ...config.Node) *config.Config {
	cfg := config.Default()
	cfg.State.Dir = dir
	cfg.Chain.URLs = nil
	cfg.Nodes = nodes
	cfg.Host.Enabled = false
	cfg.Alert.Sinks = []config.Sink{{Name: "capture", Type: "log", MinSeverity: "info", SendResolved: true, Timeout: time.Second}}
	return cfg
}

func nodeCfg(name, url string) config.Node {
	return config.Node{Name: name, URL: url, API: "auto", ExpectedAddress: config.ParseAddress(fakenode.DefaultAddress),
		SystemdUnit: "livepeer.service", Interval: 10 * time.Second, Timeout: 2 * time.Second, Metrics: "auto"}
}

func startDaemon(t *testing.T, cfg *config.Config, path string) *harness {
	t.Helper()
	sink := &captureSink{ch: make(chan *alert.Notification, 100)}
	log, _ := logtest.NewNullLogger()
	h := startDaemonWith(t, cfg, Options{ConfigPath: path, Logger: log, HTTPClient: &http.Client{},
		Sinks: func(*config.Config) (map[string]alert.Sink, error) {
			return map[string]alert.Sink{"capture": sink}, nil
		}})
	h.sink = sink
	return h
}

// startDaemonWith runs a daemon on a fake clock with the given options
// (clock, registry, listener and config are filled in).
func startDaemonWith(t *testing.T, cfg *config.Config, o Options) *harness {
	t.Helper()
	return startDaemonAt(t, cfg, time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), o)
}

// startDaemonAt is startDaemonWith on a fake clock that starts at start.
func startDaemonAt(t *testing.T, cfg *config.Config, start time.Time, o Options) *harness {
	t.Helper()
	clk := clock.NewFake(start)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	o.Config, o.Clock, o.Registry, o.Listener, o.EvalInterval = cfg, clk, reg, ln, time.Second
	d, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("daemon: %v", err)
				}
			case <-time.After(10 * time.Second):
				t.Error("daemon did not stop")
			}
		})
	}
	t.Cleanup(stop)
	return &harness{t: t, clk: clk, d: d, stop: stop, base: "http://" + ln.Addr().String(), reg: reg, path: o.ConfigPath, start: clk.Now()}
}

// waitFor advances the fake clock a second at a time until cond holds,
// giving the daemon's goroutines a moment between steps. The real-time
// bound only stops a broken test.
func (h *harness) waitFor(what string, cond func() bool) {
	h.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			h.t.Fatalf("timed out waiting for %s (fake time %s)", what, h.clk.Now().Sub(h.start))
		}
		h.clk.Advance(time.Second)
		time.Sleep(5 * time.Millisecond) // pacing only: the outcome is the condition
	}
}

// notification waits for the next notification, advancing the clock.
func (h *harness) notification() *alert.Notification {
	h.t.Helper()
	var got *alert.Notification
	h.waitFor("a notification", func() bool {
		select {
		case got = <-h.sink.ch:
			return true
		default:
			return false
		}
	})
	return got
}

func (h *harness) health() (int, status.HealthReport) {
	h.t.Helper()
	resp, err := http.Get(h.base + "/health")
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	var rep status.HealthReport
	if err := json.NewDecoder(resp.Body).Decode(&rep); err != nil {
		h.t.Fatal(err)
	}
	return resp.StatusCode, rep
}

func TestNodeDownAndBackEveryGeneration(t *testing.T) {
	for _, gen := range nodeapi.Generations() {
		t.Run(string(gen), func(t *testing.T) {
			node := fakenode.New(gen)
			if _, err := node.Start(); err != nil {
				t.Fatal(err)
			}
			defer node.Close()
			h := startDaemon(t, testConfig(t.TempDir(), nodeCfg("tc001", node.URL())), "")
			h.waitFor("/health 200", func() bool { code, _ := h.health(); return code == http.StatusOK })

			node.Stop()
			h.waitFor("/health 503", func() bool { code, _ := h.health(); return code == http.StatusServiceUnavailable })
			stopped := h.clk.Now()
			n := h.notification()
			if n.Alert != alert.LivepeerNodeDown || n.Status != alert.StatusFiring || n.Severity != alert.SeverityCritical {
				t.Fatalf("got %s %s %s, want LivepeerNodeDown firing critical", n.Alert, n.Status, n.Severity)
			}
			if waited := h.clk.Now().Sub(stopped); waited < time.Minute-10*time.Second {
				t.Errorf("fired after %s of fake time, before node_down_for (1m)", waited)
			}
			if !strings.Contains(n.Description, "connection_refused") {
				t.Errorf("reason %q does not say why", n.Description)
			}
			_, rep := h.health()
			if !hasCheck(rep, alert.LivepeerNodeDown, "critical") || !hasCheck(rep, alert.LivepeerNodeIdentityMismatch, "unknown") {
				t.Errorf("health body: %+v", rep.Checks)
			}

			if err := node.Restart(); err != nil {
				t.Fatal(err)
			}
			r := h.notification()
			if r.Alert != alert.LivepeerNodeDown || r.Status != alert.StatusResolved || r.Seq <= n.Seq {
				t.Fatalf("got %s %s seq %d, want the resolve after seq %d", r.Alert, r.Status, r.Seq, n.Seq)
			}
			h.waitFor("/health 200 again", func() bool { code, _ := h.health(); return code == http.StatusOK })
			if a := node.ActionRequests(); len(a) != 0 {
				t.Fatalf("lpwatch requested action paths: %v", a)
			}
			select {
			case extra := <-h.sink.ch:
				t.Fatalf("unexpected extra notification %s %s", extra.Alert, extra.Status)
			default:
			}
		})
	}
}

func hasCheck(rep status.HealthReport, check, state string) bool {
	for _, c := range rep.Checks {
		if c.Check == check && c.State == state {
			return true
		}
	}
	return false
}

func TestBadAnswersAreProbeFailuresWithReasons(t *testing.T) {
	cases := []struct {
		name   string
		fault  fakenode.Fault
		reason string
	}{
		{"garbage", fakenode.Garbage(), "decode"},
		{"empty", fakenode.Empty(), "empty_body"},
		{"500", fakenode.Status(500, "missing ETH client"), "http_500"},
		{"50MB", fakenode.Huge(), "body_too_large"},
		{"hang", fakenode.Hang(), "timeout"},
	}
	node := fakenode.New(nodeapi.Current)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	defer node.Close()
	cfg := testConfig(t.TempDir(), nodeCfg("tc001", node.URL()))
	cfg.Nodes[0].API = "current"
	h := startDaemon(t, cfg, "")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			node.ClearFaults()
			h.waitFor("node healthy", func() bool { o, ok := h.d.Store().Snapshot().Node("tc001"); return ok && o.Err == nil })
			node.SetFault(nodeapi.PathOrchestratorInfo, c.fault)
			h.waitFor("probe failure "+c.reason, func() bool {
				o, ok := h.d.Store().Snapshot().Node("tc001")
				return ok && o.Err != nil && o.Reason == c.reason
			})
			h.waitFor("/health 503 while the node fails", func() bool {
				code, _ := h.health()
				return code == http.StatusServiceUnavailable
			})
		})
	}
	node.ClearFaults()
	if a := node.ActionRequests(); len(a) != 0 {
		t.Fatalf("lpwatch requested action paths: %v", a)
	}
}

func TestSeveralNodesAndMetrics(t *testing.T) {
	a, b := fakenode.New(nodeapi.Current), fakenode.New(nodeapi.Legacy)
	for _, n := range []*fakenode.Node{a, b} {
		if _, err := n.Start(); err != nil {
			t.Fatal(err)
		}
		defer n.Close()
	}
	b.SetActive(false)
	h := startDaemon(t, testConfig(t.TempDir(), nodeCfg("a", a.URL()), nodeCfg("b", b.URL())), "")
	n := h.notification()
	if n.Alert != alert.TranscoderInactive || n.Target != "b" {
		t.Fatalf("got %s/%s, want TranscoderInactive/b", n.Alert, n.Target)
	}
	for _, want := range []string{"lpwatch_build_info", "lpwatch_probe_success", "lpwatch_probe_duration_seconds",
		"lpwatch_check_status", "lpwatch_alerts_firing", "lpwatch_reward_last_round", "lpwatch_eth_balance_ether",
		"lpwatch_config_last_reload_successful", "lpwatch_notifications_total", "lpwatch_notification_queue_depth"} {
		h.waitFor("metric "+want, func() bool {
			c, err := testutil.GatherAndCount(h.reg, want)
			if err != nil {
				t.Fatalf("gather %s: %v", want, err)
			}
			return c > 0
		})
	}
	if got := metricValue(t, h, "lpwatch_check_status", "check", alert.TranscoderInactive, "target", "b", "state", "warning"); got != 1 {
		t.Errorf("check_status{b,warning} = %v", got)
	}
}

func TestReloadKeepsLastGoodConfig(t *testing.T) {
	node := fakenode.New(nodeapi.Current)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	defer node.Close()
	dir := t.TempDir()
	path := filepath.Join(dir, "lpwatch.toml")
	good := func(names ...string) string {
		var b strings.Builder
		fmt.Fprintf(&b, "[state]\ndir = %q\n[[alert.sink]]\nname = \"capture\"\ntype = \"log\"\n", filepath.Join(dir, "state"))
		for _, n := range names {
			fmt.Fprintf(&b, "[[node]]\nname = %q\nurl = %q\nexpected_address = %q\n", n, node.URL(), fakenode.DefaultAddress)
		}
		return b.String()
	}
	if err := os.WriteFile(path, []byte(good("tc001")), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := loadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	h := startDaemon(t, cfg, path)
	h.waitFor("first probe", func() bool { _, ok := h.d.Store().Snapshot().Node("tc001"); return ok })

	if err := os.WriteFile(path, []byte(good("tc001")+"bogus = 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(h.base+"/-/reload", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("bad reload answered %d", resp.StatusCode)
	}
	if v := metricValue(t, h, "lpwatch_config_last_reload_successful"); v != 0 {
		t.Errorf("lpwatch_config_last_reload_successful = %v after a bad reload", v)
	}
	if got := len(h.d.config().Nodes); got != 1 {
		t.Fatalf("running config changed: %d nodes", got)
	}

	if err := os.WriteFile(path, []byte(good("tc001", "tc002")), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := h.d.Reload(context.Background()); err != nil {
		t.Fatalf("good reload: %v", err)
	}
	if v := metricValue(t, h, "lpwatch_config_last_reload_successful"); v != 1 {
		t.Errorf("lpwatch_config_last_reload_successful = %v after a good reload", v)
	}
	h.waitFor("second node probed", func() bool { _, ok := h.d.Store().Snapshot().Node("tc002"); return ok })
}
