package heartbeat_test

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/common/expfmt"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/heartbeat"
)

// world is a Pinger against a receiver, with the liveness and delivery
// state the test sets.
type world struct {
	p    *heartbeat.Pinger
	recv *receiver
	reg  *prometheus.Registry
	clk  *clock.Fake
	logs *bytes.Buffer
	cfg  config.Heartbeat

	mu      sync.Mutex
	alive   bool
	undeliv string
	reads   int // calls of Config
}

func newWorld(t *testing.T, cfg func(base string) config.Heartbeat) *world {
	t.Helper()
	w := &world{recv: newReceiver(t), reg: prometheus.NewPedanticRegistry(), clk: clock.NewFake(time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)),
		logs: &bytes.Buffer{}, alive: true}
	w.cfg = cfg(w.recv.srv.URL)
	log := logrus.New()
	log.SetOutput(w.logs)
	log.SetLevel(logrus.DebugLevel)
	p, err := heartbeat.New(heartbeat.Options{Client: w.recv.srv.Client(), Clock: w.clk, Logger: log, Registerer: w.reg,
		Config: func() config.Heartbeat {
			w.mu.Lock()
			defer w.mu.Unlock()
			w.reads++
			return w.cfg
		},
		Alive: func() (time.Duration, bool) {
			w.mu.Lock()
			defer w.mu.Unlock()
			return 5 * time.Minute, w.alive
		},
		Undeliverable: func(time.Time) string {
			w.mu.Lock()
			defer w.mu.Unlock()
			return w.undeliv
		}})
	if err != nil {
		t.Fatal(err)
	}
	w.p = p
	return w
}

func (w *world) configReads() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.reads
}

func (w *world) set(alive bool, undeliverable string) {
	w.mu.Lock()
	w.alive, w.undeliv = alive, undeliverable
	w.mu.Unlock()
}

// tick runs one decision and returns the request it made, if any.
func (w *world) tick(t *testing.T) (ping, bool) {
	t.Helper()
	w.clk.Advance(w.cfg.Interval)
	w.p.Tick(context.Background(), w.cfg)
	select {
	case p := <-w.recv.got:
		return p, true
	default:
		return ping{}, false
	}
}

// TestPingsSayWhatLpwatchCanDo: the start ping at start, then at each
// tick the success URL while lpwatch is alive and a sink delivers, its
// /fail with the reason as the body while none does, and success again
// once one does; nothing while the scheduler is stalled. Paths keep the
// URL's query; a fail_url replaces the derived /fail.
func TestPingsSayWhatLpwatchCanDo(t *testing.T) {
	const uuid = "5f2c1e8a-0d9b-4c1e-9f00-planted0uuid"
	w := newWorld(t, func(base string) config.Heartbeat {
		return config.Heartbeat{URL: config.Secret(base + "/ping/" + uuid + "?rid=7"), Start: true, Interval: time.Minute, Timeout: 5 * time.Second}
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.p.Run(ctx) }()
	if got := w.recv.next(t); got.method != "GET" || got.path != "/ping/"+uuid+"/start?rid=7" || got.body != "" {
		t.Errorf("start ping %+v", got)
	}
	waitTicks(t, w.reg, 1)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if st := w.p.Status(); st.State != heartbeat.StatePending || st.LastPingKind != heartbeat.PingStart || st.URL != w.recv.srv.URL {
		t.Errorf("status after the start ping %+v", st)
	}

	for i, c := range []struct {
		alive   bool
		undeliv string
		want    *ping // nil: no request
		state   string
	}{
		{true, "", &ping{method: "GET", path: "/ping/" + uuid + "?rid=7"}, heartbeat.StateOK},
		{true, "every sink has failed for 10m0s (pd: http_500)", &ping{method: "POST", path: "/ping/" + uuid + "/fail?rid=7",
			body: "every sink has failed for 10m0s (pd: http_500)", contentType: "text/plain; charset=utf-8"}, heartbeat.StateFailing},
		{true, "every sink has failed for 10m0s (pd: http_500)", &ping{method: "POST", path: "/ping/" + uuid + "/fail?rid=7",
			body: "every sink has failed for 10m0s (pd: http_500)", contentType: "text/plain; charset=utf-8"}, heartbeat.StateFailing},
		{true, "", &ping{method: "GET", path: "/ping/" + uuid + "?rid=7"}, heartbeat.StateOK},
		{false, "", nil, heartbeat.StateWithheld},
		{false, "every sink failed", nil, heartbeat.StateWithheld}, // stalled: not even /fail
		{true, "", &ping{method: "GET", path: "/ping/" + uuid + "?rid=7"}, heartbeat.StateOK},
	} {
		w.set(c.alive, c.undeliv)
		got, sent := w.tick(t)
		switch {
		case c.want == nil && sent:
			t.Errorf("tick %d: sent %+v while the scheduler is stalled", i, got)
		case c.want != nil && (!sent || got != *c.want):
			t.Errorf("tick %d: sent %v %+v, want %+v", i, sent, got, *c.want)
		}
		if st := w.p.Status(); st.State != c.state {
			t.Errorf("tick %d: state %q, want %q (%+v)", i, st.State, c.state, st)
		}
	}
	st := w.p.Status()
	if !st.LastSuccess.Equal(w.clk.Now()) || st.Interval != time.Minute {
		t.Errorf("status %+v, want the last success now", st)
	}
	for _, c := range []struct {
		labels []string
		want   float64
	}{
		{[]string{"ping=start", "result=sent"}, 1}, {[]string{"ping=success", "result=sent"}, 3},
		{[]string{"ping=fail", "result=sent"}, 2}, {[]string{"result=withheld"}, 2}, {[]string{"result=error"}, 0},
	} {
		if got := pingCount(t, w.reg, c.labels...); got != c.want {
			t.Errorf("pings %v = %v, want %v", c.labels, got, c.want)
		}
	}

	// The fail URL of a service without /fail; an answer that is no 2xx.
	w.cfg.FailURL = config.Secret(w.recv.srv.URL + "/down/" + uuid)
	w.set(true, "no sink delivers")
	if got, _ := w.tick(t); got.method != "POST" || got.path != "/down/"+uuid || got.body != "no sink delivers" {
		t.Errorf("fail_url ping %+v", got)
	}
	w.recv.answer(404)
	w.set(true, "")
	w.tick(t)
	if st := w.p.Status(); st.State != heartbeat.StateError || !strings.Contains(st.Reason, "success ping not accepted: answered 404") {
		t.Errorf("status after a 404 %+v", st)
	}
	if got := pingCount(t, w.reg, "ping=success", "result=error"); got != 1 {
		t.Errorf("failed success pings = %v, want 1", got)
	}

	// The service is unreachable: the error names it by host only.
	w.cfg.URL = config.Secret("http://127.0.0.1:1/ping/" + uuid)
	w.tick(t)
	st = w.p.Status()
	if st.State != heartbeat.StateError || st.URL != "http://127.0.0.1:1" {
		t.Errorf("status when unreachable %+v", st)
	}
	var metrics bytes.Buffer
	mfs, err := w.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if _, err := expfmt.MetricFamilyToText(&metrics, mf); err != nil {
			t.Fatal(err)
		}
	}
	for what, text := range map[string]string{"logs": w.logs.String(), "status": st.Reason + st.URL, "metrics": metrics.String()} {
		if strings.Contains(text, uuid) || strings.Contains(text, "/ping/") {
			t.Errorf("the heartbeat URL's secret leaked into the %s: %s", what, text)
		}
	}
	if !strings.Contains(w.logs.String(), "heartbeat ping failed") {
		t.Errorf("the failures were not logged:\n%s", w.logs.String())
	}
}

// TestNewNeedsItsDependencies: a Pinger without a client, clock, config,
// liveness or delivery state is refused, naming what is missing.
func TestNewNeedsItsDependencies(t *testing.T) {
	_, err := heartbeat.New(heartbeat.Options{})
	if err == nil || !strings.Contains(err.Error(), "missing [client clock config alive undeliverable]") {
		t.Errorf("New without dependencies: %v", err)
	}
}

// TestRunFollowsReloads: without a URL Run holds no ticker; a reload that
// sets one starts the pings (no start ping: that is only at start), one
// that removes it stops them.
func TestRunFollowsReloads(t *testing.T) {
	w := newWorld(t, func(string) config.Heartbeat { return config.Heartbeat{Interval: time.Minute, Start: false} })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.p.Run(ctx) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	deadline := time.Now().Add(waitLimit)
	for w.configReads() == 0 { // Run read the configuration it starts with
		if time.Now().After(deadline) {
			t.Fatal("Run never read its configuration")
		}
		time.Sleep(time.Millisecond) // pacing between polls of the condition
	}
	if n := w.clk.Waiters(); n != 0 {
		t.Fatalf("%d timers held without a URL", n)
	}
	reload := func(h config.Heartbeat) {
		w.mu.Lock()
		w.cfg = h
		w.mu.Unlock()
		w.p.Reconfigure()
	}
	reload(config.Heartbeat{URL: config.Secret(w.recv.srv.URL + "/ping/x"), Start: true, Interval: 2 * time.Minute, Timeout: time.Second})
	if !w.clk.BlockUntil(ctx.Done(), 1) {
		t.Fatal("no ticker after the URL was set")
	}
	w.clk.Advance(2 * time.Minute)
	if got := w.recv.next(t); got.path != "/ping/x" {
		t.Errorf("first ping after the reload %+v, want the success ping (no start ping on reload)", got)
	}
	reload(config.Heartbeat{Interval: time.Minute})
	deadline = time.Now().Add(waitLimit)
	for w.clk.Waiters() != 0 {
		if time.Now().After(deadline) {
			t.Fatal("the ticker outlived the URL")
		}
		time.Sleep(time.Millisecond) // pacing between polls of the condition
	}
}
