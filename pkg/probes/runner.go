package probes

import (
	"context"
	"sync"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/clock"
)

// Runner runs the jobs of one configuration at a time: a reload starts
// the new set once the old one's jobs have stopped, so that a kind the
// new configuration drops no longer runs, and releases what the old jobs
// held.
type Runner struct {
	clock   clock.Clock
	log     logrus.FieldLogger
	metrics *Metrics
	onCycle func(progressing bool)

	// swap serializes Start and Wait.
	swap sync.Mutex
	mu   sync.Mutex
	cur  *running
}

// running is one started JobSet.
type running struct {
	sched  *Scheduler
	set    *JobSet
	cancel context.CancelFunc
	done   chan struct{}
}

// NewRunner returns a runner whose schedulers record into m (shared by
// every set over the process's life) and call onCycle (see Scheduler).
func NewRunner(c clock.Clock, log logrus.FieldLogger, m *Metrics, onCycle func(progressing bool)) *Runner {
	return &Runner{clock: c, log: log, metrics: m, onCycle: onCycle}
}

// Start stops the jobs running, if any, waits for them, releases what they
// held, and runs the jobs of set until ctx ends or the next Start.
func (r *Runner) Start(ctx context.Context, set *JobSet) {
	r.swap.Lock()
	defer r.swap.Unlock()
	r.stop()
	sctx, cancel := context.WithCancel(ctx)
	s := NewScheduler(set.Jobs(), r.clock, r.log, r.metrics, r.onCycle)
	run := &running{sched: s, set: set, cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(run.done)
		s.Run(sctx)
	}()
	r.mu.Lock()
	r.cur = run
	r.mu.Unlock()
}

// Wait blocks until the running jobs have stopped (the context given to
// Start ended) and releases what they held.
func (r *Runner) Wait() {
	r.swap.Lock()
	defer r.swap.Unlock()
	r.mu.Lock()
	cur := r.cur
	r.mu.Unlock()
	if cur == nil {
		return
	}
	<-cur.done
	cur.set.Release()
}

// stop ends the running jobs and releases them (swap held).
func (r *Runner) stop() {
	r.mu.Lock()
	cur := r.cur
	r.mu.Unlock()
	if cur == nil {
		return
	}
	cur.cancel()
	<-cur.done
	cur.set.Release()
}

// Progressing reports whether the running jobs are all making progress
// (Scheduler.Progressing); false before Start.
func (r *Runner) Progressing(now time.Time) bool {
	r.mu.Lock()
	cur := r.cur
	r.mu.Unlock()
	return cur != nil && cur.sched.Progressing(now)
}
