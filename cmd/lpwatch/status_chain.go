package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// printChainTargets prints the [[orchestrator]]s watched from the chain
// alone, how many accounts of the active set are observed, and the reward
// history of every configured target.
func printChainTargets(w io.Writer, st status.Report, paint func(sev, s string) string) {
	ch := st.Chain
	var current uint64
	if ch.Round != nil {
		current = *ch.Round
	}
	warnAfter := 0.0
	if st.Config != nil {
		warnAfter = st.Config.Checks.RewardWarnAfter
	}
	var orchs, observed []status.Account
	for _, a := range ch.Accounts {
		switch a.Kind {
		case status.KindOrchestrator:
			orchs = append(orchs, a)
		case status.KindActiveSet:
			observed = append(observed, a)
		}
	}
	if len(orchs) > 0 {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ORCHESTRATOR (CHAIN ONLY)\tADDRESS\tLAST REWARD\tACTIVE\tREWARD THIS ROUND")
		for _, a := range orchs {
			reward := "unknown"
			for _, c := range st.Checks {
				if c.Check == alert.RewardNotCalled && c.Target == a.Node {
					reward = paint(c.State.String(), c.Reason)
				}
			}
			last, active := "-", "-"
			if a.LastRewardRound != nil {
				last = fmt.Sprint(*a.LastRewardRound)
			}
			if a.Active != nil {
				active = fmt.Sprint(*a.Active)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", a.Node, a.Address, last, active, reward)
		}
		_ = tw.Flush()
	}
	if len(observed) > 0 {
		rewarded := 0
		for _, a := range observed {
			if a.LastRewardRound != nil && *a.LastRewardRound >= current {
				rewarded++
			}
		}
		fmt.Fprintf(w, "active set: %d orchestrator(s) observed (no alerts), %d rewarded this round\n", len(observed), rewarded)
	}
	for _, a := range ch.Accounts {
		if a.Kind == status.KindActiveSet {
			continue
		}
		if h := a.HistoryText(current, warnAfter); h != "" {
			fmt.Fprintf(w, "  %s history: %s\n", a.Node, h)
		}
	}
}
