package probes

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// With watch_active_set the probe observes the pool's accounts, read
// again when the round changes, and scans every transcoder's rewards; it
// estimates the block time from the heads it saw.
func TestChainProbeWatchesActiveSet(t *testing.T) {
	sim, ctx := startSim(t, false)
	d := sim.Driver()
	stranger := common.HexToAddress("0x00000000000000000000000000000000000000b1")
	late := common.HexToAddress("0x00000000000000000000000000000000000000b2")
	for _, a := range []common.Address{watched(), stranger} {
		if err := d.SetActive(ctx, a, true); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := sim.AdvanceRounds(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if err := d.InitializeRound(ctx); err != nil {
		t.Fatal(err)
	}
	if err := d.RewardFor(ctx, stranger, big.NewInt(7)); err != nil {
		t.Fatal(err)
	}
	store := observe.NewStore()
	clk := clock.NewFake(time.Unix(1_800_000_000, 0))
	p, err := NewChainProbe(simProber(t, sim), store, clk, ChainProbeConfig{
		Interval: 15 * time.Second, Timeout: 10 * time.Second, Addresses: []common.Address{watched()},
		MaxLogRange: 1000, Scan: true, WatchActiveSet: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	run := func() observe.Chain {
		t.Helper()
		if err := p.Run(ctx); err != nil {
			t.Fatal(err)
		}
		return *store.Snapshot().Chain
	}
	c := run()
	if len(c.Pool) != 2 || c.Pool[1] != stranger || len(c.Obs.Accounts) != 2 || c.Obs.Accounts[1].Address != stranger {
		t.Fatalf("pool %v, accounts %+v", c.Pool, c.Obs.Accounts)
	}
	if a := c.Obs.Accounts[1]; a.Balance != nil || a.Transcoder == nil || a.Transcoder.LastRewardRound != *c.Obs.Round.CurrentRound {
		t.Errorf("stranger %+v", a)
	}
	if ev := c.Events; ev == nil || len(ev.Rewards) != 1 || ev.Rewards[0].Transcoder != stranger || ev.Rewards[0].Amount.Int64() != 7 {
		t.Errorf("rewards %+v", c.Events)
	}
	// The pool changes within the round: seen only in the next round.
	if err := d.SetActive(ctx, late, true); err != nil {
		t.Fatal(err)
	}
	sim.CommitBlocks(3)
	if c = run(); len(c.Pool) != 2 {
		t.Errorf("pool read again within the round: %v", c.Pool)
	}
	if c.BlockTime <= 0 {
		t.Errorf("no block time estimate after two observations: %+v", c)
	}
	if _, err := sim.AdvanceRounds(ctx, 1); err != nil {
		t.Fatal(err)
	}
	run() // sees the new round
	if c = run(); len(c.Pool) != 3 || c.Pool[2] != late {
		t.Errorf("pool after the round changed: %v", c.Pool)
	}
}
