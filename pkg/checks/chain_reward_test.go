package checks

import (
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
)

func TestRewardNotCalledFromChain(t *testing.T) {
	cases := []struct {
		name    string
		elapsed uint64
		last    uint64
		edit    func(o *chain.Observation)
		state   State
		words   []string
	}{
		{"rewarded", 50, tRound, nil, OK, []string{"reward called for round 100"}},
		{"grace period", 9, tRound - 1, nil, OK, []string{"within the grace period", "9 of 100 blocks"}},
		{"warning at 10%", 10, tRound - 1, nil, Warning, []string{"10% into the round", "10 of 100 blocks"}},
		{"still warning with 25 left", 75, tRound - 1, nil, Warning, []string{"25 remaining"}},
		{"critical under 25% left", 76, tRound - 1, nil, Critical, []string{"less than 25%", "24 remaining"}},
		{"not initialized", 90, tRound - 1, func(o *chain.Observation) { o.Round.Initialized = boolp(false) }, OK, []string{"not initialized"}},
		{"not active", 90, tRound - 1, func(o *chain.Observation) { o.Accounts[0].Active = boolp(false) }, OK, []string{"not active"}},
		{"blockNum unreadable", 90, tRound - 1, func(o *chain.Observation) {
			o.Round.BlockNum = nil
			fail(o, "round.blockNum", [20]byte{}, errTimeout())
		}, Unknown, []string{"round.blockNum could not be read (timeout)"}},
		{"transcoder unreadable", 90, tRound - 1, func(o *chain.Observation) {
			o.Accounts[0].Transcoder = nil
			fail(o, "account.getTranscoder", tAddr(), errTimeout())
		}, Unknown, []string{"account.getTranscoder could not be read (timeout)"}},
		{"contracts unresolved", 90, tRound - 1, func(o *chain.Observation) {
			o.Contracts, o.Round, o.Accounts[0].Transcoder, o.Accounts[0].Active = nil, chain.RoundInfo{}, nil, nil
			fail(o, "contracts", [20]byte{}, errTimeout())
		}, Unknown, []string{"contracts could not be resolved (timeout)"}},
		{"inconsistent round", 90, tRound - 1, func(o *chain.Observation) { o.Round.BlockNum = u64p(tStart - 1) }, Unknown, []string{"inconsistent round data"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			now := tTime()
			o := healthyObs(now, c.elapsed, c.last)
			if c.edit != nil {
				c.edit(o)
			}
			e := NewEvaluator(chainConfig(t))
			r := find(t, e.Evaluate(now, snapshot(now, o, nodeView(tRound, c.last))).Results, alert.RewardNotCalled, tNode)
			want(t, r, c.state, c.words...)
			if (r.State == Warning || r.State == Critical) && (r.Epoch != "100" || r.Details["blocks_elapsed"] == "") {
				t.Errorf("epoch %q details %v", r.Epoch, r.Details)
			}
			if u := find(t, e.Evaluate(now, snapshot(now, o, nodeView(tRound, c.last))).Results, alert.RewardStatusUnknown, tNode); (u.State == Warning) != (c.state == Unknown) {
				t.Errorf("RewardStatusUnknown %s with RewardNotCalled %s", u.State, c.state)
			}
		})
	}
}

func TestRoundNotInitialized(t *testing.T) {
	cases := []struct {
		name        string
		elapsed     uint64
		initialized bool
		state       State
	}{
		{"initialized", 50, true, OK},
		{"early", 4, false, OK},
		{"5% in", 5, false, Warning},
		{"late", 90, false, Warning},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			now := tTime()
			o := healthyObs(now, c.elapsed, tRound)
			o.Round.Initialized = boolp(c.initialized)
			r := find(t, NewEvaluator(chainConfig(t)).Evaluate(now, snapshot(now, o, nil)).Results, alert.RoundNotInitialized, alert.ChainTarget)
			want(t, r, c.state)
			if c.state == Warning && r.Epoch != "100" {
				t.Errorf("epoch %q", r.Epoch)
			}
		})
	}
}

func TestNodeChainDisagreement(t *testing.T) {
	cases := []struct {
		name      string
		elapsed   uint64
		nodeRound uint64
		nodeLast  uint64
		node      bool
		state     State
		words     []string
	}{
		{"agree", 50, tRound, tRound - 1, true, OK, []string{"agrees"}},
		{"one behind just after the boundary", 3, tRound - 1, tRound - 1, true, OK, nil},
		{"one behind just before the boundary", 95, tRound + 1, tRound - 1, true, OK, nil},
		{"one behind mid-round", 50, tRound - 1, tRound - 1, true, Warning, []string{"current round 99 on the node, 100 on the chain"}},
		{"two behind at the boundary", 3, tRound - 2, tRound - 1, true, Warning, []string{"current round 98"}},
		{"last reward round differs", 50, tRound, tRound - 3, true, Warning, []string{"last reward round 97 on the node, 99 on the chain"}},
		{"node not probed", 50, 0, 0, false, Unknown, []string{"not been probed"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			now := tTime()
			var nv = nodeView(c.nodeRound, c.nodeLast)
			if !c.node {
				nv = nil
			}
			r := find(t, NewEvaluator(chainConfig(t)).Evaluate(now, snapshot(now, healthyObs(now, c.elapsed, tRound-1), nv)).Results, alert.NodeChainDisagreement, tNode)
			want(t, r, c.state, c.words...)
		})
	}
}
