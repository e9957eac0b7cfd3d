package chain_test

import (
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

// BenchmarkObserve measures one full probe cycle (one endpoint with peers,
// one monitored transcoder) against the simulated chain over JSON-RPC,
// and reports the calls, round trips and bytes it makes.
func BenchmarkObserve(b *testing.B) {
	ctx := testCtx(b)
	orch := addr(1)
	sim := newSim(b, simchain.Options{Fund: []common.Address{orch}})
	if _, err := sim.AdvanceRounds(ctx, 1); err != nil {
		b.Fatal(err)
	}
	must(b, sim.Driver().InitializeRound(ctx))
	must(b, sim.Driver().SetActive(ctx, orch, true))
	p := newProber(b, newPool(b, []*chain.Endpoint{simEndpoint(b, sim, "sim")}),
		chain.ProberConfig{Controller: sim.Deployment().Controller, Peers: true})
	benchCycles(b, p, []common.Address{orch}, nil)
}

// BenchmarkObserveRoundTrips shows the round trips of a cycle staying
// constant as the accounts grow from 10 to 1,000: monitored accounts
// (balance, nonces, reward caller and the contract reads, as for a node)
// and watched ones (the contract reads only, as for the active set),
// with Multicall3 and with plain batches. Round trips grow only when a
// phase's calls pass the batch size (1000), which 1,000 monitored accounts
// do with their 2,000 nonce reads: no contract can read a nonce.
func BenchmarkObserveRoundTrips(b *testing.B) {
	for _, mode := range []struct {
		name        string
		noMulticall bool
	}{{"multicall", false}, {"batches", true}} {
		for _, kind := range []string{"monitored", "watched"} {
			for _, n := range []int{10, 100, 1000} {
				b.Run(fmt.Sprintf("%s/%s/%d", mode.name, kind, n), func(b *testing.B) {
					ctx := testCtx(b)
					sim := newSim(b, simchain.Options{NoMulticall: mode.noMulticall})
					if _, err := sim.AdvanceRounds(ctx, 1); err != nil {
						b.Fatal(err)
					}
					must(b, sim.Driver().InitializeRound(ctx))
					p := newProber(b, newPool(b, []*chain.Endpoint{simEndpoint(b, sim, "sim")}),
						chain.ProberConfig{Controller: sim.Deployment().Controller, NoMulticall: mode.noMulticall})
					accounts := make([]common.Address, n)
					for i := range accounts {
						accounts[i] = common.BytesToAddress([]byte{0xbb, byte(i >> 8), byte(i)})
					}
					if kind == "monitored" {
						benchCycles(b, p, accounts, nil)
					} else {
						benchCycles(b, p, nil, accounts)
					}
				})
			}
		}
	}
}

// benchCycles runs cycles of p after a first one that resolves the
// contracts, fails on any failed read, and reports the last cycle's
// calls, round trips and bytes.
func benchCycles(b *testing.B, p *chain.Prober, addrs, watch []common.Address) {
	b.Helper()
	ctx := testCtx(b)
	if _, err := p.Observe(ctx, addrs, watch...); err != nil {
		b.Fatal(err)
	}
	var last *chain.Observation
	b.ReportAllocs()
	for b.Loop() {
		obs, err := p.Observe(ctx, addrs, watch...)
		if err != nil || len(obs.Errors) != 0 {
			b.Fatalf("observe: %v %+v", err, obs.Errors)
		}
		last = obs
	}
	b.ReportMetric(float64(last.Calls), "calls/op")
	b.ReportMetric(float64(last.RoundTrips), "trips/op")
	b.ReportMetric(float64(last.Bytes), "bytes/op")
}
