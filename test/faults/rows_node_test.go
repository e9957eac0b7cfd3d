package faults

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/soak"
)

const node1 = "tc001"

// nodeDownStates are the check states of a node whose API does not answer:
// down is critical, what its answers would tell is unknown.
func nodeDownStates() []stateWant {
	return []stateWant{
		{alert.LivepeerNodeDown, node1, "critical"},
		{alert.LivepeerNodeIdentityMismatch, node1, "unknown"},
		{alert.TranscoderInactive, node1, "unknown"},
		{alert.RewardNotCalled, node1, "unknown"},
	}
}

// nodeFailRow is a node API fault that lpwatch must call "down", with the
// probe failure reason it must give.
func nodeFailRow(name, fault, reason string, f fakenode.Fault) row {
	return row{
		name: name, area: "node", fault: fault,
		want: want{states: nodeDownStates(), fire: []ident{{alert.LivepeerNodeDown, node1}},
			health: http.StatusServiceUnavailable, note: "probe failure reason " + reason},
		inject: func(e *env) { e.node.SetFault(fakenode.AllPaths, f) },
		heal:   func(e *env) { e.node.ClearFaults() },
		during: func(e *env) { e.wantNodeReason(reason) },
	}
}

// wantNodeReason checks the node probe's failure reason and that the
// alert's text says it.
func (e *env) wantNodeReason(reason string) {
	e.t.Helper()
	if o, ok := e.d.Store().Snapshot().Node(node1); !ok || o.Reason != reason {
		e.t.Errorf("probe failure reason %q, want %q", o.Reason, reason)
	}
	for _, p := range e.backup.acceptedList() {
		if p.Alert == alert.LivepeerNodeDown && !strings.Contains(p.Description, reason) {
			e.t.Errorf("LivepeerNodeDown says %q, which does not name %q", p.Description, reason)
		}
	}
}

func nodeRows() []row {
	down := row{
		name: "down", area: "node", fault: "the node API refuses connections (process stopped)",
		want: want{states: nodeDownStates(), fire: []ident{{alert.LivepeerNodeDown, node1}},
			health: http.StatusServiceUnavailable, note: "fires only after node_down_for (1m)"},
		inject: func(e *env) { e.nodeSrv.Stop() },
		heal:   func(e *env) { soak.MustRestart(e.t, e.nodeSrv) },
		during: func(e *env) {
			e.wantNodeReason("connection_refused")
			for _, a := range e.alertViews() {
				if a.Alert == alert.LivepeerNodeDown && a.FiringSince.Sub(a.PendingSince) < time.Minute {
					e.t.Errorf("LivepeerNodeDown fired %s after it became pending, before node_down_for (1m)", a.FiringSince.Sub(a.PendingSince))
				}
			}
		},
	}
	legacy := down
	legacy.name, legacy.fault = "down-legacy", "a 2018 node (legacy API) refuses connections"
	legacy.opts.legacy = true
	return []row{
		down, legacy,
		withOpts(nodeFailRow("hang", "every request hangs past the probe timeout (2s)", "timeout", fakenode.Hang()),
			envOptions{nodeTimeout: 2 * time.Second}),
		{
			name: "slow", area: "node", fault: "every answer takes 100ms (slow, within the probe timeout)",
			want: want{quiet: true, holdFor: 70 * time.Second, probes: 4,
				states: []stateWant{{alert.LivepeerNodeDown, node1, "ok"}, {alert.LivepeerNodeIdentityMismatch, node1, "ok"}}},
			inject: func(e *env) { e.node.SetFault(fakenode.AllPaths, fakenode.Latency(100*time.Millisecond)) },
			heal:   func(e *env) { e.node.ClearFaults() },
		},
		nodeFailRow("500", "every path answers 500 \"missing ETH client\"", "http_500", fakenode.Status(http.StatusInternalServerError, "missing ETH client")),
		nodeFailRow("garbage", "every path answers 200 with a binary HTML body (api = auto)", "unrecognized", fakenode.Garbage()),
		nodeFailRow("empty", "every path answers 200 with an empty body (api = auto)", "unrecognized", fakenode.Empty()),
		nodeFailRow("huge", "every path streams a 50 MB body", "body_too_large", fakenode.Huge()),
		{
			name: "wrong-identity", area: "node", fault: "the node reports another ETH address than expected_address",
			want: want{states: []stateWant{{alert.LivepeerNodeIdentityMismatch, node1, "critical"}, {alert.LivepeerNodeDown, node1, "ok"}},
				fire: []ident{{alert.LivepeerNodeIdentityMismatch, node1}}, health: http.StatusServiceUnavailable},
			inject: func(e *env) { e.node.SetAddress(common.HexToAddress("0x000000000000000000000000000000000000dEaD")) },
			heal:   func(e *env) { e.node.SetAddress(common.HexToAddress(fakenode.DefaultAddress)) },
		},
		{
			name: "flapping", area: "node", fault: "the node goes down and up 5 times, each time for less than node_down_for",
			want: want{quiet: true, holdFor: 2 * time.Minute, probes: 2,
				states: []stateWant{{alert.LivepeerNodeDown, node1, "ok"}}, note: "LivepeerNodeDown goes pending each time and never fires"},
			inject: flap,
			heal:   func(e *env) {},
		},
	}
}

// flap stops and restarts the node five times; each outage ends as soon
// as lpwatch has made LivepeerNodeDown pending, well before node_down_for.
func flap(e *env) {
	e.t.Helper()
	pendingSince := func() time.Time {
		for _, a := range e.alertViews() {
			if a.Alert == alert.LivepeerNodeDown && a.Phase == alert.PhasePending {
				return a.PendingSince
			}
		}
		return time.Time{}
	}
	for i := 0; i < 5; i++ {
		e.nodeSrv.Stop()
		var since time.Time
		e.waitFor(fmt.Sprintf("outage %d pending", i), func() bool { since = pendingSince(); return !since.IsZero() })
		soak.MustRestart(e.t, e.nodeSrv)
		e.waitFor(fmt.Sprintf("the node back after outage %d", i), func() bool {
			return e.checkState(alert.LivepeerNodeDown, node1) == "ok" && len(e.alertViews()) == 0
		})
		if d := e.clk.Now().Sub(since); d >= time.Minute {
			e.t.Fatalf("outage %d lasted %s of fake time, not shorter than node_down_for", i, d)
		}
	}
}
