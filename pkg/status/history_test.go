package status

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
)

const (
	orchAddr     = "0x00000000000000000000000000000000000000C9"
	strangerAddr = "0x00000000000000000000000000000000000000D1"
)

// history is a round history ending at round 4252: 28 early rewards, one
// late, one missed, with the reward of 4252 from a reward caller.
func history() []checks.RoundRecord {
	var out []checks.RoundRecord
	for r := uint64(4223); r <= 4252; r++ {
		b := uint64(3)
		rec := checks.RoundRecord{Round: r, Outcome: checks.OutcomeRewarded, Length: 60, Block: &b, Tx: "0xabc", Sender: orchAddr,
			Function: "rewardWithHint", CostWei: "40000000000000", MintedWei: "1500000000000000000"}
		switch r {
		case 4240:
			rec = checks.RoundRecord{Round: r, Outcome: checks.OutcomeMissed, Length: 60}
		case 4245:
			late := uint64(30)
			rec.Block = &late
		case 4252:
			rec.Function, rec.Sender = "rewardForTranscoderWithHint", "0x00000000000000000000000000000000000000CA"
		}
		out = append(out, rec)
	}
	return out
}

// orchInputs are fullInputs with an [[orchestrator]] and an observed
// account of the active set, both with a history.
func orchInputs() Inputs {
	in := fullInputs()
	in.Config.Orchestrators = []config.Orchestrator{{Name: "tc009-chain", Address: config.ParseAddress(orchAddr)}}
	reg := chain.Registered
	o := chainObservation()
	o.Accounts = append(o.Accounts,
		chain.AccountInfo{Address: common.HexToAddress(orchAddr), Transcoder: &chain.Transcoder{LastRewardRound: 4252}, Active: flag(true), Status: &reg},
		chain.AccountInfo{Address: common.HexToAddress(strangerAddr), Transcoder: &chain.Transcoder{LastRewardRound: 4253}, Active: flag(true), Status: &reg})
	in.Snapshot = withChain(nodeSnapshot(), o)
	in.Chain.Nodes["tc001"] = checks.NodeChainFacts{MissedTotal: 3, RunwayKnown: true, RunwaySeconds: 5 * 86400, Rounds: history()}
	in.Chain.Nodes["tc009-chain"] = checks.NodeChainFacts{MissedTotal: 1, Rounds: history()}
	in.Chain.Nodes["0x0000…00D1"] = checks.NodeChainFacts{Observed: true, Address: strangerAddr, Rounds: history()[25:]}
	in.Checks = append(in.Checks, Check{Result: checks.Result{Check: alert.RewardNotCalled, Target: "tc009-chain", State: checks.Warning,
		Reason: "reward not called 10% into the round"}, Since: t0})
	return in
}

func TestChainAccountsOfEveryKind(t *testing.T) {
	c := Build(orchInputs()).Chain
	if len(c.Accounts) != 4 {
		t.Fatalf("accounts %+v", c.Accounts)
	}
	for i, want := range []struct{ name, kind string }{{"tc001", KindNode}, {"tc002", KindNode}, {"tc009-chain", KindOrchestrator}, {"0x0000…00D1", KindActiveSet}} {
		if a := c.Accounts[i]; a.Node != want.name || a.Kind != want.kind {
			t.Errorf("account %d: %s %s, want %s %s", i, a.Node, a.Kind, want.name, want.kind)
		}
	}
	o := c.Accounts[2]
	if o.Address != orchAddr || o.LastRewardRound == nil || *o.LastRewardRound != 4252 || o.Registered == nil || !*o.Registered || len(o.Rounds) != 30 || o.BalanceEther != nil {
		t.Errorf("orchestrator account %+v", o)
	}
	if c.BlockSeconds == nil || *c.BlockSeconds != 12 {
		t.Errorf("block seconds %v", c.BlockSeconds)
	}
}

func TestHistoryStripAndSummary(t *testing.T) {
	cells := historyStrip(history(), 4253, 0.1)
	if len(cells) != StripRounds {
		t.Fatalf("%d cells", len(cells))
	}
	// Round 4224 is the first (4253, current and pending, the last).
	var classes []string
	for _, c := range cells {
		classes = append(classes, c.Class)
	}
	if classes[16] != "missed" || classes[21] != "late" || classes[29] != "pending" || classes[0] != "early" {
		t.Errorf("classes %v", classes)
	}
	if got := cells[28].Title; got != "round 4252: early, block 3 of 60, rewardForTranscoderWithHint by 0x0000…00CA, cost 0.00004 ETH, 1.5 LPT minted, tx 0xabc" {
		t.Errorf("title %q", got)
	}
	if got := historySummary(history(), 30, 0.1); got != "rewarded 29/30 rounds (1 late), avg cost 0.00004 ETH, 43.5 LPT minted" {
		t.Errorf("summary %q", got)
	}
	if got := historySummary(nil, 30, 0.1); got != "" {
		t.Errorf("summary without history %q", got)
	}
}

// Time left in the round comes from the block rate observed: the demo's
// one-second blocks make 35 blocks about 35 s, not the 7 minutes of
// Ethereum's 12 s blocks.
func TestTimeLeftFromBlockRate(t *testing.T) {
	left, sec := uint64(35), 1.0
	if got := timeLeft(&Chain{BlocksLeft: &left, BlockSeconds: &sec}); got != " (≈35s)" {
		t.Errorf("35 blocks of 1 s: %q", got)
	}
	l1 := 12.0
	long := uint64(5000)
	if got := timeLeft(&Chain{BlocksLeft: &long, BlockSeconds: &l1}); got != " (≈16h40m0s)" {
		t.Errorf("5000 blocks of 12 s: %q", got)
	}
	if got := timeLeft(&Chain{BlocksLeft: &left}); got != "" {
		t.Errorf("no rate: %q", got)
	}
}

func TestPageShowsOrchestratorsAndHistory(t *testing.T) {
	page := render(t, Build(orchInputs()))
	for _, want := range []string{
		`id="orch-tc009-chain"`, `chain only`, `reward: reward not called 10% into the round · round 4253: 24 blocks (≈5m0s) left`,
		`<span class="k">status</span> active`,
		`<div class="strip" title="reward history: the last rounds, oldest first">`,
		`<span class="s-missed" title="round 4240: missed">✗</span>`, `<span class="s-late" title="round 4245: late, block 30 of 60`,
		`<span class="s-pending" title="round 4253: current, no reward yet">`,
		`last 30 rounds:<span class="s-early"></span>early<span class="s-late"></span>late<span class="s-missed"></span>missed`,
		`rewarded 29/30 rounds (1 late), avg cost 0.00004 ETH`,
		`id="active-set"`, `<b>0x0000…00D1</b>`, `rewarded this round`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Count(page, `class="strip"`) != 3 {
		t.Errorf("%d strips, want tc001's, tc009-chain's and the active set's", strings.Count(page, `class="strip"`))
	}
}

func TestDigestUsesHistory(t *testing.T) {
	d := Digest(Build(orchInputs()))
	for _, want := range []string{
		"runway 5.0 days; rewarded 29/30 rounds (1 late), avg cost 0.00004 ETH, 43.5 LPT minted.",
		"tc009-chain (chain only): reward not called 10% into the round · round 4253: 24 blocks (≈5m0s) left; last rewarded round 4252; missed rounds 1; rewarded 29/30 rounds",
	} {
		if !strings.Contains(d, want) {
			t.Errorf("digest lacks %q:\n%s", want, d)
		}
	}
}
