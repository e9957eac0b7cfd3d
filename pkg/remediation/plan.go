package remediation

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// plan is what the controller decided to do about one feed.
type plan struct {
	// chain: restart the chain unit first, then the nodes.
	chain bool
	// scheduled: the daily restart; nodes are restarted only when their
	// view does not come back by itself.
	scheduled bool
	// nodes are the affected nodes, by name, sorted.
	nodes []string
	// why names the triggers, for logs and notifications.
	why string
}

// decide turns a feed into a plan; ok is false when nothing is wrong enough.
//
// The chain is restarted for TxStalled firing on a node (that node is
// affected), or EthNodeHeadStale / EthNodeSyncing on the chain lasting past
// chain_unhealthy_for (every node is affected). NodeChainDisagreement
// firing on a node restarts only that node.
func decide(f Feed) (plan, bool) {
	cfg := f.Config
	known := make(map[string]bool, len(cfg.Nodes))
	for _, n := range cfg.Nodes {
		known[n.Name] = true
	}
	var p plan
	var why []string
	nodes := map[string]bool{}
	for _, name := range []string{alert.EthNodeHeadStale, alert.EthNodeSyncing} {
		v, ok := f.alertView(name, alert.ChainTarget)
		if !ok || v.Unknown {
			continue
		}
		lasted := f.At.Sub(v.PendingSince)
		if lasted < cfg.Remediation.ChainUnhealthyFor {
			continue
		}
		p.chain = true
		why = append(why, fmt.Sprintf("%s for %s: %s", name, lasted.Round(time.Second), v.Reason))
		for n := range known {
			nodes[n] = true
		}
	}
	for _, v := range f.Alerts {
		if v.Alert != alert.TxStalled || v.Phase != alert.PhaseFiring || v.Unknown {
			continue
		}
		p.chain = true
		why = append(why, fmt.Sprintf("%s on %s: %s", v.Alert, v.Target, v.Reason))
		if known[v.Target] {
			nodes[v.Target] = true
			continue
		}
		for n := range known { // an account no single node owns: all of them
			nodes[n] = true
		}
	}
	for _, v := range f.Alerts {
		if v.Alert != alert.NodeChainDisagreement || v.Phase != alert.PhaseFiring || v.Unknown || !known[v.Target] {
			continue
		}
		why = append(why, fmt.Sprintf("%s on %s: %s", v.Alert, v.Target, v.Reason))
		nodes[v.Target] = true
	}
	if !p.chain && len(nodes) == 0 {
		return plan{}, false
	}
	for n := range nodes {
		p.nodes = append(p.nodes, n)
	}
	sort.Strings(p.nodes)
	p.why = strings.Join(why, "; ")
	return p, true
}

// scheduledPlan is the daily chain restart: every node is checked afterwards.
func scheduledPlan(cfg *config.Config) plan {
	p := plan{chain: true, scheduled: true, why: "scheduled daily restart at " + cfg.Remediation.ScheduledChainRestart}
	for _, n := range cfg.Nodes {
		p.nodes = append(p.nodes, n.Name)
	}
	sort.Strings(p.nodes)
	return p
}

// nodeTriggered reports whether a trigger involving node is still active in
// f: TxStalled or NodeChainDisagreement on it, pending or firing.
func nodeTriggered(f Feed, node string) bool {
	for _, name := range []string{alert.TxStalled, alert.NodeChainDisagreement} {
		if _, ok := f.alertView(name, node); ok {
			return true
		}
	}
	return false
}

// chainTriggered reports whether a condition involving the chain is still
// active in f: HeadStale or Syncing pending or firing, or TxStalled firing
// anywhere.
func chainTriggered(f Feed) bool {
	for _, v := range f.Alerts {
		switch {
		case v.Target == alert.ChainTarget && (v.Alert == alert.EthNodeHeadStale || v.Alert == alert.EthNodeSyncing):
			return true
		case v.Alert == alert.TxStalled && v.Phase == alert.PhaseFiring:
			return true
		}
	}
	return false
}
