package chain_test

import (
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

// deployBondingManager deploys another (current) BondingManager of the
// sim's Controller, not registered anywhere, and returns its address.
func deployBondingManager(ctx context.Context, t *testing.T, sim *simchain.Chain) common.Address {
	t.Helper()
	opts := bind.NewKeyedTransactor(sim.DevKey(), big.NewInt(simchain.ChainID))
	opts.Context = ctx
	bm := contracts.NewBondingManager()
	at, tx, err := bind.DeployContract(opts, common.FromHex(contracts.BondingManagerMetaData.Bin), sim.Client(), bm.PackConstructor(sim.Deployment().Controller))
	must(t, err)
	receipts, err := sim.Mine(ctx, tx)
	must(t, err)
	if receipts[0].Status != types.ReceiptStatusSuccessful {
		t.Fatal("BondingManager deployment reverted")
	}
	return at
}

// controllerCalls counts the eth_calls of reqs to the Controller: the
// resolution of the contract addresses.
func controllerCalls(reqs []proxyRequest, controller common.Address) int {
	n := 0
	for _, r := range reqs {
		for _, q := range r.calls {
			if q.isCallTo(controller) {
				n++
			}
		}
	}
	return n
}

// When the Controller registers a new BondingManager after a cycle
// resolved the addresses, the next cycle sees the SetContractInfo log in
// its head batch, resolves the addresses again and reads the new
// BondingManager in the same cycle (two more round trips); the cycle
// after trusts the new address.
func TestContractWatchFollowsNewBondingManager(t *testing.T) {
	ctx := testCtx(t)
	orch := addr(1)
	sim := newSim(t, simchain.Options{})
	d, dep := sim.Driver(), sim.Deployment()
	must(t, d.SetTotalStake(ctx, orch, eth(5000)))
	proxy := newProxy(t, sim)
	p := newProber(t, newPool(t, []*chain.Endpoint{proxy.endpoint(t)}), chain.ProberConfig{Controller: dep.Controller})

	obs, err := p.Observe(ctx, []common.Address{orch})
	must(t, err)
	if len(obs.Errors) != 0 || obs.Contracts == nil || obs.Contracts.BondingManager != dep.BondingManager || obs.Account(orch).TotalStake.Cmp(eth(5000)) != 0 {
		t.Fatalf("first cycle: contracts %+v, stake %v, errors %+v", obs.Contracts, obs.Account(orch).TotalStake, obs.Errors)
	}
	proxy.take()

	newBM := deployBondingManager(ctx, t, sim)
	must(t, d.Send(ctx, newBM, contracts.NewBondingManager().PackSetTotalStake(orch, eth(7))))
	must(t, d.SetContract(ctx, chain.BondingManagerName, newBM))

	obs, err = p.Observe(ctx, []common.Address{orch})
	must(t, err)
	if len(obs.Errors) != 0 {
		t.Fatalf("errors after the upgrade: %+v", obs.Errors)
	}
	if want := (chain.Contracts{Controller: dep.Controller, RoundsManager: dep.RoundsManager, BondingManager: newBM}); obs.Contracts == nil || *obs.Contracts != want {
		t.Errorf("contracts %+v, want %+v", obs.Contracts, want)
	}
	if s := obs.Account(orch).TotalStake; s == nil || s.Cmp(eth(7)) != 0 {
		t.Errorf("stake %v, want 7 ETH from the new BondingManager", s)
	}
	reqs := proxy.take()
	// Health, the head batch that finds the log, the resolution, the head batch again.
	if obs.RoundTrips != 4 || methodCount(reqs, "eth_getLogs") != 1 || controllerCalls(reqs, dep.Controller) != 2 {
		t.Errorf("upgrade cycle: %d round trips, %d log reads, %d Controller reads; want 4, 1 and 2",
			obs.RoundTrips, methodCount(reqs, "eth_getLogs"), controllerCalls(reqs, dep.Controller))
	}

	sim.Commit()
	obs, err = p.Observe(ctx, []common.Address{orch})
	must(t, err)
	reqs = proxy.take()
	if obs.Contracts == nil || obs.Contracts.BondingManager != newBM || obs.RoundTrips != 2 || controllerCalls(reqs, dep.Controller) != 0 || len(obs.Errors) != 0 {
		t.Errorf("cycle after: contracts %+v, %d round trips, %d Controller reads, errors %+v; want the new address, 2, 0, none",
			obs.Contracts, obs.RoundTrips, controllerCalls(reqs, dep.Controller), obs.Errors)
	}
}

// A SetContractInfo for a contract lpwatch does not read (the Minter)
// changes nothing: the log is read inside the head batch, the addresses
// are not resolved again and the cycle takes its usual two round trips;
// the blocks it covered are not read again.
func TestContractWatchIgnoresUnrelatedContracts(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{})
	d, dep := sim.Driver(), sim.Deployment()
	proxy := newProxy(t, sim)
	p := newProber(t, newPool(t, []*chain.Endpoint{proxy.endpoint(t)}), chain.ProberConfig{Controller: dep.Controller})
	addrs := []common.Address{addr(1)}
	_, err := p.Observe(ctx, addrs)
	must(t, err)
	proxy.take()

	must(t, d.SetContract(ctx, "Minter", addr(0x99)))
	obs, err := p.Observe(ctx, addrs)
	must(t, err)
	reqs := proxy.take()
	want := chain.Contracts{Controller: dep.Controller, RoundsManager: dep.RoundsManager, BondingManager: dep.BondingManager}
	if len(obs.Errors) != 0 || obs.Contracts == nil || *obs.Contracts != want {
		t.Fatalf("contracts %+v, errors %+v; want %+v and none", obs.Contracts, obs.Errors, want)
	}
	if obs.RoundTrips != 2 || controllerCalls(reqs, dep.Controller) != 0 {
		t.Errorf("%d round trips, %d Controller reads; want 2 and 0", obs.RoundTrips, controllerCalls(reqs, dep.Controller))
	}
	inBatch := false
	for _, r := range reqs {
		if methodCount([]proxyRequest{r}, "eth_getLogs") == 1 && len(r.calls) > 1 {
			inBatch = true
		}
	}
	if methodCount(reqs, "eth_getLogs") != 1 || !inBatch {
		t.Errorf("%d log reads (in the head batch: %v), want 1 in it", methodCount(reqs, "eth_getLogs"), inBatch)
	}

	// No block since: nothing left to check.
	obs, err = p.Observe(ctx, addrs)
	must(t, err)
	if reqs := proxy.take(); methodCount(reqs, "eth_getLogs") != 0 || obs.RoundTrips != 2 {
		t.Errorf("without a new block: %d log reads in %d round trips, want 0 in 2", methodCount(reqs, "eth_getLogs"), obs.RoundTrips)
	}
}

// Configured addresses are used as given: a new BondingManager registered
// in the Controller neither re-resolves nor replaces them, and with both
// configured the Controller's logs are never read.
func TestContractWatchKeepsConfiguredAddresses(t *testing.T) {
	ctx := testCtx(t)
	for _, tt := range []struct {
		name string
		// controller: only the BondingManager is configured, the
		// RoundsManager is resolved (and watched) through the Controller.
		controller bool
	}{
		{"both configured", false},
		{"bonding manager configured", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sim := newSim(t, simchain.Options{})
			d, dep := sim.Driver(), sim.Deployment()
			cfg := chain.ProberConfig{BondingManager: dep.BondingManager}
			if tt.controller {
				cfg.Controller = dep.Controller
			} else {
				cfg.RoundsManager = dep.RoundsManager
			}
			proxy := newProxy(t, sim)
			p := newProber(t, newPool(t, []*chain.Endpoint{proxy.endpoint(t)}), cfg)
			addrs := []common.Address{addr(1)}
			_, err := p.Observe(ctx, addrs)
			must(t, err)
			proxy.take()

			must(t, d.SetContract(ctx, chain.BondingManagerName, deployBondingManager(ctx, t, sim)))
			for cycle := range 2 {
				sim.Commit()
				obs, err := p.Observe(ctx, addrs)
				must(t, err)
				reqs := proxy.take()
				if len(obs.Errors) != 0 || obs.Contracts == nil || obs.Contracts.BondingManager != dep.BondingManager || obs.Contracts.RoundsManager != dep.RoundsManager {
					t.Errorf("cycle %d: contracts %+v, errors %+v; want the configured BondingManager", cycle, obs.Contracts, obs.Errors)
				}
				if obs.RoundTrips != 2 || controllerCalls(reqs, dep.Controller) != 0 {
					t.Errorf("cycle %d: %d round trips, %d Controller reads; want 2 and 0", cycle, obs.RoundTrips, controllerCalls(reqs, dep.Controller))
				}
				wantLogs := 0
				if tt.controller {
					wantLogs = 1 // for the RoundsManager
				}
				if n := methodCount(reqs, "eth_getLogs"); n != wantLogs {
					t.Errorf("cycle %d: %d log reads, want %d", cycle, n, wantLogs)
				}
			}
		})
	}
}
