package main

import (
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// `lpwatch status` lists the orchestrators watched from the chain alone,
// the active set observed, and each target's reward history.
func TestPrintStatusChainTargets(t *testing.T) {
	round, last := uint64(12), uint64(11)
	yes := true
	b := uint64(2)
	rounds := []checks.RoundRecord{
		{Round: 10, Outcome: checks.OutcomeRewarded, Length: 60, Block: &b, Tx: "0x01", CostWei: "20000000000000"},
		{Round: 11, Outcome: checks.OutcomeMissed, Length: 60},
	}
	cfg := config.Default()
	st := status.Report{Healthy: true, Config: cfg, Extra: status.Extra{Chain: &status.Chain{Round: &round, Accounts: []status.Account{
		{Node: "tc009-chain", Kind: status.KindOrchestrator, Address: "0x00000000000000000000000000000000000000C9", LastRewardRound: &last, Active: &yes, Rounds: rounds},
		{Node: "0x1a2b…9f0e", Kind: status.KindActiveSet, LastRewardRound: &round, Rounds: rounds},
	}}}}
	st.Checks = []status.Check{{Result: checks.Result{Check: alert.RewardNotCalled, Target: "tc009-chain", State: checks.Warning, Reason: "reward not called 10% into the round"}}}
	var out strings.Builder
	printStatus(&out, st, false)
	text := out.String()
	for _, want := range []string{
		"ORCHESTRATOR (CHAIN ONLY)", "tc009-chain", "0x00000000000000000000000000000000000000C9", "reward not called 10% into the round",
		"active set: 1 orchestrator(s) observed (no alerts), 1 rewarded this round",
		"tc009-chain history: ✓✗·  rewarded 1/2 rounds, avg cost 0.00002 ETH",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("status lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "0x1a2b…9f0e history") {
		t.Errorf("the active set's history is printed:\n%s", text)
	}
}
