package faults

import (
	"net/http"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/soak"
)

// whitespaceRound is a round whose raw big-endian bytes, as v0.5.0 to
// v0.6.x write /currentRound, are "\n5": trimmed and read as text, 5.
const whitespaceRound = 2613

// nodegenRows take a node of each older API generation down and back:
// lpwatch must detect the generation (api = auto), read every endpoint of
// it without a false failure, say the node is down while it is, and read
// it again once it is back.
func nodegenRows() []row {
	return []row{
		nodegenRow("v0.3-node", nodeapi.V03,
			"a go-livepeer v0.3.x node (/transcoderInfo, no /nodeID) refuses connections, then comes back",
			func(e *env) {}),
		nodegenRow("v0.5-node", nodeapi.V05,
			"a go-livepeer v0.5/v0.6 node (/currentRound as raw bytes, round 2613 = \"\\n5\") refuses connections, then comes back",
			func(e *env) {
				e.node.SetRound(whitespaceRound, true)
				e.node.SetLastRewardRound(whitespaceRound)
				e.waitFor("round 2613 read from its raw bytes", func() bool { return e.nodeRound() == whitespaceRound })
			}),
	}
}

// nodegenRow is the row of generation gen; before runs before the outage.
func nodegenRow(name string, gen nodeapi.Generation, fault string, before func(e *env)) row {
	var round int64
	return row{
		name: name, area: "node", fault: fault,
		opts: envOptions{gen: gen},
		want: want{states: nodeDownStates(), fire: []ident{{alert.LivepeerNodeDown, node1}},
			health: http.StatusServiceUnavailable,
			note:   "detected as " + string(gen) + " before and after; identity from /ethAddr; the round read exactly"},
		inject: func(e *env) {
			e.wantGeneration(gen)
			before(e)
			round = e.nodeRound()
			e.nodeSrv.Stop()
		},
		heal:   func(e *env) { soak.MustRestart(e.t, e.nodeSrv) },
		during: func(e *env) { e.wantNodeReason("connection_refused") },
		after: func(e *env) {
			e.wantGeneration(gen)
			if got := e.nodeRound(); got != round {
				e.t.Errorf("round %d after the outage, want %d", got, round)
			}
			if st := e.checkState(alert.LivepeerNodeIdentityMismatch, node1); st != "ok" {
				e.t.Errorf("identity %s, want ok from /ethAddr", st)
			}
			if a := e.node.ActionRequests(); len(a) != 0 {
				e.t.Errorf("lpwatch requested action paths: %v", a)
			}
		},
	}
}

// wantGeneration checks the generation and the address of the node's last
// snapshot.
func (e *env) wantGeneration(gen nodeapi.Generation) {
	e.t.Helper()
	o, ok := e.d.Store().Snapshot().Node(node1)
	if !ok || o.Snapshot == nil {
		e.t.Fatalf("no snapshot of the node (error %v)", o.Err)
	}
	if s := o.Snapshot; s.Generation != gen || s.Address != fakenode.DefaultAddress || s.NodeID != "" {
		e.t.Errorf("snapshot of generation %q, address %q, node id %q; want %q, %s, none",
			s.Generation, s.Address, s.NodeID, gen, fakenode.DefaultAddress)
	}
}

// nodeRound is the current round of the node's last snapshot (-1 when none).
func (e *env) nodeRound() int64 {
	o, ok := e.d.Store().Snapshot().Node(node1)
	if !ok || o.Snapshot == nil || o.Snapshot.CurrentRound == nil {
		return -1
	}
	return o.Snapshot.CurrentRound.Int64()
}
