package probes

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// A cycle of the chain probe watching 100 orchestrators costs, once the
// first cycle has learned their state, at most 3 round trips: the health
// batch and the batch of every read at the head, then one for the event
// scan; a reward among the new blocks adds one for its transaction.
func TestChainProbeCycleRoundTrips(t *testing.T) {
	sim, ctx := startSim(t, false)
	d := sim.Driver()
	addrs := make([]common.Address, 100)
	for i := range addrs {
		addrs[i] = common.BigToAddress(big.NewInt(int64(0xa000 + i)))
	}
	for _, a := range addrs[:5] {
		if err := d.SetActive(ctx, a, true); err != nil {
			t.Fatal(err)
		}
	}
	store := observe.NewStore()
	p, err := NewChainProbe(simProber(t, sim), store, clock.NewFake(time.Unix(1_800_000_000, 0)), ChainProbeConfig{
		Interval: 15 * time.Second, Timeout: 10 * time.Second, Addresses: addrs, MaxLogRange: 1000, Scan: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	cycle := func(what string, want int) {
		t.Helper()
		if err := p.Run(ctx); err != nil {
			t.Fatal(err)
		}
		c := store.Snapshot().Chain
		s := lastScan(t, store)
		if s.Err != nil || len(c.Obs.Errors) != 0 {
			t.Fatalf("%s: scan error %v, observation errors %+v", what, s.Err, c.Obs.Errors)
		}
		if got := c.Obs.RoundTrips + int(s.RoundTrips); got > want || s.From > s.To {
			t.Errorf("%s: %d round trips (observation %d, scan of blocks %d-%d %d), want at most %d",
				what, got, c.Obs.RoundTrips, s.From, s.To, s.RoundTrips, want)
		}
	}
	cycle("first cycle", 4)
	sim.CommitBlocks(1)
	cycle("steady state", 3)
	if err := d.Slash(ctx, addrs[1], common.HexToAddress("0xf1"), big.NewInt(0), big.NewInt(0)); err != nil {
		t.Fatal(err)
	}
	if err := d.Unbond(ctx, addrs[2], common.HexToAddress("0xde1e"), big.NewInt(1)); err != nil {
		t.Fatal(err)
	}
	cycle("a slash and an unbond", 3)
	if s := lastScan(t, store); len(s.Slashes) != 1 || len(s.Unbonds) != 1 {
		t.Errorf("scan %+v, want the slash and the unbond", s)
	}
	if err := d.RewardFor(ctx, addrs[3], big.NewInt(1)); err != nil {
		t.Fatal(err)
	}
	cycle("a reward", 4)
	if s := lastScan(t, store); len(s.Rewards) != 1 || s.Rewards[0].Err != nil || s.RoundTrips != 2 {
		t.Errorf("scan %+v, want the reward with its transaction in 2 round trips", s)
	}
}
