package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
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
	// Calls is the number of RPC calls the cycle made, RoundTrips the
	// number of requests they went in (batches and single calls), and
	// Bytes the JSON size of their parameters and results.
	Calls, RoundTrips, Bytes int
	// Multicall reports whether the contract reads went in Multicall3
	// aggregate3 calls.
	Multicall bool

	// index is the position of each address in Accounts, made when the
	// cycle ends (nil in an Observation made otherwise).
	index map[common.Address]int
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
	if o.index != nil && len(o.index) == len(o.Accounts) {
		if i, ok := o.index[addr]; ok && o.Accounts[i].Address == addr {
			return &o.Accounts[i]
		} else if !ok {
			return nil
		}
	}
	for i := range o.Accounts { // an Observation made otherwise, or changed since
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
// The reads go out in few round trips, whatever the number of addresses
// (up to the endpoints' batch size): one batch per endpoint for the
// health checks, one for every read that needs only the head, with the
// contract reads folded into Multicall3 aggregate3 calls where the chain
// has it, and, only when a guess from the last cycle was wrong (a reward
// caller changed, a 2018 transcoder, a new round on the 2018 contracts),
// one more for the reads that depend on those answers.
//
// It always returns an Observation. The error is non-nil only when no
// endpoint could be used (it wraps ErrNoEndpoint); single failed reads are
// in Observation.Errors.
func (p *Prober) Observe(ctx context.Context, addrs []common.Address, watch ...common.Address) (*Observation, error) {
	var n cycleCounter
	ctx = withCounter(ctx, &n)
	o := &Observation{Started: p.cfg.Clock.Now()}
	defer func() {
		o.Finished = p.cfg.Clock.Now()
		o.Calls, o.RoundTrips, o.Bytes = int(n.calls.Load()), int(n.trips.Load()), int(n.bytes.Load())
	}()

	e, err := p.health(ctx, o)
	if err != nil {
		return o, err
	}
	block := o.Block.number()
	o.Multicall = p.useMulticall(e)
	contracts, err := p.contractsAt(ctx, e, o.Block.Number)
	if err != nil {
		o.Errors = append(o.Errors, readError(e.Name(), "contracts", err))
	}
	accounts := accountsOf(addrs, watch)
	guesses := p.guessesOf(accounts)
	for attempt := 0; ; attempt++ {
		o.Accounts = append([]AccountInfo(nil), accounts...)
		o.Round, o.GasPrice, o.Contracts = RoundInfo{}, nil, nil
		errs, changed := p.readAtHead(ctx, e, block, o, contracts, len(addrs), guesses)
		if !changed || attempt > 0 {
			o.Errors = append(o.Errors, errs...)
			break
		}
		// The Controller registered a new RoundsManager or BondingManager
		// since the addresses were read: read them again, and the cycle.
		p.forgetContracts()
		if contracts, err = p.contractsAt(ctx, e, o.Block.Number); err != nil {
			o.Errors = append(o.Errors, readError(e.Name(), "contracts", err))
		}
	}
	p.remember(o, len(addrs))
	o.index = make(map[common.Address]int, len(o.Accounts))
	for i, a := range o.Accounts {
		o.index[a.Address] = i
	}
	return o, nil
}

// readAtHead makes the reads of a cycle that need the head only, then
// those that depend on their answers (see Observe), into o. changed
// reports that the Controller's SetContractInfo logs since the addresses
// were resolved name a contract lpwatch reads.
func (p *Prober) readAtHead(ctx context.Context, e *Endpoint, block *big.Int, o *Observation, contracts *Contracts, monitored int, guesses []guess) (errs []ReadError, changed bool) {
	ph := newPhase(e, o.Multicall)
	ph.add(common.Address{}, "gas_price", gasPriceRequest(&o.GasPrice))
	for i := range monitored {
		readAccountState(ph, 0, block, &o.Accounts[i])
	}
	if contracts == nil {
		return ph.send(ctx), false
	}
	o.Contracts = contracts
	w := p.watchContracts(ph, o.Block.Number)
	p.bd.readRound(ph, contracts.RoundsManager, block, &o.Round)
	// Reads made on a guess go in group i+1 of account i (see readMeta.tag).
	guessed := make([]*RewardCaller, monitored)
	for i := range o.Accounts {
		a, g := &o.Accounts[i], guesses[i]
		p.bd.readAccount(ph, contracts.BondingManager, block, a)
		p.bd.readActive(ph, contracts.BondingManager, block, a, g.layout, g.round)
		if i >= monitored { // the watched accounts' reward callers are not followed
			continue
		}
		if g.layout != LayoutLegacy {
			p.bd.readRewardCaller(ph, contracts.BondingManager, block, a)
		}
		if g.caller != nil && g.caller.Set() {
			guessed[i] = &RewardCaller{Address: g.caller.Address}
			p.readCallerState(ph, i+1, block, guessed[i])
		}
	}
	errs = settleRewardCallers(o.Accounts, ph.send(ctx))
	if changed, err := p.contractsChanged(w, ph); err != nil {
		errs = append(errs, readError(e.Name(), fieldContractChanges, err))
	} else if changed {
		return errs, true
	}

	// What depends on the answers: isActiveTranscoder in the form of the
	// layout (and, for 2018 contracts, the round) read, and the state of
	// a reward caller that is not the one guessed.
	fix := newPhase(e, o.Multicall)
	for i := range o.Accounts {
		a, g := &o.Accounts[i], guesses[i]
		if layout, round := activeForm(a, o.Round); a.Transcoder != nil && (layout != g.layout || (layout == LayoutLegacy && !sameU64(round, g.round))) {
			a.Active = nil
			errs = dropErrors(errs, func(re ReadError) bool { return re.Field == fieldActive && re.Address == a.Address })
			p.bd.readActive(fix, contracts.BondingManager, block, a, layout, round)
		}
		if i >= monitored || a.RewardCaller == nil {
			continue
		}
		if gc := guessed[i]; gc != nil && gc.Address == a.RewardCaller.Address {
			a.RewardCaller.Contract, a.RewardCaller.Account = gc.Contract, gc.Account
			errs = append(errs, ph.errsOf(i+1)...)
			continue
		}
		p.readCallerState(fix, 0, block, a.RewardCaller)
	}
	errs = append(errs, fix.send(ctx)...)
	dropContractState(o.Accounts)
	return errs, false
}

// activeForm returns the isActiveTranscoder form a's transcoder record
// calls for: its layout and, for the 2018 layout, the round.
func activeForm(a *AccountInfo, r RoundInfo) (Layout, *uint64) {
	if a.Transcoder == nil || a.Transcoder.Layout != LayoutLegacy {
		return LayoutCurrent, nil
	}
	return LayoutLegacy, r.CurrentRound
}

func sameU64(a, b *uint64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// useMulticall reports whether the cycle's contract reads on e go in
// Multicall3 aggregate3 calls.
func (p *Prober) useMulticall(e *Endpoint) bool {
	if p.cfg.NoMulticall {
		return false
	}
	present, _ := e.Multicall()
	return present
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

// health reads every endpoint and reference, updates the pool and picks the
// endpoint to read from. Each endpoint's reads go out in one batch, the
// endpoints' batches at once.
func (p *Prober) health(ctx context.Context, o *Observation) (*Endpoint, error) {
	eps := p.pool.eps
	o.Endpoints = make([]EndpointHealth, len(eps))
	o.References = make([]EndpointHealth, len(p.cfg.References))
	now := p.cfg.Clock.Now()
	phases := make([]*phase, 0, len(eps)+len(p.cfg.References))
	for i, e := range eps {
		ph := newPhase(e, false)
		_, fresh := e.multicallFresh(now, p.cfg.ResolveEvery)
		readHealth(ph, healthReads{sync: true, peers: p.cfg.Peers, multicall: !p.cfg.NoMulticall && !fresh, now: now}, &o.Endpoints[i])
		phases = append(phases, ph)
	}
	for i, r := range p.cfg.References {
		ph := newPhase(r, false)
		readHealth(ph, healthReads{}, &o.References[i])
		phases = append(phases, ph)
	}
	perPhase := make([][]ReadError, len(phases))
	var wg sync.WaitGroup
	for i, ph := range phases {
		wg.Go(func() { perPhase[i] = ph.send(ctx) })
	}
	wg.Wait()
	var errs []ReadError
	for _, pe := range perPhase {
		// A failed Multicall3 probe only leaves it unused until read again.
		errs = append(errs, dropErrors(pe, func(re ReadError) bool { return re.Field == fieldMulticall })...)
	}
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

func readError(endpoint, field string, err error) ReadError {
	return ReadError{Endpoint: endpoint, Field: field, Reason: Reason(err), Err: err}
}
