package checks

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

const (
	tCallerHex = "0x71562b71999873DB5b286dF957af199Ec94617F7"
	tKeeperHex = "0x00000000000000000000000000000000Ce11e500"
	tOtherHex  = "0x000000000000000000000000000000000000dEaD"
)

// withCaller gives the orchestrator of o a reward caller: an account with
// the given nonces and balance (milli-ether), or a contract.
func withCaller(o *chain.Observation, hex string, contract bool, pending, mined uint64, balance int64) {
	rc := &chain.RewardCaller{Address: common.HexToAddress(hex), Contract: boolp(contract)}
	if !contract {
		rc.Account = &chain.AccountInfo{Address: rc.Address, Balance: ether(balance), PendingNonce: u64p(pending), MinedNonce: u64p(mined)}
	}
	o.Accounts[0].RewardCaller = rc
}

// noCaller gives the orchestrator of o no reward caller.
func noCaller(o *chain.Observation) { o.Accounts[0].RewardCaller = &chain.RewardCaller{} }

// runningAs is the node's view with the node running as account hex.
func runningAs(hex string) *observe.Node {
	nv := nodeView(tRound, tRound)
	nv.Snapshot.Address = hex
	return nv
}

// evalAt evaluates one snapshot and returns the result of check.
func evalAt(t *testing.T, e *Evaluator, now time.Time, snap observe.Snapshot, check string) Result {
	t.Helper()
	return find(t, e.Evaluate(now, snap).Results, check, tNode)
}

func TestIdentityWithRewardCaller(t *testing.T) {
	now := tTime()
	caller := func(o *chain.Observation) { withCaller(o, tCallerHex, false, 3, 3, 500) }
	cases := []struct {
		name   string
		edit   func(o *chain.Observation)
		node   string
		state  State
		words  []string
		noObs  bool
		before bool // a first evaluation read the caller before this one
	}{
		{"the orchestrator", caller, tHex, OK, []string{"node address is " + tHex}, false, false},
		{"its reward caller", caller, tCallerHex, OK, []string{"runs as reward caller " + tCallerHex + " of " + tHex}, false, false},
		{"another account", caller, tOtherHex, Critical,
			[]string{"neither the orchestrator " + tHex + " nor its reward caller (" + tCallerHex + " (an account))", "can no longer reward"}, false, false},
		{"another account, no caller set", noCaller, tOtherHex, Critical, []string{"reward caller (none)", "can no longer reward"}, false, false},
		{"the caller while the chain is down, read before", caller, tCallerHex, OK, []string{"runs as reward caller"}, true, true},
		{"the caller, not read yet", caller, tCallerHex, Unknown, []string{"not the orchestrator " + tHex, "not known yet"}, true, false},
		// A contract without reward callers: the comparison of old.
		{"the caller read fails", func(o *chain.Observation) {
			o.Accounts[0].RewardCaller = nil
			fail(o, chain.FieldRewardCaller, tAddr(), errTimeout())
		}, tCallerHex, Critical, []string{"expected " + tHex}, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := NewEvaluator(chainConfig(t))
			o := healthyObs(now, 50, tRound)
			c.edit(o)
			if c.before {
				evalAt(t, e, now, snapshot(now, o, runningAs(c.node)), alert.LivepeerNodeIdentityMismatch)
			}
			snap := snapshot(now, o, runningAs(c.node))
			if c.noObs {
				snap.Chain.Obs = nil
			}
			want(t, evalAt(t, e, now, snap, alert.LivepeerNodeIdentityMismatch), c.state, c.words...)
		})
	}
	// Without a chain nothing is known of callers: the old comparison.
	cfg := chainConfig(t)
	cfg.Chain.URLs = nil
	e := NewEvaluator(cfg)
	r := evalAt(t, e, now, observe.Snapshot{Nodes: []observe.Node{*runningAs(tCallerHex)}}, alert.LivepeerNodeIdentityMismatch)
	want(t, r, Critical, "node reports address "+tCallerHex+", expected "+tHex)
}

// The account checks watch the account that sends the reward: the caller
// when the node runs as it, else the orchestrator.
func TestSenderChecksFollowTheCaller(t *testing.T) {
	start := tTime()
	step := func(t *testing.T, e *Evaluator, at time.Duration, node string, edit func(o *chain.Observation)) observe.Snapshot {
		t.Helper()
		now := start.Add(at)
		o := healthyObs(now, 50, tRound)
		o.Accounts[0].PendingNonce, o.Accounts[0].MinedNonce = u64p(9), u64p(7) // the cold key's nonces never matter here
		edit(o)
		return snapshot(now, o, runningAs(node))
	}
	t.Run("the caller's stuck transaction", func(t *testing.T) {
		e := NewEvaluator(chainConfig(t))
		stuck := func(o *chain.Observation) { withCaller(o, tCallerHex, false, 4, 3, 500) }
		want(t, evalAt(t, e, start, step(t, e, 0, tCallerHex, stuck), alert.TxStalled), OK, "pending behind mined nonce 3", "of reward caller "+tCallerHex)
		r := evalAt(t, e, start.Add(11*time.Minute), step(t, e, 11*time.Minute, tCallerHex, stuck), alert.TxStalled)
		want(t, r, Critical, "of reward caller "+tCallerHex, "transactions are stuck")
		if r.Details["account"] != tCallerHex {
			t.Errorf("details %v, want the caller's account", r.Details)
		}
		b := evalAt(t, e, start.Add(11*time.Minute), step(t, e, 11*time.Minute, tCallerHex, stuck), alert.EthBalanceLow)
		want(t, b, OK, "balance 0.5 ETH of reward caller "+tCallerHex)
	})
	t.Run("the node runs as the orchestrator", func(t *testing.T) {
		e := NewEvaluator(chainConfig(t))
		edit := func(o *chain.Observation) {
			withCaller(o, tCallerHex, false, 3, 3, 500)
			o.Accounts[0].PendingNonce, o.Accounts[0].MinedNonce = u64p(7), u64p(7)
			o.Accounts[0].Balance = ether(5)
		}
		want(t, evalAt(t, e, start, step(t, e, 0, tHex, edit), alert.EthBalanceLow), Critical, "balance 0.005 ETH")
	})
	t.Run("a contract rewards", func(t *testing.T) {
		e := NewEvaluator(chainConfig(t))
		keeper := func(o *chain.Observation) {
			withCaller(o, tKeeperHex, true, 0, 0, 0)
			o.Accounts[0].Balance = ether(1)
		}
		for _, at := range []time.Duration{0, 11 * time.Minute} {
			snap := step(t, e, at, tHex, keeper)
			for _, check := range []string{alert.TxStalled, alert.EthBalanceLow, alert.EthRunwayShort, alert.GasPriceAboveNodeMax} {
				want(t, evalAt(t, e, start.Add(at), snap, check), OK, "rewarded by contract "+common.HexToAddress(tKeeperHex).Hex())
			}
		}
	})
	t.Run("the caller's state could not be read", func(t *testing.T) {
		e := NewEvaluator(chainConfig(t))
		evalAt(t, e, start, step(t, e, 0, tCallerHex, func(o *chain.Observation) { withCaller(o, tCallerHex, false, 3, 3, 500) }), alert.TxStalled)
		snap := step(t, e, time.Minute, tCallerHex, func(o *chain.Observation) {
			o.Accounts[0].RewardCaller = nil
			fail(o, chain.FieldRewardCaller, tAddr(), errTimeout())
		})
		want(t, evalAt(t, e, start.Add(time.Minute), snap, alert.TxStalled), Unknown, "runs as the reward caller", "could not be read")
	})
}

// Runway samples are of the account that sends the reward; moving to
// another account starts the history again.
func TestRunwaySamplesFollowTheSender(t *testing.T) {
	cfg := chainConfig(t)
	cfg.Checks.RunwayWindow = time.Hour
	e := NewEvaluator(cfg)
	start := tTime()
	var r Result
	for i := range 40 {
		now := start.Add(time.Duration(i) * 2 * time.Minute)
		o := healthyObs(now, 50, tRound)
		node := tHex
		if i >= 20 {
			node = tCallerHex
		}
		withCaller(o, tCallerHex, false, 3, 3, 500)
		r = evalAt(t, e, now, snapshot(now, o, runningAs(node)), alert.EthRunwayShort)
		if i == 19 && r.State != OK {
			t.Fatalf("runway of the orchestrator after 38m: %s (%s)", r.State, r.Reason)
		}
		if i == 20 && r.State != Unknown {
			t.Fatalf("runway right after moving to the caller: %s (%s), want a fresh history", r.State, r.Reason)
		}
	}
	want(t, r, OK, "of reward caller "+tCallerHex)
}

func TestRewardCallerChanged(t *testing.T) {
	now := tTime()
	caller, other := common.HexToAddress(tCallerHex), common.HexToAddress(tOtherHex)
	setEvent := func(to common.Address) observe.ChainEvents {
		return observe.ChainEvents{Scanned: true, ScannedTo: 500, RewardCallers: []chain.RewardCallerSetEvent{{
			EventMeta:  chain.EventMeta{BlockNumber: 490, TxHash: common.HexToHash("0xabc1"), LogIndex: 0},
			Transcoder: tAddr(), RewardCaller: to,
		}}}
	}
	cases := []struct {
		name     string
		expected string
		caller   string
		events   *observe.ChainEvents
		state    State
		words    []string
	}{
		{"no caller, no event", "", "", &observe.ChainEvents{Scanned: true, ScannedTo: 500}, OK, []string{"reward caller of " + tHex + ": none, not changed recently"}},
		{"an event", "", tCallerHex, ptr(setEvent(caller)), Critical, []string{"RewardCallerSet in tx", "set to " + tCallerHex}},
		{"an event that unsets", "", "", ptr(setEvent(common.Address{})), Critical, []string{"was unset"}},
		{"an event setting the expected caller", tCallerHex, tCallerHex, ptr(setEvent(caller)), OK, []string{"as expected"}},
		{"an event setting another caller", tCallerHex, tOtherHex, ptr(setEvent(other)), Critical, []string{"set to " + tOtherHex}},
		{"the mapping differs from the expected one", tCallerHex, tOtherHex, &observe.ChainEvents{Scanned: true, ScannedTo: 500}, Critical,
			[]string{"is " + tOtherHex + " (an account), expected " + tCallerHex}},
		{"the mapping differs, its events not scanned yet", tCallerHex, tOtherHex, &observe.ChainEvents{Scanned: true, ScannedTo: 400}, Unknown,
			[]string{"events up to block 500 are not scanned yet"}},
		{"expected none, has one", "0x0000000000000000000000000000000000000000", tCallerHex, nil, Critical, []string{"expected 0x0000000000000000000000000000000000000000"}},
		{"scans fail", "", tCallerHex, &observe.ChainEvents{Err: errTimeout()}, Unknown, []string{"RewardCallerSet events could not be read"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := chainConfig(t)
			if c.expected != "" {
				cfg.Nodes[0].ExpectedRewardCaller = config.ParseAddress(c.expected)
			}
			e := NewEvaluator(cfg)
			o := healthyObs(now, 50, tRound)
			noCaller(o)
			if c.caller != "" {
				withCaller(o, c.caller, false, 1, 1, 500)
			}
			snap := snapshot(now, o, nodeView(tRound, tRound))
			if c.events != nil {
				snap = withEvents(snap, *c.events)
			}
			want(t, evalAt(t, e, now, snap, alert.RewardCallerChanged), c.state, c.words...)
		})
	}
	t.Run("an event is critical for its round and the next", func(t *testing.T) {
		e := NewEvaluator(chainConfig(t))
		for _, s := range []struct {
			round uint64
			state State
		}{{tRound, Critical}, {tRound + 1, Critical}, {tRound + 2, OK}} {
			o := atRound(healthyObs(now, 50, tRound), s.round, 50)
			withCaller(o, tCallerHex, false, 1, 1, 500)
			r := evalAt(t, e, now, withEvents(snapshot(now, o, nodeView(s.round, s.round)), setEvent(caller)), alert.RewardCallerChanged)
			want(t, r, s.state)
		}
	})
	t.Run("caller unreadable", func(t *testing.T) {
		e := NewEvaluator(chainConfig(t))
		o := healthyObs(now, 50, tRound)
		fail(o, chain.FieldRewardCaller, tAddr(), errTimeout())
		want(t, evalAt(t, e, now, snapshot(now, o, nodeView(tRound, tRound)), alert.RewardCallerChanged), Unknown,
			chain.FieldRewardCaller+" could not be read (timeout)")
	})
}

func TestRewardCallerUnauthorized(t *testing.T) {
	now := tTime()
	cases := []struct {
		name   string
		caller string
		node   string
		state  State
		words  []string
	}{
		{"the orchestrator", tCallerHex, tHex, OK, []string{"runs as the orchestrator"}},
		{"the caller", tCallerHex, tCallerHex, OK, []string{"runs as the reward caller " + tCallerHex + " of " + tHex}},
		{"no longer the caller", tOtherHex, tCallerHex, Critical, []string{"runs as " + tCallerHex, "neither the orchestrator", "fails every round"}},
		{"no caller at all", "", tCallerHex, Critical, []string{"reward caller (none)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := NewEvaluator(chainConfig(t))
			o := healthyObs(now, 50, tRound)
			noCaller(o)
			if c.caller != "" {
				withCaller(o, c.caller, false, 1, 1, 500)
			}
			want(t, evalAt(t, e, now, snapshot(now, o, runningAs(c.node)), alert.RewardCallerUnauthorized), c.state, c.words...)
		})
	}
	e := NewEvaluator(chainConfig(t))
	o := healthyObs(now, 50, tRound)
	noCaller(o)
	down := &observe.Node{Name: tNode, Err: errTimeout(), Reason: "timeout"}
	want(t, evalAt(t, e, now, snapshot(now, o, down), alert.RewardCallerUnauthorized), Unknown, "does not answer")
}

func ptr[T any](v T) *T { return &v }

// The balance and nonce-gap series are those of the account that sends
// the rewards: the caller the node runs as; none when a contract rewards.
func TestSenderMetrics(t *testing.T) {
	now := tTime()
	for _, c := range []struct {
		name     string
		edit     func(o *chain.Observation)
		node     string
		balance  float64
		gap      float64
		noSeries bool
	}{
		{"the caller", func(o *chain.Observation) { withCaller(o, tCallerHex, false, 6, 4, 250) }, tCallerHex, 0.25, 2, false},
		{"the orchestrator", func(o *chain.Observation) { withCaller(o, tCallerHex, false, 6, 4, 250) }, tHex, 1, 0, false},
		{"a contract", func(o *chain.Observation) { withCaller(o, tKeeperHex, true, 0, 0, 0) }, tHex, 0, 0, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := chainConfig(t)
			e := NewEvaluator(cfg)
			o := healthyObs(now, 50, tRound)
			c.edit(o)
			snap := snapshot(now, o, runningAs(c.node))
			ev := e.Evaluate(now, snap)
			reg := prometheus.NewRegistry()
			m := NewMetrics(reg, cfg)
			m.Chain(now, cfg, snap, ev.Facts)
			got := map[string]float64{}
			mfs, err := reg.Gather()
			if err != nil {
				t.Fatal(err)
			}
			for _, mf := range mfs {
				for _, s := range mf.GetMetric() {
					got[mf.GetName()] = s.GetGauge().GetValue()
				}
			}
			bal, hasBal := got["lpwatch_eth_balance_ether"]
			gap, hasGap := got["lpwatch_tx_pending_nonce_gap"]
			switch {
			case c.noSeries && (hasBal || hasGap):
				t.Errorf("series %v with a contract rewarding", got)
			case !c.noSeries && (bal != c.balance || gap != c.gap):
				t.Errorf("balance %v gap %v, want %v %v", bal, gap, c.balance, c.gap)
			}
		})
	}
}
