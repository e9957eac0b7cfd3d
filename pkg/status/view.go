package status

import (
	"fmt"
	"sort"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/outbox"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/heartbeat"
	"github.com/lpwatch/lpwatch/pkg/remediation"
)

// pageView is what the status page and the digest show, derived from a Report.
type pageView struct {
	Healthy bool
	Version string
	Now     string
	Nodes   []nodeCard
	// Orchestrators are the [[orchestrator]] targets, ActiveSet the
	// observed accounts of the active set.
	Orchestrators []nodeCard
	ActiveSet     []nodeCard
	// WarnAfter is checks.reward_warn_after: a reward after it is late.
	WarnAfter float64
	Chain     *Chain
	HeadAge   string
	Alerts    []alert.View
	Silences  []alert.Silence
	Sinks     []outbox.SinkHealth
	Pending   int
	Remedy    *remediation.Status
	Restarts  []remediation.Entry // newest first, at most 5
	Peers     []Peer
	// Heartbeat is the heartbeat out, HeartbeatClass the css class of its state.
	Heartbeat      *heartbeat.Status
	HeartbeatClass string
}

// nodeCard is one node's box on the page.
type nodeCard struct {
	Node
	RewardState  string // css class: ok, warning, critical, unknown
	RewardText   string
	Missed       uint64
	RunwayText   string
	NonceGapText string
	Checks       []checks.Result
	// Kind is the chain account's kind (KindNode, KindOrchestrator,
	// KindActiveSet); Active, Registered and StakeText are its chain state.
	Kind       string
	ActiveText string
	StakeText  string
	// Strip is the reward history of the last StripRounds rounds; Summary
	// says how they went.
	Strip   []stripCell
	Summary string
	// CallerText says who rewards: "runs as reward caller 0x… of 0x…",
	// "rewarded by contract 0x…"; "" without a reward caller.
	CallerText string
}

func newPageView(st Report) pageView {
	v := pageView{Healthy: st.Healthy, Version: st.Version, Now: st.Now.Local().Format("2006-01-02 15:04:05"),
		Alerts: st.Alerts, Silences: st.Silences, Sinks: st.Delivery.Sinks, Pending: st.Delivery.Pending,
		Peers: st.Peers, Heartbeat: st.Heartbeat}
	if h := st.Heartbeat; h != nil {
		v.HeartbeatClass = HeartbeatSeverity(*h)
	}
	if c := st.Chain; c != nil {
		v.Chain = c
		if e := c.InUseEndpoint(); e != nil && e.HeadAgeSec != nil {
			v.HeadAge = headAge(*e.HeadAgeSec)
		}
	}
	if r := st.Remediation; r != nil {
		v.Remedy = r
		v.Restarts = append([]remediation.Entry(nil), r.Restarts...)
		sort.Slice(v.Restarts, func(i, j int) bool { return v.Restarts[i].At.After(v.Restarts[j].At) })
		if len(v.Restarts) > 5 {
			v.Restarts = v.Restarts[:5]
		}
	}
	if st.Config != nil {
		v.WarnAfter = st.Config.Checks.RewardWarnAfter
	}
	for _, n := range st.Nodes {
		v.Nodes = append(v.Nodes, newNodeCard(n, st.Checks, v.Chain, v.WarnAfter))
	}
	if v.Chain != nil {
		for _, a := range v.Chain.Accounts {
			switch a.Kind {
			case KindOrchestrator:
				v.Orchestrators = append(v.Orchestrators, newNodeCard(Node{Name: a.Node, Address: a.Address, Up: true}, st.Checks, v.Chain, v.WarnAfter))
			case KindActiveSet:
				v.ActiveSet = append(v.ActiveSet, newNodeCard(Node{Name: a.Node, Address: a.Address, Up: true}, nil, v.Chain, v.WarnAfter))
			}
		}
	}
	return v
}

// newNodeCard is the box of target n (a node, an orchestrator or an
// account of the active set): its checks, and with a chain its reward,
// missed rounds, balance, runway, stuck transactions and reward history.
func newNodeCard(n Node, results []Check, ch *Chain, warnAfter float64) nodeCard {
	card := nodeCard{Node: n, RewardState: "unknown", RewardText: "not known yet"}
	for _, r := range results {
		if r.Target != n.Name {
			continue
		}
		card.Checks = append(card.Checks, r.Result)
		if r.Check == alert.RewardNotCalled {
			card.RewardState, card.RewardText = r.State.String(), r.Reason
		}
	}
	if ch == nil {
		return card
	}
	for _, a := range ch.Accounts {
		if a.Node != n.Name {
			continue
		}
		card.Missed, card.Kind = a.MissedRounds, a.Kind
		var current uint64
		if ch.Round != nil {
			current = *ch.Round
		}
		card.Strip = historyStrip(a.Rounds, current, warnAfter)
		card.Summary = historySummary(a.Rounds, StripRounds, warnAfter)
		card.ActiveText = activeText(a)
		if a.StakeLPT != nil {
			card.StakeText = fmt.Sprintf("%.1f LPT", *a.StakeLPT)
		}
		if a.Kind == KindActiveSet && a.LastRewardRound != nil && ch.Round != nil {
			card.RewardState, card.RewardText = "ok", "rewarded this round"
			if *a.LastRewardRound < *ch.Round {
				card.RewardState, card.RewardText = "pending", "not rewarded yet this round"
			}
		}
		if a.LastRewardRound != nil {
			card.LastRewardRound = fmt.Sprint(*a.LastRewardRound)
		}
		if a.BalanceEther != nil {
			card.BalanceEther = *a.BalanceEther
		}
		if a.RunwayDays != nil {
			card.RunwayText = fmt.Sprintf("%.1f days", *a.RunwayDays)
		}
		if a.PendingNonce != nil && a.MinedNonce != nil && *a.PendingNonce > *a.MinedNonce {
			card.NonceGapText = fmt.Sprintf("%d transaction(s) pending", *a.PendingNonce-*a.MinedNonce)
		}
		card.CallerText = callerText(a.RewardCaller)
	}
	if ch.Round != nil && ch.BlocksLeft != nil {
		card.RewardText += fmt.Sprintf(" · round %d: %d blocks%s left", *ch.Round, *ch.BlocksLeft, timeLeft(ch))
	}
	return card
}

// HeartbeatSeverity is how the heartbeat's state reads: "ok" while its
// pings are accepted (or none is due yet), "critical" otherwise.
func HeartbeatSeverity(h heartbeat.Status) string {
	if h.State == heartbeat.StateOK || h.State == heartbeat.StatePending {
		return "ok"
	}
	return "critical"
}

// timeLeft estimates the time the round's remaining blocks take at the
// block rate observed, as " (≈35s)"; "" while no rate is known.
func timeLeft(ch *Chain) string {
	if ch.BlocksLeft == nil || ch.BlockSeconds == nil || *ch.BlockSeconds <= 0 {
		return ""
	}
	left := time.Duration(float64(*ch.BlocksLeft) * *ch.BlockSeconds * float64(time.Second))
	switch {
	case left < 2*time.Minute:
		left = left.Round(time.Second)
	case left < 2*time.Hour:
		left = left.Round(time.Minute)
	default:
		left = left.Round(10 * time.Minute)
	}
	return " (≈" + left.String() + ")"
}

// activeText says whether the account is registered and active.
func activeText(a Account) string {
	switch {
	case a.Registered != nil && !*a.Registered:
		return "not registered"
	case a.Active == nil:
		return ""
	case *a.Active:
		return "active"
	}
	return "registered, not active"
}

// agoText renders how long before now t was.
func agoText(now, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return now.Sub(t).Round(time.Second).String() + " ago"
}

// headAge renders the age of the head block; a block stamped ahead of this
// host's clock (clocks differ by a few seconds) reads as fresh.
func headAge(sec float64) string {
	if sec < 0 {
		return "0s (block time ahead of this clock)"
	}
	return (time.Duration(sec) * time.Second).String()
}
