package chain_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

// A stuck transaction keeps the pending nonce above the mined one while
// blocks go on; replacing it closes the gap.
func TestObserveSeesNonceGap(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{})
	key, err := sim.FundedKey(ctx, eth(1))
	must(t, err)
	who := crypto.PubkeyToAddress(key.PublicKey)
	p := newProber(t, newPool(t, []*chain.Endpoint{simEndpoint(t, sim, "sim")}), chain.ProberConfig{Controller: sim.Deployment().Controller})
	gap := func() (uint64, bool) {
		t.Helper()
		obs, err := p.Observe(ctx, []common.Address{who})
		must(t, err)
		return obs.Accounts[0].NonceGap()
	}
	if g, ok := gap(); !ok || g != 0 {
		t.Fatalf("gap before %d,%v", g, ok)
	}
	stuck, err := sim.StuckTx(ctx, key)
	must(t, err)
	sim.CommitBlocks(5)
	if g, ok := gap(); !ok || g != 1 {
		t.Fatalf("gap with a stuck tx %d,%v, want 1", g, ok)
	}
	r, err := sim.ReplaceTx(ctx, key, stuck)
	must(t, err)
	if r.Status != 1 {
		t.Fatalf("replacement status %d", r.Status)
	}
	if g, ok := gap(); !ok || g != 0 {
		t.Fatalf("gap after replacement %d,%v, want 0", g, ok)
	}
	if _, err := sim.StuckTx(ctx, sim.DevKey()); err == nil {
		t.Error("stuck tx from the developer key accepted")
	}
}

// The same cycle works over real HTTP JSON-RPC served by the simulated chain.
func TestObserveOverHTTP(t *testing.T) {
	ctx := testCtx(t)
	orch := addr(7)
	sim := newSim(t, simchain.Options{HTTP: true, Fund: []common.Address{orch}})
	if sim.URL() == "" {
		t.Fatal("no URL")
	}
	must(t, sim.Driver().SetActive(ctx, orch, true))
	p := newProber(t, newPool(t, []*chain.Endpoint{dial(t, sim.URL())}, chain.WithExpectedChainID(big.NewInt(simchain.ChainID))),
		chain.ProberConfig{Controller: sim.Deployment().Controller, Peers: true})
	obs, err := p.Observe(ctx, []common.Address{orch})
	must(t, err)
	if len(obs.Errors) != 0 {
		t.Fatalf("errors: %+v", obs.Errors)
	}
	a := obs.Accounts[0]
	if boolv(a.Active) != true || a.Balance.Cmp(simchain.FundAmount()) != 0 || obs.Endpoints[0].Peers == nil {
		t.Errorf("account %+v peers %v", a, obs.Endpoints[0].Peers)
	}
}

// plainClient hides everything but the simulated.Client interface: no raw
// JSON-RPC, no peer count, no sync status.
type plainClient struct{ simulated.Client }

func TestEndpointWithoutOptionalMethods(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{})
	full := simEndpoint(t, sim, "full")
	plain, err := chain.NewEndpoint("plain", plainClient{sim.Client()})
	must(t, err)
	want, err := full.Head(ctx)
	must(t, err)
	got, err := plain.Head(ctx)
	must(t, err)
	if *got != *want {
		t.Errorf("head from the header %+v, from raw JSON-RPC %+v", got, want)
	}
	if _, err := plain.PeerCount(ctx); chain.Reason(err) != chain.ReasonUnsupported {
		t.Errorf("peer count error %v, want unsupported", err)
	}
	if _, err := plain.SyncStatus(ctx); chain.Reason(err) != chain.ReasonUnsupported {
		t.Errorf("sync status error %v, want unsupported", err)
	}
	p := newProber(t, newPool(t, []*chain.Endpoint{plain}), chain.ProberConfig{Controller: sim.Deployment().Controller})
	obs, err := p.Observe(ctx, nil)
	must(t, err)
	if h := obs.Endpoints[0]; !h.Healthy || h.Sync != nil || h.Reason != chain.ReasonUnsupported {
		t.Errorf("health %+v: want healthy, sync unknown and the reason recorded", h)
	}
}

func TestNewProberValidates(t *testing.T) {
	sim := newSim(t, simchain.Options{})
	pool := newPool(t, []*chain.Endpoint{simEndpoint(t, sim, "sim")})
	some := common.HexToAddress("0x1")
	tests := []struct {
		name string
		pool *chain.Pool
		cfg  chain.ProberConfig
	}{
		{"no pool", nil, chain.ProberConfig{Controller: some}},
		{"no controller", pool, chain.ProberConfig{}},
		{"one override only", pool, chain.ProberConfig{RoundsManager: some}},
		{"nil reference", pool, chain.ProberConfig{Controller: some, References: []*chain.Endpoint{nil}}},
		{"negative resolve interval", pool, chain.ProberConfig{Controller: some, ResolveEvery: -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := chain.NewProber(tt.pool, tt.cfg); err == nil {
				t.Fatal("accepted")
			}
		})
	}
}
