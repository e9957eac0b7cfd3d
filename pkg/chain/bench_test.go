package chain_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

// BenchmarkObserve measures one full probe cycle (one endpoint with peers,
// one monitored transcoder) against the in-process simulated chain, and
// reports the RPC calls it makes.
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
	addrs := []common.Address{orch}
	if _, err := p.Observe(ctx, addrs); err != nil { // resolve the contracts outside the loop
		b.Fatal(err)
	}
	calls := 0
	b.ReportAllocs()
	for b.Loop() {
		obs, err := p.Observe(ctx, addrs)
		if err != nil || len(obs.Errors) != 0 {
			b.Fatalf("observe: %v %+v", err, obs.Errors)
		}
		calls = obs.Calls
	}
	b.ReportMetric(float64(calls), "calls/op")
}
