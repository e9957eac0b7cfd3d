package heartbeat

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// The pings, the values of the ping label.
const (
	PingSuccess = "success" // the success URL: lpwatch is alive and can page
	PingFail    = "fail"    // the fail URL: lpwatch is alive but no sink delivers
	PingStart   = "start"   // the start URL, once at start
)

// The outcomes, the values of the result label.
const (
	resultSent     = "sent"     // the service answered 2xx
	resultError    = "error"    // it did not, or could not be reached
	resultWithheld = "withheld" // the scheduler is stalled: no ping sent
)

// metrics holds the heartbeat's Prometheus collectors.
type metrics struct {
	pings       *prometheus.CounterVec
	lastSuccess prometheus.Gauge
}

// newMetrics builds the collectors and registers them on reg (none when
// nil), every series at 0.
func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		pings: promauto.With(reg).NewCounterVec(prometheus.CounterOpts{
			Name: "lpwatch_heartbeat_pings_total",
			Help: "Heartbeat-out pings by ping (success, fail, start) and result: sent (answered 2xx), error (not accepted or unreachable), withheld (the scheduler is stalled, so no success ping).",
		}, []string{"ping", "result"}),
		lastSuccess: promauto.With(reg).NewGauge(prometheus.GaugeOpts{
			Name: "lpwatch_heartbeat_last_success_timestamp_seconds",
			Help: "Unix time of the last success ping the heartbeat service accepted (0: none yet).",
		}),
	}
	for _, p := range []string{PingSuccess, PingFail, PingStart} {
		m.pings.WithLabelValues(p, resultSent)
		m.pings.WithLabelValues(p, resultError)
	}
	m.pings.WithLabelValues(PingSuccess, resultWithheld)
	return m
}
