package checks

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

const missedHelp = "# HELP lpwatch_reward_missed_rounds_total Rounds that ended with the node's transcoder active and no reward call (counted once, across restarts).\n" +
	"# TYPE lpwatch_reward_missed_rounds_total counter\n"

// twoNodes is chainConfig with a second node.
func twoNodes(t *testing.T) *config.Config {
	cfg := chainConfig(t)
	n := cfg.Nodes[0]
	n.Name = "tc002"
	cfg.Nodes = append(cfg.Nodes, n)
	return cfg
}

// TestMissedRoundsExportedAtZero: with a chain, every configured node and
// orchestrator has its missed-rounds series at 0 from the start, before any evaluation.
func TestMissedRoundsExportedAtZero(t *testing.T) {
	reg := prometheus.NewRegistry()
	NewMetrics(reg, twoNodes(t))
	want := missedHelp + "lpwatch_reward_missed_rounds_total{node=\"tc001\"} 0\nlpwatch_reward_missed_rounds_total{node=\"tc002\"} 0\n"
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "lpwatch_reward_missed_rounds_total"); err != nil {
		t.Error(err)
	}

	reg = prometheus.NewRegistry()
	NewMetrics(reg, orchConfig(t))
	want = missedHelp + "lpwatch_reward_missed_rounds_total{node=\"tc001\"} 0\nlpwatch_reward_missed_rounds_total{node=\"" + oName + "\"} 0\n"
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "lpwatch_reward_missed_rounds_total"); err != nil {
		t.Errorf("with an [[orchestrator]]: %v", err)
	}

	reg = prometheus.NewRegistry()
	cfg := twoNodes(t)
	cfg.Chain.URLs = nil
	NewMetrics(reg, cfg)
	if n, err := testutil.GatherAndCount(reg, "lpwatch_reward_missed_rounds_total"); err != nil || n != 0 {
		t.Errorf("without a chain: %d series (%v), want none", n, err)
	}
}

// TestMissedRoundsFollowTheConfiguration: an evaluation of a reloaded
// configuration deletes the series of a removed node, adds a new one at 0
// and keeps the count of the others; turning the chain off deletes all.
func TestMissedRoundsFollowTheConfiguration(t *testing.T) {
	reg := prometheus.NewRegistry()
	cfg := twoNodes(t)
	m := NewMetrics(reg, cfg)
	m.Chain(tTime(), cfg, observe.Snapshot{}, map[string]NodeChainFacts{"tc001": {MissedTotal: 2}})

	next := twoNodes(t)
	next.Nodes[1].Name = "tc003"
	m.Chain(tTime(), next, observe.Snapshot{}, map[string]NodeChainFacts{"tc001": {MissedTotal: 2}})
	want := missedHelp + "lpwatch_reward_missed_rounds_total{node=\"tc001\"} 2\nlpwatch_reward_missed_rounds_total{node=\"tc003\"} 0\n"
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "lpwatch_reward_missed_rounds_total"); err != nil {
		t.Error(err)
	}

	m.NoChain()
	if n, err := testutil.GatherAndCount(reg, "lpwatch_reward_missed_rounds_total"); err != nil || n != 0 {
		t.Errorf("after the chain was turned off: %d series (%v), want none", n, err)
	}
}
