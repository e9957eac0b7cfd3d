package main

import (
	"context"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
)

// chainOpts configures the simulated chain of a measurement.
type chainOpts struct {
	// accounts are registered and active in the BondingManager, and funded.
	accounts []common.Address
	// views are the fake nodes whose round and last reward round follow
	// the chain, by account.
	views map[common.Address]*fakenode.Node
	// noReward are accounts that never call reward.
	noReward map[common.Address]bool
	// block is how often a block is sealed; roundBlocks the round length.
	block       time.Duration
	roundBlocks uint64
}

// simChain is the chain lpwatch reads in the bench: go-ethereum's
// simulated backend with the test contracts, served over loopback HTTP
// JSON-RPC in this process. A block is sealed every opts.block (unless the
// head's time is ahead of the clock); each round is initialized at its
// first block and every account but opts.noReward calls reward in it at
// once, as a healthy orchestrator's reward service does; the fake nodes'
// views follow.
type simChain struct {
	sim  *simchain.Chain
	bm   *contracts.BondingManager
	opts chainOpts

	// last is each account's last reward round and round the round last
	// tended; both belong to the block loop once it runs.
	last  map[common.Address]uint64
	round uint64

	stop context.CancelFunc
	done chan struct{}

	mu  sync.Mutex
	err error // the block loop's first error
}

// txChunk bounds the transactions sent before their blocks are sealed: a
// few blocks' worth of gas, far below the pool's slots.
const txChunk = 200

// txGas is the gas limit of one state-setting transaction (they use less
// than a third of it).
const txGas = 1_000_000

// startChain deploys the contracts, registers and activates every account
// (in a few blocks, not one per account), starts a round at the head and
// the block loop.
func startChain(ctx context.Context, o chainOpts) (*simChain, error) {
	sim, err := simchain.New(ctx, simchain.Options{RoundLength: o.roundBlocks, HTTP: true, Fund: o.accounts})
	if err != nil {
		return nil, err
	}
	c := &simChain{sim: sim, bm: contracts.NewBondingManager(), opts: o, last: map[common.Address]uint64{}, done: make(chan struct{})}
	fail := func(err error) (*simChain, error) {
		_ = sim.Close()
		return nil, fmt.Errorf("simulated chain: %w", err)
	}
	calls := make([][]byte, len(o.accounts))
	for i, a := range o.accounts {
		calls[i] = c.bm.PackSetActive(a, true)
	}
	if err := c.sendAll(ctx, calls); err != nil {
		return fail(fmt.Errorf("activate %d accounts: %w", len(o.accounts), err))
	}
	if err := sim.Driver().StartRoundAtHead(ctx); err != nil {
		return fail(err)
	}
	if err := c.tend(ctx); err != nil {
		return fail(err)
	}
	loop, stop := context.WithCancel(context.Background())
	c.stop = stop
	go c.run(loop)
	return c, nil
}

// URL is the chain's JSON-RPC URL on 127.0.0.1.
func (c *simChain) URL() string { return c.sim.URL() }

// Controller is the address of the Controller contract.
func (c *simChain) Controller() common.Address { return c.sim.Deployment().Controller }

// Err returns the block loop's first error, if any.
func (c *simChain) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// roundLeft returns the current round and the blocks left in it.
func (c *simChain) roundLeft(ctx context.Context) (round, left uint64, err error) {
	s, err := c.sim.Driver().RoundState(ctx)
	if err != nil {
		return 0, 0, err
	}
	return s.CurrentRound, s.StartBlock + s.Length - s.BlockNum, nil
}

// close stops the block loop and the chain.
func (c *simChain) close() {
	if c.stop != nil {
		c.stop()
		<-c.done
	}
	_ = c.sim.Close()
}

func (c *simChain) run(ctx context.Context) {
	defer close(c.done)
	t := time.NewTicker(c.opts.block)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if c.sim.HeadAhead(ctx, time.Now()) {
			continue
		}
		c.sim.Commit()
		if err := c.tend(ctx); err != nil && ctx.Err() == nil {
			c.mu.Lock()
			if c.err == nil {
				c.err = err
			}
			c.mu.Unlock()
		}
	}
}

// tend initializes a new round, lets every rewarding account call reward
// in it, and copies the chain's view into the fake nodes.
func (c *simChain) tend(ctx context.Context) error {
	d := c.sim.Driver()
	s, err := d.RoundState(ctx)
	if err != nil {
		return err
	}
	if !s.Initialized {
		if err := d.InitializeRound(ctx); err != nil {
			return err
		}
	}
	if s.CurrentRound == c.round {
		return nil
	}
	var calls [][]byte
	var rewarded []common.Address
	for _, a := range c.opts.accounts {
		if !c.opts.noReward[a] && c.last[a] < s.CurrentRound {
			calls = append(calls, c.bm.PackRewardFor(a, big.NewInt(1e18)))
			rewarded = append(rewarded, a)
		}
	}
	if err := c.sendAll(ctx, calls); err != nil {
		return fmt.Errorf("rewards of round %d: %w", s.CurrentRound, err)
	}
	for _, a := range rewarded {
		c.last[a] = s.CurrentRound
	}
	c.round = s.CurrentRound
	for a, n := range c.opts.views {
		n.SetRound(s.CurrentRound, true)
		n.SetLastRewardRound(c.last[a])
	}
	return nil
}

// sendAll sends one transaction per call to the BondingManager from the
// developer key, txChunk at a time, seals blocks until each chunk is
// mined, and fails if any reverted.
func (c *simChain) sendAll(ctx context.Context, calls [][]byte) error {
	if len(calls) == 0 {
		return nil
	}
	client, key := c.sim.Client(), c.sim.DevKey()
	from := crypto.PubkeyToAddress(key.PublicKey)
	to := c.sim.Deployment().BondingManager
	signer := types.LatestSignerForChainID(big.NewInt(simchain.ChainID))
	nonce, err := client.PendingNonceAt(ctx, from)
	if err != nil {
		return fmt.Errorf("nonce: %w", err)
	}
	head, err := client.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("head: %w", err)
	}
	tip := big.NewInt(1e9)
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(4)), tip)
	for start := 0; start < len(calls); start += txChunk {
		end := min(start+txChunk, len(calls))
		txs := make([]*types.Transaction, 0, end-start)
		for _, data := range calls[start:end] {
			tx, err := types.SignNewTx(key, signer, &types.DynamicFeeTx{
				ChainID: big.NewInt(simchain.ChainID), Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap,
				Gas: txGas, To: &to, Data: data,
			})
			if err != nil {
				return fmt.Errorf("sign: %w", err)
			}
			if err := client.SendTransaction(ctx, tx); err != nil {
				return fmt.Errorf("send: %w", err)
			}
			txs = append(txs, tx)
			nonce++
		}
		receipts, err := c.sim.Mine(ctx, txs...)
		if err != nil {
			return err
		}
		for i, r := range receipts {
			if r.Status != types.ReceiptStatusSuccessful {
				return fmt.Errorf("tx %s reverted", txs[i].Hash())
			}
		}
	}
	return nil
}

// benchAccount is the i-th account of the bench: a fixed address that no
// key is known for (lpwatch needs only the public address).
func benchAccount(i int) common.Address {
	return common.BytesToAddress(crypto.Keccak256([]byte(fmt.Sprintf("lpwatch bench account %d", i))))
}
