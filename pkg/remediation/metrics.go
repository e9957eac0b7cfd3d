package remediation

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// metrics are the controller's Prometheus series.
type metrics struct {
	remediations *prometheus.CounterVec
	rewards      *prometheus.CounterVec
}

// newMetrics registers the series on reg (nil registers nowhere).
func newMetrics(reg prometheus.Registerer) *metrics {
	f := promauto.With(reg)
	return &metrics{
		remediations: f.NewCounterVec(prometheus.CounterOpts{
			Name: "lpwatch_remediations_total",
			Help: "Restarts lpwatch made, tried or held back, by unit and result (success, failed, timeout, dry_run, skipped_budget, skipped_cooldown, skipped_chain_unhealthy).",
		}, []string{"unit", "result"}),
		rewards: f.NewCounterVec(prometheus.CounterOpts{
			Name: "lpwatch_auto_reward_requests_total",
			Help: "Reward calls auto_reward made, by node and result (success, failed, timeout, dry_run).",
		}, []string{"node", "result"}),
	}
}
