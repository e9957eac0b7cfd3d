package heartbeat_test

import (
	"context"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	logtest "github.com/sirupsen/logrus/hooks/test"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/heartbeat"
	"github.com/lpwatch/lpwatch/pkg/probes"
	"github.com/lpwatch/lpwatch/pkg/watchdog"
	"github.com/lpwatch/lpwatch/pkg/watchdog/notifytest"
)

// stuckJob is a probe that returns at once until stuck is set; then its
// next run ignores its context and blocks until release is closed, as a
// hung probe would.
type stuckJob struct {
	stuck   atomic.Bool
	ran     chan struct{} // a run completed
	blocked chan struct{} // a run is stuck
	release chan struct{}
}

func (j *stuckJob) run(context.Context) error {
	if j.stuck.Load() {
		j.blocked <- struct{}{}
		<-j.release
	}
	j.ran <- struct{}{}
	return nil
}

// TestAStuckProbeStopsTheHeartbeatAndTheWatchdog: a probe hangs and the
// scheduler completes no more cycles. At every tick the systemd watchdog
// and the heartbeat out decide alike (one rule, one limit): both ping
// while the last cycle is recent, and both stop within one interval of
// the limit passing, the heartbeat by sending nothing. When the probe
// returns, both ping again.
func TestAStuckProbeStopsTheHeartbeatAndTheWatchdog(t *testing.T) {
	const (
		interval = 10 * time.Second // probe, heartbeat and watchdog tick (WatchdogSec=20s)
		limit    = 30 * time.Second // staleness
	)
	sock := notifytest.Listen(t)
	t.Setenv("WATCHDOG_USEC", "20000000")
	t.Setenv("WATCHDOG_PID", strconv.Itoa(os.Getpid()))
	fake := clock.NewFake(time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC))
	log, _ := logtest.NewNullLogger()
	hb := watchdog.NewHeartbeat(fake)
	job := &stuckJob{ran: make(chan struct{}, 10), blocked: make(chan struct{}, 1), release: make(chan struct{})}
	sched := probes.NewScheduler([]probes.Job{{Probe: "node", Target: "tc001", Interval: interval, Timeout: 5 * time.Second, Run: job.run}},
		fake, log, probes.NewMetrics(prometheus.NewRegistry()), func(progressing bool) {
			if progressing {
				hb.Beat()
			}
		})
	notifier := watchdog.New(watchdog.Options{Clock: fake, Logger: log, Staleness: limit})
	recv := newReceiver(t)
	reg := prometheus.NewRegistry()
	h := config.Heartbeat{URL: config.Secret(recv.srv.URL + "/ping/0f1e2d3c"), Interval: interval, Timeout: 5 * time.Second}
	alive := func() (time.Duration, bool) { return hb.Alive(limit) }
	p, err := heartbeat.New(heartbeat.Options{Client: recv.srv.Client(), Clock: fake, Logger: log, Registerer: reg,
		Config: func() config.Heartbeat { return h }, Alive: alive, Undeliverable: func(time.Time) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var released sync.Once
	release := func() { released.Do(func() { close(job.release) }) }
	defer func() {
		release()
		cancel()
		wg.Wait()
	}()
	wg.Add(3)
	go func() { defer wg.Done(); sched.Run(ctx) }()
	go func() {
		defer wg.Done()
		if err := notifier.Run(ctx, hb); err != nil {
			t.Errorf("watchdog: %v", err)
		}
	}()
	go func() { defer wg.Done(); _ = p.Run(ctx) }()
	if got := sock.Next(t); got != "WATCHDOG=1" {
		t.Fatalf("first datagram %q, want the start-up WATCHDOG=1", got)
	}
	<-job.ran // the first run, at once

	// step advances one interval and returns whether the watchdog and
	// the heartbeat pinged at that tick.
	ticks := 0.0
	step := func() (watchdogPinged, heartbeatPinged bool) {
		t.Helper()
		if !fake.BlockUntil(ctx.Done(), 3) { // the scheduler's, the watchdog's and the pinger's ticker
			t.Fatal("stopped before the tick")
		}
		withheld := pingCount(t, reg, "result=withheld")
		fake.Advance(interval)
		dg := sock.Next(t)
		if dg == "STATUS=" {
			dg = sock.Next(t) // the status restored after a stall
		}
		if !strings.HasPrefix(dg, "WATCHDOG=1") && !strings.HasPrefix(dg, "STATUS=scheduler stalled") {
			t.Fatalf("datagram %q", dg)
		}
		ticks++
		waitTicks(t, reg, ticks)
		heartbeatPinged = pingCount(t, reg, "result=withheld") == withheld
		if heartbeatPinged {
			if got := recv.next(t); got.method != "GET" || got.path != "/ping/0f1e2d3c" {
				t.Errorf("ping %s %s, want GET /ping/0f1e2d3c", got.method, got.path)
			}
		}
		return strings.HasPrefix(dg, "WATCHDOG=1"), heartbeatPinged
	}

	lastWithheld := 0.0
	for i := 0; i < 3; i++ { // healthy: both ping at every tick
		w, b := step()
		<-job.ran
		if !w || !b {
			t.Fatalf("healthy tick %d: watchdog pinged %v, heartbeat pinged %v", i, w, b)
		}
	}
	job.stuck.Store(true)
	var stalledAt time.Time
	for i := 0; i < 8; i++ {
		w, b := step()
		if i == 0 {
			select {
			case <-job.blocked:
			case <-time.After(waitLimit):
				t.Fatal("the probe did not get stuck")
			}
		}
		lastCycle := hb.Last()
		age := fake.Now().Sub(lastCycle)
		if w != b {
			t.Fatalf("tick at age %s: watchdog pinged %v but heartbeat pinged %v: the two rules differ", age, w, b)
		}
		if want := age <= limit; w != want {
			t.Fatalf("tick at age %s (limit %s): pinged %v, want %v", age, limit, w, want)
		}
		if !w && stalledAt.IsZero() {
			stalledAt = fake.Now()
			if over := stalledAt.Sub(lastCycle.Add(limit)); over > interval {
				t.Errorf("pings stopped %s after the limit passed, more than one interval", over)
			}
			if got := p.Status(); got.State != heartbeat.StateWithheld || !strings.Contains(got.Reason, "no cycle") {
				t.Errorf("status while stalled %+v", got)
			}
		}
		if !stalledAt.IsZero() && b {
			t.Errorf("the heartbeat pinged again at %s after stopping at %s", fake.Now(), stalledAt)
		}
		lastWithheld = pingCount(t, reg, "result=withheld")
	}
	if stalledAt.IsZero() {
		t.Fatal("the pings never stopped")
	}
	recv.none(t)

	job.stuck.Store(false)
	release() // the probe returns: cycles, and pings, resume
	<-job.ran
	deadline := time.Now().Add(waitLimit)
	for !hb.Last().Equal(fake.Now()) { // the scheduler beats once the run has ended
		if time.Now().After(deadline) {
			t.Fatal("no cycle completed after the probe returned")
		}
		time.Sleep(time.Millisecond) // pacing between polls of the condition
	}
	for i := 0; i < 2; i++ {
		w, b := step()
		<-job.ran
		if !w || !b {
			t.Fatalf("tick %d after the probe returned: watchdog pinged %v, heartbeat pinged %v", i, w, b)
		}
	}
	if got := pingCount(t, reg, "result=withheld"); got != lastWithheld {
		t.Errorf("withheld %v after recovery, want %v", got, lastWithheld)
	}
	if got := p.Status(); got.State != heartbeat.StateOK || got.LastSuccess != fake.Now() {
		t.Errorf("status after recovery %+v", got)
	}
}
