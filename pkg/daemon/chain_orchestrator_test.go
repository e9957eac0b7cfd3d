package daemon

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/gethtest"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// orchTarget is the [[orchestrator]] of the chain-only scenario.
const orchTarget = "tc009-chain"

// orchWorld is a chain (simulated or a real geth --dev.period 0: one
// block per transaction) with two funded accounts: a node's, reported by
// a fake node, and an orchestrator's, which no node reports.
type orchWorld struct {
	t              *testing.T
	ctx            context.Context
	driver         *contracts.Driver
	backend        chain.Backend
	head           func(ctx context.Context) (uint64, error)
	url            string
	chainID        uint64
	node           *fakenode.Node
	nodeKey, orKey *ecdsa.PrivateKey
}

func newOrchWorldSim(t *testing.T) *orchWorld {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), chainTestTimeout)
	t.Cleanup(cancel)
	sim, err := simchain.New(ctx, simchain.Options{HTTP: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sim.Close() })
	w := &orchWorld{t: t, ctx: ctx, driver: sim.Driver(), backend: sim.Client(), head: sim.Client().BlockNumber, url: sim.URL(), chainID: simchain.ChainID}
	for _, k := range []**ecdsa.PrivateKey{&w.nodeKey, &w.orKey} {
		if *k, err = sim.FundedKey(ctx, big.NewInt(1e18)); err != nil {
			t.Fatal(err)
		}
	}
	w.startNode()
	return w
}

func newOrchWorldGeth(t *testing.T) *orchWorld {
	t.Helper()
	g := gethtest.StartT(t, 0)
	ctx, cancel := context.WithTimeout(context.Background(), chainTestTimeout)
	t.Cleanup(cancel)
	c, err := g.Client(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	w := &orchWorld{t: t, ctx: ctx, backend: c, head: c.BlockNumber, url: g.HTTP, chainID: 1337}
	if w.driver, err = g.Deploy(ctx, c, contracts.DeployConfig{RoundLength: 1_000_000, RoundLockAmount: contracts.DefaultRoundLockAmount}); err != nil {
		t.Fatal(err)
	}
	for _, k := range []**ecdsa.PrivateKey{&w.nodeKey, &w.orKey} {
		if *k, err = g.FundedKey(ctx, c, big.NewInt(1e18)); err != nil {
			t.Fatal(err)
		}
	}
	w.startNode()
	return w
}

func (w *orchWorld) startNode() {
	w.node = fakenode.New(nodeapi.Current)
	if _, err := w.node.Start(); err != nil {
		w.t.Fatal(err)
	}
	w.t.Cleanup(w.node.Close)
	w.node.SetAddress(crypto.PubkeyToAddress(w.nodeKey.PublicKey))
}

func (w *orchWorld) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

func (w *orchWorld) nodeAddr() common.Address { return crypto.PubkeyToAddress(w.nodeKey.PublicKey) }
func (w *orchWorld) orchAddr() common.Address { return crypto.PubkeyToAddress(w.orKey.PublicKey) }

func (w *orchWorld) state() contracts.RoundState {
	w.t.Helper()
	s, err := w.driver.RoundState(w.ctx)
	w.must(err)
	return s
}

// moveBlockNum makes blockNum() n in the block of the offset's
// transaction (each transaction seals one block on both chains).
func (w *orchWorld) moveBlockNum(n uint64) {
	w.t.Helper()
	head, err := w.head(w.ctx)
	w.must(err)
	w.must(w.driver.SetBlockNumOffset(w.ctx, int64(n)-int64(head+1)))
	if got := w.state().BlockNum; got != n {
		w.t.Fatalf("blockNum() is %d after moving it to %d", got, n)
	}
	w.syncNode()
}

// syncNode makes the fake node report the chain's round and its account's
// last reward round.
func (w *orchWorld) syncNode() {
	w.t.Helper()
	s := w.state()
	w.node.SetRound(s.CurrentRound, s.Initialized)
	w.node.SetLastRewardRound(lastRewardOn(w.t, w.ctx, w.backend, w.driver.Deployment(), w.nodeAddr()))
}

// lastRewardOn reads addr's lastRewardRound with lpwatch's prober.
func lastRewardOn(t *testing.T, ctx context.Context, b chain.Backend, dep contracts.Deployment, addr common.Address) uint64 {
	t.Helper()
	e, err := chain.NewEndpoint("check", b)
	if err != nil {
		t.Fatal(err)
	}
	p, err := chain.NewPool([]*chain.Endpoint{e})
	if err != nil {
		t.Fatal(err)
	}
	pr, err := chain.NewProber(p, chain.ProberConfig{RoundsManager: dep.RoundsManager, BondingManager: dep.BondingManager})
	if err != nil {
		t.Fatal(err)
	}
	o, err := pr.Observe(ctx, []common.Address{addr})
	if err != nil {
		t.Fatal(err)
	}
	a := o.Account(addr)
	if a == nil || a.Transcoder == nil {
		t.Fatalf("no transcoder record of %s", addr.Hex())
	}
	return a.Transcoder.LastRewardRound
}

// reward sends rewardWithHint from key, as go-livepeer does, and returns its receipt.
func (w *orchWorld) reward(key *ecdsa.PrivateKey) *types.Receipt {
	w.t.Helper()
	data := contracts.NewBondingManager().PackRewardWithHint(common.Address{}, common.Address{})
	r, err := w.driver.SendAs(w.ctx, key, w.driver.Deployment().BondingManager, data)
	w.must(err)
	w.syncNode()
	return r
}

// lagRound makes rounds 100 blocks long, moves to the start of a round
// five rounds on, initializes it and activates both accounts, their last
// reward the round before. It returns the round and its start block.
func (w *orchWorld) lagRound() (uint64, uint64) {
	w.t.Helper()
	w.must(w.driver.SetRoundLength(w.ctx, gethRoundLength))
	w.moveBlockNum(w.state().StartBlock + 5*gethRoundLength)
	s := w.state()
	w.must(w.driver.InitializeRound(w.ctx))
	for _, a := range []common.Address{w.nodeAddr(), w.orchAddr()} {
		w.must(w.driver.SetActive(w.ctx, a, true))
		w.must(w.driver.SetLastRewardRound(w.ctx, a, s.CurrentRound-1))
	}
	w.syncNode()
	return s.CurrentRound, s.StartBlock
}

// config watches the node (tc001) and the orchestrator (orchTarget); with
// chainOnly, the orchestrator alone: no [[node]] at all.
func (w *orchWorld) config(chainOnly bool) *config.Config {
	cfg := testConfig(w.t.TempDir())
	if !chainOnly {
		n := nodeCfg("tc001", w.node.URL())
		n.ExpectedAddress = config.AddressOf(w.nodeAddr())
		cfg.Nodes = []config.Node{n}
	}
	cfg.Orchestrators = []config.Orchestrator{{Name: orchTarget, Address: config.AddressOf(w.orchAddr())}}
	cfg.Chain.URLs = []string{w.url}
	cfg.Chain.Controller = w.driver.Deployment().Controller.Hex()
	cfg.Chain.ChainID = w.chainID
	cfg.Chain.Interval, cfg.Chain.Timeout = 10*time.Second, 5*time.Second
	cfg.Chain.HeadMaxAge = 24 * time.Hour
	cfg.Chain.MaxLogRange = 1000
	return cfg
}

// sameAlerts are the alerts a target watched from the chain alone shares
// with a node target.
var sameAlerts = []string{alert.RewardNotCalled, alert.RewardRoundMissed, alert.TranscoderInactive, alert.StakeDropped}

// notifications collects the notifications of each target, of sameAlerts only.
type notifications map[string][]string

func (ns notifications) add(n *alert.Notification) {
	if slices.Contains(sameAlerts, n.Alert) {
		ns[n.Target] = append(ns[n.Target], fmt.Sprintf("%s %s %s", n.Alert, n.Status, n.Severity))
	}
}

// collectUntil takes notifications until cond holds for the collection.
func collectUntil(h *harness, ns notifications, what string, cond func() bool) {
	h.t.Helper()
	h.pacedWait(what, func() bool {
		for n := h.poll(); n != nil; n = h.poll() {
			ns.add(n)
		}
		return cond()
	})
}

func (ns notifications) has(target, want string) func() bool {
	return func() bool { return slices.Contains(ns[target], want) }
}

// chainOnlyScenario plays a round in which reward comes late, one that is
// missed, and deactivation, for the orchestrator watched from the chain
// alone and (unless chainOnly) a node target beside it: the orchestrator
// gets the same RewardNotCalled, RewardRoundMissed and TranscoderInactive
// alerts as the node, no alert about a node, and a reward history that
// names the function, sender, cost and LPT minted of its reward.
func chainOnlyScenario(t *testing.T, w *orchWorld, chainOnly bool) {
	r, start := w.lagRound()
	h, _ := runDaemon(t, w.config(chainOnly), time.Now())
	targets := []string{orchTarget}
	if !chainOnly {
		targets = append(targets, "tc001")
	}
	ns := notifications{}
	all := func(want string) func() bool {
		return func() bool {
			for _, tg := range targets {
				if !ns.has(tg, want)() {
					return false
				}
			}
			return true
		}
	}
	h.waitState(alert.TranscoderInactive, orchTarget, checks.OK)

	// Late: warning at block 10, critical at 76, resolved by the reward.
	w.moveBlockNum(start + 10)
	collectUntil(h, ns, "RewardNotCalled warnings", all("RewardNotCalled firing warning"))
	w.moveBlockNum(start + 76)
	collectUntil(h, ns, "RewardNotCalled critical", all("RewardNotCalled firing critical"))
	rcpt := w.reward(w.orKey)
	if !chainOnly {
		w.reward(w.nodeKey)
	}
	collectUntil(h, ns, "RewardNotCalled resolved", all("RewardNotCalled resolved critical"))
	var rec checks.RoundRecord
	h.pacedWait("the reward in the history", func() bool {
		a := account(h.d.Status().Chain, orchTarget)
		if a == nil || len(a.Rounds) == 0 {
			return false
		}
		rec = a.Rounds[len(a.Rounds)-1]
		return rec.Round == r && rec.Tx != ""
	})
	cost := new(big.Int).Mul(new(big.Int).SetUint64(rcpt.GasUsed), rcpt.EffectiveGasPrice)
	if rec.Outcome != checks.OutcomeRewarded || rec.Function != string(chain.FnRewardWithHint) || rec.Sender != w.orchAddr().Hex() ||
		rec.Tx != rcpt.TxHash.Hex() || rec.CostWei != cost.String() || rec.MintedWei != "1000000000000000000" || rec.Block == nil || *rec.Block != 77 {
		t.Errorf("history of round %d: %+v (block %v), want rewardWithHint from %s in tx %s costing %s at block 77", r, rec, rec.Block, w.orchAddr().Hex(), rcpt.TxHash.Hex(), cost)
	}
	if got := metricValue(t, h, "lpwatch_reward_tx_cost_ether", "node", orchTarget); got != checks.Ether(cost) {
		t.Errorf("lpwatch_reward_tx_cost_ether = %v, want %v", got, checks.Ether(cost))
	}
	if got := metricValue(t, h, "lpwatch_reward_block_in_round", "node", orchTarget); got != 77 {
		t.Errorf("lpwatch_reward_block_in_round = %v, want 77", got)
	}
	if got := metricValue(t, h, "lpwatch_reward_minted_lpt", "node", orchTarget); got != 1 {
		t.Errorf("lpwatch_reward_minted_lpt = %v, want 1", got)
	}

	// Round r+1 ends without a reward: missed.
	w.moveBlockNum(start + gethRoundLength)
	w.must(w.driver.InitializeRound(w.ctx))
	w.moveBlockNum(start + 2*gethRoundLength)
	w.must(w.driver.InitializeRound(w.ctx))
	w.syncNode()
	collectUntil(h, ns, "RewardRoundMissed", all("RewardRoundMissed firing critical"))
	if a := account(h.d.Status().Chain, orchTarget); a == nil || a.MissedRounds != 1 {
		t.Errorf("missed rounds of %s: %+v", orchTarget, a)
	}

	// Out of the active set: inactive; the missed streak and the reward ends.
	for _, a := range []common.Address{w.orchAddr(), w.nodeAddr()} {
		if chainOnly && a == w.nodeAddr() {
			continue
		}
		w.must(w.driver.SetActive(w.ctx, a, false))
	}
	w.syncNode()
	collectUntil(h, ns, "TranscoderInactive", all("TranscoderInactive firing warning"))
	collectUntil(h, ns, "the missed streak ends", all("RewardRoundMissed resolved critical"))
	if r, _ := h.result(alert.TranscoderInactive, orchTarget); r.Details["source"] != "chain" {
		t.Errorf("TranscoderInactive of %s: %+v", orchTarget, r)
	}

	// No alert about a node for the orchestrator.
	for _, res := range h.d.results.All() {
		if res.Target == orchTarget && !slices.Contains(append(sameAlerts, alert.RewardStatusUnknown, alert.RewardCallerChanged), res.Check) {
			t.Errorf("%s has a %s result: %s", orchTarget, res.Check, res.Reason)
		}
	}
	t.Logf("alerts of %s: %v", orchTarget, ns[orchTarget])
	if !chainOnly && !slices.Equal(ns[orchTarget], ns["tc001"]) {
		t.Errorf("the orchestrator's alerts differ from the node's:\n%s: %v\ntc001: %v", orchTarget, ns[orchTarget], ns["tc001"])
	}
}

// account returns the chain section's account of name.
func account(c *status.Chain, name string) *status.Account {
	if c == nil {
		return nil
	}
	for i := range c.Accounts {
		if c.Accounts[i].Node == name {
			return &c.Accounts[i]
		}
	}
	return nil
}

// TestChainOnlyOrchestratorSim: on the simulated chain, beside a node
// target, an [[orchestrator]] gets the node's chain alerts.
func TestChainOnlyOrchestratorSim(t *testing.T) {
	chainOnlyScenario(t, newOrchWorldSim(t), false)
}

// TestChainOnlyOrchestratorWithGeth is Done-when (e): on a real geth
// --dev, an [[orchestrator]] with no node at all gets the reward,
// missed-round and inactive alerts of a node target, and the same alerts
// as a node target beside it.
func TestChainOnlyOrchestratorWithGeth(t *testing.T) {
	t.Run("alone", func(t *testing.T) { chainOnlyScenario(t, newOrchWorldGeth(t), true) })
	t.Run("beside a node", func(t *testing.T) { chainOnlyScenario(t, newOrchWorldGeth(t), false) })
}

// TestActiveSetObserved: with chain.watch_active_set, an orchestrator of
// the active set that is not configured is observed (its account and
// reward history in /status, its reward series under its short address)
// and raises no alert, even when its round is missed.
func TestActiveSetObserved(t *testing.T) {
	w := newOrchWorldSim(t)
	r, start := w.lagRound()
	cfg := w.config(true)
	cfg.Orchestrators = nil
	cfg.Nodes = nil
	cfg.Chain.WatchActiveSet = true
	stranger := checks.ShortAddress(w.orchAddr())
	h, _ := runDaemon(t, cfg, time.Now())
	w.moveBlockNum(start + 30)
	w.reward(w.orKey)
	var a *status.Account
	h.pacedWait("the stranger's reward in its history", func() bool {
		a = account(h.d.Status().Chain, stranger)
		return a != nil && len(a.Rounds) > 0 && a.Rounds[len(a.Rounds)-1].Tx != ""
	})
	if a.Kind != status.KindActiveSet || a.Address != w.orchAddr().Hex() || a.Rounds[len(a.Rounds)-1].Round != r {
		t.Errorf("active set account %+v", a)
	}
	if got := metricValue(t, h, "lpwatch_reward_block_in_round", "node", stranger); got != 31 {
		t.Errorf("lpwatch_reward_block_in_round{node=%q} = %v, want 31", stranger, got)
	}
	// Round r+1 goes by without a reward: missed in the history, no alert.
	w.moveBlockNum(start + gethRoundLength)
	w.must(w.driver.InitializeRound(w.ctx))
	w.moveBlockNum(start + 2*gethRoundLength + 5)
	w.must(w.driver.InitializeRound(w.ctx))
	h.pacedWait("the missed round in the history", func() bool {
		a = account(h.d.Status().Chain, stranger)
		return a != nil && slices.ContainsFunc(a.Rounds, func(rec checks.RoundRecord) bool { return rec.Round == r+1 && rec.Outcome == checks.OutcomeMissed })
	})
	for _, res := range h.d.results.All() {
		if res.Target == stranger {
			t.Errorf("the stranger has a %s result", res.Check)
		}
	}
	for n := h.poll(); n != nil; n = h.poll() {
		if n.Target == stranger {
			t.Errorf("notification about the stranger: %s %s", n.Alert, n.Status)
		}
	}
}
