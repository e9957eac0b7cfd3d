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

// l1BlockTime estimates time left in a round: rounds are counted in
// Ethereum L1 blocks (12 s each since the Merge), also on Arbitrum.
const l1BlockTime = 12 * time.Second

// pageView is what the status page and the digest show, derived from a Report.
type pageView struct {
	Healthy  bool
	Version  string
	Now      string
	Nodes    []nodeCard
	Chain    *Chain
	HeadAge  string
	Alerts   []alert.View
	Silences []alert.Silence
	Sinks    []outbox.SinkHealth
	Pending  int
	Remedy   *remediation.Status
	Restarts []remediation.Entry // newest first, at most 5
	Peers    []Peer
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
	for _, n := range st.Nodes {
		v.Nodes = append(v.Nodes, newNodeCard(n, st.Checks, v.Chain))
	}
	return v
}

// newNodeCard is node n's box: its checks, and with a chain its reward,
// missed rounds, balance, runway and stuck transactions.
func newNodeCard(n Node, results []Check, ch *Chain) nodeCard {
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
		card.Missed = a.MissedRounds
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
		left := time.Duration(*ch.BlocksLeft) * l1BlockTime
		card.RewardText += fmt.Sprintf(" · round %d: %d blocks (≈%s) left", *ch.Round, *ch.BlocksLeft, left.Round(time.Minute))
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
