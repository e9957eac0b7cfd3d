package probes

import (
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

func watched() common.Address {
	return common.HexToAddress("0x5bE44e23041E93CDF9bCd5A0968524e104e38ae1")
}

func startSim(t testing.TB, httpServer bool) (*simchain.Chain, context.Context) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	sim, err := simchain.New(ctx, simchain.Options{HTTP: httpServer, Fund: []common.Address{watched()}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := sim.Close(); err != nil {
			t.Errorf("close simulated chain: %v", err)
		}
	})
	return sim, ctx
}

// proberOn builds a prober over the given endpoints of sim's contracts.
func proberOn(t testing.TB, sim *simchain.Chain, eps ...*chain.Endpoint) *chain.Prober {
	t.Helper()
	pool, err := chain.NewPool(eps)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	p, err := chain.NewProber(pool, chain.ProberConfig{Controller: sim.Deployment().Controller, MaxLogRange: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func simProber(t testing.TB, sim *simchain.Chain) *chain.Prober {
	t.Helper()
	e, err := sim.Endpoint("sim")
	if err != nil {
		t.Fatal(err)
	}
	return proberOn(t, sim, e)
}

func TestChainProbeStoresAndScans(t *testing.T) {
	sim, ctx := startSim(t, false)
	d := sim.Driver()
	if err := d.SetActive(ctx, watched(), true); err != nil {
		t.Fatal(err)
	}
	if err := d.SetTotalStake(ctx, watched(), big.NewInt(10)); err != nil {
		t.Fatal(err)
	}
	if err := d.Slash(ctx, watched(), common.HexToAddress("0xf1"), big.NewInt(3), big.NewInt(1)); err != nil {
		t.Fatal(err)
	}
	store := observe.NewStore()
	clk := clock.NewFake(time.Unix(1_800_000_000, 0))
	p, err := NewChainProbe(simProber(t, sim), store, clk, ChainProbeConfig{
		Interval: 15 * time.Second, Timeout: 10 * time.Second, Addresses: []common.Address{watched(), watched()},
		MaxLogRange: 4, Scan: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if j := p.Job(); j.Probe != "chain" || j.Target != "chain" || j.Interval != 15*time.Second || j.Timeout != 10*time.Second {
		t.Errorf("job %+v", j)
	}
	if err := p.Run(ctx); err != nil {
		t.Fatal(err)
	}
	c := store.Snapshot().Chain
	o := c.Obs
	if o == nil || c.Err != nil || !c.At.Equal(clk.Now()) {
		t.Fatalf("stored %+v", c)
	}
	if len(o.Accounts) != 1 || o.Account(watched()).Active == nil || !*o.Account(watched()).Active {
		t.Fatalf("accounts %+v (duplicate addresses are read once)", o.Accounts)
	}
	head := o.Block.Number
	first := lastScan(t, store)
	if first.Err != nil || first.From != head-3 || first.To != head || len(first.Slashes) != 1 || first.Calls == 0 {
		t.Fatalf("first scan %+v, want the last 4 blocks up to %d with the slash", first, head)
	}
	if err := d.Unbond(ctx, watched(), common.HexToAddress("0xde1e"), big.NewInt(2)); err != nil {
		t.Fatal(err)
	}
	if err := p.Run(ctx); err != nil {
		t.Fatal(err)
	}
	if u := lastScan(t, store); len(u.Unbonds) != 1 || u.Unbonds[0].Delegate != watched() || u.Unbonds[0].Amount.Int64() != 2 || len(u.Slashes) != 0 {
		t.Fatalf("scan after an unbond %+v, want the unbond", u)
	}
	head = store.Snapshot().Chain.Obs.Block.Number
	sim.CommitBlocks(2)
	if err := p.Run(ctx); err != nil {
		t.Fatal(err)
	}
	second := lastScan(t, store)
	if second.Err != nil || second.From != head+1 || second.To != head+2 || len(second.Slashes) != 0 {
		t.Fatalf("second scan %+v, want blocks %d-%d", second, head+1, head+2)
	}
	if err := p.Run(ctx); err != nil {
		t.Fatal(err)
	}
	if third := lastScan(t, store); third.From <= third.To {
		t.Fatalf("third scan %+v covers blocks although none are new", third)
	}
}

// lastScan returns the latest scan the probe added to the store.
func lastScan(t *testing.T, store *observe.Store) observe.ChainScan {
	t.Helper()
	c := store.Snapshot().Chain
	if c == nil || c.Events == nil || c.Events.Last == nil {
		t.Fatalf("no scan stored: %+v", c)
	}
	return *c.Events.Last
}

func TestChainProbeWithoutEndpoint(t *testing.T) {
	sim, ctx := startSim(t, false)
	e, err := chain.DialEndpoint(deadChain(t), chain.WithCallTimeout(time.Second))
	if err != nil {
		t.Fatal(err)
	}
	store := observe.NewStore()
	p, err := NewChainProbe(proberOn(t, sim, e), store, clock.Real{}, ChainProbeConfig{
		Interval: time.Second, Timeout: time.Second, Addresses: []common.Address{watched()}, MaxLogRange: 10,
		Scan: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	err = p.Run(ctx)
	if !errors.Is(err, chain.ErrNoEndpoint) {
		t.Fatalf("run: %v, want ErrNoEndpoint", err)
	}
	c := store.Snapshot().Chain
	if c == nil || c.Reason != chain.ReasonNoEndpoint || c.Obs.Endpoints[0].Reason != chain.ReasonTransport {
		t.Fatalf("stored %+v", c)
	}
	if c.Events == nil || c.Events.Last != nil {
		t.Errorf("events %+v: scanned logs without a usable endpoint", c.Events)
	}
}

func TestNewChainProbeValidates(t *testing.T) {
	sim, _ := startSim(t, false)
	p := simProber(t, sim)
	good := ChainProbeConfig{Interval: time.Second, Timeout: time.Second}
	cases := []struct {
		name   string
		prober *chain.Prober
		cfg    ChainProbeConfig
	}{
		{"no prober", nil, good},
		{"no interval", p, ChainProbeConfig{Timeout: time.Second}},
		{"scan without range", p, ChainProbeConfig{Interval: time.Second, Timeout: time.Second, Scan: true}},
	}
	for _, c := range cases {
		if _, err := NewChainProbe(c.prober, observe.NewStore(), clock.Real{}, c.cfg); err == nil {
			t.Errorf("%s: accepted", c.name)
		}
	}
	if _, err := NewChainProbe(p, observe.NewStore(), clock.Real{}, good); err != nil {
		t.Errorf("good config: %v", err)
	}
}

// BenchmarkChainProbeCycle measures one full chain probe cycle (the
// observation and the slash scan of the new blocks) against the simulated
// chain, in process and over loopback HTTP JSON-RPC, and reports its RPC calls.
func BenchmarkChainProbeCycle(b *testing.B) {
	for _, viaHTTP := range []bool{false, true} {
		name := "inprocess"
		if viaHTTP {
			name = "http"
		}
		b.Run(name, func(b *testing.B) {
			sim, ctx := startSim(b, viaHTTP)
			prober := simProber(b, sim)
			if viaHTTP {
				e, err := chain.DialEndpoint(sim.URL())
				if err != nil {
					b.Fatal(err)
				}
				prober = proberOn(b, sim, e)
			}
			var calls uint64
			p, err := NewChainProbe(prober, observe.NewStore(), clock.Real{}, ChainProbeConfig{
				Interval: time.Second, Timeout: 10 * time.Second, Addresses: []common.Address{watched()}, MaxLogRange: 1000,
				Scan: true,
			})
			if err != nil {
				b.Fatal(err)
			}
			store := p.store
			b.ResetTimer()
			for b.Loop() {
				sim.Commit()
				if err := p.Run(ctx); err != nil {
					b.Fatal(err)
				}
				c := store.Snapshot().Chain
				calls += uint64(c.Obs.Calls) + c.Events.Last.Calls
			}
			b.ReportMetric(float64(calls)/float64(b.N), "calls/op")
		})
	}
}
