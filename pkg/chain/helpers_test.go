package chain_test

import (
	"context"
	"math/big"
	"net"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

const testTimeout = 60 * time.Second

func testCtx(t testing.TB) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), testTimeout)
	t.Cleanup(cancel)
	return ctx
}

func newSim(t testing.TB, opts simchain.Options) *simchain.Chain {
	t.Helper()
	sim, err := simchain.New(testCtx(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := sim.Close(); err != nil {
			t.Errorf("close simulated chain: %v", err)
		}
	})
	return sim
}

func simEndpoint(t testing.TB, sim *simchain.Chain, name string) *chain.Endpoint {
	t.Helper()
	e, err := sim.Endpoint(name)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func newPool(t testing.TB, eps []*chain.Endpoint, opts ...chain.PoolOption) *chain.Pool {
	t.Helper()
	p, err := chain.NewPool(eps, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

func newProber(t testing.TB, pool *chain.Pool, cfg chain.ProberConfig) *chain.Prober {
	t.Helper()
	p, err := chain.NewProber(pool, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// deadURL returns an http URL on a loopback port nothing listens on.
func deadURL(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return "http://" + addr
}

func dial(t testing.TB, url string, opts ...chain.EndpointOption) *chain.Endpoint {
	t.Helper()
	e, err := chain.DialEndpoint(url, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Close)
	return e
}

func eth(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

func addr(n byte) common.Address { return common.BytesToAddress([]byte{0xaa, n}) }

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func u64(p *uint64) any {
	if p == nil {
		return nil
	}
	return *p
}

func boolv(p *bool) any {
	if p == nil {
		return nil
	}
	return *p
}

// nextRound advances the simulated chain to the next round and
// initializes it.
func nextRound(ctx context.Context, t testing.TB, sim *simchain.Chain) {
	t.Helper()
	_, err := sim.AdvanceRounds(ctx, 1)
	must(t, err)
	must(t, sim.Driver().InitializeRound(ctx))
}

// headBlock is the simulated chain's latest block number.
func headBlock(ctx context.Context, t testing.TB, sim *simchain.Chain) uint64 {
	t.Helper()
	n, err := sim.Client().BlockNumber(ctx)
	must(t, err)
	return n
}
