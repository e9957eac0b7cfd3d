package probes

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// The scan finds the monitored accounts' RewardCallerSet events, and the
// store keeps them across scans.
func TestChainProbeScansRewardCallerSet(t *testing.T) {
	sim, ctx := startSim(t, false)
	d := sim.Driver()
	store := observe.NewStore()
	clk := clock.NewFake(time.Unix(1_800_000_000, 0))
	p, err := NewChainProbe(simProber(t, sim), store, clk, ChainProbeConfig{
		Interval: 15 * time.Second, Timeout: 10 * time.Second, Addresses: []common.Address{watched()},
		MaxLogRange: 100, Scan: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Run(ctx); err != nil {
		t.Fatal(err)
	}
	caller, other := common.HexToAddress("0xca11e5"), common.HexToAddress("0x07e5")
	if err := d.SetRewardCallerOf(ctx, watched(), caller); err != nil {
		t.Fatal(err)
	}
	if err := d.SetRewardCallerOf(ctx, other, caller); err != nil {
		t.Fatal(err)
	}
	if err := p.Run(ctx); err != nil {
		t.Fatal(err)
	}
	s := lastScan(t, store)
	if s.Err != nil || len(s.RewardCallers) != 1 || s.RewardCallers[0].Transcoder != watched() || s.RewardCallers[0].RewardCaller != caller {
		t.Fatalf("scan %+v, want the one RewardCallerSet of %s", s, watched())
	}
	sim.CommitBlocks(1)
	if err := p.Run(ctx); err != nil {
		t.Fatal(err)
	}
	if ev := store.Snapshot().Chain.Events; len(ev.RewardCallers) != 1 || len(lastScan(t, store).RewardCallers) != 0 {
		t.Fatalf("events kept %+v", ev.RewardCallers)
	}
	if rc := store.Snapshot().Chain.Obs.Account(watched()).RewardCaller; rc == nil || rc.Address != caller {
		t.Errorf("observed reward caller %+v, want %s", rc, caller)
	}
}
