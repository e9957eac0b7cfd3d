package remediation

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/watchdog"
)

// Controller runs the remediation ladder, the scheduled chain restart and
// auto_reward. Feed, Inputs, Status and Changed are safe for concurrent use.
type Controller struct {
	opts   Options
	log    logrus.FieldLogger
	clock  clock.Clock
	ledger *ledger
	met    *metrics
	mail   *mailbox
	wg     sync.WaitGroup

	mu        sync.Mutex
	units     watchdog.UnitManager
	activity  map[string]Activity // by ladderKey or rewardSkipPrefix+node
	laddering bool
	// missed is set when a feed's plan found a ladder running; retry then
	// asks Run to look at the newest feed again once it ends.
	missed    bool
	retry     chan struct{}
	rewarding map[string]bool
	skips     map[string]string // unit or reward key -> last reported skip
	next      time.Time         // next scheduled chain restart
	fed       uint64            // sequence number of the newest feed acted on
	changed   chan struct{}
}

// New opens the ledger in opts.StateDir and returns a controller that does
// nothing until Run. A damaged ledger is moved aside and reported in the
// returned error while the controller still works, holding every unit in
// cool-down; any other error returns no controller.
func New(opts Options) (*Controller, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	l, err := openLedger(opts.StateDir, opts.Clock.Now())
	if l == nil {
		return nil, err
	}
	c := &Controller{
		opts: opts, log: opts.Logger.WithField("component", "remediation"), clock: opts.Clock,
		ledger: l, met: newMetrics(opts.Registerer), mail: newMailbox(),
		activity: map[string]Activity{}, rewarding: map[string]bool{}, skips: map[string]string{},
		changed: make(chan struct{}), retry: make(chan struct{}, 1),
	}
	c.met.configure(opts.Config)
	return c, err
}

// Feed hands the controller one evaluation. It never blocks: the decision
// runs on Run's goroutine, which always works on the newest feed.
func (c *Controller) Feed(f Feed) error {
	if err := validFeed(f); err != nil {
		return fmt.Errorf("remediation feed: %w", err)
	}
	c.met.configure(f.Config)
	c.mail.put(f)
	return nil
}

// Run acts on feeds and on the schedule until ctx ends, then waits for the
// restarts and reward calls it started and closes the systemd connection.
func (c *Controller) Run(ctx context.Context) error {
	defer c.closeUnits()
	defer c.wg.Wait()
	var sched schedule
	defer sched.stop()
	var done uint64
	for {
		f, seq, next := c.mail.get()
		if seq != done {
			done = seq
			c.step(ctx, f)
			c.mu.Lock()
			c.fed = seq
			c.mu.Unlock()
			c.notify()
			changed, err := sched.set(c.clock, f.Config.Remediation, c.opts.Location)
			if err != nil {
				c.log.WithError(err).Error("daily chain restart not scheduled")
			}
			if changed {
				c.setNext(sched.at)
				c.log.WithField("next", sched.at).Debug("daily chain restart scheduled")
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-next:
		case <-c.retry:
			c.step(ctx, f)
		case <-sched.c():
			sched.advance(c.clock, c.opts.Location)
			c.setNext(sched.at)
			f, _, _ := c.mail.get()
			c.scheduled(ctx, f)
		}
	}
}

// step acts on one feed: it ends episodes whose health returned, starts
// the ladder when a trigger holds, and asks for rewards.
func (c *Controller) step(ctx context.Context, f Feed) {
	c.resolveEpisodes(f)
	rem := f.Config.Remediation
	if rem.Enabled {
		if p, ok := decide(f); ok {
			c.startLadder(ctx, p, f, true)
		} else {
			c.clearSkips()
		}
	}
	if rem.AutoReward {
		c.considerRewards(ctx, f)
	} else {
		c.clearRewardSkips()
	}
}

// scheduled runs the daily chain restart, unless a ladder is running.
func (c *Controller) scheduled(ctx context.Context, f Feed) {
	if f.Config == nil || !f.Config.Remediation.Enabled {
		return
	}
	if !c.startLadder(ctx, scheduledPlan(f.Config), f, false) {
		c.log.Warn("scheduled chain restart skipped: a restart ladder is already running")
	}
}

// startLadder runs p on its own goroutine unless a ladder is running.
// When one is and retry is set, the newest feed is looked at again once
// the running ladder ends.
func (c *Controller) startLadder(ctx context.Context, p plan, f Feed, retry bool) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.laddering {
		c.missed = c.missed || retry
		return false
	}
	c.laddering = true
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		defer func() {
			c.mu.Lock()
			c.laddering = false
			if c.missed {
				c.missed = false
				select {
				case c.retry <- struct{}{}:
				default:
				}
			}
			c.mu.Unlock()
		}()
		c.runLadder(ctx, p, f.Config)
	}()
	return true
}

// unitManager returns the systemd connection, connecting on first use.
func (c *Controller) unitManager(ctx context.Context) (watchdog.UnitManager, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.units != nil {
		return c.units, nil
	}
	m, err := c.opts.Units(ctx)
	if err != nil {
		return nil, fmt.Errorf("connect to systemd: %w", err)
	}
	c.units = m
	return m, nil
}

func (c *Controller) closeUnits() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.units != nil {
		c.units.Close()
		c.units = nil
	}
}

// setActivity records what the ladder or a reward call (key) is doing now;
// "" ends it.
func (c *Controller) setActivity(key, what string) {
	c.mu.Lock()
	if what == "" {
		delete(c.activity, key)
	} else {
		c.activity[key] = Activity{What: what, Since: c.clock.Now()}
	}
	c.mu.Unlock()
	c.notify()
}

// await waits, at most d, for a feed satisfying cond, showing what as the
// key's activity once the wait's timer is set.
func (c *Controller) await(ctx context.Context, key, what string, d time.Duration, cond func(Feed) bool) (Feed, error) {
	return c.mail.await(ctx, c.clock, d, cond, func() { c.setActivity(key, what) })
}

func (c *Controller) setNext(at time.Time) {
	c.mu.Lock()
	c.next = at
	c.mu.Unlock()
	c.notify()
}

// notify wakes Changed's waiters.
func (c *Controller) notify() {
	c.mu.Lock()
	defer c.mu.Unlock()
	close(c.changed)
	c.changed = make(chan struct{})
}

// Changed returns a channel closed at the next change of Status.
func (c *Controller) Changed() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.changed
}
