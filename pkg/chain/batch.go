package chain

import (
	"context"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/common"
)

// ReadError is one failed read of an observation. The field it would have
// filled stays nil.
type ReadError struct {
	// Endpoint is the endpoint that was asked.
	Endpoint string
	// Address is the monitored account the read was for (zero when none).
	Address common.Address
	// Field names the read, e.g. "head", "round.currentRound", "account.balance".
	Field string
	// Reason is Reason(Err).
	Reason string
	Err    error
}

// batch runs independent reads concurrently (the reward transactions of
// a log scan, each through the pool), at most cap(sem) at a time,
// and collects their errors. Each read writes its own destination, so the
// results are safe to use once wait returns.
type batch struct {
	ctx  context.Context
	sem  chan struct{}
	wg   sync.WaitGroup
	mu   sync.Mutex
	errs []ReadError
}

func newBatch(ctx context.Context, parallel int) *batch {
	return &batch{ctx: ctx, sem: make(chan struct{}, parallel)}
}

func (b *batch) run(endpoint string, addr common.Address, field string, f func(ctx context.Context) error) {
	b.wg.Go(func() {
		select {
		case b.sem <- struct{}{}:
		case <-b.ctx.Done():
			b.fail(endpoint, addr, field, b.ctx.Err())
			return
		}
		defer func() { <-b.sem }()
		if err := f(b.ctx); err != nil {
			b.fail(endpoint, addr, field, err)
		}
	})
}

func (b *batch) fail(endpoint string, addr common.Address, field string, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.errs = append(b.errs, ReadError{Endpoint: endpoint, Address: addr, Field: field, Reason: Reason(err), Err: err})
}

// wait waits for every read and returns the errors collected so far.
func (b *batch) wait() []ReadError {
	b.wg.Wait()
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]ReadError(nil), b.errs...)
}

func ptr[T any](v T) *T { return &v }

// toU64 converts a uint256 answer that must fit 64 bits (rounds, blocks).
func toU64(fn string, v *big.Int) (uint64, error) {
	if v == nil || v.Sign() < 0 || !v.IsUint64() {
		return 0, decodeErr(fn, "value %v does not fit 64 bits", v)
	}
	return v.Uint64(), nil
}
