package watchdog

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/coreos/go-systemd/v22/daemon"
	"github.com/sirupsen/logrus"
)

// Run keeps the systemd watchdog fed for as long as the scheduler makes
// progress, until ctx ends.
//
// When systemd enabled the watchdog for this process (WATCHDOG_USEC set and
// WATCHDOG_PID unset or ours), Run checks hb right away and then every half
// watchdog interval on the Notifier's clock. If the last beat is no older
// than the staleness limit (Options.Staleness, by default the watchdog
// interval) it sends WATCHDOG=1. Otherwise it withholds the ping, logs a
// warning and sets STATUS= to say the scheduler is stalled, so that systemd
// restarts a hung lpwatch rather than one that merely crashed. When beats
// resume, pings resume and the last Status line is shown again.
//
// When the watchdog is not enabled Run just waits for ctx. It returns nil
// when ctx ends, and an error at once when hb is nil, Options.Staleness is
// negative or WATCHDOG_USEC / WATCHDOG_PID are malformed.
func (n *Notifier) Run(ctx context.Context, hb *Heartbeat) error {
	if hb == nil {
		return errors.New("watchdog: nil heartbeat")
	}
	if n.staleness < 0 {
		return fmt.Errorf("watchdog: staleness %s must not be negative", n.staleness)
	}
	interval, err := daemon.SdWatchdogEnabled(false)
	if err != nil {
		return fmt.Errorf("watchdog: read WATCHDOG_USEC: %w", err)
	}
	if interval <= 0 {
		n.log.Debug("systemd watchdog not enabled for this process")
		<-ctx.Done()
		return nil
	}
	limit := n.staleness
	if limit == 0 {
		limit = interval
	}
	n.log.WithFields(logrus.Fields{"interval": interval, "staleness": limit}).Info("systemd watchdog enabled")

	ticker := n.clock.NewTicker(interval / 2)
	defer ticker.Stop()
	for {
		n.tick(hb, limit)
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C():
		}
	}
}

// tick sends one watchdog ping, or withholds it when the last beat is older
// than limit.
func (n *Notifier) tick(hb *Heartbeat, limit time.Duration) {
	age, alive := hb.Alive(limit)
	if !alive {
		n.withhold(age, limit)
		return
	}
	n.resume()
	sent, err := n.send(daemon.SdNotifyWatchdog)
	switch {
	case err != nil:
		n.metrics.pings.WithLabelValues(pingError).Inc()
		n.log.WithError(err).Warn("watchdog ping failed")
	case sent:
		n.metrics.pings.WithLabelValues(pingSent).Inc()
	}
}

// withhold records a skipped ping and shows the stall in STATUS=.
func (n *Notifier) withhold(age, limit time.Duration) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.stalled = true
	n.metrics.pings.WithLabelValues(pingSkipped).Inc()
	age = age.Truncate(time.Second)
	n.log.WithFields(logrus.Fields{"last_cycle_age": age, "staleness": limit}).
		Warn("scheduler stalled: withholding watchdog ping")
	status := fmt.Sprintf("STATUS=scheduler stalled: no completed cycle for %s (limit %s), watchdog ping withheld", age, limit)
	if _, err := n.send(status); err != nil {
		n.log.WithError(err).Warn("could not report stall status")
	}
}

// resume ends a stall: it logs the recovery and restores the last status.
func (n *Notifier) resume() {
	n.mu.Lock()
	defer n.mu.Unlock()
	if !n.stalled {
		return
	}
	n.stalled = false
	n.log.Info("scheduler progressing again: watchdog pings resumed")
	if _, err := n.send("STATUS=" + n.lastStatus); err != nil {
		n.log.WithError(err).Warn("could not restore status")
	}
}
