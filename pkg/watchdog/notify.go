// Package watchdog is lpwatch's only contact with systemd. It speaks the
// sd_notify protocol (READY, RELOADING, STOPPING, STATUS and WATCHDOG pings
// that are sent only while the probe scheduler makes progress) and restarts
// units through the systemd D-Bus API. No other lpwatch package imports
// go-systemd.
package watchdog

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-systemd/v22/daemon"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/clock"
)

// Options configures a Notifier. Every field is optional.
type Options struct {
	// Clock drives the watchdog ticker. Default: the wall clock.
	Clock clock.Clock
	// Logger receives watchdog events. Default: discard.
	Logger logrus.FieldLogger
	// Registerer receives lpwatch_watchdog_pings_total. Default: none (the
	// counters still work, they are just not exported).
	Registerer prometheus.Registerer
	// Staleness is the largest age of the heartbeat's last beat for which a
	// watchdog ping is still sent. Zero means the systemd watchdog interval
	// (WATCHDOG_USEC). Set it above the probe interval when the probe interval
	// is longer than WatchdogSec. Negative is an error reported by Run.
	Staleness time.Duration
}

// Notifier sends sd_notify(3) messages to the service manager. The socket
// and watchdog settings come from the environment systemd gives the service
// (NOTIFY_SOCKET, WATCHDOG_USEC, WATCHDOG_PID); they are read on every call
// and never unset. When NOTIFY_SOCKET is unset, lpwatch is not under systemd
// and every method is a no-op that returns nil. A Notifier is safe for
// concurrent use.
type Notifier struct {
	clock     clock.Clock
	log       logrus.FieldLogger
	staleness time.Duration
	metrics   *metrics

	mu         sync.Mutex
	lastStatus string // last line given to Status
	stalled    bool   // Run is withholding pings and showing a stall status
}

// New returns a Notifier configured by opts.
func New(opts Options) *Notifier {
	c := opts.Clock
	if c == nil {
		c = clock.Real{}
	}
	log := opts.Logger
	if log == nil {
		l := logrus.New()
		l.SetOutput(io.Discard)
		log = l
	}
	return &Notifier{
		clock:     c,
		log:       log.WithField("component", "watchdog"),
		staleness: opts.Staleness,
		metrics:   newMetrics(opts.Registerer),
	}
}

// Ready tells systemd that start-up (or a reload) is complete: send it once
// the config is loaded, the listeners are bound and the scheduler runs, and
// again after each Reloading.
func (n *Notifier) Ready() error {
	_, err := n.send(daemon.SdNotifyReady)
	return err
}

// Reloading tells systemd that lpwatch is re-reading its configuration. The
// message carries MONOTONIC_USEC, as sd_notify(3) requires for
// Type=notify-reload. Call Ready when the reload is done, whatever its outcome.
func (n *Notifier) Reloading() error {
	state := daemon.SdNotifyReloading + "\n" + daemon.SdNotifyMonotonicUsec()
	_, err := n.send(strings.TrimSuffix(state, "\n"))
	return err
}

// Stopping tells systemd that shutdown has begun.
func (n *Notifier) Stopping() error {
	_, err := n.send(daemon.SdNotifyStopping)
	return err
}

// Status sets the one-line status that `systemctl status` shows. Line breaks
// in line are replaced by spaces, because each line of an sd_notify message
// is a separate assignment. While Run reports a stalled scheduler the line is
// kept and shown again once the scheduler recovers, so the stall stays visible.
func (n *Notifier) Status(line string) error {
	line = oneLine(line)
	n.mu.Lock() // held while sending, so a stall report and a status never interleave
	defer n.mu.Unlock()
	n.lastStatus = line
	if n.stalled {
		return nil
	}
	_, err := n.send("STATUS=" + line)
	return err
}

// send writes one sd_notify message. It reports whether the message was
// sent; (false, nil) means NOTIFY_SOCKET is unset.
func (n *Notifier) send(state string) (bool, error) {
	sent, err := daemon.SdNotify(false, state)
	if err != nil {
		return false, fmt.Errorf("sd_notify %s: %w", firstAssignment(state), err)
	}
	return sent, nil
}

// oneLine replaces CR and LF with spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// firstAssignment returns the variable name of the first line of an
// sd_notify message, for error messages that must not echo status text.
func firstAssignment(state string) string {
	line, _, _ := strings.Cut(state, "\n")
	name, _, _ := strings.Cut(line, "=")
	return name
}
