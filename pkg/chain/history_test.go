package chain_test

import (
	"encoding/hex"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

// The selectors are those of the facts sheet (§5.3 and §10).
func TestRewardSelectors(t *testing.T) {
	want := map[chain.RewardFunction]string{
		chain.FnReward:                      "228cb733",
		chain.FnRewardWithHint:              "81871056",
		chain.FnRewardForTranscoder:         "1a8c41f8",
		chain.FnRewardForTranscoderWithHint: "b556966a",
	}
	got := chain.RewardSelectors()
	if len(got) != len(want) {
		t.Fatalf("selectors %v", got)
	}
	for fn, sel := range want {
		if s := got[fn]; hex.EncodeToString(s[:]) != sel {
			t.Errorf("%s: selector %x, want %s", fn, s, sel)
		}
		b, _ := hex.DecodeString(sel + "00000000")
		if f := chain.RewardFunctionOf(b); f != fn {
			t.Errorf("input %s: function %s, want %s", sel, f, fn)
		}
	}
	if f := chain.RewardFunctionOf([]byte{1, 2}); f != chain.FnOther {
		t.Errorf("short input: %s", f)
	}
}

// Reward events carry the function, sender, cost and amount of the
// transaction that emitted them, read as raw JSON over HTTP or through
// the in-process client's typed reads.
func TestRewardTxs(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{RoundLength: 20, HTTP: true})
	d := sim.Driver()
	key, err := sim.FundedKey(ctx, eth(1))
	must(t, err)
	orch := crypto.PubkeyToAddress(key.PublicKey)
	other := addr(7)
	bm := sim.Deployment().BondingManager
	nextRound(ctx, t, sim)
	must(t, d.SetActive(ctx, orch, true))
	must(t, d.SetActive(ctx, other, true))
	head := headBlock(ctx, t, sim)
	bmc := contracts.NewBondingManager()
	r1, err := d.SendAs(ctx, key, bm, bmc.PackRewardWithHint(common.Address{}, common.Address{}))
	must(t, err)
	must(t, d.RewardFor(ctx, other, big.NewInt(5)))
	nextRound(ctx, t, sim)
	r2, err := d.SendAs(ctx, key, bm, bmc.PackReward())
	must(t, err)
	to := headBlock(ctx, t, sim)

	overTransports(t, sim, func(t *testing.T, p *chain.Prober) {
		checkRewardTxs(t, p, head, to, orch, orch, bm, sentReward{chain.FnRewardWithHint, r1}, sentReward{chain.FnReward, r2})
		all, err := p.RewardTxs(ctx, head, to)
		must(t, err)
		if len(all) != 3 || all[1].Transcoder != other || all[1].Function != chain.FnOther || all[1].From != d.From() {
			t.Errorf("all rewards: %+v", all)
		}
	})
}

// overTransports runs check with a prober of sim read in process and
// over HTTP.
func overTransports(t *testing.T, sim *simchain.Chain, check func(*testing.T, *chain.Prober)) {
	for _, e := range []*chain.Endpoint{simEndpoint(t, sim, "sim"), dial(t, sim.URL())} {
		t.Run(e.Name(), func(t *testing.T) {
			check(t, newProber(t, newPool(t, []*chain.Endpoint{e}), chain.ProberConfig{Controller: sim.Deployment().Controller}))
		})
	}
}

// sentReward is a reward transaction sent, by the function it calls.
type sentReward struct {
	fn chain.RewardFunction
	r  *types.Receipt
}

// checkRewardTxs checks that the Reward events of orch from block first
// to last are those of want, each attributed to its function, sent by
// from to the BondingManager bm, with its gas and cost.
func checkRewardTxs(t *testing.T, p *chain.Prober, first, last uint64, orch, from, bm common.Address, want ...sentReward) {
	got, err := p.RewardTxs(testCtx(t), first, last, orch)
	must(t, err)
	if len(got) != len(want) {
		t.Fatalf("%d reward txs, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		cost := new(big.Int).Mul(new(big.Int).SetUint64(w.r.GasUsed), w.r.EffectiveGasPrice)
		if g.Err != nil || g.Function != w.fn || g.From != from || g.TxHash != w.r.TxHash || g.GasUsed != w.r.GasUsed ||
			g.CostWei().Cmp(cost) != 0 || g.Amount.Cmp(big.NewInt(1e18)) != 0 || g.Transcoder != orch || g.To == nil || *g.To != bm {
			t.Errorf("reward %d: %+v (err %v), want %s from %s costing %s", i, g, g.Err, w.fn, from.Hex(), cost)
		}
		if b, ok := g.ContractBlock(0); !ok || b != g.BlockNumber {
			t.Errorf("reward %d: contract block %d %v", i, b, ok)
		}
	}
}

// A reward caller's rewardForTranscoder* transaction is attributed to its
// function by selector, whatever contract it is sent to.
func TestRewardFunctionOfCallerTx(t *testing.T) {
	sel := chain.RewardSelectors()
	for _, fn := range []chain.RewardFunction{chain.FnRewardForTranscoder, chain.FnRewardForTranscoderWithHint} {
		s := sel[fn]
		input := append(s[:], common.LeftPadBytes(addr(1).Bytes(), 32)...)
		if got := chain.RewardFunctionOf(input); got != fn {
			t.Errorf("%s: %s", fn, got)
		}
	}
}

// A reward caller's rewardForTranscoder and rewardForTranscoderWithHint
// transactions are attributed to their function, with the caller as
// sender and the transaction's cost, and their Reward event to the
// orchestrator.
func TestRewardTxsOfCaller(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{RoundLength: 20, HTTP: true})
	d := sim.Driver()
	orchKey, err := sim.FundedKey(ctx, eth(1))
	must(t, err)
	callerKey, err := sim.FundedKey(ctx, eth(1))
	must(t, err)
	orch, caller := crypto.PubkeyToAddress(orchKey.PublicKey), crypto.PubkeyToAddress(callerKey.PublicKey)
	nextRound(ctx, t, sim)
	must(t, d.SetActive(ctx, orch, true))
	must(t, d.SetRewardCaller(ctx, orchKey, caller))
	head := headBlock(ctx, t, sim)
	r1, err := d.RewardForTranscoder(ctx, callerKey, orch)
	must(t, err)
	nextRound(ctx, t, sim)
	r2, err := d.RewardForTranscoderWithHint(ctx, callerKey, orch)
	must(t, err)
	to := headBlock(ctx, t, sim)

	overTransports(t, sim, func(t *testing.T, p *chain.Prober) {
		checkRewardTxs(t, p, head, to, orch, caller, sim.Deployment().BondingManager, sentReward{chain.FnRewardForTranscoder, r1}, sentReward{chain.FnRewardForTranscoderWithHint, r2})
	})
}

// The pool walk returns the active transcoders in pool order.
func TestTranscoderPool(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{RoundLength: 20})
	d := sim.Driver()
	p := newProber(t, newPool(t, []*chain.Endpoint{simEndpoint(t, sim, "sim")}), chain.ProberConfig{Controller: sim.Deployment().Controller})
	empty, err := p.TranscoderPool(ctx)
	must(t, err)
	if len(empty) != 0 {
		t.Fatalf("empty pool: %v", empty)
	}
	for i := byte(1); i <= 4; i++ {
		must(t, d.SetActive(ctx, addr(i), true))
	}
	must(t, d.SetActive(ctx, addr(2), false))
	must(t, d.SetActive(ctx, addr(4), false))
	got, err := p.TranscoderPool(ctx)
	must(t, err)
	if len(got) != 2 || got[0] != addr(1) || got[1] != addr(3) {
		t.Errorf("pool %v, want [%s %s]", got, addr(1), addr(3))
	}
}

// Observe reads the contract state of watched addresses, not their
// balance or nonces.
func TestObserveWatched(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{RoundLength: 20})
	must(t, sim.Driver().SetActive(ctx, addr(2), true))
	p := newProber(t, newPool(t, []*chain.Endpoint{simEndpoint(t, sim, "sim")}), chain.ProberConfig{Controller: sim.Deployment().Controller})
	o, err := p.Observe(ctx, []common.Address{addr(1)}, addr(1), addr(2))
	must(t, err)
	if len(o.Accounts) != 2 || o.Accounts[0].Balance == nil {
		t.Fatalf("accounts %+v", o.Accounts)
	}
	w := o.Accounts[1]
	if w.Address != addr(2) || w.Balance != nil || w.PendingNonce != nil || w.Active == nil || !*w.Active || w.Transcoder == nil {
		t.Errorf("watched account %+v", w)
	}
}

func TestBlockRate(t *testing.T) {
	var r chain.BlockRate
	if _, ok := r.Estimate(); ok {
		t.Fatal("estimate without samples")
	}
	// The demo's chain: a block a second.
	for i := uint64(0); i < 50; i++ {
		r.Add(1000+i, 500+i)
	}
	if d, ok := r.Estimate(); !ok || d != time.Second {
		t.Errorf("1 s blocks: %v %v", d, ok)
	}
	// Ethereum: 12 s blocks, observed every 15 s (the same head twice is one sample).
	var l1 chain.BlockRate
	for i := uint64(0); i < 40; i++ {
		b := i * 5 / 4
		l1.Add(1_700_000_000+12*b, 20_000_000+b)
	}
	if d, ok := l1.Estimate(); !ok || d != 12*time.Second {
		t.Errorf("12 s blocks: %v %v", d, ok)
	}
	// Going back restarts the estimate.
	r.Add(10, 10)
	if _, ok := r.Estimate(); ok {
		t.Error("estimate right after a restart")
	}
}
