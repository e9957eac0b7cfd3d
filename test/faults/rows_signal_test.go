package faults

import (
	"syscall"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/soak"
)

// leakTolerance is how many more goroutines or file descriptors a child may
// have after a storm than before it: transient probe and delivery work.
// A leak per reload would show 50 or more.
const leakTolerance = 10

func signalRows() []row {
	return []row{
		{
			name: "sighup-storm", area: "signal", fault: "50 SIGHUP reloads in a row, then a burst of 50 more",
			want: want{fire: []ident{{alert.LivepeerNodeDown, node1}},
				note: "every reload succeeds; goroutines and open files back to their level before; /health 200; alerting still exact"},
			child: sighupStorm,
		},
		{
			name: "sigterm-during-delivery", area: "signal", fault: "SIGTERM while a trigger's delivery hangs at the sink",
			want: want{fire: []ident{{alert.LivepeerNodeDown, node1}},
				note: "exit 0 with the record kept on disk; after restart the trigger and then its resolve arrive once each"},
			child: sigtermDuringDelivery,
		},
	}
}

func sighupStorm(t *testing.T, c *children) {
	r := newRig(t, c)
	r.write(r.config(""))
	p := r.run(false)
	r.waitHealthy(p)
	goroutines, fds := r.level(t, "go_goroutines"), r.level(t, "process_open_fds")
	for i := 1; i <= 50; i++ {
		p.signal(syscall.SIGHUP)
		p.waitLog("configuration reloaded", i)
	}
	for i := 0; i < 50; i++ {
		p.signal(syscall.SIGHUP)
	}
	p.waitLog("configuration reloaded", 51)
	if n := p.count("reload refused") + p.count("reload failed"); n != 0 {
		t.Errorf("%d reloads failed", n)
	}
	waitUntil(t, "/health 200 after the storm", func() bool { return httpStatus(r.base()+"/health") == 200 })
	for _, m := range []struct {
		name string
		base float64
	}{{"go_goroutines", goroutines}, {"process_open_fds", fds}} {
		var now float64
		if !soak.PollUntil(waitLimit, func() bool { now = r.level(t, m.name); return now <= m.base+leakTolerance }) {
			t.Errorf("%s is %v after the storm, %v before it", m.name, now, m.base)
		}
	}
	if v, ok := scrape(t, r.base(), "lpwatch_config_last_reload_successful"); !ok || v != 1 {
		t.Errorf("lpwatch_config_last_reload_successful = %v (%v) after the storm", v, ok)
	}
	r.episode()
	p.signal(syscall.SIGTERM)
	if code := p.exitCode(); code != 0 {
		t.Errorf("lpwatch exited %d on SIGTERM", code)
	}
	p.checkClean()
}

// level reads a gauge of the child's /metrics, failing when it is absent.
func (r *rig) level(t *testing.T, name string) float64 {
	t.Helper()
	v, ok := scrape(t, r.base(), name)
	if !ok {
		t.Fatalf("%s missing from /metrics", name)
	}
	return v
}

func sigtermDuringDelivery(t *testing.T, c *children) {
	r := newRig(t, c)
	r.write(r.config(""))
	r.pager.setMode(sinkMode{hang: true})
	p := r.run(false)
	r.waitHealthy(p)
	r.nodeSrv.Stop()
	waitUntil(t, "the trigger's delivery in flight", r.pager.Busy)
	p.signal(syscall.SIGTERM)
	if code := p.exitCode(); code != 0 {
		t.Errorf("lpwatch exited %d on SIGTERM during a delivery, want 0:\n%s", code, tail(p.log(), 20))
	}
	if p.count("lpwatch stopped") != 1 {
		t.Errorf("lpwatch did not log its clean stop:\n%s", tail(p.log(), 20))
	}
	if recs := outboxRecords(t, r.state); len(recs) != 1 {
		t.Errorf("outbox records after SIGTERM: %v, want the trigger's", recs)
	}
	if r.pager.has(alert.LivepeerNodeDown, node1, "firing") {
		t.Fatalf("the hanging sink accepted the trigger")
	}
	p.checkClean()

	r.pager.setMode(sinkMode{})
	p2 := r.run(false)
	waitUntil(t, "the trigger delivered after the restart", func() bool { return r.pager.has(alert.LivepeerNodeDown, node1, "firing") })
	soak.MustRestart(r.t, r.nodeSrv)
	waitUntil(t, "the resolve delivered", func() bool { return r.pager.has(alert.LivepeerNodeDown, node1, "resolved") })
	waitUntil(t, "the outbox empty", func() bool { return len(outboxRecords(t, r.state)) == 0 })
	r.checkLedger()
	if got := r.pager.acceptedList(); len(got) != 2 {
		t.Errorf("the pager accepted %d notifications, want the trigger and its resolve", len(got))
	}
	p2.signal(syscall.SIGTERM)
	if code := p2.exitCode(); code != 0 {
		t.Errorf("lpwatch exited %d on SIGTERM", code)
	}
	p2.checkClean()
}
