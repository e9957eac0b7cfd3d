package faults

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/soak"
)

// chainDownStates are the states while no chain endpoint can be read: the
// chain is down, and nothing that needs the chain is judged.
func chainDownStates() []stateWant {
	return []stateWant{
		{alert.EthNodeDown, alert.ChainTarget, "critical"},
		{alert.RewardNotCalled, node1, "unknown"},
		{alert.EthBalanceLow, node1, "unknown"},
		{alert.NodeChainDisagreement, node1, "unknown"},
		{alert.LivepeerNodeDown, node1, "ok"},
	}
}

// chainRow is a fault of the chain endpoint behind proxy a.
func chainRow(name, fault string, w want, inject func(e *env), heal func(e *env)) row {
	return row{name: name, area: "chain", fault: fault, want: w, opts: envOptions{chainURLs: 1}, inject: inject, heal: heal}
}

// proxyMode sets proxy a's mode; the heal clears it.
func proxyMode(m rpcMode) func(e *env) { return func(e *env) { e.chain.a.setMode(m) } }

func chainRows() []row {
	clear := proxyMode(rpcMode{})
	down := want{states: chainDownStates(), fire: []ident{{alert.EthNodeDown, alert.ChainTarget}},
		health: http.StatusServiceUnavailable}
	return []row{
		chainRow("down", "the only chain URL refuses connections", withNote(down, "fires only after chain_down_for (1m)"),
			func(e *env) { e.chain.aSrv.Stop() }, func(e *env) { soak.MustRestart(e.t, e.chain.aSrv) }),
		withOpts(chainRow("hang", "every JSON-RPC call hangs past the chain timeout", down, proxyMode(rpcMode{hang: true}), clear),
			envOptions{chainURLs: 1, chainTimeout: 2 * time.Second}),
		chainRow("rpc-errors", "every JSON-RPC call answers an error (-32000)", down, proxyMode(rpcMode{rpcError: true}), clear),
		chainRow("syncing", "eth_syncing reports the node 1M blocks behind",
			want{states: []stateWant{{alert.EthNodeSyncing, alert.ChainTarget, "critical"}, {alert.EthNodeDown, alert.ChainTarget, "ok"}},
				fire: []ident{{alert.EthNodeSyncing, alert.ChainTarget}}, health: http.StatusServiceUnavailable,
				note: "fires only after syncing_for (5m)"},
			proxyMode(rpcMode{results: map[string]json.RawMessage{
				"eth_syncing": json.RawMessage(`{"startingBlock":"0x0","currentBlock":"0x10","highestBlock":"0xf4240"}`)}}),
			clear),
		chainRow("stale-head", "the newest block is 10 minutes old",
			want{states: []stateWant{{alert.EthNodeHeadStale, alert.ChainTarget, "critical"}, {alert.EthNodeDown, alert.ChainTarget, "ok"}},
				fire: []ident{{alert.EthNodeHeadStale, alert.ChainTarget}}, health: http.StatusServiceUnavailable},
			func(e *env) { e.chain.a.setMode(rpcMode{edit: headAt(e.clk.Now().Add(-10 * time.Minute))}) },
			clear),
		chainRow("wrong-chain-id", "the endpoint serves chain 1 instead of 1337",
			want{states: []stateWant{{alert.EthChainMismatch, alert.ChainTarget, "critical"}, {alert.EthNodeDown, alert.ChainTarget, "ok"}},
				fire: []ident{{alert.EthChainMismatch, alert.ChainTarget}}, health: http.StatusServiceUnavailable},
			proxyMode(rpcMode{results: map[string]json.RawMessage{"eth_chainId": json.RawMessage(`"0x1"`)}}),
			clear),
		{
			name: "reorg", area: "chain", fault: "a reorg drops the block with the reward call, 12% into the round",
			opts: envOptions{chainURLs: 1},
			want: want{states: []stateWant{{alert.RewardNotCalled, node1, "warning"}, {alert.EthNodeDown, alert.ChainTarget, "ok"}},
				fire: []ident{{alert.RewardNotCalled, node1}}, note: "the reward seen before the reorg is not trusted after it"},
			inject: reorgReward,
			heal:   func(e *env) { e.chain.rewardFor() },
		},
		{
			name: "failover", area: "chain", fault: "the first of two chain URLs refuses connections",
			opts: envOptions{chainURLs: 2},
			want: want{quiet: true, holdFor: 3 * time.Minute, probes: 2,
				states: []stateWant{{alert.EthNodeDown, alert.ChainTarget, "ok"}, {alert.RewardNotCalled, node1, "ok"}},
				note:   "lpwatch reads from the second URL; no alert"},
			inject: func(e *env) { e.chain.aSrv.Stop() },
			during: func(e *env) {
				var reason string
				for _, c := range e.d.Health().Checks {
					if c.Check == alert.EthNodeDown {
						reason = c.Reason
					}
				}
				if want := "reading from " + e.chain.bSrv.URL(); !strings.Contains(reason, "1 of 2") || !strings.Contains(reason, want) {
					e.t.Errorf("EthNodeDown says %q, want 1 of 2 endpoints answering and %q", reason, want)
				}
			},
			heal: func(e *env) { soak.MustRestart(e.t, e.chain.aSrv) },
		},
	}
}

// withOpts returns r with the daemon options o.
func withOpts(r row, o envOptions) row {
	r.opts = o
	return r
}

// withNote returns w with a note.
func withNote(w want, note string) want {
	w.note = note
	return w
}

// headAt rewrites the timestamp of every block the chain returns.
func headAt(t time.Time) func(method string, result json.RawMessage) json.RawMessage {
	return func(method string, result json.RawMessage) json.RawMessage {
		if method != "eth_getBlockByNumber" {
			return result
		}
		var block map[string]json.RawMessage
		if err := json.Unmarshal(result, &block); err != nil || block == nil {
			return result
		}
		block["timestamp"] = json.RawMessage(fmt.Sprintf(`"0x%x"`, t.Unix()))
		out, err := json.Marshal(block)
		if err != nil {
			return result
		}
		return out
	}
}

// reorgReward calls reward in the current round, lets lpwatch see it, then
// replaces the block that holds it by a longer fork without it.
func reorgReward(e *env) {
	e.t.Helper()
	c := e.chain
	r := c.round()
	c.must(c.sim.Driver().SetLastRewardRound(c.ctx, nodeAccount(), r-1))
	e.node.SetLastRewardRound(r - 1)
	e.waitFor("the reward outstanding", func() bool { return e.chainLastReward() == r-1 })
	parent, nonce := c.sim.Commit(), c.devNonce()
	c.rewardFor()
	e.node.SetLastRewardRound(r)
	e.waitFor("the reward seen", func() bool { return e.chainLastReward() == r })
	c.reorgWithout(parent, nonce, 12)
	if got := c.lastReward(); got != r-1 {
		e.t.Fatalf("after the reorg the chain says last reward round %d, want %d", got, r-1)
	}
}

// chainLastReward is the node's last reward round in lpwatch's newest
// chain observation (0 when there is none).
func (e *env) chainLastReward() uint64 {
	c := e.d.Store().Snapshot().Chain
	if c == nil {
		return 0
	}
	o := c.Obs
	if o == nil {
		return 0
	}
	if a := o.Account(nodeAccount()); a != nil && a.Transcoder != nil {
		return a.Transcoder.LastRewardRound
	}
	return 0
}
