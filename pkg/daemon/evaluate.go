package daemon

import (
	"context"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// evaluate runs every check on the latest observations and feeds the alert
// engine. It never blocks on a probe.
func (d *Daemon) evaluate(ctx context.Context) {
	now := d.clock.Now()
	snap := d.store.Snapshot()
	d.mu.RLock()
	eval := d.eval
	d.mu.RUnlock()
	ev := eval.Evaluate(now, snap)
	results := ev.Results
	d.metrics.Evaluated()
	changed, err := d.results.Set(now, append(results[:len(results):len(results)], d.outboxStorage()))
	if err != nil {
		d.log.WithError(err).Error("/health keeps its previous report")
	}
	for _, r := range changed {
		if r.Check != OutboxStorage {
			d.metrics.SetCheck(r)
		}
	}
	d.metrics.NodeView(snap, len(d.config().Chain.URLs) > 0)
	d.afterEvaluate(now, snap, ev)
	inputs := make([]alert.Input, 0, len(results))
	for _, r := range results {
		inputs = append(inputs, toInput(r, eval.For(r.Check)))
	}
	inputs = append(inputs, d.deliveryInputs(now)...)
	cfg := d.config()
	inputs = append(inputs, d.remediationInputs(cfg)...)
	inputs = append(inputs, d.heartbeatInputs(source(cfg), cfg.Alert.Heartbeat.Alertmanager)...)
	if err := d.engine.Update(ctx, inputs); err != nil {
		d.log.WithError(err).Error("alert update incomplete; it is retried on the next evaluation")
	}
	d.feedRemediation(now, cfg, results, snap)
	d.systemdStatus(len(cfg.Nodes))
}

// systemdStatus sends systemd a one-line summary (STATUS=, shown by
// systemctl status) when it changes.
func (d *Daemon) systemdStatus(nodes int) {
	healthy, _ := d.results.HealthJSON()
	line := status.Summary{Healthy: healthy, Nodes: nodes, Alerts: d.engine.Alerts()}.Line()
	if line == d.lastStatus {
		return
	}
	d.lastStatus = line
	d.notify(func(n Notifier) error { return n.Status(line) })
}

// toInput turns a check result into an alert engine input.
func toInput(r checks.Result, forDur time.Duration) alert.Input {
	in := alert.Input{Alert: r.Check, Target: r.Target, Reason: r.Reason, Epoch: r.Epoch, Details: r.Details, For: forDur}
	switch r.State {
	case checks.Warning:
		in.Active, in.Severity = true, alert.SeverityWarning
	case checks.Critical:
		in.Active, in.Severity = true, alert.SeverityCritical
	case checks.Unknown:
		in.Unknown = true
	}
	return in
}
