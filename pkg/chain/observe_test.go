package chain_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

// A transcoder set up through the contracts is read back field by field.
func TestObserveReadsProtocolState(t *testing.T) {
	ctx := testCtx(t)
	tests := []struct {
		name   string
		legacy bool
		layout chain.Layout
	}{
		{"current", false, chain.LayoutCurrent},
		{"legacy", true, chain.LayoutLegacy},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orch, idle := addr(1), addr(2)
			sim := newSim(t, simchain.Options{RoundLength: 20, Legacy: tt.legacy, Fund: []common.Address{orch}})
			d := sim.Driver()
			must(t, d.SetBlockNumOffset(ctx, 1_000_000))
			round, err := sim.AdvanceRounds(ctx, 1)
			must(t, err)
			must(t, d.InitializeRound(ctx))
			must(t, d.SetActive(ctx, orch, true))
			must(t, d.SetTotalStake(ctx, orch, eth(5000)))
			must(t, d.SetLastRewardRound(ctx, orch, round-1))

			p := newProber(t, newPool(t, []*chain.Endpoint{simEndpoint(t, sim, "sim")}),
				chain.ProberConfig{Controller: sim.Deployment().Controller, Peers: true})
			obs, err := p.Observe(ctx, []common.Address{orch, idle})
			must(t, err)
			if len(obs.Errors) != 0 {
				t.Fatalf("errors: %+v", obs.Errors)
			}
			dep := sim.Deployment()
			if want := (chain.Contracts{Controller: dep.Controller, RoundsManager: dep.RoundsManager, BondingManager: dep.BondingManager}); obs.Contracts == nil || *obs.Contracts != want {
				t.Fatalf("contracts %+v, want %+v", obs.Contracts, want)
			}
			r := obs.Round
			if u64(r.CurrentRound) != round || boolv(r.Initialized) != true || u64(r.Length) != uint64(20) || u64(r.LastInitializedRound) != round {
				t.Errorf("round %v initialized %v length %v lastInitialized %v, want %d true 20 %d",
					u64(r.CurrentRound), boolv(r.Initialized), u64(r.Length), u64(r.LastInitializedRound), round, round)
			}
			if r.BlockNum == nil || *r.BlockNum != obs.Block.Number+1_000_000 {
				t.Errorf("blockNum %v, want head %d + 1000000", u64(r.BlockNum), obs.Block.Number)
			}
			if el, ok := r.Elapsed(); !ok || *r.StartBlock != round*20 || el >= 20 {
				t.Errorf("start block %v elapsed %d (%v), want %d and < 20", u64(r.StartBlock), el, ok, round*20)
			}

			a := obs.Account(orch)
			if a.Transcoder == nil || a.Transcoder.Layout != tt.layout || a.Transcoder.LastRewardRound != round-1 {
				t.Fatalf("transcoder %+v, want layout %s lastRewardRound %d", a.Transcoder, tt.layout, round-1)
			}
			if boolv(a.Active) != true || a.Status == nil || *a.Status != chain.Registered || a.TotalStake.Cmp(eth(5000)) != 0 {
				t.Errorf("active %v status %v stake %v", boolv(a.Active), a.Status, a.TotalStake)
			}
			if a.Balance.Cmp(simchain.FundAmount()) != 0 || u64(a.MinedNonce) != uint64(0) || u64(a.PendingNonce) != uint64(0) {
				t.Errorf("balance %v nonces %v/%v", a.Balance, u64(a.MinedNonce), u64(a.PendingNonce))
			}
			b := obs.Account(idle)
			if boolv(b.Active) != false || *b.Status != chain.NotRegistered || b.TotalStake.Sign() != 0 || b.Balance.Sign() != 0 {
				t.Errorf("idle account %+v", b)
			}
			if obs.GasPrice == nil || obs.GasPrice.Sign() <= 0 {
				t.Errorf("gas price %v", obs.GasPrice)
			}
			h := obs.Endpoints[0]
			if !h.Healthy || h.ChainID.Cmp(big.NewInt(simchain.ChainID)) != 0 || h.Peers == nil || h.Sync == nil || obs.Endpoint != "sim" {
				t.Errorf("endpoint health %+v used %q", h, obs.Endpoint)
			}

			// After the reward the same cycle sees it.
			must(t, d.RewardFor(ctx, orch, eth(3)))
			obs, err = p.Observe(ctx, []common.Address{orch})
			must(t, err)
			if a := obs.Accounts[0]; a.Transcoder.LastRewardRound != round || a.TotalStake.Cmp(eth(5003)) != 0 {
				t.Errorf("after reward: lastRewardRound %d stake %v, want %d and 5003 ETH", a.Transcoder.LastRewardRound, a.TotalStake, round)
			}
		})
	}
}

// A cycle's reads go out in a fixed number of round trips whatever the
// number of accounts: one health batch, one batch for everything at the
// head (and, the first time, one to resolve the contracts). Calls and
// RoundTrips equal what the endpoint counted; with Multicall3 all contract
// reads are one call, without it each is its own call in the batch.
func TestObserveCountsRoundTrips(t *testing.T) {
	ctx := testCtx(t)
	for _, tt := range []struct {
		name        string
		noMulticall bool
		// calls returns the calls of a cycle after the first for n accounts.
		calls func(n int) int
	}{
		// health 4 (chain ID, head, sync, peers) + gas 1 + 2 nonces per
		// account (the balances go in the aggregate) + 1 aggregate3.
		{"multicall", false, func(n int) int { return 4 + 1 + 2*n + 1 }},
		// health 4 + gas 1 + round 7 + per account 3 for its state, 4
		// BondingManager reads and its reward caller.
		{"batches", true, func(n int) int { return 4 + 1 + 7 + 8*n }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, n := range []int{1, 3, 30} {
				sim := newSim(t, simchain.Options{NoMulticall: tt.noMulticall})
				e := simEndpoint(t, sim, "sim")
				p := newProber(t, newPool(t, []*chain.Endpoint{e}),
					chain.ProberConfig{Controller: sim.Deployment().Controller, Peers: true, NoMulticall: tt.noMulticall})
				addrs := make([]common.Address, n)
				for i := range addrs {
					addrs[i] = addr(byte(i + 1))
				}
				for cycle, wantTrips := range []int{3, 2, 2} {
					calls, trips := e.Calls(), e.RoundTrips()
					obs, err := p.Observe(ctx, addrs)
					must(t, err)
					if len(obs.Errors) != 0 {
						t.Fatalf("%d accounts, cycle %d: errors %+v", n, cycle, obs.Errors)
					}
					gotCalls, gotTrips := int(e.Calls()-calls), int(e.RoundTrips()-trips)
					if obs.Calls != gotCalls || obs.RoundTrips != gotTrips {
						t.Errorf("%d accounts, cycle %d: observation counted %d calls in %d round trips, endpoint %d in %d",
							n, cycle, obs.Calls, obs.RoundTrips, gotCalls, gotTrips)
					}
					if gotTrips != wantTrips || obs.Multicall == tt.noMulticall || obs.Bytes <= 0 {
						t.Errorf("%d accounts, cycle %d: %d round trips (multicall %v, %d bytes), want %d",
							n, cycle, gotTrips, obs.Multicall, obs.Bytes, wantTrips)
					}
					if cycle > 0 && gotCalls != tt.calls(n) {
						t.Errorf("%d accounts, cycle %d: %d calls, want %d", n, cycle, gotCalls, tt.calls(n))
					}
				}
			}
		})
	}
}

// A failing read leaves its field nil and records why; the rest is kept.
func TestObserveKeepsPartialResults(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{})
	dep := sim.Deployment()
	nowhere := common.HexToAddress("0x00000000000000000000000000000000000b0b0b")
	tests := []struct {
		name         string
		cfg          chain.ProberConfig
		wantRound    bool
		failedFields []string
		reason       string
	}{
		{
			name:         "bonding manager without code",
			cfg:          chain.ProberConfig{RoundsManager: dep.RoundsManager, BondingManager: nowhere},
			wantRound:    true,
			failedFields: []string{"account.getTranscoder", "account.transcoderStatus", "account.transcoderTotalStake", "account.isActiveTranscoder"},
			reason:       chain.ReasonDecode,
		},
		{
			name:         "controller without registrations",
			cfg:          chain.ProberConfig{Controller: nowhere},
			failedFields: []string{"contracts"},
			reason:       chain.ReasonDecode,
		},
		{
			name:         "rounds manager is not one",
			cfg:          chain.ProberConfig{RoundsManager: dep.Controller, BondingManager: dep.BondingManager},
			failedFields: []string{"round.currentRound", "round.roundLength", "round.blockNum", "round.currentRoundInitialized"},
			reason:       "rpc_3", // a revert, even without revert data
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newProber(t, newPool(t, []*chain.Endpoint{simEndpoint(t, sim, "sim")}), tt.cfg)
			who := addr(1)
			obs, err := p.Observe(ctx, []common.Address{who})
			must(t, err)
			for _, f := range tt.failedFields {
				a := who
				if f == "contracts" || f[:6] == "round." {
					a = common.Address{}
				}
				err := obs.Err(f, a)
				if err == nil {
					t.Errorf("no error recorded for %s; errors: %+v", f, obs.Errors)
					continue
				}
				if r := chain.Reason(err); r != tt.reason {
					t.Errorf("%s: reason %q, want %q (%v)", f, r, tt.reason, err)
				}
			}
			if got := obs.Round.CurrentRound != nil; got != tt.wantRound {
				t.Errorf("round read %v, want %v", got, tt.wantRound)
			}
			acc := obs.Accounts[0]
			if acc.Balance == nil || acc.MinedNonce == nil || acc.PendingNonce == nil || obs.GasPrice == nil {
				t.Errorf("account state lost: %+v gas %v", acc, obs.GasPrice)
			}
			if acc.Transcoder != nil && tt.name == "bonding manager without code" {
				t.Errorf("transcoder %+v fabricated", acc.Transcoder)
			}
		})
	}
}

// The lock period is the last 10% of a round; Remaining counts down to it.
func TestObserveRoundProgress(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{RoundLength: 20})
	p := newProber(t, newPool(t, []*chain.Endpoint{simEndpoint(t, sim, "sim")}), chain.ProberConfig{Controller: sim.Deployment().Controller})
	_, err := sim.AdvanceRounds(ctx, 1)
	must(t, err)
	steps := []struct {
		progress  float64
		remaining uint64
		locked    bool
	}{
		{0.5, 10, false},
		{0.85, 3, false},
		{0.9, 2, true},
		{0.95, 1, true},
	}
	for _, s := range steps {
		_, err := sim.AdvanceToRoundProgress(ctx, s.progress)
		must(t, err)
		obs, err := p.Observe(ctx, nil)
		must(t, err)
		rem, ok := obs.Round.Remaining()
		if !ok || rem != s.remaining || boolv(obs.Round.Locked) != s.locked {
			t.Errorf("at %.2f: remaining %d,%v locked %v; want %d, %v", s.progress, rem, ok, boolv(obs.Round.Locked), s.remaining, s.locked)
		}
	}
}
