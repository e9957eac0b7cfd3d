package daemon

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/checks"
)

// simStart is the fake clock's start in the simulated-chain tests: before
// the chain's block times, so the head never looks stale there.
var simStart = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// TestRewardLateWarnedThenCriticalThenResolved: with the default 10%
// warning and 25% critical points, RewardNotCalled turns warning exactly
// at block 10 of a 100-block round and critical at block 76 (less than 25
// blocks left), counted in the RoundsManager's blocks, and resolves when
// the reward lands on-chain.
func TestRewardLateWarnedThenCriticalThenResolved(t *testing.T) {
	w := newSimWorld(t)
	r := w.freshRound(func(r uint64) uint64 { return r - 1 })
	h, _ := runDaemon(t, w.config(t.TempDir()), simStart)
	start := mustState(t, w).StartBlock

	rewardTiming(t, h, r, start, w.commitTo, w.reward, 1000)
}

// TestMissedRoundCountedOnceAcrossRestarts: a round that ends without a
// reward raises one RewardRoundMissed and counts one missed round, although
// lpwatch was restarted in the middle of that round and again after it.
func TestMissedRoundCountedOnceAcrossRestarts(t *testing.T) {
	w := newSimWorld(t)
	r := w.freshRound(func(r uint64) uint64 { return r - 1 })
	dir := t.TempDir()

	h1, stop1 := runDaemon(t, w.config(dir), simStart)
	h1.waitState(alert.RewardRoundMissed, "tc001", checks.OK)
	w.progress(0.05)
	h1.waitState(alert.RewardNotCalled, "tc001", checks.OK)
	stop1()
	h1.quiet()

	// Restarted in the middle of the round, on the same state directory.
	h2, stop2 := runDaemon(t, w.config(dir), simStart.Add(time.Hour))
	h2.waitState(alert.RewardRoundMissed, "tc001", checks.OK)
	next, err := w.sim.AdvanceRounds(w.ctx, 1)
	w.must(err)
	w.must(w.sim.Driver().InitializeRound(w.ctx))
	w.syncNode()
	n := h2.expectIgnoring(alert.RewardRoundMissed, alert.StatusFiring, alert.RewardNotCalled)
	if n.Severity != alert.SeverityCritical || n.Details["missed_round"] != u64str(r) || n.Details["missed_total"] != "1" {
		t.Fatalf("missed round notification: %s %v", n.Severity, n.Details)
	}
	w.progress(0.05)
	h2.waitBlockNum(mustState(t, w).BlockNum)
	h2.waitState(alert.RewardRoundMissed, "tc001", checks.Critical)
	h2.drain(alert.RewardNotCalled)
	if got := metricValue(t, h2, "lpwatch_reward_missed_rounds_total", "node", "tc001"); got != 1 {
		t.Errorf("lpwatch_reward_missed_rounds_total = %v, want 1", got)
	}
	stop2()

	// Restarted again after the round: nothing is counted or sent twice.
	h3, _ := runDaemon(t, w.config(dir), simStart.Add(2*time.Hour))
	got := h3.waitState(alert.RewardRoundMissed, "tc001", checks.Critical)
	if got.Epoch != u64str(r) {
		t.Errorf("epoch %q, want the missed round %d", got.Epoch, r)
	}
	h3.pacedWait("missed-rounds counter restored", func() bool {
		return metricValue(t, h3, "lpwatch_reward_missed_rounds_total", "node", "tc001") == 1
	})
	w.reward()
	h3.expectIgnoring(alert.RewardRoundMissed, alert.StatusResolved, alert.RewardNotCalled)
	if s := mustState(t, w); s.CurrentRound != next {
		t.Fatalf("the chain moved to round %d during the test, want %d", s.CurrentRound, next)
	}
	if got := metricValue(t, h3, "lpwatch_reward_missed_rounds_total", "node", "tc001"); got != 1 {
		t.Errorf("lpwatch_reward_missed_rounds_total = %v after the reward, want 1", got)
	}
}

// TestWrongChainID: an endpoint serving another chain raises
// EthChainMismatch, is not "down", and leaves the reward checks unknown.
func TestWrongChainID(t *testing.T) {
	w := newSimWorld(t)
	w.freshRound(func(r uint64) uint64 { return r - 1 })
	cfg := w.config(t.TempDir())
	cfg.Chain.ChainID = 42161
	h, _ := runDaemon(t, cfg, simStart)
	n := h.expect(alert.EthChainMismatch, alert.StatusFiring)
	if n.Severity != alert.SeverityCritical || !strings.Contains(n.Description, "serves chain 1337") {
		t.Errorf("mismatch notification: %s %q", n.Severity, n.Description)
	}
	if r, _ := h.result(alert.EthNodeDown, alert.ChainTarget); r.State != checks.OK {
		t.Errorf("EthNodeDown is %s (%s) while the endpoint answers", r.State, r.Reason)
	}
	if r, _ := h.result(alert.RewardNotCalled, "tc001"); r.State != checks.Unknown {
		t.Errorf("RewardNotCalled is %s (%s) without a usable endpoint", r.State, r.Reason)
	}
	if code, _ := h.health(); code != http.StatusServiceUnavailable {
		t.Errorf("/health = %d with the wrong chain", code)
	}
}

// TestChainKilled: when the chain stops answering, EthNodeDown fires after
// chain_down_for and every reward check is unknown, never ok or alarming.
func TestChainKilled(t *testing.T) {
	w := newSimWorld(t)
	w.freshRound(func(r uint64) uint64 { return r - 1 })
	h, _ := runDaemon(t, w.config(t.TempDir()), simStart)
	h.waitState(alert.RewardNotCalled, "tc001", checks.OK)
	w.close()
	killed := h.clk.Now()
	n := h.expect(alert.EthNodeDown, alert.StatusFiring)
	if d := h.clk.Now().Sub(killed); d < time.Minute {
		t.Errorf("EthNodeDown fired %s after the chain died, before chain_down_for", d)
	}
	if !strings.Contains(n.Description, "transport") {
		t.Errorf("EthNodeDown reason %q does not say why", n.Description)
	}
	for _, c := range []string{alert.RewardNotCalled, alert.RewardRoundMissed, alert.EthBalanceLow, alert.TxStalled} {
		if r, _ := h.result(c, "tc001"); r.State != checks.Unknown {
			t.Errorf("%s is %s (%s) while the chain is down", c, r.State, r.Reason)
		}
	}
	if r, _ := h.result(alert.RewardStatusUnknown, "tc001"); r.State != checks.Warning {
		t.Errorf("RewardStatusUnknown is %s", r.State)
	}
	if code, _ := h.health(); code != http.StatusServiceUnavailable {
		t.Errorf("/health = %d with the chain down", code)
	}
}

// TestNodeChainDisagreement: a node whose round stays behind the chain's
// raises NodeChainDisagreement once disagreement_for has passed.
func TestNodeChainDisagreement(t *testing.T) {
	w := newSimWorld(t)
	r := w.freshRound(func(r uint64) uint64 { return r - 1 })
	h, _ := runDaemon(t, w.config(t.TempDir()), simStart)
	h.waitState(alert.NodeChainDisagreement, "tc001", checks.OK)
	w.node.SetRound(r-2, true)
	h.waitState(alert.NodeChainDisagreement, "tc001", checks.Warning)
	began := h.clk.Now()
	n := h.expect(alert.NodeChainDisagreement, alert.StatusFiring)
	if d := h.clk.Now().Sub(began); d < 10*time.Minute-15*time.Second {
		t.Errorf("fired %s after the disagreement began, before disagreement_for (10m)", d)
	}
	if n.Details["node_round"] != u64str(r-2) || n.Details["chain_round"] != u64str(r) {
		t.Errorf("details %v", n.Details)
	}
	w.syncNode()
	h.expect(alert.NodeChainDisagreement, alert.StatusResolved)
}

// commitTo commits blocks until blockNum() is n.
func (w *simWorld) commitTo(n uint64) {
	w.t.Helper()
	s := mustState(w.t, w)
	if s.BlockNum > n {
		w.t.Fatalf("blockNum %d is already past %d", s.BlockNum, n)
	}
	w.sim.CommitBlocks(int(n - s.BlockNum))
}

// progress commits blocks until frac of the round has elapsed.
func (w *simWorld) progress(frac float64) {
	w.t.Helper()
	_, err := w.sim.AdvanceToRoundProgress(w.ctx, frac)
	w.must(err)
}

func mustState(t *testing.T, w *simWorld) contracts.RoundState {
	t.Helper()
	s, err := w.sim.Driver().RoundState(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// expectIgnoring is expect, passing over notifications of the ignored alerts.
func (h *harness) expectIgnoring(name string, status alert.Status, ignore ...string) *alert.Notification {
	h.t.Helper()
	for {
		n := h.next()
		if contains(ignore, n.Alert) && n.Alert != name {
			continue
		}
		if n.Alert != name || n.Status != status {
			h.t.Fatalf("got %s %s (%s: %s), want %s %s", n.Alert, n.Status, n.Target, n.Description, name, status)
		}
		return n
	}
}

// drain consumes waiting notifications of the ignored alerts and fails on others.
func (h *harness) drain(ignore ...string) {
	h.t.Helper()
	for n := h.poll(); n != nil; n = h.poll() {
		if !contains(ignore, n.Alert) {
			h.t.Fatalf("unexpected notification %s %s (%s: %s)", n.Alert, n.Status, n.Target, n.Description)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// rewardTiming is the reward-timing scenario both chains play: a node
// lagging one round, RewardNotCalled ok at block 9 of a 100-block round,
// warning at 10 and 75, critical at 76 (counted in the RoundsManager's
// blocks), resolved when the reward lands; moveTo sets blockNum(), reward
// lands the node's reward, balance is the account's ether on /status.
func rewardTiming(t *testing.T, h *harness, r, start uint64, moveTo func(uint64), reward func(), balance float64) {
	t.Helper()
	steps := []struct {
		elapsed uint64
		state   checks.State
	}{{9, checks.OK}, {10, checks.Warning}, {75, checks.Warning}, {76, checks.Critical}}
	for _, s := range steps {
		moveTo(start + s.elapsed)
		at := fmt.Sprintf(": %d of 100 blocks elapsed", s.elapsed)
		h.pacedWait(fmt.Sprintf("RewardNotCalled %s at block %d", s.state, s.elapsed), func() bool {
			got, ok := h.result(alert.RewardNotCalled, "tc001")
			return ok && strings.Contains(got.Reason, at) && got.State == s.state
		})
		switch s.elapsed {
		case 10:
			n := h.expect(alert.RewardNotCalled, alert.StatusFiring)
			if n.Severity != alert.SeverityWarning || n.Details["round"] != u64str(r) {
				t.Errorf("warning notification: %s %v", n.Severity, n.Details)
			}
		case 76:
			n := h.expect(alert.RewardNotCalled, alert.StatusFiring)
			if n.Severity != alert.SeverityCritical || n.Details["blocks_remaining"] != "24" {
				t.Errorf("critical notification: %s %v", n.Severity, n.Details)
			}
		}
		h.quiet()
	}
	if got, left := metricValue(t, h, "lpwatch_round_current"), metricValue(t, h, "lpwatch_round_blocks_remaining"); got != float64(r) || left != 24 {
		t.Errorf("lpwatch_round_current = %v, lpwatch_round_blocks_remaining = %v; want %d and 24", got, left, r)
	}
	calls, trips, bytes := metricValue(t, h, "lpwatch_chain_rpc_calls"), metricValue(t, h, "lpwatch_chain_rpc_round_trips"), metricValue(t, h, "lpwatch_chain_rpc_bytes")
	if trips < 2 || calls < 2*trips || bytes <= calls {
		t.Errorf("lpwatch_chain_rpc_calls = %v in %v round trips, %v bytes; want the calls batched, at least two a round trip", calls, trips, bytes)
	}
	reward()
	h.expect(alert.RewardNotCalled, alert.StatusResolved)
	if got := metricValue(t, h, "lpwatch_reward_last_round", "node", "tc001"); got != float64(r) {
		t.Errorf("lpwatch_reward_last_round = %v, want %d", got, r)
	}
	st := h.d.Status().Chain
	if st == nil || len(st.Endpoints) != 1 || !st.Endpoints[0].Healthy || st.InUse != st.Endpoints[0].Name {
		t.Fatalf("/status chain section: %+v", st)
	}
	if a := st.Accounts[0]; a.Node != "tc001" || a.LastRewardRound == nil || *a.LastRewardRound != r || a.BalanceEther == nil || *a.BalanceEther != balance {
		t.Errorf("/status chain account: %+v", a)
	}
	h.quiet()
}
