package daemon

import (
	"context"
	"fmt"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/probes"
)

// startProbes builds the probe jobs of cfg, kind by kind, and runs them
// until ctx ends.
func (d *Daemon) startProbes(ctx context.Context, cfg *config.Config) {
	set, err := d.kinds.Build(cfg)
	if err != nil {
		// The configuration was validated; a failure here is a bug worth a loud log.
		d.log.WithError(err).Error("cannot build probes")
	}
	d.probes.Start(ctx, set)
}

// reload re-reads the configuration. A bad file is refused and the running
// configuration kept.
func (d *Daemon) reload(ctx context.Context) error {
	d.notify(func(n Notifier) error { return n.Reloading() })
	defer d.notify(func(n Notifier) error { return n.Ready() })
	if d.opts.ConfigPath == "" {
		return fmt.Errorf("reload: no configuration file to read")
	}
	cfg, err := loadConfig(d.opts.ConfigPath)
	if err == nil {
		err = d.checkImmutable(cfg)
	}
	var jobs *probes.JobSet
	if err == nil {
		jobs, err = d.kinds.Build(cfg)
	}
	var sinks map[string]alert.Sink
	if err == nil {
		sinks, err = d.buildSinkSet(cfg)
	}
	if err != nil {
		jobs.Release()
		d.reloadM.Refused()
		d.log.WithError(err).Error("configuration reload refused; keeping the running configuration")
		return fmt.Errorf("reload refused: %w", err)
	}
	d.probes.Start(ctx, jobs)
	d.mu.Lock()
	old := d.cfg
	d.cfg = cfg
	d.eval.SetConfig(cfg)
	d.mu.Unlock()
	d.applySinks(cfg, sinks)
	d.pinger.Reconfigure()
	d.warnHeartbeatRoutes(cfg)
	names := make([]string, len(cfg.Nodes))
	for i, n := range cfg.Nodes {
		names[i] = n.Name
	}
	d.store.Retain(names)
	peers := make([]string, len(cfg.Peers))
	for i, p := range cfg.Peers {
		peers[i] = p.Name
	}
	d.store.RetainPeers(peers)
	d.forgetRemoved(old, cfg)
	d.reloadM.Loaded(d.clock.Now())
	d.log.WithField("nodes", len(cfg.Nodes)).Info("configuration reloaded")
	d.evaluate(ctx)
	return nil
}

// checkImmutable refuses changes that need a restart.
func (d *Daemon) checkImmutable(cfg *config.Config) error {
	cur := d.config()
	switch {
	case cfg.Server.Listen != cur.Server.Listen || cfg.Server.HealthListen != cur.Server.HealthListen:
		return fmt.Errorf("server listen addresses cannot change on reload; restart lpwatch")
	case cfg.State.Dir != cur.State.Dir:
		return fmt.Errorf("state.dir cannot change on reload; restart lpwatch")
	}
	return nil
}

// forgetRemoved drops the metric series and cached results of nodes,
// data paths and peers no longer configured.
func (d *Daemon) forgetRemoved(old, cfg *config.Config) {
	keep := make(map[string]bool)
	for _, n := range cfg.Nodes {
		keep[n.Name] = true
	}
	for _, p := range cfg.Host.DataPaths {
		keep[p] = true
	}
	removed := make(map[string]bool)
	for _, n := range old.Nodes {
		if keep[n.Name] {
			continue
		}
		removed[n.Name] = true
		d.probeMet.Forget("node", n.Name)
		d.metrics.ForgetNode(n.Name)
	}
	for _, p := range old.Host.DataPaths {
		if !keep[p] {
			removed[p] = true
		}
	}
	for _, p := range cfg.Peers {
		keep["peer/"+p.Name] = true
	}
	for _, p := range old.Peers {
		if !keep["peer/"+p.Name] {
			removed[p.Name] = !keep[p.Name] // unless a node of that name stays
			d.probeMet.Forget("peer", p.Name)
		}
	}
	gone, err := d.results.Forget(removed)
	if err != nil {
		d.log.WithError(err).Error("/health keeps its previous report")
	}
	for _, r := range gone {
		d.metrics.ForgetCheck(r)
	}
}
