package daemon

import (
	"context"
	"errors"
	"fmt"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/hostinfo"
	"github.com/lpwatch/lpwatch/pkg/probes"
	"github.com/lpwatch/lpwatch/pkg/watchdog"
)

// hostJobs returns the host probe's job when [host] is enabled, and makes
// sure the host metrics are registered (once for the daemon's life).
func (d *Daemon) hostJobs(cfg *config.Config) ([]probes.Job, error) {
	if !cfg.Host.Enabled {
		return nil, nil
	}
	if err := registerOnce(d.opts.Registry, newHostCollector(d.store, func() bool { return d.config().Host.Enabled })); err != nil {
		return nil, fmt.Errorf("host metrics: %w", err)
	}
	var reader probes.HostReader
	h, err := hostinfo.New(hostinfo.Options{})
	if err != nil {
		// Not Linux: every host check reports this reason as unknown.
		d.log.WithError(err).Warn("host checks cannot read this system")
		reader = unreadableHost{err: err}
	} else {
		reader = h
	}
	units := d.opts.Units
	if units == nil {
		units = watchdog.NewSystemdManager
	}
	// The probe dials systemd once per run and closes the connection after.
	p, err := probes.NewHostProbe(probes.HostOptions{
		Host: cfg.Host, Nodes: cfg.Nodes, Reader: reader, Store: d.store, Clock: d.clock,
		Locator: probes.Locator{Units: units},
	})
	if err != nil {
		return nil, err
	}
	return []probes.Job{p.Job()}, nil
}

// registerOnce registers c unless an identical collector already is (the
// jobs are built again on every reload).
func registerOnce(reg prometheus.Registerer, c prometheus.Collector) error {
	err := reg.Register(c)
	var are prometheus.AlreadyRegisteredError
	if err != nil && !errors.As(err, &are) {
		return err
	}
	return nil
}

// unreadableHost is the HostReader of a system hostinfo cannot read.
type unreadableHost struct{ err error }

func (u unreadableHost) OpenFiles(context.Context, int) (hostinfo.FDUsage, error) {
	return hostinfo.FDUsage{}, u.err
}

func (u unreadableHost) DiskUsage(context.Context, string) (hostinfo.Disk, error) {
	return hostinfo.Disk{}, u.err
}

func (u unreadableHost) ClockStatus(context.Context) (hostinfo.Clock, error) {
	return hostinfo.Clock{}, u.err
}
