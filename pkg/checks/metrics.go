package checks

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// Metrics are the series of SPEC §7 that each evaluation sets: every
// check's state, the evaluations, the node view's gauges and, with a
// chain, the chain series. Created once for the daemon's life.
type Metrics struct {
	checkStatus     *statusCollector
	rewardLastRound *prometheus.GaugeVec
	balance         *prometheus.GaugeVec
	nodeRound       *prometheus.GaugeVec
	evaluations     prometheus.Counter
	chain           *chainMetrics
}

// NewMetrics registers the evaluation metrics on reg. The counters whose
// labels cfg already tells (missed rounds per node, with a chain) exist at
// 0 from the start; each evaluation's configuration (Chain, NoChain)
// adds and removes them after a reload.
func NewMetrics(reg prometheus.Registerer, cfg *config.Config) *Metrics {
	m := &Metrics{
		checkStatus: newStatusCollector(),
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
		chain: newChainMetrics(reg, cfg),
	}
	reg.MustRegister(m.checkStatus, m.rewardLastRound, m.balance, m.nodeRound, m.evaluations)
	return m
}

// Evaluated counts one evaluation.
func (m *Metrics) Evaluated() { m.evaluations.Inc() }

// SetCheck sets the one-hot status series of a check result.
func (m *Metrics) SetCheck(r Result) { m.checkStatus.set(r) }

// ForgetCheck deletes the status series of a result no longer reported.
func (m *Metrics) ForgetCheck(r Result) { m.checkStatus.forget(r) }

// ForgetNode deletes the node view's series of a node no longer configured.
func (m *Metrics) ForgetNode(name string) {
	m.rewardLastRound.DeleteLabelValues(name)
	m.balance.DeleteLabelValues(name)
	m.nodeRound.DeleteLabelValues(name)
}

// NodeView exports the node's view as gauges. With a chain, the last
// reward round and the balance come from the chain (Chain).
func (m *Metrics) NodeView(snap observe.Snapshot, withChain bool) {
	for _, n := range snap.Nodes {
		s := n.Snapshot
		if s == nil {
			continue
		}
		if t := s.Transcoder.LastRewardRound; !withChain && t != nil && t.IsInt64() {
			m.rewardLastRound.WithLabelValues(n.Name).Set(float64(t.Int64()))
		}
		if s.CurrentRound != nil && s.CurrentRound.IsInt64() {
			m.nodeRound.WithLabelValues(n.Name).Set(float64(s.CurrentRound.Int64()))
		}
		if !withChain && s.EthBalance != nil {
			m.balance.WithLabelValues(n.Name).Set(Ether(s.EthBalance))
		}
	}
}

// Chain exports the chain series of an evaluation of cfg (which has a
// chain).
func (m *Metrics) Chain(now time.Time, cfg *config.Config, snap observe.Snapshot, facts map[string]NodeChainFacts) {
	m.chain.update(now, cfg, snap, facts, m)
}

// NoChain removes every chain series (chain monitoring is off).
func (m *Metrics) NoChain() { m.chain.reset(m) }
