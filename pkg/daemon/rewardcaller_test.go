package daemon

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// callerRoundLength is the round length, in blockNum() blocks, of the
// reward caller scenarios: long enough that no round ends while one plays
// on geth --dev.period 1, whose blocks come every second.
const callerRoundLength = 1000

// callerWorld is a chain (simulated or geth --dev) with the test
// contracts, an orchestrator with its own key, and a fake node of the
// newest API; the scenarios of the reward callers (LIP-118) play on it.
type callerWorld struct {
	t      *testing.T
	ctx    context.Context
	d      *contracts.Driver
	url    string
	node   *fakenode.Node
	orch   *ecdsa.PrivateKey
	caller *ecdsa.PrivateKey // nil until a caller is made
	// fund returns a new key holding wei.
	fund func(wei *big.Int) *ecdsa.PrivateKey
	// stick sends from key a transaction that stays pending.
	stick func(key *ecdsa.PrivateKey)
	// start is where the daemon's fake clock starts; headMaxAge how old
	// the chain's head may be on it.
	start      time.Time
	headMaxAge time.Duration
	round      uint64
}

// newSimCallerWorld is a callerWorld on the simulated chain.
func newSimCallerWorld(t *testing.T) *callerWorld {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), chainTestTimeout)
	t.Cleanup(cancel)
	sim, err := simchain.New(ctx, simchain.Options{HTTP: true, RoundLength: callerRoundLength})
	if err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	t.Cleanup(func() {
		once.Do(func() {
			if err := sim.Close(); err != nil {
				t.Errorf("close simulated chain: %v", err)
			}
		})
	})
	w := &callerWorld{t: t, ctx: ctx, d: sim.Driver(), url: sim.URL(), start: simStart, headMaxAge: 24 * time.Hour}
	w.fund = func(wei *big.Int) *ecdsa.PrivateKey {
		k, err := sim.FundedKey(ctx, wei)
		w.must(err)
		return k
	}
	w.stick = func(key *ecdsa.PrivateKey) {
		_, err := sim.StuckTx(ctx, key)
		w.must(err)
	}
	return w
}

func (w *callerWorld) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

func addrOf(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

// begin starts a fake node of the newest API and a round that is 20% in
// and initialized, with the orchestrator (funded with wei) active and its
// last reward the round given by lastReward.
func (w *callerWorld) begin(orchWei *big.Int, lastReward func(round uint64) uint64) {
	w.t.Helper()
	w.orch = w.fund(orchWei)
	w.node = fakenode.New(nodeapi.Gated)
	if _, err := w.node.Start(); err != nil {
		w.t.Fatal(err)
	}
	w.t.Cleanup(w.node.Close)
	w.node.SetAddress(addrOf(w.orch))
	// blockNum() like an L1 block number, far from 0.
	w.must(w.d.SetBlockNumOffset(w.ctx, 20_000_000))
	w.must(w.d.SetRoundLength(w.ctx, callerRoundLength))
	s, err := w.d.RoundState(w.ctx)
	w.must(err)
	w.round = s.CurrentRound + 1
	w.must(w.d.SetRoundStart(w.ctx, w.round, s.BlockNum-callerRoundLength/5))
	w.must(w.d.InitializeRound(w.ctx))
	w.must(w.d.SetActive(w.ctx, addrOf(w.orch), true))
	w.must(w.d.SetLastRewardRound(w.ctx, addrOf(w.orch), lastReward(w.round)))
	if s, err := w.d.RoundState(w.ctx); err != nil || s.CurrentRound != w.round || !s.Initialized {
		w.t.Fatalf("round state %+v (%v), want round %d initialized", s, err, w.round)
	}
	w.node.SetRound(w.round, true)
	w.node.SetLastRewardRound(lastReward(w.round))
}

// delegate makes a funded account the orchestrator's reward caller (from
// the orchestrator's key) and the node run as it (-ethOrchAddr).
func (w *callerWorld) delegate() {
	w.t.Helper()
	w.caller = w.fund(big.NewInt(1e18))
	w.must(w.d.SetRewardCaller(w.ctx, w.orch, addrOf(w.caller)))
	w.node.SetAddress(addrOf(w.caller))
	w.node.SetOrchestrator(addrOf(w.orch))
	w.node.SetRewardCaller(addrOf(w.caller))
}

// config watches the node as the orchestrator's, with expectedCaller as
// its expected_reward_caller.
func (w *callerWorld) config(expectedCaller common.Address) *config.Config {
	cfg := testConfig(w.t.TempDir(), nodeCfg("tc001", w.node.URL()))
	cfg.Nodes[0].ExpectedAddress = config.AddressOf(addrOf(w.orch))
	cfg.Nodes[0].ExpectedRewardCaller = config.AddressOf(expectedCaller)
	cfg.Chain.URLs = []string{w.url}
	cfg.Chain.Controller = w.d.Deployment().Controller.Hex()
	cfg.Chain.ChainID = simchain.ChainID
	cfg.Chain.Interval, cfg.Chain.Timeout = 10*time.Second, 5*time.Second
	cfg.Chain.HeadMaxAge = w.headMaxAge
	cfg.Chain.MaxLogRange = 1000
	return cfg
}

// wantReason fails unless the result of check has state s and a reason with each of words.
func wantReason(h *harness, check string, s checks.State, words ...string) {
	h.t.Helper()
	r, ok := h.result(check, "tc001")
	if !ok || r.State != s {
		h.t.Errorf("%s is %s (%s), want %s", check, r.State, r.Reason, s)
		return
	}
	for _, w := range words {
		if !strings.Contains(r.Reason, w) {
			h.t.Errorf("%s reason %q lacks %q", check, r.Reason, w)
		}
	}
}

// accountCallerScenario is done-when (a): an account is the reward
// caller and the node runs as it. No identity page; a reward by
// rewardForTranscoderWithHint from the caller resolves RewardNotCalled;
// the caller's stuck transaction raises TxStalled.
func accountCallerScenario(t *testing.T, w *callerWorld) {
	w.begin(big.NewInt(1e18), func(r uint64) uint64 { return r - 1 })
	w.delegate()
	caller, orch := addrOf(w.caller).Hex(), addrOf(w.orch).Hex()
	h, _ := runDaemon(t, w.config(addrOf(w.caller)), w.start)

	// The first notification is the late reward: no identity page before it.
	n := h.expect(alert.RewardNotCalled, alert.StatusFiring)
	if n.Severity != alert.SeverityWarning || n.Details["round"] != u64str(w.round) {
		t.Errorf("RewardNotCalled: %s %v", n.Severity, n.Details)
	}
	// The node's own probe may come after the chain's: its checks are
	// unknown until then.
	h.waitState(alert.LivepeerNodeIdentityMismatch, "tc001", checks.OK)
	wantReason(h, alert.LivepeerNodeIdentityMismatch, checks.OK, "runs as reward caller "+caller+" of "+orch)
	wantReason(h, alert.RewardCallerUnauthorized, checks.OK, "runs as the reward caller "+caller)
	wantReason(h, alert.RewardCallerChanged, checks.OK, "as expected")
	wantReason(h, alert.EthBalanceLow, checks.OK, "of reward caller "+caller)

	receipt, err := w.d.RewardForTranscoderWithHint(w.ctx, w.caller, addrOf(w.orch))
	w.must(err)
	w.node.SetLastRewardRound(w.round)
	h.expect(alert.RewardNotCalled, alert.StatusResolved)
	if got := metricValue(t, h, "lpwatch_reward_last_round", "node", "tc001"); got != float64(w.round) {
		t.Errorf("lpwatch_reward_last_round = %v, want %d (rewarded in tx %s)", got, w.round, receipt.TxHash.Hex())
	}

	w.stick(w.caller)
	h.waitObserved("the caller's pending transaction", func(o *chain.Observation) bool {
		a := o.Account(addrOf(w.orch))
		if a == nil || a.RewardCaller == nil || a.RewardCaller.Account == nil {
			return false
		}
		gap, ok := a.RewardCaller.Account.NonceGap()
		return ok && gap == 1
	})
	n = h.expect(alert.TxStalled, alert.StatusFiring)
	if n.Severity != alert.SeverityCritical || n.Details["account"] != caller || !strings.Contains(n.Description, "of reward caller "+caller) {
		t.Errorf("TxStalled: %s %q %v, want the caller's transaction", n.Severity, n.Description, n.Details)
	}
	wantReason(h, alert.LivepeerNodeIdentityMismatch, checks.OK, "runs as reward caller")
	if got := metricValue(t, h, "lpwatch_tx_pending_nonce_gap", "node", "tc001"); got != 1 {
		t.Errorf("lpwatch_tx_pending_nonce_gap = %v, want the caller's 1", got)
	}
}

// keeperScenario is done-when (b): a keeper contract is the reward caller.
// Its reward is detected; with the orchestrator's own account nearly empty
// and a transaction of it stuck, neither TxStalled, EthBalanceLow nor the
// identity check fires: no account of the operator sends rewards.
func keeperScenario(t *testing.T, w *callerWorld) {
	w.begin(new(big.Int).Mul(big.NewInt(5), big.NewInt(1e15)), func(r uint64) uint64 { return r - 1 }) // 0.005 ETH
	keeper, err := w.d.DeployKeeper(w.ctx)
	w.must(err)
	w.must(w.d.SetRewardCaller(w.ctx, w.orch, keeper))
	w.must(w.d.Subscribe(w.ctx, w.orch, keeper))
	w.stick(w.orch)
	h, _ := runDaemon(t, w.config(keeper), w.start)

	n := h.expect(alert.RewardNotCalled, alert.StatusFiring)
	if n.Severity != alert.SeverityWarning {
		t.Errorf("RewardNotCalled: %s", n.Severity)
	}
	byContract := "rewarded by contract " + keeper.Hex()
	for _, c := range []string{alert.TxStalled, alert.EthBalanceLow, alert.EthRunwayShort, alert.GasPriceAboveNodeMax} {
		wantReason(h, c, checks.OK, byContract)
	}
	h.waitState(alert.LivepeerNodeIdentityMismatch, "tc001", checks.OK) // once the node is probed
	wantReason(h, alert.LivepeerNodeIdentityMismatch, checks.OK, "node address is "+addrOf(w.orch).Hex())

	_, err = w.d.RewardAll(w.ctx, keeper)
	w.must(err)
	w.node.SetLastRewardRound(w.round)
	h.expect(alert.RewardNotCalled, alert.StatusResolved)
	// Past tx_stalled_for with the stuck transaction: still nothing.
	h.pacedWait("tx_stalled_for to pass", func() bool { return h.clk.Now().Sub(h.start) > 11*time.Minute })
	for _, c := range []string{alert.TxStalled, alert.EthBalanceLow} {
		wantReason(h, c, checks.OK, byContract)
	}
	h.quiet()
	rep := h.d.Status()
	if a := rep.Chain.Accounts[0]; a.RewardCaller == nil || a.RewardCaller.Text != byContract {
		t.Errorf("/status reward caller %+v, want %q", a.RewardCaller, byContract)
	}
}

// changedScenario is done-when (c) and (d): the orchestrator's key sets
// another reward caller. RewardCallerChanged is critical within one chain
// cycle of the event, and the node, still running as the old caller, is
// RewardCallerUnauthorized (its identity alert held back behind it).
func changedScenario(t *testing.T, w *callerWorld) {
	w.begin(big.NewInt(1e18), func(r uint64) uint64 { return r })
	w.delegate()
	cfg := w.config(addrOf(w.caller))
	h, _ := runDaemon(t, cfg, w.start)
	h.waitState(alert.RewardCallerChanged, "tc001", checks.OK)
	h.waitState(alert.RewardCallerUnauthorized, "tc001", checks.OK)
	h.quiet()

	other := addrOf(w.fund(big.NewInt(1e15)))
	w.must(w.d.SetRewardCaller(w.ctx, w.orch, other))
	sent := h.clk.Now()
	got := h.withinOneCycle(sent, 2)
	for name, n := range got {
		if n.Status != alert.StatusFiring || (name != alert.RewardCallerChanged && name != alert.RewardCallerUnauthorized) {
			t.Fatalf("got %s %s (%s), want RewardCallerChanged and RewardCallerUnauthorized firing", n.Alert, n.Status, n.Description)
		}
	}
	ch := got[alert.RewardCallerChanged]
	if ch == nil || ch.Severity != alert.SeverityCritical || ch.Details["cause"] != "event" || ch.Details["reward_caller"] != other.Hex() ||
		!strings.Contains(ch.Description, "RewardCallerSet in tx") {
		t.Fatalf("RewardCallerChanged: %+v", ch)
	}
	un := got[alert.RewardCallerUnauthorized]
	if un == nil || un.Severity != alert.SeverityCritical || un.Details["address"] != addrOf(w.caller).Hex() || un.Details["reward_caller"] != other.Hex() ||
		!strings.Contains(un.Description, "fails every round") {
		t.Fatalf("RewardCallerUnauthorized: %+v", un)
	}
	r := h.waitState(alert.LivepeerNodeIdentityMismatch, "tc001", checks.Critical)
	if !strings.Contains(r.Reason, "can no longer reward") {
		t.Errorf("identity reason %q", r.Reason)
	}
	h.quiet() // the identity alert is held back behind RewardCallerUnauthorized
}

// withinOneCycle collects count notifications, each of another alert, on
// a fake clock that runs to the first chain cycle after the moment since
// and then never as far as the next one: what they say, that cycle's
// observation and log scan told.
func (h *harness) withinOneCycle(since time.Time, count int) map[string]*alert.Notification {
	h.t.Helper()
	interval := h.d.config().Chain.Interval
	got := map[string]*alert.Notification{}
	var first time.Time
	deadline := time.Now().Add(90 * time.Second)
	for len(got) < count {
		if n := h.poll(); n != nil {
			if got[n.Alert] != nil {
				h.t.Fatalf("%s notified twice: %q", n.Alert, n.Description)
			}
			got[n.Alert] = n
			continue
		}
		c := h.d.Store().Snapshot().Chain
		if first.IsZero() && c != nil && c.At.After(since) {
			first = c.At
		}
		switch {
		case first.IsZero():
			if c != nil && h.clk.Now().Sub(c.At) < interval {
				h.clk.Advance(time.Second)
			}
		case c.At.After(first):
			h.t.Fatalf("a second chain cycle ran (at %s after the first) before %d notifications: %v", c.At.Sub(first), count, got)
		case c.Events == nil || c.Obs == nil || c.Obs.Block == nil || c.Events.ScannedTo < c.Obs.Block.Number:
			// The cycle's log scan is not in yet: evaluations after it judge it.
		case h.clk.Now().Add(time.Second).Before(first.Add(interval)):
			h.clk.Advance(time.Second) // evaluations, but no next cycle
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("timed out after the first chain cycle of the event with %v", got)
		}
		time.Sleep(5 * time.Millisecond) // pacing only: the outcome is the condition
	}
	return got
}

// TestRewardCallerAccountSim is done-when (a) on the simulated chain.
func TestRewardCallerAccountSim(t *testing.T) { accountCallerScenario(t, newSimCallerWorld(t)) }

// TestRewardCallerKeeperSim is done-when (b) on the simulated chain.
func TestRewardCallerKeeperSim(t *testing.T) { keeperScenario(t, newSimCallerWorld(t)) }

// TestRewardCallerChangedSim is done-when (c) and (d) on the simulated chain.
func TestRewardCallerChangedSim(t *testing.T) { changedScenario(t, newSimCallerWorld(t)) }
