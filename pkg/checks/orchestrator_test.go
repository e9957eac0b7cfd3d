package checks

import (
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

const (
	oName = "tc009-chain"
	oHex  = "0x00000000000000000000000000000000000000c9"
)

func oAddr() common.Address { return common.HexToAddress(oHex) }

// orchConfig watches the test node and one [[orchestrator]].
func orchConfig(t *testing.T) *config.Config {
	cfg := chainConfig(t)
	cfg.Orchestrators = []config.Orchestrator{{Name: oName, Address: config.ParseAddress(oHex)}}
	return cfg
}

// withOrch adds the orchestrator's account to o, a copy of the node's
// without balance or nonces (as the prober reads them for any address).
func withOrch(o *chain.Observation, edit func(a *chain.AccountInfo)) *chain.Observation {
	a := o.Accounts[0]
	t := *a.Transcoder
	a.Address, a.Transcoder, a.Balance, a.PendingNonce, a.MinedNonce = oAddr(), &t, nil, nil, nil
	reg := chain.Registered
	a.Status = &reg
	if edit != nil {
		edit(&a)
	}
	o.Accounts = append(o.Accounts, a)
	return o
}

func resultsOf(results []Result, target string) []string {
	var out []string
	for _, r := range results {
		if r.Target == target {
			out = append(out, r.Check)
		}
	}
	return out
}

// An [[orchestrator]] gets the chain's reward, missed-round, activity
// and stake checks, and nothing about a node or its transactions.
func TestOrchestratorChecks(t *testing.T) {
	cfg := orchConfig(t)
	e := NewEvaluator(cfg)
	now := tTime()
	o := withOrch(healthyObs(now, 60, tRound-1), nil)
	ev := e.Evaluate(now, snapshot(now, o, nodeView(tRound, tRound-1)))
	got := resultsOf(ev.Results, oName)
	wantChecks := []string{alert.TranscoderInactive, alert.RewardNotCalled, alert.RewardRoundMissed, alert.StakeDropped, alert.RewardCallerChanged, alert.RewardStatusUnknown}
	if !slices.Equal(got, wantChecks) {
		t.Fatalf("checks of the orchestrator %v, want %v", got, wantChecks)
	}
	want(t, find(t, ev.Results, alert.RewardNotCalled, oName), Warning, "reward not called", "round 100")
	want(t, find(t, ev.Results, alert.TranscoderInactive, oName), OK, "registered and in the active set of round 100")
	// The node target still has its node checks.
	for _, c := range []string{alert.LivepeerNodeDown, alert.EthBalanceLow, alert.TxStalled, alert.NodeChainDisagreement} {
		find(t, ev.Results, c, tNode)
	}
	// The round ends without a reward: missed, as for a node.
	now = now.Add(time.Minute)
	o = withOrch(atRound(healthyObs(now, 0, tRound-1), tRound+1, 1), nil)
	ev = e.Evaluate(now, snapshot(now, o, nil))
	want(t, find(t, ev.Results, alert.RewardRoundMissed, oName), Critical, "round 100 ended without a reward call")
	if f := ev.Facts[oName]; f.MissedTotal != 1 || f.Observed {
		t.Errorf("facts of the orchestrator %+v", f)
	}
}

// TranscoderInactive is judged from the chain whenever a chain is
// configured, also for a node whose own view says it is active; without a
// chain, from the node's view.
func TestTranscoderInactiveFromChain(t *testing.T) {
	notReg := chain.NotRegistered
	cases := []struct {
		name  string
		edit  func(a *chain.AccountInfo)
		state State
		words []string
	}{
		{"active", nil, OK, []string{"registered and in the active set"}},
		{"inactive", func(a *chain.AccountInfo) { a.Active = boolp(false) }, Warning, []string{"not in the active set of round 100", "isActiveTranscoder"}},
		{"not registered", func(a *chain.AccountInfo) { a.Status, a.Active = &notReg, boolp(false) }, Warning, []string{"not registered", "not_registered"}},
		{"status unreadable", func(a *chain.AccountInfo) { a.Status = nil }, Unknown, []string{"transcoderStatus"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			now := tTime()
			o := healthyObs(now, 10, tRound)
			reg := chain.Registered
			o.Accounts[0].Status = &reg
			if c.edit != nil {
				c.edit(&o.Accounts[0])
			}
			ev := NewEvaluator(chainConfig(t)).Evaluate(now, snapshot(now, o, nodeView(tRound, tRound)))
			r := find(t, ev.Results, alert.TranscoderInactive, tNode)
			want(t, r, c.state, c.words...)
		})
	}
	t.Run("without a chain", func(t *testing.T) {
		cfg := chainConfig(t)
		cfg.Chain.URLs = nil
		nv := nodeView(tRound, tRound)
		nv.Snapshot.Transcoder.Active = false
		ev := NewEvaluator(cfg).Evaluate(tTime(), observe.Snapshot{Nodes: []observe.Node{*nv}})
		want(t, find(t, ev.Results, alert.TranscoderInactive, tNode), Warning, "registered but not in the active set")
	})
}

// rewardEvent is a Reward event of addr at chain block b (the test
// observations' blockNum() equals tStart + elapsed while their head is
// block 500, so the offset is tStart + elapsed - 500).
func rewardEvent(addr common.Address, b uint64, fn chain.RewardFunction, tx byte) chain.RewardTx {
	return chain.RewardTx{
		RewardEvent: chain.RewardEvent{EventMeta: chain.EventMeta{BlockNumber: b, TxHash: common.BytesToHash([]byte{tx})},
			Transcoder: addr, Amount: ether(1500)},
		From: addr, Function: fn, GasUsed: 100000, EffectiveGasPrice: big.NewInt(2e9),
	}
}

// The reward history records each round: rewarded (block in round, tx,
// sender, function, cost, LPT minted) or missed; it is kept across
// restarts, bounded, and shown for the active set's strangers too, which
// no check judges.
func TestRewardHistory(t *testing.T) {
	cfg := orchConfig(t)
	cfg.Chain.WatchActiveSet = true
	stranger := common.HexToAddress("0x00000000000000000000000000000000000000d1")
	e := NewEvaluator(cfg)
	now := tTime()
	step := func(round, elapsed, last uint64, rewards ...chain.RewardTx) Evaluation {
		now = now.Add(time.Minute)
		o := withOrch(atRound(healthyObs(now, 0, last), round, elapsed), nil)
		o = withOrch(o, func(a *chain.AccountInfo) { a.Address = stranger })
		snap := withEvents(snapshot(now, o, nil), observe.ChainEvents{Rewards: rewards, Scanned: true})
		snap.Chain.Pool = []common.Address{oAddr(), stranger}
		return e.Evaluate(now, snap)
	}
	// Block 500 of the chain is blockNum tStart+elapsed: a reward at chain
	// block 480 of round 100, 40 blocks in, is 20 blocks before the head.
	early := rewardEvent(oAddr(), 480, chain.FnRewardWithHint, 1)
	strangerLate := rewardEvent(stranger, 495, chain.FnRewardForTranscoderWithHint, 2)
	step(tRound, 10, tRound-1)
	ev := step(tRound, 60, tRound, early, strangerLate)
	if rs := resultsOf(ev.Results, ShortAddress(stranger)); len(rs) != 0 {
		t.Errorf("the active set's stranger is judged: %v", rs)
	}
	f := ev.Facts[oName]
	if len(f.Rounds) != 2 {
		t.Fatalf("history of the orchestrator %+v", f.Rounds)
	}
	r := f.Rounds[1]
	if r.Round != tRound || r.Outcome != OutcomeRewarded || r.Block == nil || *r.Block != 40 || r.Function != "rewardWithHint" ||
		r.Sender != oAddr().Hex() || r.CostWei != "200000000000000" || r.MintedWei != ether(1500).String() || r.Timing(0.5) != "early" {
		t.Errorf("round %d record %+v block %v", tRound, r, u64(r.Block))
	}
	sf := ev.Facts[ShortAddress(stranger)]
	if !sf.Observed || sf.Address != stranger.Hex() || len(sf.Rounds) == 0 {
		t.Fatalf("stranger facts %+v", sf)
	}
	if sr := sf.Rounds[len(sf.Rounds)-1]; sr.Function != "rewardForTranscoderWithHint" || *sr.Block != 55 || sr.Timing(0.5) != "late" {
		t.Errorf("stranger record %+v", sr)
	}
	// Round 101 ends without a reward: missed.
	step(tRound+1, 50, tRound)
	ev = step(tRound+2, 1, tRound)
	rounds := ev.Facts[oName].Rounds
	if last := rounds[len(rounds)-1]; last.Round != tRound+1 || last.Outcome != OutcomeMissed || last.Timing(0.1) != "missed" {
		t.Errorf("history %+v", rounds)
	}

	// A restart reads it back.
	e2 := NewEvaluator(cfg)
	now = now.Add(time.Minute)
	o := withOrch(atRound(healthyObs(now, 0, tRound), tRound+2, 2), nil)
	ev = e2.Evaluate(now, snapshot(now, o, nil))
	if got := ev.Facts[oName].Rounds; !slices.EqualFunc(got, rounds, func(a, b RoundRecord) bool { return a.Round == b.Round && a.Outcome == b.Outcome && a.Tx == b.Tx }) {
		t.Errorf("history after a restart %+v, want %+v", got, rounds)
	}
	if _, ok := ev.Facts[ShortAddress(stranger)]; ok {
		t.Error("the stranger is kept while the active set is not read")
	}
}

func TestRewardHistoryBounded(t *testing.T) {
	h := &rewardHistory{file: historyFile{Targets: map[string]*targetHistory{}}, folded: map[string]bool{}}
	for r := uint64(1); r <= 200; r++ {
		h.put(oName, oAddr(), RoundRecord{Round: r, Outcome: OutcomeMissed})
	}
	got := h.rounds(oName)
	if len(got) != HistoryRounds || got[0].Round != 200-HistoryRounds+1 || got[len(got)-1].Round != 200 {
		t.Fatalf("%d rounds kept, %d to %d", len(got), got[0].Round, got[len(got)-1].Round)
	}
	// A verdict never replaces a reward; a reward replaces a verdict.
	h.put(oName, oAddr(), RoundRecord{Round: 150, Outcome: OutcomeRewarded, Tx: "0x01"})
	h.put(oName, oAddr(), RoundRecord{Round: 150, Outcome: OutcomeRewarded})
	h.put(oName, oAddr(), RoundRecord{Round: 150, Outcome: OutcomeMissed})
	if r := h.rounds(oName)[150-(200-HistoryRounds+1)]; r.Outcome != OutcomeRewarded || r.Tx != "0x01" {
		t.Errorf("round 150 %+v", r)
	}
}

// The latest reward's cost, LPT and block are exported per target.
func TestRewardMetrics(t *testing.T) {
	reg := prometheus.NewPedanticRegistry()
	cfg := orchConfig(t)
	m := NewMetrics(reg, cfg)
	now := tTime()
	b := uint64(40)
	facts := map[string]NodeChainFacts{oName: {Rounds: []RoundRecord{
		{Round: 99, Outcome: OutcomeRewarded, Block: &b, Length: 100, Tx: "0x01", CostWei: "2000000000000000", MintedWei: ether(1500).String()},
		{Round: 100, Outcome: OutcomeMissed},
	}}}
	m.Chain(now, cfg, snapshot(now, withOrch(healthyObs(now, 10, tRound), nil), nil), facts)
	for name, want := range map[string]float64{
		"lpwatch_reward_tx_cost_ether": 0.002, "lpwatch_reward_minted_lpt": 1.5, "lpwatch_reward_block_in_round": 40, "lpwatch_reward_last_round": tRound,
	} {
		if got := gaugeOf(t, reg, name, oName); got != want {
			t.Errorf("%s{node=%q} = %v, want %v", name, oName, got, want)
		}
	}
	m.NoChain()
	if n := testutil.CollectAndCount(reg, "lpwatch_reward_tx_cost_ether"); n != 0 {
		t.Errorf("%d cost series without a chain", n)
	}
}

func gaugeOf(t *testing.T, reg *prometheus.Registry, name, node string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, mt := range mf.GetMetric() {
			for _, l := range mt.GetLabel() {
				if l.GetName() == "node" && l.GetValue() == node {
					return mt.GetGauge().GetValue()
				}
			}
		}
	}
	t.Fatalf("no %s{node=%q}", name, node)
	return 0
}

func TestShortAddress(t *testing.T) {
	if got := ShortAddress(common.HexToAddress("0x1a2b000000000000000000000000000000009f0e")); !strings.EqualFold(got, "0x1a2b…9f0e") {
		t.Errorf("short address %q", got)
	}
}

func u64(p *uint64) any {
	if p == nil {
		return nil
	}
	return *p
}
