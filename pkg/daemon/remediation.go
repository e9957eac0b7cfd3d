package daemon

import (
	"context"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
	"github.com/lpwatch/lpwatch/pkg/remediation"
)

// openRemediation builds the self-healing controller on the state
// directory. It is built even while remediation is off, so that a reload
// can turn it on. A ledger that cannot be read leaves lpwatch without
// self-healing, which RemediationExhausted then says while it is enabled.
func (d *Daemon) openRemediation(cfg *config.Config) {
	c, err := remediation.New(remediation.Options{
		StateDir: cfg.State.Dir, Units: d.opts.Units, Emitter: d.engine, HTTPClient: d.opts.ActionHTTPClient,
		Clock: d.clock, Logger: d.log, Registerer: d.opts.Registry, Config: cfg,
	})
	if err != nil {
		d.log.WithError(err).Error("remediation ledger problem")
	}
	d.remedy, d.remedyErr = c, err
}

// runRemediation runs the controller until ctx ends; it never fails.
func (d *Daemon) runRemediation(ctx context.Context) error {
	if d.remedy == nil {
		<-ctx.Done()
		return nil
	}
	return d.remedy.Run(ctx)
}

// remediationInputs are the controller's stateful alerts, or, when it could
// not start while remediation is enabled, a RemediationExhausted saying so.
func (d *Daemon) remediationInputs(cfg *config.Config) []alert.Input {
	if d.remedy != nil {
		return d.remedy.Inputs()
	}
	in := alert.Input{Alert: alert.RemediationExhausted, Target: source(cfg), Severity: alert.SeverityCritical}
	if r := cfg.Remediation; (r.Enabled || r.AutoReward) && d.remedyErr != nil {
		in.Active, in.Reason = true, "self-healing cannot start: "+d.remedyErr.Error()
	}
	return []alert.Input{in}
}

// feedRemediation hands the controller an evaluation; it never blocks.
func (d *Daemon) feedRemediation(now time.Time, cfg *config.Config, results []checks.Result, snap observe.Snapshot) {
	if d.remedy == nil {
		return
	}
	f := remediation.Feed{At: now, Config: cfg, Results: results, Alerts: d.engine.Alerts(), Snapshot: snap}
	if err := d.remedy.Feed(f); err != nil {
		d.log.WithError(err).Error("remediation not fed")
	}
}

// Remediation exposes the self-healing controller (nil when its ledger
// could not be opened), for the status page, the demo and tests.
func (d *Daemon) Remediation() *remediation.Controller { return d.remedy }
