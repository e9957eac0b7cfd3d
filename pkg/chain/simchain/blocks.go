package simchain

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
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

// Mine commits a block and returns the receipts of txs, which must be in
// it. It is the contracts.Miner of the chain.
func (c *Chain) Mine(ctx context.Context, txs ...*types.Transaction) ([]*types.Receipt, error) {
	c.Commit()
	receipts := make([]*types.Receipt, len(txs))
	for i, tx := range txs {
		r, err := c.backend.Client().TransactionReceipt(ctx, tx.Hash())
		if err != nil {
			return nil, fmt.Errorf("receipt of %s: %w", tx.Hash(), err)
		}
		receipts[i] = r
	}
	return receipts, nil
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
