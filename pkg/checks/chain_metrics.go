package checks

import (
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// chainMetrics are the chain series of SPEC §7. A value that could not be
// read has no series rather than a stale one.
type chainMetrics struct {
	round     *prometheus.GaugeVec
	remaining *prometheus.GaugeVec
	missed    *prometheus.CounterVec
	runway    *prometheus.GaugeVec
	headAge   *prometheus.GaugeVec
	syncing   *prometheus.GaugeVec
	nonceGap  *prometheus.GaugeVec
	calls     *prometheus.GaugeVec
	trips     *prometheus.GaugeVec
	bytes     *prometheus.GaugeVec

	// rewards are the latest reward's series per target.
	rewards *rewardMetrics

	// counted is what the missed-rounds counter has been given per target;
	// it has a key for every target whose series exists.
	counted map[string]uint64
	// series are the label values set by the last update, per vector.
	series map[*prometheus.GaugeVec]map[string]bool
}

func newChainMetrics(reg prometheus.Registerer, cfg *config.Config) *chainMetrics {
	gauge := func(name, help string, labels ...string) *prometheus.GaugeVec {
		return prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: name, Help: help}, labels)
	}
	m := &chainMetrics{
		round:     gauge("lpwatch_round_current", "The protocol's current round, from the RoundsManager."),
		remaining: gauge("lpwatch_round_blocks_remaining", "Blocks (in the RoundsManager's blockNum() units, L1 on Arbitrum) left in the current round."),
		missed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lpwatch_reward_missed_rounds_total", Help: "Rounds that ended with the node's transcoder active and no reward call (counted once, across restarts).",
		}, []string{"node"}),
		runway:   gauge("lpwatch_eth_runway_seconds", "How long the node account's ETH lasts at its recent spend rate (+Inf when nothing was spent).", "node"),
		headAge:  gauge("lpwatch_chain_head_age_seconds", "Age of each chain endpoint's newest block.", "endpoint"),
		syncing:  gauge("lpwatch_chain_syncing", "Whether a chain endpoint is syncing blocks (1) or not (0).", "endpoint"),
		nonceGap: gauge("lpwatch_tx_pending_nonce_gap", "The node account's pending nonce minus its mined nonce: transactions sent but not mined.", "node"),
		calls:    gauge("lpwatch_chain_rpc_calls", "RPC calls made by the latest chain probe cycle, slash scan included."),
		trips:    gauge("lpwatch_chain_rpc_round_trips", "Requests (JSON-RPC batches and single calls) the latest chain probe cycle's RPC calls went in, slash scan included."),
		bytes:    gauge("lpwatch_chain_rpc_bytes", "JSON size of the parameters and results of the latest chain probe cycle's RPC calls, slash scan included."),
		counted:  map[string]uint64{},
		series:   map[*prometheus.GaugeVec]map[string]bool{},
		rewards:  newRewardMetrics(reg),
	}
	reg.MustRegister(m.round, m.remaining, m.missed, m.runway, m.headAge, m.syncing, m.nonceGap, m.calls, m.trips, m.bytes)
	if len(cfg.Chain.URLs) > 0 {
		m.track(cfg.Targets())
	}
	return m
}

// gauges collects the values of one update, then replaces the previous ones.
type gauges map[*prometheus.GaugeVec]map[string]float64

func (g gauges) set(v *prometheus.GaugeVec, label string, val float64) {
	if g[v] == nil {
		g[v] = map[string]float64{}
	}
	g[v][label] = val
}

// apply sets every collected value and deletes the series not set again.
func (m *chainMetrics) apply(g gauges) {
	for _, v := range []*prometheus.GaugeVec{m.round, m.remaining, m.runway, m.headAge, m.syncing, m.nonceGap, m.calls, m.trips, m.bytes} {
		now := map[string]bool{}
		for label, val := range g[v] {
			now[label] = true
			if label == "" {
				v.WithLabelValues().Set(val)
			} else {
				v.WithLabelValues(label).Set(val)
			}
		}
		for label := range m.series[v] {
			if now[label] {
				continue
			}
			if label == "" {
				v.DeleteLabelValues()
			} else {
				v.DeleteLabelValues(label)
			}
		}
		m.series[v] = now
	}
}

// update exports the chain series of an evaluation; base holds the series
// the node view fills when no chain is configured (last reward round,
// balance), which come from the chain here.
func (m *chainMetrics) update(now time.Time, cfg *config.Config, snap observe.Snapshot, facts map[string]NodeChainFacts, base *Metrics) {
	g := gauges{}
	o, _ := ChainObservation(now, snap.Chain, cfg.Chain)
	if o != nil {
		var scan observe.ChainScan // the RPC counts of the latest slash scan
		if ev := snap.Chain.Events; ev != nil && ev.Last != nil {
			scan = *ev.Last
		}
		if r := o.Round.CurrentRound; r != nil {
			g.set(m.round, "", float64(*r))
		}
		if rem, ok := o.Round.Remaining(); ok {
			g.set(m.remaining, "", float64(rem))
		}
		g.set(m.calls, "", float64(o.Calls)+float64(scan.Calls))
		g.set(m.trips, "", float64(o.RoundTrips)+float64(scan.RoundTrips))
		g.set(m.bytes, "", float64(o.Bytes)+float64(scan.Bytes))
		for _, h := range append(append([]chain.EndpointHealth(nil), o.Endpoints...), o.References...) {
			if age, ok := h.HeadAge(now); ok {
				g.set(m.headAge, h.Name, age.Seconds())
			}
		}
		for _, h := range o.Endpoints {
			if h.Sync != nil {
				g.set(m.syncing, h.Name, boolFloat(h.Sync.BlockSyncing()))
			}
		}
	}
	targets := metricTargets(cfg, facts)
	for _, n := range targets {
		if f, ok := facts[n.Name]; ok {
			if f.RunwayKnown {
				g.set(m.runway, n.Name, f.RunwaySeconds)
			}
			if f.MissedTotal > m.counted[n.Name] {
				m.missed.WithLabelValues(n.Name).Add(float64(f.MissedTotal - m.counted[n.Name]))
				m.counted[n.Name] = f.MissedTotal
			}
		}
		var a *chain.AccountInfo
		if o != nil && n.Address.Valid() {
			a = o.Account(n.Address.Addr())
		}
		if a != nil && a.Transcoder != nil {
			g.set(base.rewardLastRound, n.Name, float64(a.Transcoder.LastRewardRound))
		}
		// Balance and nonces are those of the account that sends the
		// reward transactions: none when a contract does.
		if s := facts[n.Name].Sender; a != nil && s.Account != nil {
			a = s.Account
		} else if s.Contract != (common.Address{}) {
			a = nil
		}
		if a != nil && a.Balance != nil {
			g.set(base.balance, n.Name, Ether(a.Balance))
		}
		if a != nil {
			if gap, ok := a.NonceGap(); ok {
				g.set(m.nonceGap, n.Name, float64(gap))
			}
		}
	}
	m.apply(g)
	m.applyBase(g, base)
	m.track(targets)
	m.rewards.update(targets, facts)
}

// applyBase sets the node-labelled series of the node view (Metrics).
func (m *chainMetrics) applyBase(g gauges, base *Metrics) {
	for _, v := range []*prometheus.GaugeVec{base.rewardLastRound, base.balance} {
		now := map[string]bool{}
		for label, val := range g[v] {
			now[label] = true
			v.WithLabelValues(label).Set(val)
		}
		for label := range m.series[v] {
			if !now[label] {
				v.DeleteLabelValues(label)
			}
		}
		m.series[v] = now
	}
}

// track makes the missed-rounds series of each of targets exist, at 0
// until a missed round is counted, so that rate() and dashboards work
// before the first one, and deletes those of other targets. targets are
// the chain targets (none without a chain).
func (m *chainMetrics) track(targets []config.Target) {
	keep := make(map[string]bool, len(targets))
	for _, n := range targets {
		keep[n.Name] = true
		if _, ok := m.counted[n.Name]; !ok {
			m.missed.WithLabelValues(n.Name)
			m.counted[n.Name] = 0
		}
	}
	for name := range m.counted {
		if !keep[name] {
			m.missed.DeleteLabelValues(name)
			delete(m.counted, name)
		}
	}
}

// reset removes every chain series (chain monitoring is off).
func (m *chainMetrics) reset(base *Metrics) {
	m.apply(gauges{})
	if len(m.series[base.rewardLastRound]) > 0 || len(m.series[base.balance]) > 0 {
		m.applyBase(gauges{}, base)
	}
	m.track(nil)
	m.rewards.reset()
}

func boolFloat(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
