package remediation

import (
	"slices"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"github.com/lpwatch/lpwatch/pkg/config"
)

// metrics are the controller's Prometheus series.
type metrics struct {
	remediations *prometheus.CounterVec
	rewards      *prometheus.CounterVec

	mu sync.Mutex
	// cfg is the configuration units were last taken from.
	cfg *config.Config
	// units have every result series of lpwatch_remediations_total, at 0
	// until something happens to them, so that rate() and dashboards work
	// before the first restart.
	units []string
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

// configure exports every result series of the units of cfg, at 0 for a
// unit new to them, and deletes the series of units cfg no longer has.
func (m *metrics) configure(cfg *config.Config) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if cfg == nil || cfg == m.cfg {
		return
	}
	m.cfg = cfg
	units := restartable(cfg)
	if slices.Equal(units, m.units) {
		return
	}
	for _, u := range m.units {
		if !slices.Contains(units, u) {
			m.remediations.DeletePartialMatch(prometheus.Labels{"unit": u})
		}
	}
	for _, u := range units {
		for _, r := range Results() {
			m.remediations.WithLabelValues(u, r)
		}
	}
	m.units = units
}

// restartable returns the systemd units the ladder may restart under cfg,
// sorted: each node's systemd_unit, and the chain's when the chain is
// watched or restarted on a schedule.
func restartable(cfg *config.Config) []string {
	var out []string
	if u := cfg.Chain.SystemdUnit; u != "" && (len(cfg.Chain.URLs) > 0 || cfg.Remediation.ScheduledChainRestart != "") {
		out = append(out, u)
	}
	for _, n := range cfg.Nodes {
		if n.SystemdUnit != "" {
			out = append(out, n.SystemdUnit)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
