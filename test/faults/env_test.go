package faults

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/outbox"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/daemon"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/soak"
	"github.com/lpwatch/lpwatch/pkg/watchdog"
)

// waitLimit bounds every wait on real time. Reaching it fails the test; it
// never decides an outcome.
const waitLimit = 60 * time.Second

// startTime is the fake clock's start.
var startTime = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// envOptions shape a row's daemon before it starts.
type envOptions struct {
	// legacy runs the fake node with the 2018 API.
	legacy bool
	// sinkTimeout bounds one delivery attempt (real time); 0 means 2s.
	sinkTimeout time.Duration
	// keys are extra TOML keys per section ("remediation", "chain", ...).
	keys map[string][]string
	// units connects the remediation ladder to systemd; nil means the
	// system bus, as in production.
	units func(ctx context.Context) (watchdog.UnitManager, error)
	// chainURLs, when positive, runs a simulated chain behind that many
	// (1 or 2) fault proxies listed in chain.urls.
	chainURLs int
	// prepare runs on the empty state directory before lpwatch starts.
	prepare func(t *testing.T, stateDir string)
}

// env is one running lpwatch on a fake clock, with one fake node and two
// webhook sinks: "pager", where sink faults are injected, and "backup",
// which always works.
type env struct {
	t        *testing.T
	clk      *clock.Fake
	dir      string
	stateDir string
	path     string
	node     *fakenode.Node
	// nodeSrv serves node: Stop and Restart it to take the API down.
	nodeSrv *soak.Server
	pager   *sinkServer
	backup  *sinkServer
	// chain is the simulated chain of rows with chainURLs; nil otherwise.
	chain  *chainRig
	d      *daemon.Daemon
	reg    *prometheus.Registry
	logs   *soak.LockedBuffer
	base   string
	cancel context.CancelFunc
	done   chan error
}

// newEnv builds the fake node, the sinks and lpwatch itself (New), not yet running.
func newEnv(t *testing.T, o envOptions) *env {
	t.Helper()
	clk := clock.NewFake(startTime)
	e := &env{t: t, clk: clk, dir: t.TempDir(), logs: &soak.LockedBuffer{}}
	e.stateDir = filepath.Join(e.dir, "state")
	gen := nodeapi.Current
	if o.legacy {
		gen = nodeapi.Legacy
	}
	e.node = fakenode.New(gen)
	e.nodeSrv = soak.MustServe(t, e.node)
	e.pager, e.backup = newSinkServer(t, clk), newSinkServer(t, clk)
	if o.chainURLs > 0 {
		e.chain = newChainRig(t, e.node)
	}
	if err := os.MkdirAll(e.stateDir, 0o750); err != nil {
		t.Fatal(err)
	}
	if o.prepare != nil {
		o.prepare(t, e.stateDir)
	}
	e.path = filepath.Join(e.dir, "lpwatch.toml")
	e.writeConfig(o, "")
	cfg, err := config.Load(e.path)
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	log := logrus.New()
	log.SetOutput(e.logs)
	log.SetFormatter(&logrus.JSONFormatter{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	e.base = "http://" + ln.Addr().String()
	e.reg = prometheus.NewRegistry()
	e.d, err = daemon.New(daemon.Options{ConfigPath: e.path, Config: cfg, Logger: log, Clock: clk,
		Registry: e.reg, Listener: ln, Units: o.units, EvalInterval: time.Second, Version: "faults"})
	if err != nil {
		_ = ln.Close()
		t.Fatalf("daemon.New: %v", err)
	}
	return e
}

// writeConfig writes the configuration file; extra is appended verbatim.
func (e *env) writeConfig(o envOptions, extra string) {
	e.t.Helper()
	timeout := o.sinkTimeout
	if timeout == 0 {
		timeout = 2 * time.Second
	}
	sections := []struct{ name, body string }{
		{"server", `listen = "127.0.0.1:9717"`},
		{"state", fmt.Sprintf("dir = %q", e.stateDir)},
		{"chain", e.chainKeys(o)},
		{"checks", ""},
		{"alert", "source = \"faults\"\nbackoff_initial = \"1s\"\nbackoff_max = \"30s\""},
		{"remediation", ""},
		{"host", "enabled = false"},
	}
	var b strings.Builder
	for _, s := range sections {
		fmt.Fprintf(&b, "[%s]\n", s.name)
		if s.body != "" {
			b.WriteString(s.body + "\n")
		}
		for _, k := range o.keys[s.name] {
			b.WriteString(k + "\n")
		}
	}
	fmt.Fprintf(&b, "[[node]]\nname = \"tc001\"\nurl = %q\nexpected_address = %q\ninterval = \"10s\"\ntimeout = \"2s\"\n",
		e.nodeSrv.URL(), fakenode.DefaultAddress)
	for _, s := range []*sinkServer{e.pager, e.backup} {
		name := "pager"
		if s == e.backup {
			name = "backup"
		}
		fmt.Fprintf(&b, "[[alert.sink]]\nname = %q\ntype = \"webhook\"\nurl = %q\nmin_severity = \"info\"\ntimeout = %q\n",
			name, s.URL(), timeout.String())
	}
	b.WriteString(extra)
	if err := os.WriteFile(e.path, []byte(b.String()), 0o600); err != nil {
		e.t.Fatal(err)
	}
}

// chainKeys is the [chain] section's base.
func (e *env) chainKeys(o envOptions) string {
	if e.chain == nil {
		return "urls = []"
	}
	return e.chain.toml(o.chainURLs)
}

// start runs lpwatch until stop.
func (e *env) start() {
	ctx, cancel := context.WithCancel(context.Background())
	e.cancel, e.done = cancel, make(chan error, 1)
	go func() { e.done <- e.d.Run(ctx) }()
}

// stop ends Run and fails the test when it errs or does not return.
func (e *env) stop() {
	e.t.Helper()
	if e.cancel == nil {
		return
	}
	e.cancel()
	e.cancel = nil
	select {
	case err := <-e.done:
		if err != nil {
			e.t.Errorf("daemon Run: %v", err)
		}
	case <-time.After(waitLimit):
		e.t.Error("daemon did not stop")
	}
}

// close stops lpwatch and everything it talks to.
func (e *env) close() {
	e.stop()
	e.nodeSrv.Stop()
	e.node.Close()
	e.pager.Close()
	e.backup.Close()
	if e.chain != nil {
		e.chain.close()
	}
}

// step advances the fake clock by one second, waits until lpwatch has
// evaluated its checks at the new time, and until no request to the node
// or a sink is in flight: the fake clock stands still while real I/O
// (latency, hangs, timeouts) happens, so that a hang of two real seconds
// does not let fake hours pass.
func (e *env) step() {
	e.t.Helper()
	before := e.evaluations()
	e.clk.Advance(time.Second)
	waitUntil(e.t, "an evaluation", func() bool { return e.evaluations() > before })
	waitUntil(e.t, "requests in flight to end", func() bool {
		return !e.nodeSrv.Busy() && !e.pager.Busy() && !e.backup.Busy() && (e.chain == nil || !e.chain.busy())
	})
}

// waitFor steps the fake clock until cond holds. The real-time limit only
// stops a broken test.
func (e *env) waitFor(what string, cond func() bool) {
	e.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !cond() {
		if time.Now().After(deadline) {
			e.t.Fatalf("timed out waiting for %s (fake time +%s)\n%s", what, e.clk.Now().Sub(startTime), e.describe())
		}
		e.step()
	}
}

// holdProbes steps the fake clock for at least d and until n more node
// probes completed, failing as soon as cond stops holding. Probes take
// real time (the node's latency, the probe timeout), so the fake clock
// alone cannot say that they ran.
func (e *env) holdProbes(what string, n int, d time.Duration, cond func() bool) {
	e.t.Helper()
	end := e.clk.Now().Add(d)
	last, seen := e.probedAt(), 0
	deadline := time.Now().Add(waitLimit)
	for seen < n || e.clk.Now().Before(end) {
		if !cond() {
			e.t.Fatalf("%s stopped holding at fake time +%s\n%s", what, e.clk.Now().Sub(startTime), e.describe())
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("%s: only %d of %d probes completed", what, seen, n)
		}
		e.step()
		if at := e.probedAt(); at.After(last) {
			last, seen = at, seen+1
		}
	}
}

// probedAt is when the node's last completed probe began.
func (e *env) probedAt() time.Time {
	o, _ := e.d.Store().Snapshot().Node(node1)
	return o.At
}

// evaluations reads lpwatch_evaluations_total.
func (e *env) evaluations() float64 { return e.metric("lpwatch_evaluations_total", nil) }

// metric returns the value of the series of name whose labels include
// labels (0 when absent).
func (e *env) metric(name string, labels map[string]string) float64 {
	return gatherValue(e.t, e.reg, name, labels)
}

// checkState returns the state of check on target ("" when not evaluated).
func (e *env) checkState(check, target string) string {
	for _, c := range e.d.Health().Checks {
		if c.Check == check && c.Target == target {
			return c.State
		}
	}
	return ""
}

// healthy reports whether every check is ok, nothing is pending or firing
// and the outbox is empty.
func (e *env) healthy() bool {
	rep := e.d.Health()
	if rep.Status != "ok" || len(e.d.Engine().Alerts()) != 0 || e.pending() != 0 {
		return false
	}
	for _, c := range rep.Checks {
		if c.State != "ok" && !warmingUp(c.Check, c.State) {
			return false
		}
	}
	return true
}

// warmingUp reports a check that is unknown at first by design: the ETH
// runway needs days of balance history.
func warmingUp(check, state string) bool {
	return check == alert.EthRunwayShort && state == "unknown"
}

// delivery returns the outbox section of /status.
func (e *env) delivery() map[string]any {
	st, ok := e.d.Status().(daemon.StatusReport)
	if !ok {
		e.t.Fatalf("status is %T", e.d.Status())
	}
	m, _ := st.Delivery.(map[string]any)
	return m
}

// pending is the number of notifications waiting in the outbox.
func (e *env) pending() int {
	n, _ := e.delivery()["pending"].(int)
	return n
}

// sinkHealth returns the outbox's view of one sink, as /status shows it.
func (e *env) sinkHealth(sink string) outbox.SinkHealth {
	list, _ := e.delivery()["sinks"].([]outbox.SinkHealth)
	for _, h := range list {
		if h.Sink == sink {
			return h
		}
	}
	return outbox.SinkHealth{Sink: sink}
}

// httpCode returns the status code of GET path on lpwatch's listener.
func (e *env) httpCode(path string) int {
	e.t.Helper()
	resp, err := http.Get(e.base + path)
	if err != nil {
		e.t.Fatalf("GET %s: %v", path, err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// describe summarizes lpwatch's state for a failure message.
func (e *env) describe() string {
	var b strings.Builder
	for _, c := range e.d.Health().Checks {
		if c.State != "ok" && !warmingUp(c.Check, c.State) {
			fmt.Fprintf(&b, "  check %s/%s %s: %s\n", c.Check, c.Target, c.State, c.Reason)
		}
	}
	for _, a := range e.d.Engine().Alerts() {
		fmt.Fprintf(&b, "  alert %s/%s %s %s\n", a.Alert, a.Target, a.Phase, a.Reason)
	}
	fmt.Fprintf(&b, "  outbox pending %d\n", e.pending())
	for _, s := range []struct {
		name string
		srv  *sinkServer
	}{{"pager", e.pager}, {"backup", e.backup}} {
		var last string
		n := 0
		flush := func() {
			if n > 0 {
				fmt.Fprintf(&b, "  %s got %s x%d\n", s.name, last, n)
			}
		}
		for _, d := range s.srv.deliveries() {
			line := fmt.Sprintf("%s/%s %s seq %d: %d", d.p.Alert, d.p.Target, d.p.Status, d.p.Seq, d.status)
			if line != last {
				flush()
				last, n = line, 0
			}
			n++
		}
		flush()
	}
	return b.String()
}

// alertViews returns the engine's pending and firing alerts.
func (e *env) alertViews() []alert.View { return e.d.Engine().Alerts() }
