package checks

import (
	"sync"

	"github.com/prometheus/client_golang/prometheus"
)

// statusCollector exports lpwatch_check_status: for every check result,
// one series per state, 1 for the result's state and 0 for the others.
// It keeps one small record per result and makes the series when
// scraped, instead of four stored series each: with a thousand nodes
// that is a hundred thousand series kept as a few megabytes.
type statusCollector struct {
	desc *prometheus.Desc

	mu      sync.Mutex
	results map[statusKey]State
}

// statusKey is a result's check and target.
type statusKey struct{ check, target string }

func newStatusCollector() *statusCollector {
	return &statusCollector{
		desc: prometheus.NewDesc("lpwatch_check_status",
			"State of each check per target, one-hot over ok, warning, critical and unknown.",
			[]string{"check", "target", "state"}, nil),
		results: map[statusKey]State{},
	}
}

// set records the state of r.
func (c *statusCollector) set(r Result) {
	c.mu.Lock()
	c.results[statusKey{r.Check, r.Target}] = r.State
	c.mu.Unlock()
}

// forget drops the series of r.
func (c *statusCollector) forget(r Result) {
	c.mu.Lock()
	delete(c.results, statusKey{r.Check, r.Target})
	c.mu.Unlock()
}

// Describe implements prometheus.Collector.
func (c *statusCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

// Collect implements prometheus.Collector.
func (c *statusCollector) Collect(ch chan<- prometheus.Metric) {
	c.mu.Lock()
	type entry struct {
		statusKey
		state State
	}
	entries := make([]entry, 0, len(c.results))
	for k, s := range c.results {
		entries = append(entries, entry{k, s})
	}
	c.mu.Unlock()
	states := States()
	for _, e := range entries {
		for _, s := range states {
			v := 0.0
			if s == e.state {
				v = 1
			}
			ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, v, e.check, e.target, s.String())
		}
	}
}
