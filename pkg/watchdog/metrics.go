package watchdog

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// Results of a watchdog tick, the values of the result label.
const (
	pingSent    = "sent"    // WATCHDOG=1 was delivered
	pingSkipped = "skipped" // the scheduler was stalled, no ping
	pingError   = "error"   // the ping could not be delivered
)

// metrics holds the watchdog's Prometheus collectors.
type metrics struct {
	pings *prometheus.CounterVec
}

// newMetrics builds the collectors and registers them on reg; a nil reg
// leaves them unregistered.
func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		pings: promauto.With(reg).NewCounterVec(prometheus.CounterOpts{
			Name: "lpwatch_watchdog_pings_total",
			Help: "Systemd watchdog ticks by result: sent (WATCHDOG=1 delivered), skipped (scheduler stalled, ping withheld), error (delivery failed).",
		}, []string{"result"}),
	}
	for _, r := range []string{pingSent, pingSkipped, pingError} {
		m.pings.WithLabelValues(r)
	}
	return m
}
