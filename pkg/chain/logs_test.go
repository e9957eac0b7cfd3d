package chain_test

import (
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

func TestEventsAcrossChunks(t *testing.T) {
	ctx := testCtx(t)
	orch, other, finder := addr(1), addr(2), addr(3)
	sim := newSim(t, simchain.Options{RoundLength: 5})
	d := sim.Driver()
	e := simEndpoint(t, sim, "sim")
	p := newProber(t, newPool(t, []*chain.Endpoint{e}), chain.ProberConfig{Controller: sim.Deployment().Controller, MaxLogRange: 3})

	head := func() uint64 {
		h, err := e.Head(ctx)
		must(t, err)
		return h.Number
	}
	from := head() + 1
	var rounds []uint64
	for i := range 3 {
		r, err := sim.AdvanceRounds(ctx, 1)
		must(t, err)
		must(t, d.InitializeRound(ctx))
		rounds = append(rounds, r)
		must(t, d.RewardFor(ctx, orch, big.NewInt(int64(100+i))))
		must(t, d.RewardFor(ctx, other, big.NewInt(1)))
	}
	must(t, d.SetTotalStake(ctx, orch, eth(10)))
	must(t, d.Slash(ctx, orch, finder, eth(4), eth(1)))
	delegator := addr(4)
	must(t, d.Unbond(ctx, orch, delegator, eth(2)))
	must(t, d.Unbond(ctx, other, delegator, eth(1)))
	to := head()

	_, err := p.Contracts(ctx) // resolved once, outside the count
	must(t, err)
	before := e.Calls()
	rewards, err := p.RewardEvents(ctx, from, to, orch)
	must(t, err)
	// Ceil((to-from+1)/3) eth_getLogs calls: the range is chunked.
	if got, want := e.Calls()-before, (to-from+1+2)/3; got != want {
		t.Errorf("%d eth_getLogs calls for %d blocks, want %d", got, to-from+1, want)
	}
	if len(rewards) != 3 {
		t.Fatalf("%d rewards of %s, want 3: %+v", len(rewards), orch, rewards)
	}
	for i, r := range rewards {
		if r.Transcoder != orch || r.Amount.Int64() != int64(100+i) || r.BlockNumber < from || r.BlockNumber > to || r.Removed {
			t.Errorf("reward %d: %+v", i, r)
		}
	}
	all, err := p.RewardEvents(ctx, from, to)
	must(t, err)
	if len(all) != 6 {
		t.Errorf("%d rewards of anyone, want 6", len(all))
	}

	nr, err := p.NewRoundEvents(ctx, from, to)
	must(t, err)
	if len(nr) != len(rounds) {
		t.Fatalf("%d NewRound events, want %d", len(nr), len(rounds))
	}
	for i, ev := range nr {
		if ev.Round.Uint64() != rounds[i] || ev.BlockHash == (common.Hash{}) {
			t.Errorf("NewRound %d: round %v hash %s, want round %d and a block hash", i, ev.Round, ev.BlockHash, rounds[i])
		}
	}

	slashes, err := p.SlashEvents(ctx, from, to, orch)
	must(t, err)
	if len(slashes) != 1 || slashes[0].Finder != finder || slashes[0].Penalty.Cmp(eth(4)) != 0 || slashes[0].FinderReward.Cmp(eth(1)) != 0 {
		t.Fatalf("slashes %+v", slashes)
	}
	none, err := p.SlashEvents(ctx, from, to, other)
	must(t, err)
	if len(none) != 0 {
		t.Errorf("slashes of %s: %+v", other, none)
	}

	before = e.Calls()
	stake, err := p.StakeEvents(ctx, from, to, orch)
	must(t, err)
	if got, want := e.Calls()-before, (to-from+1+2)/3; got != want {
		t.Errorf("%d eth_getLogs calls for slashes and unbonds of %d blocks, want %d (one query per range)", got, to-from+1, want)
	}
	if !reflect.DeepEqual(stake.Slashes, slashes) {
		t.Errorf("stake events' slashes %+v, want %+v", stake.Slashes, slashes)
	}
	if len(stake.Unbonds) != 1 {
		t.Fatalf("unbonds from %s: %+v, want 1", orch, stake.Unbonds)
	}
	u := stake.Unbonds[0]
	if u.Delegate != orch || u.Delegator != delegator || u.Amount.Cmp(eth(2)) != 0 || u.LockID.Sign() != 0 || u.WithdrawRound.Uint64() < rounds[2]+7 {
		t.Errorf("unbond %+v", u)
	}
	if stakeOfOther, err := p.StakeEvents(ctx, from, to, other); err != nil || len(stakeOfOther.Slashes) != 0 || len(stakeOfOther.Unbonds) != 1 {
		t.Errorf("stake events of %s: %+v %v", other, stakeOfOther, err)
	}
}

func TestFetchLogsRejectsBadRanges(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{})
	e := simEndpoint(t, sim, "sim")
	tests := []struct {
		name           string
		from, to, span uint64
		want           string
	}{
		{"reversed", 10, 5, 100, "from is after to"},
		{"zero span", 1, 5, 0, "max range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := chain.FetchLogs(ctx, e, ethereum.FilterQuery{}, tt.from, tt.to, tt.span)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if e.Calls() != 0 {
				t.Errorf("%d calls made for a bad range", e.Calls())
			}
		})
	}
}
