package contracts_test

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

// The LIP-118 functions and event as the fact sheet (§10) gives them,
// which match the selectors found in mainnet's BondingManagerTarget.
func TestRewardCallerSelectorsMatchLivepeer(t *testing.T) {
	bm := contracts.NewBondingManager().GetABI()
	methods := []struct{ name, sig, id string }{
		{"transcoderToRewardCaller", "transcoderToRewardCaller(address)", "0x47621410"},
		{"setRewardCaller", "setRewardCaller(address)", "0x0103e60e"},
		{"rewardForTranscoder", "rewardForTranscoder(address)", "0x1a8c41f8"},
		{"rewardForTranscoderWithHint", "rewardForTranscoderWithHint(address,address,address)", "0xb556966a"},
	}
	for _, m := range methods {
		got, ok := bm.Methods[m.name]
		if !ok {
			t.Errorf("%s missing from the ABI", m.name)
			continue
		}
		if got.Sig != m.sig || fmt.Sprintf("%#x", got.ID) != m.id {
			t.Errorf("%s %#x, want %s %s", got.Sig, got.ID, m.sig, m.id)
		}
	}
	if out := bm.Methods["transcoderToRewardCaller"].Outputs; len(out) != 1 || out[0].Type.String() != "address" {
		t.Errorf("transcoderToRewardCaller outputs %v, want one address", out)
	}
	ev, ok := bm.Events["RewardCallerSet"]
	switch {
	case !ok:
		t.Fatal("RewardCallerSet missing from the ABI")
	case ev.Sig != "RewardCallerSet(address,address)" || ev.ID.Hex() != "0x15932b87747cac36d3c505e86a946c6d3a79d9d7bdb79d81584d32bbe54516c2":
		t.Errorf("%s %s", ev.Sig, ev.ID.Hex())
	case len(ev.Inputs) != 2 || !ev.Inputs[0].Indexed || !ev.Inputs[1].Indexed:
		t.Errorf("RewardCallerSet inputs %v, want transcoder and rewardCaller both indexed", ev.Inputs)
	}
}

// rewardWorld is a simulated chain with an active orchestrator in an
// initialized round, and two funded keys besides the orchestrator's.
type rewardWorld struct {
	t                      *testing.T
	ctx                    context.Context
	sim                    *simchain.Chain
	d                      *contracts.Driver
	orch, caller, stranger *ecdsa.PrivateKey
	round                  uint64
}

func newRewardWorld(t *testing.T) *rewardWorld {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	t.Cleanup(cancel)
	sim, err := simchain.New(ctx, simchain.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := sim.Close(); err != nil {
			t.Error(err)
		}
	})
	w := &rewardWorld{t: t, ctx: ctx, sim: sim, d: sim.Driver()}
	for _, k := range []**ecdsa.PrivateKey{&w.orch, &w.caller, &w.stranger} {
		if *k, err = sim.FundedKey(ctx, big.NewInt(1e18)); err != nil {
			t.Fatal(err)
		}
	}
	if w.round, err = sim.AdvanceRounds(ctx, 1); err != nil {
		t.Fatal(err)
	}
	w.must(w.d.InitializeRound(ctx))
	w.must(w.d.SetActive(ctx, w.addr(w.orch), true))
	return w
}

func (w *rewardWorld) addr(k *ecdsa.PrivateKey) common.Address {
	return crypto.PubkeyToAddress(k.PublicKey)
}

func (w *rewardWorld) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

// wantRevert fails unless err is a revert with reason.
func (w *rewardWorld) wantRevert(what string, err error, reason string) {
	w.t.Helper()
	if err == nil || !strings.Contains(err.Error(), reason) {
		w.t.Errorf("%s: error %v, want a revert %q", what, err, reason)
	}
}

// lastReward reads the orchestrator's lastRewardRound.
func (w *rewardWorld) lastReward() uint64 {
	w.t.Helper()
	bm := contracts.NewBondingManager()
	out, err := w.sim.Client().CallContract(w.ctx, ethereum.CallMsg{To: ptr(w.d.Deployment().BondingManager), Data: bm.PackGetTranscoder(w.addr(w.orch))}, nil)
	w.must(err)
	tr, err := bm.UnpackGetTranscoder(out)
	w.must(err)
	return tr.LastRewardRound.Uint64()
}

func ptr[T any](v T) *T { return &v }

// rewardLogs returns the Reward events of receipt r.
func rewardLogs(t *testing.T, r *types.Receipt) []*contracts.BondingManagerReward {
	t.Helper()
	bm := contracts.NewBondingManager()
	var out []*contracts.BondingManagerReward
	for _, l := range r.Logs {
		if len(l.Topics) > 0 && l.Topics[0] == bm.GetABI().Events["Reward"].ID {
			ev, err := bm.UnpackRewardEvent(l)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, ev)
		}
	}
	return out
}

// An account caller: refused until the orchestrator sets it, then its
// rewardForTranscoderWithHint is the orchestrator's reward, once per round.
func TestRewardCallerAccount(t *testing.T) {
	w := newRewardWorld(t)
	orch, caller := w.addr(w.orch), w.addr(w.caller)
	const notCaller = "caller must be a reward caller set by the transcoder"

	_, err := w.d.RewardForTranscoderWithHint(w.ctx, w.caller, orch)
	w.wantRevert("reward before the caller is set", err, notCaller)

	w.must(w.d.SetRewardCaller(w.ctx, w.orch, caller))
	if got, err := w.d.RewardCallerOf(w.ctx, orch); err != nil || got != caller {
		t.Fatalf("transcoderToRewardCaller = %s, %v; want %s", got, err, caller)
	}
	_, err = w.d.RewardForTranscoder(w.ctx, w.stranger, orch)
	w.wantRevert("reward by a stranger", err, notCaller)

	r, err := w.d.RewardForTranscoderWithHint(w.ctx, w.caller, orch)
	w.must(err)
	evs := rewardLogs(t, r)
	if len(evs) != 1 || evs[0].Transcoder != orch {
		t.Fatalf("Reward events %+v, want one for the orchestrator %s", evs, orch)
	}
	if got := w.lastReward(); got != w.round {
		t.Errorf("lastRewardRound %d, want %d", got, w.round)
	}
	_, err = w.d.RewardForTranscoder(w.ctx, w.caller, orch)
	w.wantRevert("second reward in the round", err, "caller has already called reward for the current round")

	// The orchestrator's own key still works in the next round.
	_, err = w.sim.AdvanceRounds(w.ctx, 1)
	w.must(err)
	w.must(w.d.InitializeRound(w.ctx))
	_, err = w.d.SendAs(w.ctx, w.orch, w.d.Deployment().BondingManager, contracts.NewBondingManager().PackReward())
	w.must(err)
	if got := w.lastReward(); got != w.round+1 {
		t.Errorf("lastRewardRound %d after the orchestrator's own reward, want %d", got, w.round+1)
	}

	// Unset: the caller is refused again.
	w.must(w.d.SetRewardCaller(w.ctx, w.orch, common.Address{}))
	_, err = w.sim.AdvanceRounds(w.ctx, 1)
	w.must(err)
	w.must(w.d.InitializeRound(w.ctx))
	_, err = w.d.RewardForTranscoderWithHint(w.ctx, w.caller, orch)
	w.wantRevert("reward after the caller was unset", err, notCaller)
}

// setRewardCaller emits RewardCallerSet with both addresses indexed, and
// reverts while the protocol is paused.
func TestSetRewardCallerEventAndPause(t *testing.T) {
	w := newRewardWorld(t)
	orch, caller := w.addr(w.orch), w.addr(w.caller)
	bm := w.d.Deployment().BondingManager
	r, err := w.d.SendAs(w.ctx, w.orch, bm, contracts.NewBondingManager().PackSetRewardCaller(caller))
	w.must(err)
	abi := contracts.NewBondingManager()
	var set []*contracts.BondingManagerRewardCallerSet
	for _, l := range r.Logs {
		if ev, err := abi.UnpackRewardCallerSetEvent(l); err == nil {
			set = append(set, ev)
		}
	}
	if len(set) != 1 || set[0].Transcoder != orch || set[0].RewardCaller != caller {
		t.Fatalf("RewardCallerSet events %+v, want one (%s, %s)", set, orch, caller)
	}
	if l := r.Logs[0]; len(l.Topics) != 3 || l.Topics[1] != common.BytesToHash(orch.Bytes()) || l.Topics[2] != common.BytesToHash(caller.Bytes()) {
		t.Errorf("topics %v", l.Topics)
	}

	w.must(w.d.SetPaused(w.ctx, true))
	w.wantRevert("setRewardCaller while paused", w.d.SetRewardCaller(w.ctx, w.orch, common.Address{}), "system is paused")
	w.must(w.d.SetPaused(w.ctx, false))
	w.must(w.d.SetRewardCaller(w.ctx, w.orch, common.Address{}))
}

// A keeper contract rewards each subscriber once per round, skipping
// those whose reward fails, and refuses a subscriber that has not made it
// its reward caller.
func TestRewardKeeper(t *testing.T) {
	w := newRewardWorld(t)
	orch := w.addr(w.orch)
	keeper, err := w.d.DeployKeeper(w.ctx)
	w.must(err)
	w.wantRevert("subscribe before setting the caller", w.d.Subscribe(w.ctx, w.orch, keeper), "set this keeper as reward caller first")
	w.must(w.d.SetRewardCaller(w.ctx, w.orch, keeper))
	w.must(w.d.Subscribe(w.ctx, w.orch, keeper))

	r, err := w.d.RewardAll(w.ctx, keeper)
	w.must(err)
	if evs := rewardLogs(t, r); len(evs) != 1 || evs[0].Transcoder != orch {
		t.Fatalf("Reward events %+v, want one for %s", evs, orch)
	}
	if got := w.lastReward(); got != w.round {
		t.Errorf("lastRewardRound %d, want %d", got, w.round)
	}
	// Again in the same round: skipped, not reverted.
	r, err = w.d.RewardAll(w.ctx, keeper)
	w.must(err)
	if evs := rewardLogs(t, r); len(evs) != 0 {
		t.Errorf("second rewardAll minted %+v", evs)
	}
	skipped := contracts.NewRewardKeeper()
	var n int
	for _, l := range r.Logs {
		if ev, err := skipped.UnpackRewardSkippedEvent(l); err == nil && ev.Transcoder == orch {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d RewardSkipped events for %s, want 1", n, orch)
	}
}
