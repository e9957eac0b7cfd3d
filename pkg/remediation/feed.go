package remediation

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// Feed is what one evaluation saw: the configuration it ran with, the check
// results, the alerts pending and firing after the engine's update, and
// the observations the checks read.
type Feed struct {
	// At is the evaluation time.
	At       time.Time
	Config   *config.Config
	Results  []checks.Result
	Alerts   []alert.View
	Snapshot observe.Snapshot
}

// result returns the check result of (check, target).
func (f Feed) result(check, target string) (checks.Result, bool) {
	for _, r := range f.Results {
		if r.Check == check && r.Target == target {
			return r, true
		}
	}
	return checks.Result{}, false
}

// alertView returns the pending or firing alert (name, target).
func (f Feed) alertView(name, target string) (alert.View, bool) {
	for _, v := range f.Alerts {
		if v.Alert == name && v.Target == target {
			return v, true
		}
	}
	return alert.View{}, false
}

// validFeed reports why a feed cannot be used.
func validFeed(f Feed) error {
	switch {
	case f.Config == nil:
		return errors.New("feed has no configuration")
	case f.At.IsZero():
		return errors.New("feed has no evaluation time")
	}
	return nil
}

// mailbox holds the latest feed and wakes everyone waiting for the next.
type mailbox struct {
	mu      sync.Mutex
	latest  Feed
	seq     uint64 // 0 before the first feed
	changed chan struct{}
}

func newMailbox() *mailbox { return &mailbox{changed: make(chan struct{})} }

// put replaces the latest feed and wakes the waiters.
func (m *mailbox) put(f Feed) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.latest = f
	m.seq++
	close(m.changed)
	m.changed = make(chan struct{})
}

// get returns the latest feed, its sequence number (0 before the first
// feed) and a channel closed when a newer one arrives.
func (m *mailbox) get() (f Feed, seq uint64, next <-chan struct{}) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.latest, m.seq, m.changed
}

// errWaitTimeout is returned by await when its time is up.
var errWaitTimeout = errors.New("timed out")

// await waits, at most d on clk, for a feed satisfying cond, checking the
// latest one first. It returns that feed, or the latest one with
// errWaitTimeout (the one in hand when the timer fired may be older: a
// feed that came at the same time is judged and reported too), or ctx's
// error. started runs once the timer is set.
func (m *mailbox) await(ctx context.Context, clk clock.Clock, d time.Duration, cond func(Feed) bool, started func()) (Feed, error) {
	timer := clk.NewTimer(d)
	defer timer.Stop()
	started()
	for {
		f, seq, next := m.get()
		if seq > 0 && cond(f) {
			return f, nil
		}
		select {
		case <-ctx.Done():
			return f, ctx.Err()
		case <-timer.C():
			f, seq, _ := m.get()
			if seq > 0 && cond(f) {
				return f, nil
			}
			return f, fmt.Errorf("%w after %s", errWaitTimeout, d)
		case <-next:
		}
	}
}

// withClockTimeout returns a context cancelled after d on clk, so that
// deadlines follow the injected clock.
func withClockTimeout(ctx context.Context, clk clock.Clock, d time.Duration, what string) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(ctx)
	timer := clk.NewTimer(d)
	go func() {
		defer timer.Stop()
		select {
		case <-timer.C():
			cancel(fmt.Errorf("%s: %w after %s", what, errWaitTimeout, d))
		case <-ctx.Done():
		}
	}()
	return ctx, func() { cancel(context.Canceled) }
}
