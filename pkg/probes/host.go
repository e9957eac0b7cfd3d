package probes

import (
	"context"
	"errors"
	"fmt"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/hostinfo"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// HostTarget is the target name of the host probe in metrics and logs.
const HostTarget = "localhost"

// hostKind probes the host when [host] is enabled, and exports the host
// metrics from the latest observation.
type hostKind struct {
	deps      Deps
	collector *hostCollector
	// registered is set once the collector is registered (at the first
	// configuration that enables the host), for the daemon's life.
	registered bool
}

func newHostKind(deps Deps) Kind {
	return &hostKind{deps: deps, collector: newHostCollector(deps.Store, func() bool { return deps.Config().Host.Enabled })}
}

// Jobs returns the host probe's job when [host] is enabled, and makes sure
// the host metrics are registered.
func (k *hostKind) Jobs(cfg *config.Config) (Built, error) {
	if !cfg.Host.Enabled {
		return Built{}, nil
	}
	if !k.registered {
		if err := k.deps.Registerer.Register(k.collector); err != nil {
			return Built{}, fmt.Errorf("host metrics: %w", err)
		}
		k.registered = true
	}
	var reader HostReader
	h, err := hostinfo.New(hostinfo.Options{})
	if err != nil {
		// Not Linux: every host check reports this reason as unknown.
		k.deps.Logger.WithError(err).Warn("host checks cannot read this system")
		reader = unreadableHost{err: err}
	} else {
		reader = h
	}
	// The probe dials systemd once per run and closes the connection after.
	p, err := NewHostProbe(HostOptions{
		Host: cfg.Host, Nodes: cfg.Nodes, Reader: reader, Store: k.deps.Store, Clock: k.deps.Clock,
		Locator: Locator{Units: k.deps.Units},
	})
	if err != nil {
		return Built{}, err
	}
	return Built{Jobs: []Job{p.Job()}}, nil
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

// HostReader reads the host facts; *hostinfo.Host implements it.
type HostReader interface {
	// OpenFiles reports a process's open files against its soft limit.
	OpenFiles(ctx context.Context, pid int) (hostinfo.FDUsage, error)
	// DiskUsage reports the file system that holds path.
	DiskUsage(ctx context.Context, path string) (hostinfo.Disk, error)
	// ClockStatus reads the kernel's clock synchronization status.
	ClockStatus(ctx context.Context) (hostinfo.Clock, error)
}

// HostOptions configures a HostProbe.
type HostOptions struct {
	// Host is the [host] section: data paths, clock, interval, timeout.
	Host config.Host
	// Nodes are the nodes whose processes' open files are counted.
	Nodes   []config.Node
	Reader  HostReader
	Locator Locator
	Store   *observe.Store
	Clock   clock.Clock
}

// HostProbe reads the host facts behind FileDescriptorsHigh, DiskSpaceLow
// and ClockUnsynchronized into the store.
type HostProbe struct {
	o HostOptions
}

// NewHostProbe builds the host probe; it fails when a dependency is missing.
func NewHostProbe(o HostOptions) (*HostProbe, error) {
	var missing []string
	if o.Reader == nil {
		missing = append(missing, "reader")
	}
	if o.Store == nil {
		missing = append(missing, "store")
	}
	if o.Clock == nil {
		missing = append(missing, "clock")
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("host probe: missing %v", missing)
	}
	if o.Host.Interval <= 0 || o.Host.Timeout <= 0 {
		return nil, fmt.Errorf("host probe: interval %s and timeout %s must be positive", o.Host.Interval, o.Host.Timeout)
	}
	return &HostProbe{o: o}, nil
}

// Job returns the scheduler job of this probe.
func (p *HostProbe) Job() Job {
	return Job{Probe: "host", Target: HostTarget, Interval: p.o.Host.Interval, Timeout: p.o.Host.Timeout, Run: p.Run}
}

// Run probes the host once and records what it saw. It returns an error
// naming every fact it could not read; what it could read is recorded
// either way.
func (p *HostProbe) Run(ctx context.Context) error {
	o := observe.Host{At: p.o.Clock.Now()}
	var errs []error
	o.Processes = p.processes(ctx)
	for _, pr := range o.Processes {
		if pr.Err != nil {
			errs = append(errs, fmt.Errorf("node %s: %w", pr.Node, pr.Err))
		}
	}
	for _, path := range p.o.Host.DataPaths {
		d, err := p.o.Reader.DiskUsage(ctx, path)
		o.Disks = append(o.Disks, observe.HostDisk{Path: path, Usage: d, Err: err})
		if err != nil {
			errs = append(errs, err)
		}
	}
	if p.o.Host.Clock {
		c, err := p.o.Reader.ClockStatus(ctx)
		o.Clock = &observe.HostClock{Status: c, Err: err}
		if err != nil {
			errs = append(errs, err)
		}
	}
	p.o.Store.PutHost(o)
	return errors.Join(errs...)
}

// processes finds each node's process and counts its open files, once
// per process: nodes that share one (several orchestrators in one
// livepeer, or a wrapper's pid file) share its count.
func (p *HostProbe) processes(ctx context.Context) []observe.HostProcess {
	if len(p.o.Nodes) == 0 {
		return nil
	}
	run := p.o.Locator.start()
	defer run.close()
	type counted struct {
		fds hostinfo.FDUsage
		err error
	}
	seen := map[int]counted{}
	out := make([]observe.HostProcess, 0, len(p.o.Nodes))
	for _, n := range p.o.Nodes {
		pr := observe.HostProcess{Node: n.Name}
		pid, src, err := run.pid(ctx, n)
		if err == nil {
			pr.PID, pr.Source = pid, src
			c, ok := seen[pid]
			if !ok {
				c.fds, c.err = p.o.Reader.OpenFiles(ctx, pid)
				seen[pid] = c
			}
			pr.FDs, err = c.fds, c.err
			if err != nil {
				err = fmt.Errorf("process %d (from %s): %w", pid, src, err)
			}
		}
		pr.Err = err
		out = append(out, pr)
	}
	return out
}
