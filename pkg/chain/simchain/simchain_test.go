package simchain_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

func newChain(t *testing.T, opts simchain.Options) (*simchain.Chain, context.Context) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	t.Cleanup(cancel)
	c, err := simchain.New(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.Close(); err != nil {
			t.Error(err)
		}
	})
	return c, ctx
}

func state(t *testing.T, ctx context.Context, c *simchain.Chain) contracts.RoundState {
	t.Helper()
	s, err := c.Driver().RoundState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The contract's round arithmetic is Livepeer's:
// currentRound = lastRoundLengthUpdateRound + (blockNum - lastRoundLengthUpdateStartBlock) / roundLength.
func TestRoundArithmetic(t *testing.T) {
	c, ctx := newChain(t, simchain.Options{RoundLength: 10})
	d := c.Driver()
	steps := []struct {
		name string
		act  func() error
		// want round and its start block, relative to blockNum bn
		check func(s contracts.RoundState) bool
	}{
		{"fresh", func() error { return nil }, func(s contracts.RoundState) bool {
			return s.CurrentRound == s.BlockNum/10 && s.StartBlock == s.CurrentRound*10 && s.Length == 10
		}},
		{"offset blockNum like an L1 block number", func() error { return d.SetBlockNumOffset(ctx, 20_000_000) }, func(s contracts.RoundState) bool {
			return s.BlockNum >= 20_000_000 && s.CurrentRound == s.BlockNum/10 && s.StartBlock == s.CurrentRound*10
		}},
		{"round start moved", func() error {
			s := state(t, ctx, c)
			return d.SetRoundStart(ctx, 4000, s.BlockNum-3)
		}, func(s contracts.RoundState) bool {
			return s.CurrentRound == 4000 && s.BlockNum-s.StartBlock < 10
		}},
		{"round length changed", func() error { return d.SetRoundLength(ctx, 50) }, func(s contracts.RoundState) bool {
			return s.Length == 50 && s.CurrentRound == 4000 && s.BlockNum-s.StartBlock < 50
		}},
	}
	for _, st := range steps {
		if err := st.act(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if s := state(t, ctx, c); !st.check(s) {
			t.Fatalf("%s: state %+v", st.name, s)
		}
	}
	r, err := c.AdvanceRounds(ctx, 2)
	if err != nil || r != 4002 {
		t.Fatalf("advance: round %d err %v", r, err)
	}
	if s := state(t, ctx, c); s.Initialized || s.BlockNum != s.StartBlock {
		t.Fatalf("after advancing: %+v, want an uninitialized round at its first block", s)
	}
}

func TestInitializeRound(t *testing.T) {
	c, ctx := newChain(t, simchain.Options{RoundLength: 10})
	d := c.Driver()
	if _, err := c.AdvanceRounds(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if s := state(t, ctx, c); s.Initialized {
		t.Fatalf("new round initialized: %+v", s)
	}
	if err := d.InitializeRound(ctx); err != nil {
		t.Fatal(err)
	}
	if s := state(t, ctx, c); !s.Initialized {
		t.Fatalf("round not initialized: %+v", s)
	}
	err := d.InitializeRound(ctx)
	if err == nil || !strings.Contains(err.Error(), "round already initialized") {
		t.Fatalf("second initializeRound: %v", err)
	}
}

// reward() applies the real checks, in the real order.
func TestRewardChecks(t *testing.T) {
	c, ctx := newChain(t, simchain.Options{RoundLength: 10})
	d := c.Driver()
	bm := c.Deployment().BondingManager
	reward := contracts.NewBondingManager().PackReward()
	me := d.From()
	if _, err := c.AdvanceRounds(ctx, 1); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		setup   func() error
		wantErr string
	}{
		{func() error { return nil }, "current round is not initialized"},
		{func() error { return d.InitializeRound(ctx) }, "caller must be an active transcoder"},
		{func() error { return d.SetActive(ctx, me, true) }, ""},
		{func() error { return nil }, "caller has already called reward for the current round"},
	}
	for i, s := range steps {
		if err := s.setup(); err != nil {
			t.Fatalf("step %d setup: %v", i, err)
		}
		err := d.Send(ctx, bm, reward)
		if s.wantErr == "" && err != nil || s.wantErr != "" && (err == nil || !strings.Contains(err.Error(), s.wantErr)) {
			t.Fatalf("step %d: reward error %v, want %q", i, err, s.wantErr)
		}
	}
}

func TestOptionsAndHelpers(t *testing.T) {
	c, ctx := newChain(t, simchain.Options{HTTP: true, Fund: []common.Address{common.HexToAddress("0x1234")}})
	if !strings.HasPrefix(c.URL(), "http://127.0.0.1:") {
		t.Errorf("url %q", c.URL())
	}
	bal, err := c.Client().BalanceAt(ctx, common.HexToAddress("0x1234"), nil)
	if err != nil || bal.Cmp(simchain.FundAmount()) != 0 {
		t.Errorf("funded balance %v err %v", bal, err)
	}
	if _, err := c.AdvanceRounds(ctx, 0); err == nil {
		t.Error("advancing 0 rounds accepted")
	}
	if _, err := c.AdvanceToRoundProgress(ctx, 1.5); err == nil {
		t.Error("progress 1.5 accepted")
	}
	if _, err := c.AdvanceRounds(ctx, 1); err != nil {
		t.Fatal(err)
	}
	el, err := c.AdvanceToRoundProgress(ctx, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if s := state(t, ctx, c); s.BlockNum-s.StartBlock != el || el != s.Length/2 {
		t.Errorf("progress: elapsed %d, state %+v", el, s)
	}
	before, err := c.Client().HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AdvanceTime(time.Hour); err != nil {
		t.Fatal(err)
	}
	after, err := c.Client().HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if after.Time < before.Time+3600 {
		t.Errorf("block time %d after advancing an hour from %d", after.Time, before.Time)
	}
}
