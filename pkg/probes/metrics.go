package probes

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the probe metrics of SPEC §7, shared by every scheduler
// built over the life of the process (reloads reuse them).
type Metrics struct {
	success     *prometheus.GaugeVec
	duration    *prometheus.GaugeVec
	lastSuccess *prometheus.GaugeVec
	runs        *prometheus.CounterVec
}

// NewMetrics registers the probe metrics on reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		success: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "lpwatch_probe_success", Help: "Whether the last probe of a target succeeded (1) or failed (0).",
		}, []string{"probe", "target"}),
		duration: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "lpwatch_probe_duration_seconds", Help: "How long the last probe of a target took.",
		}, []string{"probe", "target"}),
		lastSuccess: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "lpwatch_probe_last_success_timestamp_seconds", Help: "When a probe of a target last succeeded (Unix time).",
		}, []string{"probe", "target"}),
		runs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lpwatch_probe_runs_total", Help: "Probe runs by result.",
		}, []string{"probe", "target", "result"}),
	}
	if reg != nil {
		reg.MustRegister(m.success, m.duration, m.lastSuccess, m.runs)
	}
	return m
}

func (m *Metrics) observe(probe, target string, ok bool, d time.Duration, end time.Time) {
	if m == nil {
		return
	}
	m.duration.WithLabelValues(probe, target).Set(d.Seconds())
	if ok {
		m.success.WithLabelValues(probe, target).Set(1)
		m.lastSuccess.WithLabelValues(probe, target).Set(float64(end.UnixNano()) / 1e9)
		m.runs.WithLabelValues(probe, target, "success").Inc()
		return
	}
	m.success.WithLabelValues(probe, target).Set(0)
	m.runs.WithLabelValues(probe, target, "failure").Inc()
}

// Forget removes the series of a target that is no longer configured.
func (m *Metrics) Forget(probe, target string) {
	if m == nil {
		return
	}
	for _, v := range []*prometheus.GaugeVec{m.success, m.duration, m.lastSuccess} {
		v.DeleteLabelValues(probe, target)
	}
	m.runs.DeleteLabelValues(probe, target, "success")
	m.runs.DeleteLabelValues(probe, target, "failure")
}
