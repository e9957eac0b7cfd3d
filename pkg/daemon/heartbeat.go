package daemon

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/heartbeat"
	"github.com/lpwatch/lpwatch/pkg/probes"
)

// newPinger builds the heartbeat out over the daemon's liveness and
// delivery state.
func (d *Daemon) newPinger() (*heartbeat.Pinger, error) {
	return heartbeat.New(heartbeat.Options{
		Client: d.opts.HeartbeatHTTPClient, Clock: d.clock, Logger: d.log, Registerer: d.opts.Registry,
		Config:        func() config.Heartbeat { return d.config().Alert.Heartbeat },
		Alive:         d.alive,
		Undeliverable: d.undeliverable,
	})
}

// alive is the watchdog's rule: the scheduler's last progressing cycle is
// no older than probes.Staleness of the running configuration.
func (d *Daemon) alive() (time.Duration, bool) {
	return d.opts.Heartbeat.Alive(probes.Staleness(d.config()))
}

// undeliverable says why no sink can deliver at now: every configured
// sink has failed for checks.delivery_failing_for (the rule of
// NotificationDeliveryFailing, for all of them at once). It is "" while
// one can, and with no sink configured (nothing ever fails then).
func (d *Daemon) undeliverable(now time.Time) string {
	limit := d.config().Checks.DeliveryFailingFor
	sinks := d.currentSinks()
	if len(sinks) == 0 {
		return ""
	}
	failing := map[string]string{}
	for _, h := range d.outbox.Health() {
		if _, ok := sinks[h.Sink]; ok && h.FailingFor(now, limit) {
			failing[h.Sink] = h.LastReason
		}
	}
	if len(failing) < len(sinks) {
		return ""
	}
	parts := make([]string, 0, len(failing))
	for name, reason := range failing {
		parts = append(parts, name+": "+reason)
	}
	sort.Strings(parts)
	return fmt.Sprintf("lpwatch %s cannot page anyone: every sink has failed for %s or more (%s)",
		source(d.config()), limit, strings.Join(parts, ", "))
}

// heartbeatInputs is the LpwatchHeartbeat alert when [alert.heartbeat]
// alertmanager is on: firing while the scheduler completes cycles (the
// watchdog's rule), so that Alertmanager hears of a stall at once and of
// a dead lpwatch when its re-posts stop.
func (d *Daemon) heartbeatInputs(src string, on bool) []alert.Input {
	if !on {
		return nil
	}
	in := alert.Input{Alert: alert.LpwatchHeartbeat, Target: src, Severity: alert.SeverityInfo,
		Reason: "lpwatch " + src + " is alive: its scheduler completes cycles"}
	if age, ok := d.alive(); ok {
		in.Active = true
	} else {
		in.Reason = fmt.Sprintf("lpwatch %s's scheduler completed no cycle for %s", src, age.Truncate(time.Second))
	}
	return []alert.Input{in}
}

// warnHeartbeatRoutes says so when LpwatchHeartbeat is on but no sink
// takes it (no sink of type alertmanager).
func (d *Daemon) warnHeartbeatRoutes(cfg *config.Config) {
	if !cfg.Alert.Heartbeat.Alertmanager {
		return
	}
	for _, r := range routes(cfg) {
		if r.Heartbeat {
			return
		}
	}
	d.log.Warn("[alert.heartbeat] alertmanager = true, but no sink has type alertmanager: LpwatchHeartbeat reaches no one")
}

// newHeartbeatClient is the heartbeat-out client: a transport of its own,
// each ping bounded by [alert.heartbeat] timeout and this overall limit.
func newHeartbeatClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 1
	t.IdleConnTimeout = 5 * time.Minute
	return &http.Client{Transport: t, Timeout: time.Minute}
}
