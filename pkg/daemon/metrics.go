package daemon

import (
	"runtime"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/lpwatch/lpwatch/pkg/checks"
)

// metrics are the daemon-level series of SPEC §7 that are not owned by a
// more specific package.
type metrics struct {
	checkStatus     *prometheus.GaugeVec
	reloadOK        prometheus.Gauge
	reloadTime      prometheus.Gauge
	rewardLastRound *prometheus.GaugeVec
	balance         *prometheus.GaugeVec
	nodeRound       *prometheus.GaugeVec
	evaluations     prometheus.Counter
}

func newMetrics(reg prometheus.Registerer, version, commit string) *metrics {
	m := &metrics{
		checkStatus: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "lpwatch_check_status", Help: "State of each check per target, one-hot over ok, warning, critical and unknown.",
		}, []string{"check", "target", "state"}),
		reloadOK: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "lpwatch_config_last_reload_successful", Help: "Whether the last configuration reload succeeded (1) or was refused (0).",
		}),
		reloadTime: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "lpwatch_config_last_reload_success_timestamp_seconds", Help: "When the configuration was last loaded successfully (Unix time).",
		}),
		rewardLastRound: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "lpwatch_reward_last_round", Help: "The last round in which the node's transcoder called reward.",
		}, []string{"node"}),
		balance: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "lpwatch_eth_balance_ether", Help: "The node account's ETH balance, in ether.",
		}, []string{"node"}),
		nodeRound: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "lpwatch_node_round_current", Help: "The current round as the node itself reports it.",
		}, []string{"node"}),
		evaluations: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "lpwatch_evaluations_total", Help: "Check evaluations performed.",
		}),
	}
	build := prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "lpwatch_build_info", Help: "A metric with constant value 1 labelled by lpwatch's version, commit and Go version.",
	}, []string{"version", "revision", "goversion"})
	build.WithLabelValues(version, commit, runtime.Version()).Set(1)
	reg.MustRegister(m.checkStatus, m.reloadOK, m.reloadTime, m.rewardLastRound, m.balance, m.nodeRound, m.evaluations, build)
	return m
}

// setCheck sets the one-hot status series of a check result.
func (m *metrics) setCheck(r checks.Result) {
	for _, s := range checks.States() {
		v := 0.0
		if s == r.State {
			v = 1
		}
		m.checkStatus.WithLabelValues(r.Check, r.Target, s.String()).Set(v)
	}
}
