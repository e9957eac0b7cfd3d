package probes

import (
	"context"
	"sync"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
)

// activeSet is the transcoder pool the chain probe watches with
// chain.watch_active_set: read at the first cycle and again in each new
// round.
type activeSet struct {
	mu    sync.Mutex
	addrs []common.Address
	round uint64 // round of the latest read; 0 before it
	// current is the round of the latest observation (0 before one).
	current uint64
	read    bool
}

// observed notes the round of an observation; a pool read before any
// round was known belongs to the first round observed.
func (a *activeSet) observed(o *chain.Observation) {
	if o == nil || o.Round.CurrentRound == nil {
		return
	}
	a.mu.Lock()
	a.current = *o.Round.CurrentRound
	if a.read && a.round == 0 {
		a.round = a.current
	}
	a.mu.Unlock()
}

// pool returns the accounts of the transcoder pool to observe and the
// round they were read in, reading the pool again when the round changed
// since. A failed read keeps the previous pool and is retried next cycle.
func (p *ChainProbe) pool(ctx context.Context) ([]common.Address, uint64) {
	if !p.cfg.WatchActiveSet {
		return nil, 0
	}
	a := &p.active
	a.mu.Lock()
	stale := !a.read || a.current != a.round
	addrs, round, current := a.addrs, a.round, a.current
	a.mu.Unlock()
	if !stale {
		return addrs, round
	}
	got, err := p.prober.TranscoderPool(ctx)
	if err != nil {
		return addrs, round
	}
	a.mu.Lock()
	a.addrs, a.round, a.read = got, current, true
	a.mu.Unlock()
	return got, current
}

// rewardAddresses are the transcoders whose Reward logs the scan reads:
// the configured ones, or every one when the active set is watched.
func (p *ChainProbe) rewardAddresses() []common.Address {
	if p.cfg.WatchActiveSet {
		return nil
	}
	return p.cfg.Addresses
}
