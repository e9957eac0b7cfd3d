package status

import (
	"slices"
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/outbox"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/heartbeat"
	"github.com/lpwatch/lpwatch/pkg/observe"
	"github.com/lpwatch/lpwatch/pkg/redact"
	"github.com/lpwatch/lpwatch/pkg/remediation"
)

// Inputs are the values a Report is built from, each read once by the
// caller at the same moment.
type Inputs struct {
	Now       time.Time
	Version   string
	StartedAt time.Time
	Config    *config.Config
	// Checks are the latest check results, as Results.All returns them.
	Checks   []Check
	Alerts   []alert.View
	Silences []alert.Silence
	// Sinks is the outbox's per-sink health, in any order; Pending counts
	// the notifications waiting in it.
	Sinks   []outbox.SinkHealth
	Pending int
	// Snapshot is the latest observations of nodes and chain.
	Snapshot observe.Snapshot
	// Chain is what chain monitoring knows beyond the observation.
	Chain ChainFacts
	// Remediation is the self-healing controller's state; nil when its
	// ledger could not be opened.
	Remediation *remediation.Status
	// Heartbeat is the heartbeat out's state; nil when it has no URL.
	Heartbeat *heartbeat.Status
}

// Build returns the report of in. Secrets are redacted by Redact.
func Build(in Inputs) Report {
	sinks := slices.Clone(in.Sinks)
	slices.SortFunc(sinks, func(a, b outbox.SinkHealth) int { return strings.Compare(a.Sink, b.Sink) })
	rep := Report{
		Version: in.Version, StartedAt: in.StartedAt, Now: in.Now, Healthy: Health(in.Checks).Status == "ok",
		Checks: in.Checks, Alerts: in.Alerts, Silences: in.Silences,
		Delivery: Delivery{Pending: in.Pending, Sinks: sinks}, Config: Redact(in.Config),
		Extra: Extra{Chain: buildChain(in.Now, in.Config, in.Snapshot, in.Chain), Remediation: in.Remediation,
			Peers: peers(in.Config.Peers, in.Snapshot), Heartbeat: in.Heartbeat},
	}
	for _, n := range in.Config.Nodes {
		rep.Nodes = append(rep.Nodes, node(n, in.Snapshot))
	}
	return rep
}

// node is one configured node's view from its latest observation.
func node(n config.Node, snap observe.Snapshot) Node {
	ns := Node{Name: n.Name, URL: redact.URL(n.URL), API: n.API}
	o, ok := snap.Node(n.Name)
	if !ok {
		return ns
	}
	ns.Up, ns.LastOK = o.Err == nil, o.LastOK
	if o.Err != nil {
		ns.Error = o.Reason
	}
	if s := o.Snapshot; s != nil {
		ns.API, ns.Address, ns.Version, ns.Initialized = string(s.Generation), s.Address, s.Version, s.RoundInitialized
		if s.CurrentRound != nil {
			ns.CurrentRound = s.CurrentRound.String()
		}
		if s.Transcoder.LastRewardRound != nil {
			ns.LastRewardRound = s.Transcoder.LastRewardRound.String()
		}
		ns.Active, ns.BalanceEther = s.Transcoder.Active, checks.Ether(s.EthBalance)
	}
	return ns
}
