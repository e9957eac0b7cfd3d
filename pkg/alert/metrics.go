package alert

import "github.com/prometheus/client_golang/prometheus"

type engineMetrics struct {
	firing        *prometheus.GaugeVec
	enqueueErrors prometheus.Counter
	stateErrors   prometheus.Counter
}

func newEngineMetrics(reg prometheus.Registerer) *engineMetrics {
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
	}
	if reg != nil {
		reg.MustRegister(m.firing, m.enqueueErrors, m.stateErrors)
	}
	return m
}

// updateMetrics recomputes lpwatch_alerts_firing; the caller holds e.mu.
func (e *Engine) updateMetrics() {
	e.metrics.firing.Reset()
	for _, r := range e.state.Alerts {
		if r.Phase == PhaseFiring {
			e.metrics.firing.WithLabelValues(r.Alert, r.Severity.String()).Inc()
		}
	}
}
