package chain_test

import (
	"math/big"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

// Each cycle reads every account's reward caller; an account caller comes
// with its balance and nonces, a contract caller without, and the code of
// each caller is read once and then cached.
func TestObserveRewardCallers(t *testing.T) {
	ctx := testCtx(t)
	callerAcct := addr(0x10)
	sim := newSim(t, simchain.Options{Fund: []common.Address{callerAcct}})
	d := sim.Driver()
	keeper, err := d.DeployKeeper(ctx)
	must(t, err)
	none, byAccount, byContract := addr(1), addr(2), addr(3)
	must(t, d.SetRewardCallerOf(ctx, byAccount, callerAcct))
	must(t, d.SetRewardCallerOf(ctx, byContract, keeper))

	e := simEndpoint(t, sim, "sim")
	p := newProber(t, newPool(t, []*chain.Endpoint{e}), chain.ProberConfig{Controller: sim.Deployment().Controller})
	addrs := []common.Address{none, byAccount, byContract}
	var trips []int
	for cycle := range 3 {
		obs, err := p.Observe(ctx, addrs)
		must(t, err)
		if len(obs.Errors) != 0 {
			t.Fatalf("cycle %d: errors %+v", cycle, obs.Errors)
		}
		trips = append(trips, obs.RoundTrips)
		if rc := obs.Account(none).RewardCaller; rc == nil || rc.Set() || rc.Contract != nil || rc.Account != nil {
			t.Errorf("cycle %d: no caller read as %+v", cycle, rc)
		}
		rc := obs.Account(byAccount).RewardCaller
		switch {
		case rc == nil || rc.Address != callerAcct || !rc.IsAccount():
			t.Errorf("cycle %d: account caller read as %+v", cycle, rc)
		case rc.Account == nil || rc.Account.Balance == nil || rc.Account.Balance.Cmp(simchain.FundAmount()) != 0 ||
			rc.Account.MinedNonce == nil || rc.Account.PendingNonce == nil:
			t.Errorf("cycle %d: account caller's state %+v", cycle, rc.Account)
		}
		if rc := obs.Account(byContract).RewardCaller; rc == nil || rc.Address != keeper || !rc.IsContract() || rc.Account != nil {
			t.Errorf("cycle %d: contract caller read as %+v", cycle, rc)
		}
	}
	// The first cycle resolves the contracts and learns the callers only
	// from the BondingManager's answers, so reads their code and state in
	// one more round trip; later cycles read them with everything else,
	// the callers' code cached.
	if want := []int{4, 2, 2}; !slices.Equal(trips, want) {
		t.Errorf("round trips per cycle %v, want %v", trips, want)
	}

	// A caller that changes is a wrong guess: the cycle reads the new
	// caller's state in one more round trip, never the old one's.
	must(t, d.SetRewardCallerOf(ctx, byAccount, none))
	obs, err := p.Observe(ctx, addrs)
	must(t, err)
	rc := obs.Account(byAccount).RewardCaller
	if rc == nil || rc.Address != none || rc.Account == nil || rc.Account.Balance == nil || rc.Account.Balance.Sign() != 0 {
		t.Errorf("changed caller read as %+v", rc)
	}
	if obs.RoundTrips != 3 || len(obs.Errors) != 0 {
		t.Errorf("changed caller: %d round trips, errors %+v; want 3 and none", obs.RoundTrips, obs.Errors)
	}
}

// The 2018 BondingManager has no reward callers: none is recorded, and no
// failed read.
func TestObserveRewardCallerLegacy(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{Legacy: true})
	e := simEndpoint(t, sim, "sim")
	p := newProber(t, newPool(t, []*chain.Endpoint{e}), chain.ProberConfig{Controller: sim.Deployment().Controller})
	obs, err := p.Observe(ctx, []common.Address{addr(1)})
	must(t, err)
	if rc := obs.Account(addr(1)).RewardCaller; rc == nil || rc.Set() {
		t.Errorf("legacy reward caller %+v, want none", rc)
	}
	if err := obs.Err(chain.FieldRewardCaller, addr(1)); err != nil {
		t.Errorf("legacy read recorded %v", err)
	}
}

// RewardCallerSet events are found per transcoder.
func TestRewardCallerEvents(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{})
	d := sim.Driver()
	e := simEndpoint(t, sim, "sim")
	p := newProber(t, newPool(t, []*chain.Endpoint{e}), chain.ProberConfig{Controller: sim.Deployment().Controller})
	from, err := sim.Client().BlockNumber(ctx)
	must(t, err)
	must(t, d.SetRewardCallerOf(ctx, addr(1), addr(0x10)))
	must(t, d.SetRewardCallerOf(ctx, addr(2), addr(0x20)))
	must(t, d.SetRewardCallerOf(ctx, addr(1), common.Address{}))
	to, err := sim.Client().BlockNumber(ctx)
	must(t, err)

	evs, err := p.RewardCallerEvents(ctx, from, to, addr(1))
	must(t, err)
	if len(evs) != 2 || evs[0].Transcoder != addr(1) || evs[0].RewardCaller != addr(0x10) ||
		evs[1].RewardCaller != (common.Address{}) || evs[1].BlockNumber <= evs[0].BlockNumber {
		t.Fatalf("events of %s: %+v", addr(1), evs)
	}
	all, err := p.RewardCallerEvents(ctx, from, to)
	must(t, err)
	if len(all) != 3 {
		t.Errorf("%d events of every transcoder, want 3", len(all))
	}
}

// A failing reward caller read leaves it nil and says why.
func TestObserveRewardCallerReadFails(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{})
	// A BondingManager override where nothing is deployed: every
	// BondingManager read fails, the reward caller's among them.
	nowhere := common.HexToAddress("0x00000000000000000000000000000000000b0b0b")
	e := simEndpoint(t, sim, "sim")
	p := newProber(t, newPool(t, []*chain.Endpoint{e}), chain.ProberConfig{RoundsManager: sim.Deployment().RoundsManager, BondingManager: nowhere})
	obs, err := p.Observe(ctx, []common.Address{addr(1)})
	must(t, err)
	if a := obs.Account(addr(1)); a.RewardCaller != nil {
		t.Errorf("reward caller %+v read from no contract", a.RewardCaller)
	}
	if err := obs.Err(chain.FieldRewardCaller, addr(1)); err == nil {
		t.Error("no error recorded for the reward caller read")
	}
	if obs.Account(addr(1)).Balance == nil || obs.Account(addr(1)).Balance.Cmp(big.NewInt(0)) != 0 {
		t.Errorf("balance %v, want 0 read as usual", obs.Account(addr(1)).Balance)
	}
}
