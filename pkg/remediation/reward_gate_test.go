package remediation

import (
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/checks"
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
		f(c.Obs)
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
			f := feedOf(tt.cfg, now, tt.chain, []observe.Node{tt.node}, nil, identityOK(node1))
			round, why := rewardGate(f, n, last, tt.last != nil)
			if round != tt.wantRound || !strings.Contains(why, tt.why) || (tt.why == "") != (why == "") {
				t.Fatalf("rewardGate = %d, %q; want %d, %q", round, why, tt.wantRound, tt.why)
			}
		})
	}
}

// identityOK is a LivepeerNodeIdentityMismatch result that is ok.
func identityOK(node string) checks.Result {
	return checks.Result{Check: alert.LivepeerNodeIdentityMismatch, Target: node, State: checks.OK, Reason: "node address is " + testAddr}
}

// TestRewardGateIdentity: only a node whose identity check is ok in the
// same evaluation is asked, whatever else allows the call.
func TestRewardGateIdentity(t *testing.T) {
	cfg := testConfig()
	now := testStart
	check := func(st checks.State, reason string) []checks.Result {
		return []checks.Result{{Check: alert.LivepeerNodeIdentityMismatch, Target: node1, State: st, Reason: reason}}
	}
	other := []checks.Result{{Check: alert.LivepeerNodeIdentityMismatch, Target: "tc002", State: checks.OK}}
	tests := []struct {
		name    string
		results []checks.Result
		why     []string
	}{
		{"ok", check(checks.OK, "node address is "+testAddr), nil},
		{"mismatch", check(checks.Critical, "node reports address 0x000000000000000000000000000000000000dEaD, expected "+testAddr),
			[]string{"identity check is critical", "0x000000000000000000000000000000000000dEaD", "expected_address " + testAddr}},
		{"no address reported", check(checks.Unknown, "the node reported no ETH address"),
			[]string{"identity check is unknown", "reported no ETH address"}},
		{"not evaluated", nil, []string{"identity is not checked yet", testAddr}},
		{"only another node checked", other, []string{"identity is not checked yet"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := feedOf(cfg, now, healthyChain(now).observe(), []observe.Node{nodeSeen(node1, now, testRound)}, nil, tt.results...)
			round, why := rewardGate(f, cfg.Nodes[0], RewardEntry{}, false)
			if tt.why == nil {
				if why != "" || round != testRound {
					t.Fatalf("rewardGate = %d, %q; want round %d", round, why, testRound)
				}
				return
			}
			if round != 0 {
				t.Fatalf("rewardGate allowed round %d", round)
			}
			for _, w := range tt.why {
				if !strings.Contains(why, w) {
					t.Errorf("reason %q does not say %q", why, w)
				}
			}
		})
	}
}
