package simchain

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// Commit seals one block with the pending transactions.
func (c *Chain) Commit() common.Hash {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.backend.Commit()
}

// CommitBlocks seals n blocks.
func (c *Chain) CommitBlocks(n int) {
	for range n {
		c.Commit()
	}
}

// Mine commits blocks until every one of txs is mined and returns their
// receipts. It is the contracts.Miner of the chain. The transaction pool
// admits a sent transaction asynchronously, so the first block may be
// sealed without it: Mine then seals another, up to maxMineBlocks. The
// receipts are read by block, not by transaction hash: the hash index is
// built in the background and may lag behind a block just committed.
func (c *Chain) Mine(ctx context.Context, txs ...*types.Transaction) ([]*types.Receipt, error) {
	br, ok := c.backend.Client().(blockReceipter)
	if !ok {
		return nil, errors.New("simulated client cannot read block receipts")
	}
	found := make(map[common.Hash]*types.Receipt, len(txs))
	var hash common.Hash
	for attempt := 0; attempt < maxMineBlocks && len(found) < len(txs); attempt++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		hash = c.Commit()
		all, err := br.BlockReceipts(ctx, rpc.BlockNumberOrHashWithHash(hash, false))
		if err != nil {
			return nil, fmt.Errorf("receipts of block %s: %w", hash, err)
		}
		for _, r := range all {
			for _, tx := range txs {
				if r.TxHash == tx.Hash() {
					found[r.TxHash] = r
				}
			}
		}
	}
	receipts := make([]*types.Receipt, len(txs))
	for i, tx := range txs {
		r, ok := found[tx.Hash()]
		if !ok {
			return nil, fmt.Errorf("transaction %s is not mined after %d blocks (last %s)", tx.Hash(), maxMineBlocks, hash)
		}
		receipts[i] = r
	}
	return receipts, nil
}

// maxMineBlocks bounds the blocks Mine seals waiting for its transactions.
const maxMineBlocks = 5

type blockReceipter interface {
	BlockReceipts(ctx context.Context, blockNrOrHash rpc.BlockNumberOrHash) ([]*types.Receipt, error)
}

// AdvanceTime moves the chain's clock forward by d and seals an empty block.
func (c *Chain) AdvanceTime(d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.backend.AdjustTime(d)
}

// AdvanceRounds commits blocks until the current round is n rounds later
// and returns the new round. The new round starts uninitialized.
func (c *Chain) AdvanceRounds(ctx context.Context, n uint64) (uint64, error) {
	if n == 0 {
		return 0, errors.New("advance rounds: n must be positive")
	}
	s, err := c.driver.RoundState(ctx)
	if err != nil {
		return 0, err
	}
	target := s.CurrentRound + n
	blocks := s.StartBlock + n*s.Length - s.BlockNum
	c.CommitBlocks(int(blocks))
	s, err = c.driver.RoundState(ctx)
	if err != nil {
		return 0, err
	}
	if s.CurrentRound != target {
		return s.CurrentRound, fmt.Errorf("advance rounds: at round %d, want %d", s.CurrentRound, target)
	}
	return s.CurrentRound, nil
}

// AdvanceToRoundProgress commits blocks until at least frac (0..1) of the
// current round has elapsed, and returns the blocks elapsed.
func (c *Chain) AdvanceToRoundProgress(ctx context.Context, frac float64) (uint64, error) {
	if frac < 0 || frac >= 1 {
		return 0, fmt.Errorf("round progress %v must be in [0, 1)", frac)
	}
	s, err := c.driver.RoundState(ctx)
	if err != nil {
		return 0, err
	}
	want := uint64(frac * float64(s.Length))
	if elapsed := s.BlockNum - s.StartBlock; elapsed < want {
		c.CommitBlocks(int(want - elapsed))
		return want, nil
	}
	return s.BlockNum - s.StartBlock, nil
}

// HeadAhead reports whether the head's time is ahead of now: the simulated
// chain stamps a block one second after its parent when blocks come faster
// (a burst of transactions seals several), and a block loop then waits for
// the clock to catch up so that the head's age stays true.
func (c *Chain) HeadAhead(ctx context.Context, now time.Time) bool {
	h, err := c.Client().HeaderByNumber(ctx, nil)
	return err == nil && int64(h.Time) > now.Unix()
}
