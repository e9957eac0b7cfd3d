package daemon

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// gethRoundLength is the round length, in blockNum() blocks, of the reward
// tests on geth.
const gethRoundLength = 100

// TestRewardTimingWithGeth is TestRewardLateWarnedThenCriticalThenResolved
// on a real geth --dev.period 0: a block is sealed only per transaction, so
// the RoundsManager's blockNum() stays exactly where its offset puts it.
// RewardNotCalled turns warning at block 10 of the 100-block round and
// critical at block 76, and resolves when the reward lands on-chain.
func TestRewardTimingWithGeth(t *testing.T) {
	w := newGethWorld(t, 0)
	r := w.lagRound()
	h, _ := runDaemon(t, w.config(24*time.Hour), time.Now())
	start := w.state().StartBlock

	rewardTiming(t, h, r, start, w.moveBlockNum, w.reward, 1)
}

// TestMissedRoundWithGethAcrossRestarts is
// TestMissedRoundCountedOnceAcrossRestarts on a real geth: a round that
// ends without a reward raises one RewardRoundMissed and counts one missed
// round, although lpwatch was restarted in the middle of that round and
// again after it.
func TestMissedRoundWithGethAcrossRestarts(t *testing.T) {
	w := newGethWorld(t, 0)
	r := w.lagRound()
	cfg := w.config(24 * time.Hour)
	start := w.state().StartBlock

	h1, stop1 := runDaemon(t, cfg, time.Now())
	h1.waitState(alert.RewardRoundMissed, "tc001", checks.OK)
	w.moveBlockNum(start + 5)
	h1.waitState(alert.RewardNotCalled, "tc001", checks.OK)
	stop1()
	h1.quiet()

	// Restarted in the middle of the round, on the same state directory.
	h2, stop2 := runDaemon(t, w.sameState(cfg), h1.clk.Now().Add(time.Hour))
	h2.waitState(alert.RewardRoundMissed, "tc001", checks.OK)
	w.moveBlockNum(start + gethRoundLength)
	w.must(w.driver.InitializeRound(w.ctx))
	w.syncNode()
	next := w.state().CurrentRound
	if next != r+1 {
		t.Fatalf("the chain is at round %d after the round end, want %d", next, r+1)
	}
	n := h2.expectIgnoring(alert.RewardRoundMissed, alert.StatusFiring, alert.RewardNotCalled)
	if n.Severity != alert.SeverityCritical || n.Details["missed_round"] != u64str(r) || n.Details["missed_total"] != "1" {
		t.Fatalf("missed round notification: %s %v", n.Severity, n.Details)
	}
	w.moveBlockNum(start + gethRoundLength + 5)
	h2.waitBlockNum(w.state().BlockNum)
	h2.waitState(alert.RewardRoundMissed, "tc001", checks.Critical)
	h2.drain(alert.RewardNotCalled)
	if got := metricValue(t, h2, "lpwatch_reward_missed_rounds_total", "node", "tc001"); got != 1 {
		t.Errorf("lpwatch_reward_missed_rounds_total = %v, want 1", got)
	}
	stop2()

	// Restarted again after the round: nothing is counted or sent twice.
	h3, _ := runDaemon(t, w.sameState(cfg), h2.clk.Now().Add(time.Hour))
	got := h3.waitState(alert.RewardRoundMissed, "tc001", checks.Critical)
	if got.Epoch != u64str(r) {
		t.Errorf("epoch %q, want the missed round %d", got.Epoch, r)
	}
	h3.pacedWait("missed-rounds counter restored", func() bool {
		return metricValue(t, h3, "lpwatch_reward_missed_rounds_total", "node", "tc001") == 1
	})
	w.reward()
	h3.expectIgnoring(alert.RewardRoundMissed, alert.StatusResolved, alert.RewardNotCalled)
	if s := w.state(); s.CurrentRound != next {
		t.Fatalf("the chain moved to round %d during the test, want %d", s.CurrentRound, next)
	}
	if got := metricValue(t, h3, "lpwatch_reward_missed_rounds_total", "node", "tc001"); got != 1 {
		t.Errorf("lpwatch_reward_missed_rounds_total = %v after the reward, want 1", got)
	}
}

// lagRound makes rounds 100 blocks long, moves blockNum() to the start of
// a round five rounds on, initializes it, activates the node's account and
// sets its last reward round to the round before; the fake node reports
// the same. It returns the round. The set-up transactions each seal a
// block, so a few blocks of the round have elapsed when it returns.
func (w *gethWorld) lagRound() uint64 {
	w.t.Helper()
	w.must(w.driver.SetRoundLength(w.ctx, gethRoundLength))
	s := w.state()
	w.moveBlockNum(s.StartBlock + 5*gethRoundLength)
	r := w.state().CurrentRound
	w.must(w.driver.InitializeRound(w.ctx))
	w.must(w.driver.SetActive(w.ctx, w.addr(), true))
	w.must(w.driver.SetLastRewardRound(w.ctx, w.addr(), r-1))
	w.syncNode()
	if s := w.state(); s.CurrentRound != r || !s.Initialized || s.Length != gethRoundLength || s.BlockNum-s.StartBlock >= 9 {
		w.t.Fatalf("set-up left the round state at %+v, want round %d initialized and under 9 blocks elapsed", s, r)
	}
	return r
}

// moveBlockNum sets the blockNum() offset so that blockNum() is n in the
// block that seals the offset's transaction (the next block: with
// --dev.period 0 geth seals one block per transaction and none otherwise).
func (w *gethWorld) moveBlockNum(n uint64) {
	w.t.Helper()
	head, err := w.client.BlockNumber(w.ctx)
	w.must(err)
	w.must(w.driver.SetBlockNumOffset(w.ctx, int64(n)-int64(head+1)))
	if got := w.state().BlockNum; got != n {
		w.t.Fatalf("blockNum() is %d after moving it to %d (geth sealed other blocks)", got, n)
	}
}

func (w *gethWorld) state() contracts.RoundState {
	w.t.Helper()
	s, err := w.driver.RoundState(w.ctx)
	w.must(err)
	return s
}

func (w *gethWorld) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

func (w *gethWorld) addr() common.Address { return crypto.PubkeyToAddress(w.key.PublicKey) }

// syncNode makes the fake node report the chain's round and the account's
// last reward round, as read by lpwatch's prober.
func (w *gethWorld) syncNode() {
	w.t.Helper()
	s := w.state()
	w.node.SetRound(s.CurrentRound, s.Initialized)
	w.node.SetLastRewardRound(lastRewardOn(w.t, w.ctx, w.client, w.driver.Deployment(), w.addr()))
}

// reward records a reward for the node in the current round, on-chain and in the node's view.
func (w *gethWorld) reward() {
	w.t.Helper()
	w.must(w.driver.RewardFor(w.ctx, w.addr(), big.NewInt(1e18)))
	w.syncNode()
}

// sameState is a fresh configuration of the world on cfg's state directory.
func (w *gethWorld) sameState(cfg *config.Config) *config.Config {
	c := w.config(cfg.Chain.HeadMaxAge)
	c.State.Dir = cfg.State.Dir
	return c
}
