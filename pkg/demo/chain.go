package demo

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
)

// The demo chain: a round is RoundBlocks blocks and a block is sealed every
// BlockEvery, so a round lasts about a minute.
const (
	RoundBlocks = 60
	BlockEvery  = time.Second
)

// orchestrator is one demo node's account on the demo chain, or one
// watched from the chain alone (node nil).
type orchestrator struct {
	name string
	node *fakenode.Node
	key  *ecdsa.PrivateKey
	// caller, when set, is the orchestrator's LIP-118 reward caller: the
	// node runs as it and sends the reward transactions.
	caller *ecdsa.PrivateKey
	// autoReward makes the orchestrator call reward as soon as a round is initialized.
	autoReward bool
}

func (o *orchestrator) addr() common.Address { return crypto.PubkeyToAddress(o.key.PublicKey) }

// sender is the key of the account that sends the reward transactions.
func (o *orchestrator) sender() *ecdsa.PrivateKey {
	if o.caller != nil {
		return o.caller
	}
	return o.key
}

// callerAddr is the reward caller's address (zero: none).
func (o *orchestrator) callerAddr() common.Address {
	if o.caller == nil {
		return common.Address{}
	}
	return crypto.PubkeyToAddress(o.caller.PublicKey)
}

// demoChain is the simulated chain the story drives: it seals blocks on a
// timer, initializes every round at once (as a round initializer would),
// lets each orchestrator with autoReward call reward, and keeps the fake
// nodes' view of the rounds in step with the chain.
type demoChain struct {
	sim    *simchain.Chain
	prober *chain.Prober
	orchs  []*orchestrator

	mu     sync.Mutex
	paused bool
	stuck  *types.Transaction
}

// startChain starts the simulated chain with its JSON-RPC server on
// 127.0.0.1, funds one account per node and activates it, at the start of
// a round in which every orchestrator but late has called reward. The
// orchestrator named by caller gets a reward caller, which its node runs as.
func startChain(ctx context.Context, nodes map[string]*fakenode.Node, names []string, late, caller string) (*demoChain, error) {
	sim, err := simchain.New(ctx, simchain.Options{RoundLength: RoundBlocks, HTTP: true})
	if err != nil {
		return nil, fmt.Errorf("demo chain: %w", err)
	}
	c := &demoChain{sim: sim}
	fail := func(err error) (*demoChain, error) {
		_ = sim.Close()
		return nil, fmt.Errorf("demo chain: %w", err)
	}
	ep, err := sim.Endpoint("demo")
	if err != nil {
		return fail(err)
	}
	pool, err := chain.NewPool([]*chain.Endpoint{ep})
	if err != nil {
		return fail(err)
	}
	dep := sim.Deployment()
	if c.prober, err = chain.NewProber(pool, chain.ProberConfig{RoundsManager: dep.RoundsManager, BondingManager: dep.BondingManager}); err != nil {
		return fail(err)
	}
	for _, name := range names {
		key, err := sim.FundedKey(ctx, new(big.Int).Mul(big.NewInt(2), big.NewInt(1e18)))
		if err != nil {
			return fail(err)
		}
		o := &orchestrator{name: name, node: nodes[name], key: key, autoReward: name != late}
		if o.node != nil {
			o.node.SetAddress(o.addr())
		}
		if err := sim.Driver().SetActive(ctx, o.addr(), true); err != nil {
			return fail(err)
		}
		if name == caller {
			if err := c.delegate(ctx, o); err != nil {
				return fail(err)
			}
		}
		c.orchs = append(c.orchs, o)
	}
	if err := sim.Driver().StartRoundAtHead(ctx); err != nil {
		return fail(err)
	}
	if err := c.tend(ctx); err != nil {
		return fail(err)
	}
	return c, nil
}

// run seals a block every BlockEvery until ctx ends, unless paused.
func (c *demoChain) run(ctx context.Context, say func(string, ...any)) {
	t := time.NewTicker(BlockEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		c.mu.Lock()
		paused := c.paused
		c.mu.Unlock()
		if paused || c.sim.HeadAhead(ctx, time.Now()) {
			continue
		}
		c.sim.Commit()
		if err := c.tend(ctx); err != nil && ctx.Err() == nil {
			say("demo chain: %v", err)
		}
	}
}

// tend initializes a new round, lets the orchestrators with autoReward
// call reward, and copies the chain's view into the fake nodes.
func (c *demoChain) tend(ctx context.Context) error {
	d := c.sim.Driver()
	s, err := d.RoundState(ctx)
	if err != nil {
		return err
	}
	if !s.Initialized {
		if err := d.InitializeRound(ctx); err != nil {
			return err
		}
		s.Initialized = true
	}
	last, err := c.lastRewards(ctx)
	if err != nil {
		return err
	}
	for _, o := range c.orchs {
		if c.autoRewards(o) && last[o.addr()] < s.CurrentRound && rewardDue(o, s.CurrentRound, s.BlockNum-s.StartBlock) {
			if err := c.rewardNow(ctx, o); err != nil {
				return err
			}
			last[o.addr()] = s.CurrentRound
		}
		if o.node != nil {
			o.node.SetRound(s.CurrentRound, s.Initialized)
			o.node.SetLastRewardRound(last[o.addr()])
		}
	}
	return nil
}

// rewardDue says whether o calls reward at this block of round: a node's
// reward service at once; the orchestrator watched from the chain alone
// (its node elsewhere) at once, late (ChainOnlyLateBlock) every third
// round and not at all every fifth, so that its history strip shows each
// outcome and its RewardRoundMissed fires without a node.
func rewardDue(o *orchestrator, round, block uint64) bool {
	if o.node != nil {
		return true
	}
	switch {
	case round%5 == 4:
		return false
	case round%3 == 2:
		return block >= ChainOnlyLateBlock
	}
	return true
}

// ChainOnlyLateBlock is when, in its late rounds, the demo's chain-only
// orchestrator calls reward: past the warning at 10% of the round.
const ChainOnlyLateBlock = 20

// delegate gives o a funded reward caller, set on-chain from o's key, and
// makes o's node run as it (the caller's keystore and -ethOrchAddr).
func (c *demoChain) delegate(ctx context.Context, o *orchestrator) error {
	key, err := c.sim.FundedKey(ctx, new(big.Int).Mul(big.NewInt(2), big.NewInt(1e18)))
	if err != nil {
		return err
	}
	o.caller = key
	if err := c.sim.Driver().SetRewardCaller(ctx, o.key, o.callerAddr()); err != nil {
		return err
	}
	o.node.SetAddress(o.callerAddr())
	o.node.SetOrchestrator(o.addr())
	o.node.SetRewardCaller(o.callerAddr())
	return nil
}

// rewardNow lands o's reward for the current round as go-livepeer does:
// from its reward caller through rewardForTranscoderWithHint when it has
// one (delegated mode), else rewardWithHint from its own account.
func (c *demoChain) rewardNow(ctx context.Context, o *orchestrator) error {
	if o.caller != nil {
		_, err := c.sim.Driver().RewardForTranscoderWithHint(ctx, o.caller, o.addr())
		return err
	}
	bm := c.sim.Deployment().BondingManager
	_, err := c.sim.Driver().SendAs(ctx, o.key, bm, contracts.NewBondingManager().PackRewardWithHint(common.Address{}, common.Address{}))
	return err
}

// lastRewards reads every orchestrator's lastRewardRound from the chain.
func (c *demoChain) lastRewards(ctx context.Context) (map[common.Address]uint64, error) {
	addrs := make([]common.Address, len(c.orchs))
	for i, o := range c.orchs {
		addrs[i] = o.addr()
	}
	obs, err := c.prober.Observe(ctx, addrs)
	if err != nil {
		return nil, err
	}
	out := make(map[common.Address]uint64, len(addrs))
	for _, a := range addrs {
		acct := obs.Account(a)
		if acct == nil || acct.Transcoder == nil {
			return nil, fmt.Errorf("could not read the transcoder of %s", a.Hex())
		}
		out[a] = acct.Transcoder.LastRewardRound
	}
	return out, nil
}

// orchestrator returns the orchestrator of a node.
func (c *demoChain) orchestrator(name string) *orchestrator {
	for _, o := range c.orchs {
		if o.name == name {
			return o
		}
	}
	return nil
}

// setAutoReward turns an orchestrator's reward service on or off.
func (c *demoChain) setAutoReward(name string, on bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.orchestrator(name).autoReward = on
}

func (c *demoChain) autoRewards(o *orchestrator) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return o.autoReward
}

// reward lands an orchestrator's reward for the current round now.
func (c *demoChain) reward(ctx context.Context, name string) error {
	return c.rewardNow(ctx, c.orchestrator(name))
}

// stick sends a transaction that stays pending from the account that
// sends the orchestrator's rewards.
func (c *demoChain) stick(ctx context.Context, name string) error {
	tx, err := c.sim.StuckTx(ctx, c.orchestrator(name).sender())
	if err != nil {
		return err
	}
	c.mu.Lock()
	c.stuck = tx
	c.mu.Unlock()
	return nil
}

// unstick replaces the stuck transaction with one that is mined.
func (c *demoChain) unstick(ctx context.Context, name string) error {
	c.mu.Lock()
	tx := c.stuck
	c.stuck = nil
	c.mu.Unlock()
	if tx == nil {
		return nil
	}
	_, err := c.sim.ReplaceTx(ctx, c.orchestrator(name).sender(), tx)
	return err
}

// pause stops or resumes sealing blocks.
func (c *demoChain) pause(on bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.paused = on
}

// untilRound waits until the chain is in a round after r, at least
// block blocks into it; it returns the round.
func (c *demoChain) untilRound(ctx context.Context, after uint64, block uint64) (uint64, error) {
	t := time.NewTicker(BlockEvery / 4)
	defer t.Stop()
	for {
		s, err := c.sim.Driver().RoundState(ctx)
		if err == nil && s.CurrentRound > after && s.BlockNum-s.StartBlock >= block {
			return s.CurrentRound, nil
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-t.C:
		}
	}
}

// round returns the current round.
func (c *demoChain) round(ctx context.Context) (uint64, error) {
	s, err := c.sim.Driver().RoundState(ctx)
	return s.CurrentRound, err
}
