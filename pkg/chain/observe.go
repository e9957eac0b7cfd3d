package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Observation is everything one probe cycle learned from the chain. Reads
// that failed leave their field nil and add a ReadError; nothing is ever
// filled in by default.
type Observation struct {
	// Started and Finished are the clock's times around the cycle.
	Started  time.Time
	Finished time.Time
	// Endpoint is the name of the endpoint the protocol reads used ("" when
	// none could be used).
	Endpoint string
	// Block is the head of that endpoint; protocol, balance and mined-nonce
	// reads are pinned to its number so they describe one block.
	Block *Head
	// Endpoints is the health of every pool endpoint, in pool order.
	Endpoints []EndpointHealth
	// References is the health (chain ID and head) of every reference endpoint.
	References []EndpointHealth
	// Contracts are the addresses read (nil when they could not be resolved).
	Contracts *Contracts
	Round     RoundInfo
	GasPrice  *big.Int
	// Accounts has one entry per requested address, in the same order.
	Accounts []AccountInfo
	Errors   []ReadError
	// Calls is the number of RPC calls the cycle made.
	Calls int
}

// Err returns the first error recorded for field (and addr, when not zero).
func (o *Observation) Err(field string, addr common.Address) error {
	for _, e := range o.Errors {
		if e.Field == field && e.Address == addr {
			return e.Err
		}
	}
	return nil
}

// Account returns the entry of addr, or nil.
func (o *Observation) Account(addr common.Address) *AccountInfo {
	for i := range o.Accounts {
		if o.Accounts[i].Address == addr {
			return &o.Accounts[i]
		}
	}
	return nil
}

// Observe runs one probe cycle: the health of every endpoint and reference
// (chain ID, head, sync status, peers), then, on the first healthy endpoint
// in pool order (one that is not block-syncing if there is one), the
// protocol contracts, the round, the gas price and, for each address, its
// transcoder record, activity, status, stake, balance and nonces, and its
// reward caller (with the caller's code and, for an account, its balance
// and nonces).
//
// The addresses of watch (those of the active set, say) that are not in
// addrs get only the contract reads (transcoder record, activity, status,
// stake), after those of addrs in Accounts: no balance, nonces or reward
// caller.
//
// It always returns an Observation. The error is non-nil only when no
// endpoint could be used (it wraps ErrNoEndpoint); single failed reads are
// in Observation.Errors.
func (p *Prober) Observe(ctx context.Context, addrs []common.Address, watch ...common.Address) (*Observation, error) {
	var calls atomic.Int64
	ctx = withCallCounter(ctx, &calls)
	o := &Observation{Started: p.cfg.Clock.Now()}
	defer func() {
		o.Finished = p.cfg.Clock.Now()
		o.Calls = int(calls.Load())
	}()

	e, err := p.health(ctx, o)
	if err != nil {
		return o, err
	}
	block := o.Block.number()

	contracts, err := p.contractsAt(ctx, e, block)
	if err != nil {
		o.Errors = append(o.Errors, readError(e.Name(), "contracts", err))
	}
	b := newBatch(ctx, p.cfg.Parallelism)
	spawn(b, e.Name(), common.Address{}, "gas_price", &o.GasPrice, e.GasPrice)
	o.Accounts = accountsOf(addrs, watch)
	for i := range addrs {
		p.readAccountState(b, e, block, &o.Accounts[i])
	}
	if contracts == nil {
		o.Errors = append(o.Errors, b.wait()...)
		return o, nil
	}
	o.Contracts = contracts
	p.bd.readRound(b, e, contracts.RoundsManager, block, &o.Round)
	for i := range o.Accounts {
		p.bd.readAccount(b, e, contracts.BondingManager, block, &o.Accounts[i])
		if i < len(addrs) { // the watched accounts' reward callers are not followed
			p.bd.readRewardCaller(b, e, contracts.BondingManager, block, &o.Accounts[i])
		}
	}
	o.Errors = append(o.Errors, settleRewardCallers(o.Accounts, b.wait())...)

	// isActiveTranscoder depends on the layout (and, for 2018 contracts,
	// the round); the reward caller's code and account on its address.
	b = newBatch(ctx, p.cfg.Parallelism)
	for i := range o.Accounts {
		p.bd.readActive(b, e, contracts.BondingManager, block, &o.Accounts[i], o.Round.CurrentRound)
		if i < len(addrs) {
			p.readCallerState(b, e, block, &o.Accounts[i])
		}
	}
	o.Errors = append(o.Errors, b.wait()...)
	dropContractState(o.Accounts)
	return o, nil
}

// accountsOf returns the accounts of addrs, then those of watch not in addrs.
func accountsOf(addrs, watch []common.Address) []AccountInfo {
	out := make([]AccountInfo, len(addrs), len(addrs)+len(watch))
	seen := make(map[common.Address]bool, len(addrs))
	for i, a := range addrs {
		out[i].Address, seen[a] = a, true
	}
	for _, a := range watch {
		if !seen[a] {
			seen[a] = true
			out = append(out, AccountInfo{Address: a})
		}
	}
	return out
}

// readAccountState queues the reads of an address that need no contract: balance and nonces.
func (p *Prober) readAccountState(b *batch, e *Endpoint, block *big.Int, a *AccountInfo) {
	addr := a.Address
	spawn(b, e.Name(), addr, "account.balance", &a.Balance, func(ctx context.Context) (*big.Int, error) {
		return e.Balance(ctx, addr, block)
	})
	spawn(b, e.Name(), addr, "account.minedNonce", &a.MinedNonce, func(ctx context.Context) (*uint64, error) {
		n, err := e.Nonce(ctx, addr, block)
		return ptr(n), err
	})
	spawn(b, e.Name(), addr, "account.pendingNonce", &a.PendingNonce, func(ctx context.Context) (*uint64, error) {
		n, err := e.PendingNonce(ctx, addr)
		return ptr(n), err
	})
}

// health reads every endpoint and reference, updates the pool and picks the
// endpoint to read from.
func (p *Prober) health(ctx context.Context, o *Observation) (*Endpoint, error) {
	eps := p.pool.eps
	o.Endpoints = make([]EndpointHealth, len(eps))
	o.References = make([]EndpointHealth, len(p.cfg.References))
	b := newBatch(ctx, p.cfg.Parallelism)
	for i, e := range eps {
		readHealth(b, e, healthReads{sync: true, peers: p.cfg.Peers}, &o.Endpoints[i])
	}
	for i, r := range p.cfg.References {
		readHealth(b, r, healthReads{}, &o.References[i])
	}
	errs := b.wait()
	o.Errors = append(o.Errors, errs...)

	chosen, fallback := -1, -1
	for i, e := range eps {
		h := &o.Endpoints[i]
		decisive := h.finish(errs, p.pool, e)
		p.mismatch(o, e.Name(), decisive)
		p.pool.report(i, decisive, decisive == nil)
		switch {
		case !h.Healthy:
		case h.Sync != nil && h.Sync.BlockSyncing():
			if fallback < 0 {
				fallback = i
			}
		case chosen < 0:
			chosen = i
		}
	}
	for i, r := range p.cfg.References {
		p.mismatch(o, r.Name(), o.References[i].finish(errs, p.pool, r))
	}
	if chosen < 0 {
		chosen = fallback
	}
	if chosen < 0 {
		return nil, fmt.Errorf("%w: none of %d endpoints is healthy", ErrNoEndpoint, len(eps))
	}
	e := eps[chosen]
	o.Endpoint, o.Block = e.Name(), o.Endpoints[chosen].Head
	p.noteEndpoint(e.Name())
	return e, nil
}

// mismatch records a chain ID mismatch, which is not a failed read.
func (p *Prober) mismatch(o *Observation, endpoint string, err error) {
	if errors.Is(err, ErrChainIDMismatch) {
		o.Errors = append(o.Errors, readError(endpoint, "chain_id", err))
	}
}

// noteEndpoint logs when the endpoint in use changes.
func (p *Prober) noteEndpoint(name string) {
	p.mu.Lock()
	prev := p.lastUsed
	p.lastUsed = name
	p.mu.Unlock()
	if prev != name {
		p.log.WithField("endpoint", name).WithField("previous", prev).Info("chain endpoint in use")
	}
}

// contractsAt returns fresh cached addresses, or resolves them on e at
// block; when resolution fails it falls back to stale cached addresses.
func (p *Prober) contractsAt(ctx context.Context, e *Endpoint, block *big.Int) (*Contracts, error) {
	if c, ok := p.cached(false); ok {
		return &c, nil
	}
	c, err := p.resolve(ctx, e, block)
	if err == nil {
		return &c, nil
	}
	if stale, ok := p.cached(true); ok {
		return &stale, err
	}
	return nil, err
}

func readError(endpoint, field string, err error) ReadError {
	return ReadError{Endpoint: endpoint, Field: field, Reason: Reason(err), Err: err}
}
