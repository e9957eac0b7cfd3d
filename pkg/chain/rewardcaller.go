package chain

import (
	"context"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Fields of the reward caller reads, as ReadError.Field names them.
const (
	// FieldRewardCaller is transcoderToRewardCaller(orchestrator); its
	// ReadError carries the orchestrator's address.
	FieldRewardCaller = "account.transcoderToRewardCaller"
	// FieldRewardCallerCode is eth_getCode of the caller; its ReadError
	// carries the caller's address.
	FieldRewardCallerCode = "rewardCaller.code"
)

const rewardCallerFn = "transcoderToRewardCaller(address)"

// RewardCaller is an orchestrator's LIP-118 reward caller as one
// observation read it: the one address the orchestrator lets call reward
// for it (rewardForTranscoder[WithHint]). The reward itself is always the
// orchestrator's (lastRewardRound, the Reward event); the transaction, its
// nonce, gas and ETH, belong to the caller.
type RewardCaller struct {
	// Address is transcoderToRewardCaller(orchestrator); zero when none is set.
	Address common.Address
	// Contract reports whether code is deployed at Address (a keeper
	// contract): nil when Address is zero or eth_getCode failed.
	Contract *bool
	// Account holds the caller account's balance and nonces (only those
	// fields), read when the caller is not known to be a contract; nil
	// otherwise. A nil field of it could not be read.
	Account *AccountInfo
}

// Set reports whether the orchestrator has a reward caller.
func (c RewardCaller) Set() bool { return c.Address != common.Address{} }

// IsContract reports whether the caller is known to be a contract.
func (c RewardCaller) IsContract() bool { return c.Contract != nil && *c.Contract }

// IsAccount reports whether the caller is known to be an account (no code).
func (c RewardCaller) IsAccount() bool { return c.Contract != nil && !*c.Contract }

// RewardCallerSetEvent is BondingManager.RewardCallerSet(address indexed
// transcoder, address indexed rewardCaller): the orchestrator's key set
// (or, with the zero address, unset) its reward caller.
type RewardCallerSetEvent struct {
	EventMeta
	Transcoder   common.Address
	RewardCaller common.Address
}

// CodeReader reads the code deployed at an address (eth_getCode). Both
// *ethclient.Client and the simulated backend's client provide it.
type CodeReader interface {
	CodeAt(ctx context.Context, account common.Address, blockNumber *big.Int) ([]byte, error)
}

// Code reads eth_getCode of addr at block (nil means latest). It fails
// with ErrUnsupported when the endpoint's backend cannot read code.
func (e *Endpoint) Code(ctx context.Context, addr common.Address, block *big.Int) (code []byte, err error) {
	return code, e.one(ctx, codeRequest(addr, block, store(&code)))
}

// codeCache remembers which addresses hold code, for refresh long: a
// reward caller rarely changes from account to contract, and reading its
// code every cycle would cost a call per orchestrator. The zero value is
// empty and ready.
type codeCache struct {
	mu sync.Mutex
	m  map[common.Address]codeEntry
}

type codeEntry struct {
	contract bool
	at       time.Time
}

// get returns the cached code-ness of addr, if read within refresh of now.
func (c *codeCache) get(addr common.Address, now time.Time, refresh time.Duration) (contract, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, found := c.m[addr]
	if !found || now.Sub(e.at) >= refresh || now.Before(e.at) {
		return false, false
	}
	return e.contract, true
}

func (c *codeCache) put(addr common.Address, contract bool, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[common.Address]codeEntry)
	}
	c.m[addr] = codeEntry{contract: contract, at: now}
}

// readRewardCaller queues transcoderToRewardCaller(orchestrator) into the
// phase of the other per-account reads.
func (bd bindings) readRewardCaller(ph *phase, bm common.Address, block *big.Int, a *AccountInfo) {
	addr, c := a.Address, bd.bonding
	ph.add(addr, FieldRewardCaller, contractCall(bm, block, rewardCallerFn, c.PackTranscoderToRewardCaller(addr), c.UnpackTranscoderToRewardCaller,
		func(caller common.Address) error {
			a.RewardCaller = &RewardCaller{Address: caller}
			return nil
		}))
}

// settleRewardCallers takes the errors of the phase that read the
// transcoder records and the reward callers, and returns them without the
// reward caller reads of transcoders in the 2018 layout: that contract has
// no reward callers, so they have none.
func settleRewardCallers(accounts []AccountInfo, errs []ReadError) []ReadError {
	legacy := make(map[common.Address]bool)
	for i := range accounts {
		a := &accounts[i]
		if a.Transcoder != nil && a.Transcoder.Layout == LayoutLegacy {
			legacy[a.Address] = true
			a.RewardCaller = &RewardCaller{}
		}
	}
	return dropErrors(errs, func(e ReadError) bool { return e.Field == FieldRewardCaller && legacy[e.Address] })
}

// dropErrors returns errs without those drop matches.
func dropErrors(errs []ReadError, drop func(ReadError) bool) []ReadError {
	out := errs[:0]
	for _, e := range errs {
		if !drop(e) {
			out = append(out, e)
		}
	}
	return out
}

// readCallerState queues into ph, in group tag, for the reward caller rc:
// eth_getCode (unless cached) and, unless it is known to be a contract,
// its balance and nonces: the account that sends the reward transaction.
func (p *Prober) readCallerState(ph *phase, tag int, block *big.Int, rc *RewardCaller) {
	if rc == nil || !rc.Set() {
		return
	}
	now := p.cfg.Clock.Now()
	contract, known := p.codes.get(rc.Address, now, p.cfg.ResolveEvery)
	if known {
		rc.Contract = ptr(contract)
	} else {
		caller := rc.Address
		q := codeRequest(caller, block, func(code []byte) error {
			p.codes.put(caller, len(code) > 0, now)
			rc.Contract = ptr(len(code) > 0)
			return nil
		})
		ph.addTagged(tag, caller, FieldRewardCallerCode, q)
	}
	if known && contract {
		return
	}
	rc.Account = &AccountInfo{Address: rc.Address}
	readAccountState(ph, tag, block, rc.Account)
}

// readAccountState queues the reads of an address that need no contract:
// balance and nonces.
func readAccountState(ph *phase, tag int, block *big.Int, a *AccountInfo) {
	addr := a.Address
	ph.addTagged(tag, addr, "account.balance", balanceRequest(addr, block, &a.Balance))
	ph.addTagged(tag, addr, "account.minedNonce", nonceRequest(addr, block, &a.MinedNonce))
	ph.addTagged(tag, addr, "account.pendingNonce", pendingNonceRequest(addr, &a.PendingNonce))
}

// dropContractState forgets the account state read for callers that
// turned out to be contracts in the same cycle.
func dropContractState(accounts []AccountInfo) {
	for i := range accounts {
		if rc := accounts[i].RewardCaller; rc != nil && rc.IsContract() {
			rc.Account = nil
		}
	}
}

// RewardCallerEvents returns the RewardCallerSet logs in blocks [from,
// to] of the given transcoders (all when none are given).
func (p *Prober) RewardCallerEvents(ctx context.Context, from, to uint64, transcoders ...common.Address) ([]RewardCallerSetEvent, error) {
	return scanOne(ctx, p, from, to, func(s *logScan, cs Contracts, dst *[]RewardCallerSetEvent) {
		p.queueRewardCallers(s, cs, transcoders, dst)
	})
}

// queueRewardCallers queues into s the RewardCallerSet logs of
// transcoders (all when none are given), decoded into *dst.
func (p *Prober) queueRewardCallers(s *logScan, cs Contracts, transcoders []common.Address, dst *[]RewardCallerSetEvent) {
	c := p.bd.bonding
	s.on(cs.BondingManager, c.GetABI().Events["RewardCallerSet"].ID, transcoders, appendTo(dst, func(l *types.Log) (RewardCallerSetEvent, error) {
		ev, err := c.UnpackRewardCallerSetEvent(l)
		if err != nil {
			return RewardCallerSetEvent{}, err
		}
		return RewardCallerSetEvent{EventMeta: meta(l), Transcoder: ev.Transcoder, RewardCaller: ev.RewardCaller}, nil
	}))
}
