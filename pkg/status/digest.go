package status

import (
	"fmt"
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// Digest is the daily digest's text: per node the reward status, missed
// rounds, balance and runway, then the chain endpoint, the restarts made by
// lpwatch in the 24 hours before st.Now, and the alerts firing.
func Digest(st Report) string {
	v := newPageView(st)
	var b strings.Builder
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "%s: %s; last rewarded round %s; missed rounds %d; balance %.4f ETH; runway %s%s.\n",
			n.Name, n.RewardText, orDash(n.LastRewardRound), n.Missed, n.BalanceEther, orDash(n.RunwayText), summaryText(n.Summary))
	}
	for _, n := range v.Orchestrators {
		fmt.Fprintf(&b, "%s (chain only): %s; last rewarded round %s; missed rounds %d%s.\n",
			n.Name, n.RewardText, orDash(n.LastRewardRound), n.Missed, summaryText(n.Summary))
	}
	if v.Chain != nil {
		fmt.Fprintf(&b, "chain: endpoint %s, head age %s.\n", orDash(v.Chain.InUse), orDash(v.HeadAge))
	}
	restarts := 0
	if st.Remediation != nil {
		for _, e := range st.Remediation.Restarts {
			if st.Now.Sub(e.At) <= 24*time.Hour {
				restarts++
				fmt.Fprintf(&b, "restart: %s at %s (%s): %s.\n", e.Unit, e.At.Format("15:04"), e.Why, e.Result)
			}
		}
	}
	firing := 0
	for _, a := range v.Alerts {
		if a.Phase == alert.PhaseFiring {
			firing++
		}
	}
	fmt.Fprintf(&b, "%d restart(s) in the last 24h; %d alert(s) firing now.", restarts, firing)
	return b.String()
}

// summaryText is the reward history's summary as a digest clause.
func summaryText(s string) string {
	if s == "" {
		return ""
	}
	return "; " + s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
