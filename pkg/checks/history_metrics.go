package checks

import (
	"sort"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/lpwatch/lpwatch/pkg/config"
)

// rewardMetrics are the series of each target's latest reward in its
// history. A target with no reward in its history has none of them: a
// zero would read as a free reward at the round's first block.
type rewardMetrics struct {
	cost, minted, block *prometheus.GaugeVec
	set                 map[string]bool
}

func newRewardMetrics(reg prometheus.Registerer) *rewardMetrics {
	gauge := func(name, help string) *prometheus.GaugeVec {
		return prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: name, Help: help}, []string{"node"})
	}
	m := &rewardMetrics{
		cost:   gauge("lpwatch_reward_tx_cost_ether", "Fee of the latest reward transaction of the target (gas used × effective gas price), in ether."),
		minted: gauge("lpwatch_reward_minted_lpt", "LPT minted by the latest reward of the target (its Reward event)."),
		block:  gauge("lpwatch_reward_block_in_round", "How many blocks (of the RoundsManager's blockNum()) into its round the target's latest reward landed."),
		set:    map[string]bool{},
	}
	reg.MustRegister(m.cost, m.minted, m.block)
	return m
}

// update sets the series of each target's latest reward and drops those
// of targets gone.
func (m *rewardMetrics) update(targets []config.Target, facts map[string]NodeChainFacts) {
	now := map[string]bool{}
	for _, t := range targets {
		rounds := facts[t.Name].Rounds
		for i := len(rounds) - 1; i >= 0; i-- {
			r := rounds[i]
			if r.Outcome != OutcomeRewarded || r.Tx == "" {
				continue
			}
			now[t.Name] = true
			if c := ParseWei(r.CostWei); c != nil {
				m.cost.WithLabelValues(t.Name).Set(Ether(c))
			} else {
				m.cost.DeleteLabelValues(t.Name)
			}
			if v := ParseWei(r.MintedWei); v != nil {
				m.minted.WithLabelValues(t.Name).Set(Ether(v))
			}
			if r.Block != nil {
				m.block.WithLabelValues(t.Name).Set(float64(*r.Block))
			}
			break
		}
	}
	for name := range m.set {
		if !now[name] {
			m.forget(name)
		}
	}
	m.set = now
}

func (m *rewardMetrics) forget(name string) {
	m.cost.DeleteLabelValues(name)
	m.minted.DeleteLabelValues(name)
	m.block.DeleteLabelValues(name)
}

// reset drops every series (chain monitoring is off).
func (m *rewardMetrics) reset() {
	for name := range m.set {
		m.forget(name)
	}
	m.set = map[string]bool{}
}

// metricTargets are the targets whose chain series are exported: the
// configured ones, then the observed accounts of the active set, by name.
func metricTargets(cfg *config.Config, facts map[string]NodeChainFacts) []config.Target {
	out := cfg.Targets()
	var observed []string
	for name, f := range facts {
		if f.Observed {
			observed = append(observed, name)
		}
	}
	sort.Strings(observed)
	for _, name := range observed {
		out = append(out, config.Target{Name: name, Address: config.ParseAddress(facts[name].Address)})
	}
	return out
}
