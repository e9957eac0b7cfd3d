package outbox

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/sirupsen/logrus"
	"github.com/sirupsen/logrus/hooks/test"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

// harness is an Outbox on a fake clock with its events, logs and metrics.
type harness struct {
	t      *testing.T
	dir    string
	clk    *clock.Fake
	reg    *prometheus.Registry
	log    *logrus.Logger
	hook   *test.Hook
	ob     *Outbox
	events chan Attempt
	stop   func()
}

// newHarness opens dir (a new temp dir when "") on clk (a new fake clock
// at T0 when nil). Jitter is pinned to its middle (factor 1).
func newHarness(t *testing.T, dir string, clk *clock.Fake, mod func(*Options)) *harness {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	if clk == nil {
		clk = clock.NewFake(alerttest.T0())
	}
	log, hook := alerttest.NewLogger()
	h := &harness{t: t, dir: dir, clk: clk, reg: prometheus.NewRegistry(), log: log, hook: hook,
		events: make(chan Attempt, 10000), stop: func() {}}
	opts := Options{Clock: clk, Logger: log, Registerer: h.reg, Rand: func() float64 { return 0.5 },
		OnAttempt: func(a Attempt) { h.events <- a }}
	if mod != nil {
		mod(&opts)
	}
	ob, err := Open(dir, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	h.ob = ob
	t.Cleanup(func() { h.close() })
	return h
}

// run starts Run with the sinks; close stops it.
func (h *harness) run(sinks ...alert.Sink) {
	m := map[string]alert.Sink{}
	for _, s := range sinks {
		m[s.Name()] = s
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- h.ob.Run(ctx, m) }()
	h.stop = func() {
		cancel()
		if err := <-done; err != nil {
			h.t.Errorf("Run: %v", err)
		}
		h.stop = func() {}
	}
}

// close stops Run and closes the outbox (once).
func (h *harness) close() {
	h.stop()
	if h.ob != nil {
		if err := h.ob.Close(); err != nil {
			h.t.Errorf("Close: %v", err)
		}
		h.ob = nil
	}
}

func (h *harness) enqueue(n *alert.Notification, sinks ...string) {
	h.t.Helper()
	if err := h.ob.Enqueue(context.Background(), n, sinks); err != nil {
		h.t.Fatalf("Enqueue %s: %v", n.ID, err)
	}
}

// drive advances the fake clock by step whenever Run is idle on it (see
// idle), until n attempts matching want have been reported; it returns
// every attempt seen. It fails the test after alerttest.WaitLimit.
func (h *harness) drive(step time.Duration, n int, want func(Attempt) bool) []Attempt {
	h.t.Helper()
	limit := time.NewTimer(alerttest.WaitLimit)
	defer limit.Stop()
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	var all []Attempt
	matched := 0
	take := func(a Attempt) {
		all = append(all, a)
		if want(a) {
			matched++
		}
	}
	for matched < n {
		stop := make(chan struct{})
		parked := make(chan bool, 1)
		go func() { parked <- h.idle(stop) }()
		select {
		case a := <-h.events:
			close(stop)
			<-parked
			take(a)
		case ok := <-parked:
			if ok {
				h.clk.Advance(step)
			}
		case <-tick.C: // look again: what is busy may have changed
			close(stop)
			<-parked
		case <-limit.C:
			close(stop)
			h.t.Fatalf("after %d attempts, %d of %d wanted ones; logs:\n%s", len(all), matched, n, strings.Join(alerttest.LogTexts(h.hook), "\n"))
		}
	}
	return all
}

// idle waits until every goroutine of Run that has something to do is
// parked on the fake clock, and reports true, or until stop is closed
// (false). Those are the worker of each sink with pending records (idle,
// it always waits on a timer: at the latest the records' max age) and the
// save loop while the directory has a backlog. Advancing the clock as
// soon as any one of them is parked let time run while another sink's
// attempt was still on its way: under load a whole outage could pass
// before that sink's first attempt. The count is taken once; the callers
// look again on their tick, as it only falls when an attempt ends or a
// backlog clears.
func (h *harness) idle(stop <-chan struct{}) bool {
	o := h.ob
	o.mu.Lock()
	n := 0
	for name, q := range o.queues {
		if o.running[name] && len(q.entries) > 0 {
			n++
		}
	}
	if o.storage.err != "" {
		n++
	}
	o.mu.Unlock()
	return h.clk.BlockUntil(stop, max(n, 1))
}

func isResult(r string) func(Attempt) bool { return func(a Attempt) bool { return a.Result == r } }

func isFinal(a Attempt) bool { return a.Result != ResultRetry }

// counter reads lpwatch_notifications_total{sink,result}.
func (h *harness) counter(sink, result string) float64 {
	return testutil.ToFloat64(h.ob.metrics.total.WithLabelValues(sink, result))
}

// files lists the outbox directory's file names, sorted, but the lock and
// the write probe, which the save loop writes and removes while the
// directory fails (it may be there at any moment then).
func (h *harness) files() []string {
	h.t.Helper()
	es, err := os.ReadDir(h.dir)
	if err != nil {
		h.t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		if e.Name() != lockName && e.Name() != probeName {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

// errorLogs returns the error-level log lines.
func (h *harness) errorLogs() []string {
	var out []string
	for _, e := range h.hook.AllEntries() {
		if e.Level == logrus.ErrorLevel {
			out = append(out, alerttest.EntryText(e))
		}
	}
	return out
}

// writeRaw puts a file into the outbox directory as a crash might leave it.
func writeRaw(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// sinkFunc is a sink named name whose Notify is fn.
func sinkFunc(name string, fn func(context.Context, *alert.Notification) error) alert.Sink {
	return alerttest.SinkFunc{SinkName: name, SinkType: "func", Fn: fn}
}

// until advances the fake clock by step whenever Run is idle on it (see
// idle), until cond holds; it fails the test after alerttest.WaitLimit.
func (h *harness) until(step time.Duration, what string, cond func() bool) {
	h.t.Helper()
	limit := time.NewTimer(alerttest.WaitLimit)
	defer limit.Stop()
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for !cond() {
		stop := make(chan struct{})
		parked := make(chan bool, 1)
		go func() { parked <- h.idle(stop) }()
		select {
		case ok := <-parked:
			if ok {
				h.clk.Advance(step)
			}
		case <-tick.C:
			close(stop)
			<-parked
		case <-limit.C:
			close(stop)
			<-parked
			h.t.Fatalf("timed out waiting for %s; logs:\n%s", what, strings.Join(alerttest.LogTexts(h.hook), "\n"))
		}
	}
}
