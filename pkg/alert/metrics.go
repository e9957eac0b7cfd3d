package alert

import "github.com/prometheus/client_golang/prometheus"

type engineMetrics struct {
	firing        *prometheus.GaugeVec
	enqueueErrors prometheus.Counter
	stateErrors   prometheus.Counter
	// series are the label pairs (alert, severity) lpwatch_alerts_firing
	// exports: every alert of the catalog at its severity from the start,
	// and every other pair once it fired. They stay, at 0 when nothing
	// fires, so that queries see 0 rather than no data.
	series map[[2]string]bool
}

func newEngineMetrics(reg prometheus.Registerer, catalog Catalog) *engineMetrics {
	m := &engineMetrics{
		firing: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "lpwatch_alerts_firing",
			Help: "Alerts currently firing, by alert name and severity.",
		}, []string{"alert", "severity"}),
		enqueueErrors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "lpwatch_notification_enqueue_errors_total",
			Help: "Notifications that could not be written to the outbox (retried on the next evaluation).",
		}),
		stateErrors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "lpwatch_alert_state_write_errors_total",
			Help: "Failed writes of the persisted alert state.",
		}),
		series: make(map[[2]string]bool, len(catalog)),
	}
	for name, r := range catalog {
		m.series[[2]string{name, r.Severity.String()}] = true
	}
	if reg != nil {
		reg.MustRegister(m.firing, m.enqueueErrors, m.stateErrors)
	}
	return m
}

// updateMetrics recomputes lpwatch_alerts_firing; the caller holds e.mu.
func (e *Engine) updateMetrics() {
	m := e.metrics
	count := make(map[[2]string]float64)
	for _, r := range e.state.Alerts {
		if r.Phase == PhaseFiring {
			k := [2]string{r.Alert, r.Severity.String()}
			count[k]++
			m.series[k] = true
		}
	}
	for k := range m.series {
		m.firing.WithLabelValues(k[0], k[1]).Set(count[k])
	}
}
