package probes

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	logtest "github.com/sirupsen/logrus/hooks/test"

	"github.com/lpwatch/lpwatch/pkg/clock"
)

func TestOffsetIsDeterministicAndBounded(t *testing.T) {
	a, b := Offset("node/tc001", 15*time.Second), Offset("node/tc001", 15*time.Second)
	if a != b || a < 0 || a >= 15*time.Second {
		t.Fatalf("offsets %s %s", a, b)
	}
	if Offset("node/tc001", 15*time.Second) == Offset("node/tc002", 15*time.Second) {
		t.Errorf("two targets got the same offset")
	}
	if Offset("x", 0) != 0 {
		t.Errorf("zero interval")
	}
}

func TestSchedulerRunsWithDeadlineWithoutOverlap(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	log, _ := logtest.NewNullLogger()
	var running, maxRunning, runs atomic.Int32
	started := make(chan struct{}, 100)
	release := make(chan struct{})
	job := Job{Probe: "node", Target: "t", Interval: 10 * time.Second, Timeout: 5 * time.Second,
		Run: func(ctx context.Context) error {
			if _, ok := ctx.Deadline(); !ok {
				t.Error("probe run without a deadline")
			}
			n := running.Add(1)
			if n > maxRunning.Load() {
				maxRunning.Store(n)
			}
			runs.Add(1)
			started <- struct{}{}
			defer running.Add(-1)
			select { // a run the test does not release ends with the scheduler
			case <-release:
			case <-ctx.Done():
			}
			return nil
		}}
	beats := make(chan bool, 100)
	s := NewScheduler([]Job{job}, clk, log, NewMetrics(nil), func(p bool) { beats <- p })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	<-started // the first run starts at once
	// While it is blocked, time passes well beyond several intervals.
	clk.Advance(time.Minute)
	select {
	case <-started:
		t.Fatal("a second run started while the first was still running")
	default:
	}
	release <- struct{}{}
	if !<-beats {
		t.Error("a completed cycle right after a start must count as progress")
	}
	// The loop now sleeps its offset, then ticks; each tick runs once.
	for i := 0; i < 3; i++ {
		for {
			clk.Advance(time.Second)
			select {
			case <-started:
			default:
				continue
			}
			break
		}
		release <- struct{}{}
		<-beats
	}
	if maxRunning.Load() != 1 {
		t.Errorf("max concurrent runs = %d", maxRunning.Load())
	}
	cancel()
	<-done
	if s.Progressing(clk.Now().Add(time.Hour)) {
		t.Error("a scheduler idle for an hour is not progressing")
	}
}
