package probes

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sort"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
	"github.com/lpwatch/lpwatch/pkg/watchdog"
)

// Kind is one kind of probe. It owns a section of the configuration, and
// builds from it the scheduler jobs that write the kind's observation into
// the store. A kind lives as long as the daemon: Jobs is called at start
// and on every reload, also for a reload that is then refused.
type Kind interface {
	// Jobs returns the jobs cfg configures for this kind, none when its
	// section is absent or off. Each job's Probe is the kind's name.
	Jobs(cfg *config.Config) (Built, error)
}

// Built is what a kind built for one configuration.
type Built struct {
	Jobs []Job
	// Release frees what the jobs hold (connections): once they have
	// stopped, or at once when their configuration is refused. Nil when
	// they hold nothing.
	Release func()
}

// NewKind builds a kind over the daemon's dependencies.
type NewKind func(Deps) Kind

// Kinds returns the probe kinds by name, a new map on every call. Adding
// a kind is one file of this package and one line here.
func Kinds() map[string]NewKind {
	return map[string]NewKind{
		"node":  newNodeKind,
		"chain": newChainKind,
		"host":  newHostKind,
		"peer":  newPeerKind,
	}
}

// Deps is what the kinds are built with.
type Deps struct {
	Store  *observe.Store
	Clock  clock.Clock
	Logger logrus.FieldLogger
	// HTTPClient reads the nodes.
	HTTPClient *http.Client
	// Registerer takes the metrics a kind exports about its observation.
	Registerer prometheus.Registerer
	// Config returns the configuration running now (a kind's collector
	// reads it at scrape time).
	Config func() *config.Config
	// Units connects to systemd, to find the nodes' processes.
	Units func(ctx context.Context) (watchdog.UnitManager, error)
}

func (d Deps) validate() error {
	var missing []string
	for _, m := range []struct {
		name string
		nil  bool
	}{
		{"store", d.Store == nil}, {"clock", d.Clock == nil}, {"logger", d.Logger == nil},
		{"http client", d.HTTPClient == nil}, {"registerer", d.Registerer == nil},
		{"config", d.Config == nil}, {"units", d.Units == nil},
	} {
		if m.nil {
			missing = append(missing, m.name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("probe kinds: missing %v", missing)
	}
	return nil
}

// Registry is the probe kinds of one daemon.
type Registry struct {
	names []string
	kinds map[string]Kind
}

// NewRegistry builds every kind of kinds (normally Kinds()) over deps.
func NewRegistry(kinds map[string]NewKind, deps Deps) (*Registry, error) {
	if err := deps.validate(); err != nil {
		return nil, err
	}
	r := &Registry{kinds: make(map[string]Kind, len(kinds))}
	for name, newKind := range kinds {
		r.names = append(r.names, name)
		r.kinds[name] = newKind(deps)
	}
	sort.Strings(r.names)
	return r, nil
}

// Kind returns the kind registered as name, nil when there is none.
func (r *Registry) Kind(name string) Kind { return r.kinds[name] }

// Build returns the jobs of every kind for cfg, in the kinds' name order.
// On failure what was built is released.
func (r *Registry) Build(cfg *config.Config) (*JobSet, error) {
	set := &JobSet{}
	for _, name := range r.names {
		b, err := r.kinds[name].Jobs(cfg)
		if b.Release != nil {
			set.release = append(set.release, b.Release)
		}
		if err == nil {
			err = checkProbeNames(name, b.Jobs)
		}
		if err != nil {
			set.Release()
			return nil, err
		}
		set.jobs = append(set.jobs, b.Jobs...)
	}
	return set, nil
}

// checkProbeNames makes sure a kind's jobs carry its name: it is their
// probe label in metrics and logs.
func checkProbeNames(kind string, jobs []Job) error {
	var errs []error
	for _, j := range jobs {
		if j.Probe != kind {
			errs = append(errs, fmt.Errorf("probe kind %q built a job of probe %q (target %q)", kind, j.Probe, j.Target))
		}
	}
	return errors.Join(errs...)
}

// JobSet is the jobs of every kind for one configuration, with what
// releases their resources. A nil JobSet has no jobs.
type JobSet struct {
	jobs    []Job
	release []func()
}

// Jobs returns the set's jobs.
func (s *JobSet) Jobs() []Job {
	if s == nil {
		return nil
	}
	return slices.Clone(s.jobs)
}

// Release frees what the jobs hold; only the first call does anything.
func (s *JobSet) Release() {
	if s == nil {
		return
	}
	for _, f := range s.release {
		f()
	}
	s.release = nil
}
