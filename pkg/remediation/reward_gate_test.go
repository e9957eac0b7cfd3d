package remediation

import (
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

func TestRewardGate(t *testing.T) {
	cfg := testConfig()
	n := cfg.Nodes[0]
	now := testStart
	dry := testConfig()
	dry.Remediation.DryRun = true
	chainWith := func(f func(o *chain.Observation)) *observe.Chain {
		c := healthyChain(now).observe()
		f(c.Obs.(*chain.Observation))
		return c
	}
	nodeWith := func(f func(o *observe.Node)) observe.Node {
		o := nodeSeen(node1, now, testRound)
		f(&o)
		return o
	}
	up := nodeSeen(node1, now, testRound)
	live := RewardEntry{Round: testRound, Result: ResultSuccess}
	tests := []struct {
		name      string
		cfg       *config.Config
		chain     *observe.Chain
		node      observe.Node
		last      *RewardEntry
		wantRound uint64
		why       string
	}{
		{"allowed", cfg, healthyChain(now).observe(), up, nil, testRound, ""},
		{"a previous round was requested", cfg, healthyChain(now).observe(), up, &RewardEntry{Round: testRound - 1}, testRound, ""},
		{"no maximum gas price", cfg, healthyChain(now).observe(), nodeWith(func(o *observe.Node) { o.Snapshot.MaxGasPrice = nil }), nil, testRound, ""},
		{"node down", cfg, healthyChain(now).observe(), nodeDown(node1, now), nil, 0, "does not answer"},
		{"chain stale", cfg, chainState{at: now, headAge: time.Hour, round: testRound, gas: 1}.observe(), up, nil, 0, "chain is unhealthy"},
		{"chain syncing", cfg, chainState{at: now, syncing: true, round: testRound, gas: 1}.observe(), up, nil, 0, "syncing"},
		{"round unknown", cfg, chainWith(func(o *chain.Observation) { o.Round.CurrentRound = nil }), up, nil, 0, "round is unknown"},
		{"round not initialized", cfg, chainWith(func(o *chain.Observation) { f := false; o.Round.Initialized = &f }), up, nil, 0, "not initialized"},
		{"already requested this round", cfg, healthyChain(now).observe(), up, &live, 0, alreadyRequested},
		{"a dry run does not hold a real request", cfg, healthyChain(now).observe(), up, &RewardEntry{Round: testRound, Result: ResultDryRun, DryRun: true}, testRound, ""},
		{"a dry run holds a dry run", dry, healthyChain(now).observe(), up, &RewardEntry{Round: testRound, Result: ResultDryRun, DryRun: true}, 0, alreadyRequested},
		{"already rewarded on-chain", cfg, chainWith(func(o *chain.Observation) { o.Accounts[0].Transcoder.LastRewardRound = testRound }), up, nil, 0, "already called"},
		{"account unknown", cfg, chainWith(func(o *chain.Observation) { o.Accounts = nil }), up, nil, 0, "record of"},
		{"gas price unknown", cfg, chainWith(func(o *chain.Observation) { o.GasPrice = nil }), up, nil, 0, "gas price is unknown"},
		{"gas above the node's max", cfg, chainWith(func(o *chain.Observation) { o.GasPrice = big.NewInt(1001) }), up, nil, 0, "above the node's max 1000"},
		{"gas equal to the node's max", cfg, chainWith(func(o *chain.Observation) { o.GasPrice = big.NewInt(1000) }), up, nil, testRound, ""},
		{"node's max unknown", cfg, healthyChain(now).observe(), nodeWith(func(o *observe.Node) {
			o.Snapshot.Optional[nodeapi.PathMaxGasPrice] = errTest
		}), nil, 0, "max gas price is unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var last RewardEntry
			if tt.last != nil {
				last = *tt.last
			}
			f := feedOf(tt.cfg, now, tt.chain, []observe.Node{tt.node}, nil)
			round, why := rewardGate(f, n, last, tt.last != nil)
			if round != tt.wantRound || !strings.Contains(why, tt.why) || (tt.why == "") != (why == "") {
				t.Fatalf("rewardGate = %d, %q; want %d, %q", round, why, tt.wantRound, tt.why)
			}
		})
	}
}
