package daemon

import (
	"context"
	"net/url"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/heartbeat"
	"github.com/lpwatch/lpwatch/pkg/remediation"
	"github.com/lpwatch/lpwatch/pkg/server"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// HealthJSON implements server.Backend from the report encoded at the
// last change: serving it costs no allocation and never waits.
func (d *Daemon) HealthJSON() (bool, []byte) { return d.results.HealthJSON() }

// Health computes the health report from the latest results.
func (d *Daemon) Health() status.HealthReport { return status.Health(d.results.All()) }

// Live implements server.Backend: the scheduler's loops are all progressing.
func (d *Daemon) Live() bool { return d.probes.Progressing(d.clock.Now()) }

// Status implements server.Backend: the report of the daemon's state now.
// Secrets are redacted by status.Redact.
func (d *Daemon) Status() status.Report {
	var rem *remediation.Status
	if d.remedy != nil {
		st := d.remedy.Status()
		rem = &st
	}
	cfg := d.config()
	var beat *heartbeat.Status
	if cfg.Alert.Heartbeat.Enabled() {
		st := d.pinger.Status()
		beat = &st
	}
	return status.Build(status.Inputs{
		Now: d.clock.Now(), Version: d.opts.Version, StartedAt: d.started, Config: cfg, Heartbeat: beat,
		Checks: d.results.All(), Alerts: d.engine.Alerts(), Silences: d.Silences(),
		Sinks: d.outbox.Health(), Pending: len(d.outbox.Pending()),
		Snapshot: d.store.Snapshot(), Chain: d.chain.statusFacts(), Remediation: rem,
	})
}

// Reload implements server.Backend; it runs on the daemon's loop.
func (d *Daemon) Reload(ctx context.Context) error {
	req := reloadReq{done: make(chan error, 1)}
	select {
	case d.reloads <- req:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-req.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// AddSilence implements server.Backend.
func (d *Daemon) AddSilence(s alert.Silence) (alert.Silence, error) {
	out, err := d.silences.Add(s, d.clock.Now(), d.config().Alert.SilenceMaxDuration)
	if err == nil {
		d.log.WithField("id", out.ID).WithField("alert", out.Alert).WithField("target", out.Target).
			WithField("all", out.All).WithField("ends_at", out.EndsAt).Info("silence added")
	}
	return out, err
}

// Access implements server.Backend: the token of server.api_token_file,
// and the names the daemon answers to beside its listener's address (the
// configured listen address, the host of server.external_url on any port).
func (d *Daemon) Access() server.Access {
	cfg := d.config()
	hosts := []string{cfg.Server.Listen}
	if u, err := url.Parse(cfg.Server.ExternalURL); err == nil && u.Hostname() != "" {
		hosts = append(hosts, u.Hostname())
	}
	return server.Access{Token: cfg.Server.APIToken, Hosts: hosts}
}

// Silences implements server.Backend.
func (d *Daemon) Silences() []alert.Silence { return d.silences.List(d.clock.Now()) }

// ExpireSilence implements server.Backend.
func (d *Daemon) ExpireSilence(id string) error {
	err := d.silences.Expire(id, d.clock.Now())
	if err == nil {
		d.log.WithField("id", id).Info("silence expired")
	}
	return err
}
