package probes

import (
	"context"
	"hash/fnv"
	"sync"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/clock"
)

// Job is one target to probe periodically.
type Job struct {
	// Probe and Target name the job in metrics and logs.
	Probe    string
	Target   string
	Interval time.Duration
	Timeout  time.Duration
	// Run performs one probe; it must return when ctx ends.
	Run func(ctx context.Context) error
}

// Scheduler runs jobs until its context ends.
type Scheduler struct {
	jobs    []Job
	clock   clock.Clock
	log     logrus.FieldLogger
	metrics *Metrics
	// onCycle is called after every completed run with whether all jobs
	// are making progress; the watchdog heartbeat hangs off it.
	onCycle func(progressing bool)

	mu   sync.Mutex
	last map[string]time.Time // job key -> end of its last completed run
	born time.Time
	// progressing caches progressingLocked, recomputed at most once a second.
	progressing bool
	checkedAt   time.Time
}

// NewScheduler returns a scheduler for jobs.
func NewScheduler(jobs []Job, c clock.Clock, log logrus.FieldLogger, m *Metrics, onCycle func(bool)) *Scheduler {
	if onCycle == nil {
		onCycle = func(bool) {}
	}
	return &Scheduler{jobs: jobs, clock: c, log: log, metrics: m, onCycle: onCycle, last: make(map[string]time.Time)}
}

// Offset is the deterministic start delay of a job: a hash of its name
// modulo its interval, so that targets spread out and keep their phase
// across restarts.
func Offset(key string, interval time.Duration) time.Duration {
	if interval <= 0 {
		return 0
	}
	h := fnv.New64a()
	_, _ = h.Write([]byte(key))
	return time.Duration(h.Sum64() % uint64(interval))
}

func (j Job) key() string { return j.Probe + "/" + j.Target }

// Run starts one loop per job and blocks until ctx ends and every loop has
// returned.
func (s *Scheduler) Run(ctx context.Context) {
	s.mu.Lock()
	s.born = s.clock.Now()
	s.mu.Unlock()
	var wg sync.WaitGroup
	for _, j := range s.jobs {
		wg.Add(1)
		go func(j Job) {
			defer wg.Done()
			s.loop(ctx, j)
		}(j)
	}
	wg.Wait()
}

func (s *Scheduler) loop(ctx context.Context, j Job) {
	// The first run happens at once so that state is known quickly; the
	// offset spreads the following runs.
	s.runOnce(ctx, j)
	if err := clock.Sleep(ctx, s.clock, Offset(j.key(), j.Interval)); err != nil {
		return
	}
	t := s.clock.NewTicker(j.Interval)
	defer t.Stop()
	for {
		s.runOnce(ctx, j)
		select {
		case <-ctx.Done():
			return
		case <-t.C():
		}
	}
}

func (s *Scheduler) runOnce(ctx context.Context, j Job) {
	if ctx.Err() != nil {
		return
	}
	start := s.clock.Now()
	rctx, cancel := context.WithTimeout(ctx, j.Timeout)
	err := j.Run(rctx)
	cancel()
	end := s.clock.Now()
	if ctx.Err() != nil {
		return // shutting down: not a probe failure
	}
	s.metrics.observe(j.Probe, j.Target, err == nil, end.Sub(start), end)
	if err != nil {
		s.log.WithFields(logrus.Fields{"probe": j.Probe, "target": j.Target}).WithError(err).Debug("probe failed")
	}
	s.mu.Lock()
	s.last[j.key()] = end
	// Checking every job is O(jobs): do it at most once a second.
	if end.Sub(s.checkedAt) >= time.Second || end.Before(s.checkedAt) {
		s.checkedAt, s.progressing = end, s.progressingLocked(end)
	}
	progressing := s.progressing
	s.mu.Unlock()
	s.onCycle(progressing)
}

// Progressing reports whether every job completed a run within twice its
// interval plus its timeout (jobs not yet due count as progressing).
func (s *Scheduler) Progressing(now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.progressingLocked(now)
}

func (s *Scheduler) progressingLocked(now time.Time) bool {
	for _, j := range s.jobs {
		limit := 2*j.Interval + j.Timeout
		last, ok := s.last[j.key()]
		if !ok {
			last = s.born
		}
		if now.Sub(last) > limit {
			return false
		}
	}
	return true
}
