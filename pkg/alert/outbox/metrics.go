package outbox

import (
	"errors"
	"fmt"
	"sync"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// Results counted in lpwatch_notifications_total.
const (
	ResultSent    = "sent"    // the sink accepted the notification
	ResultRetry   = "retry"   // a retryable failure; it will be tried again
	ResultFailed  = "failed"  // a permanent failure; the record was dropped
	ResultExpired = "expired" // older than MaxAge; the record was dropped
	ResultDropped = "dropped" // its sink is no longer configured; dropped
)

var allResults = []string{ResultSent, ResultRetry, ResultFailed, ResultExpired, ResultDropped}

// metrics are the outbox's Prometheus metrics. Queue depth and oldest age
// are computed at scrape time from the queues, so they are never stale.
type metrics struct {
	reg   prometheus.Registerer
	total *prometheus.CounterVec
	state *stateCollector

	mu sync.Mutex
	// sinks have series in total: the configured ones, at 0 for every
	// result until something happens, and those that hold records.
	sinks map[string]bool
}

func newMetrics(reg prometheus.Registerer, o *Outbox) (*metrics, error) {
	m := &metrics{
		reg: reg, sinks: map[string]bool{},
		total: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lpwatch_notifications_total",
			Help: "Notification delivery outcomes per sink: sent, retry, failed (permanent error), expired (older than the outbox max age), dropped (sink no longer configured).",
		}, []string{"sink", "result"}),
	}
	m.state = &stateCollector{o: o,
		depth: prometheus.NewDesc("lpwatch_notification_queue_depth",
			"Notifications waiting in the durable outbox per sink.", []string{"sink"}, nil),
		oldest: prometheus.NewDesc("lpwatch_notification_oldest_pending_seconds",
			"Age of the oldest notification waiting in the outbox per sink (0 when empty).", []string{"sink"}, nil),
		unstored: prometheus.NewDesc("lpwatch_notification_unstored",
			"Notifications waiting per sink that the outbox could not write to disk (state directory full or read-only): delivered, but lost if lpwatch stops first.", []string{"sink"}, nil),
	}
	if err := reg.Register(m.total); err != nil {
		return nil, fmt.Errorf("register outbox metrics: %w", err)
	}
	if err := reg.Register(m.state); err != nil {
		reg.Unregister(m.total)
		return nil, fmt.Errorf("register outbox metrics: %w", err)
	}
	return m, nil
}

// unregister removes the metrics, so that the directory can be opened again.
func (m *metrics) unregister() error {
	ok1 := m.reg.Unregister(m.total)
	ok2 := m.reg.Unregister(m.state)
	if !ok1 || !ok2 {
		return errors.New("outbox metrics were not registered")
	}
	return nil
}

// initSink creates every result series of a sink at zero.
func (m *metrics) initSink(sink string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sinks[sink] = true
	for _, r := range allResults {
		m.total.WithLabelValues(sink, r)
	}
}

// configured makes the series of exactly the sinks of Run exist: every
// result of each, at 0 when new; those of other sinks are deleted.
func (m *metrics) configured(sinks map[string]alert.Sink) {
	for sink := range sinks {
		m.initSink(sink)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for sink := range m.sinks {
		if _, ok := sinks[sink]; !ok {
			m.total.DeletePartialMatch(prometheus.Labels{"sink": sink})
			delete(m.sinks, sink)
		}
	}
}

// count counts one outcome. A sink no longer configured gets the one
// series counted (dropped), until the next retain.
func (m *metrics) count(sink, result string) {
	m.mu.Lock()
	m.sinks[sink] = true
	m.mu.Unlock()
	m.total.WithLabelValues(sink, result).Inc()
}

// stateCollector reports queue depth, oldest pending age and records
// held only in memory per sink.
type stateCollector struct {
	o        *Outbox
	depth    *prometheus.Desc
	oldest   *prometheus.Desc
	unstored *prometheus.Desc
}

// Describe implements prometheus.Collector.
func (c *stateCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.depth
	ch <- c.oldest
	ch <- c.unstored
}

// Collect implements prometheus.Collector.
func (c *stateCollector) Collect(ch chan<- prometheus.Metric) {
	for _, h := range c.o.Health() {
		ch <- prometheus.MustNewConstMetric(c.depth, prometheus.GaugeValue, float64(h.QueueDepth), h.Sink)
		ch <- prometheus.MustNewConstMetric(c.oldest, prometheus.GaugeValue, h.OldestPending.Seconds(), h.Sink)
		ch <- prometheus.MustNewConstMetric(c.unstored, prometheus.GaugeValue, float64(h.Unstored), h.Sink)
	}
}
