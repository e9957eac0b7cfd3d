package config

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// ReloadMetrics are the configuration reload series of SPEC §7.
type ReloadMetrics struct {
	ok   prometheus.Gauge
	time prometheus.Gauge
}

// NewReloadMetrics registers the reload metrics on reg.
func NewReloadMetrics(reg prometheus.Registerer) *ReloadMetrics {
	m := &ReloadMetrics{
		ok: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "lpwatch_config_last_reload_successful", Help: "Whether the last configuration reload succeeded (1) or was refused (0).",
		}),
		time: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "lpwatch_config_last_reload_success_timestamp_seconds", Help: "When the configuration was last loaded successfully (Unix time).",
		}),
	}
	reg.MustRegister(m.ok, m.time)
	return m
}

// Loaded records a configuration loaded at at (start, or a reload).
func (m *ReloadMetrics) Loaded(at time.Time) {
	m.ok.Set(1)
	m.time.Set(float64(at.Unix()))
}

// Refused records a reload refused: the running configuration is kept.
func (m *ReloadMetrics) Refused() { m.ok.Set(0) }
