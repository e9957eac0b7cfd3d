package main

import (
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/status"
)

// lpwatch status prints who rewards when it is not the orchestrator alone.
func TestStatusPrintsRewardCaller(t *testing.T) {
	st := status.Report{Extra: status.Extra{Chain: &status.Chain{Accounts: []status.Account{
		{Node: "tc001", RewardCaller: &status.RewardCaller{Kind: status.CallerContract, Text: "rewarded by contract 0xBEEF"}},
		{Node: "tc002", RewardCaller: &status.RewardCaller{Kind: status.CallerNone, Text: "no reward caller"}},
	}}}}
	var b strings.Builder
	printStatus(&b, st, false)
	if out := b.String(); !strings.Contains(out, "  tc001: rewarded by contract 0xBEEF\n") || strings.Contains(out, "no reward caller") {
		t.Errorf("status output:\n%s", out)
	}
}
