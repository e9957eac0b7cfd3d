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
func (e *Endpoint) Code(ctx context.Context, addr common.Address, block *big.Int) ([]byte, error) {
	var code []byte
	err := e.do(ctx, "eth_getCode", func(ctx context.Context, c *conn) (err error) {
		cr, ok := c.b.(CodeReader)
		if !ok {
			return ErrUnsupported
		}
		code, err = cr.CodeAt(ctx, addr, block)
		return err
	})
	return code, err
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
// batch of the other per-account reads.
func (bd bindings) readRewardCaller(b *batch, e *Endpoint, bm common.Address, block *big.Int, a *AccountInfo) {
	addr, c := a.Address, bd.bonding
	spawn(b, e.Name(), addr, FieldRewardCaller, &a.RewardCaller, func(ctx context.Context) (*RewardCaller, error) {
		caller, err := call(ctx, e, bm, block, rewardCallerFn, c.PackTranscoderToRewardCaller(addr), c.UnpackTranscoderToRewardCaller)
		if err != nil {
			return nil, err
		}
		return &RewardCaller{Address: caller}, nil
	})
}

// settleRewardCallers takes the errors of the batch that read the
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
	out := errs[:0]
	for _, e := range errs {
		if e.Field == FieldRewardCaller && legacy[e.Address] {
			continue
		}
		out = append(out, e)
	}
	return out
}

// readCallerState queues, for an account's reward caller, eth_getCode
// (unless cached) and, unless it is known to be a contract, its balance
// and nonces: the account that sends the reward transaction.
func (p *Prober) readCallerState(b *batch, e *Endpoint, block *big.Int, a *AccountInfo) {
	rc := a.RewardCaller
	if rc == nil || !rc.Set() {
		return
	}
	now := p.cfg.Clock.Now()
	contract, known := p.codes.get(rc.Address, now, p.cfg.ResolveEvery)
	if known {
		rc.Contract = ptr(contract)
	} else {
		caller := rc.Address
		spawn(b, e.Name(), caller, FieldRewardCallerCode, &rc.Contract, func(ctx context.Context) (*bool, error) {
			code, err := e.Code(ctx, caller, block)
			if err != nil {
				return nil, err
			}
			p.codes.put(caller, len(code) > 0, now)
			return ptr(len(code) > 0), nil
		})
	}
	if known && contract {
		return
	}
	rc.Account = &AccountInfo{Address: rc.Address}
	p.readAccountState(b, e, block, rc.Account)
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
	c := p.bd.bonding
	return events(ctx, p, from, to, bondingManager, []common.Hash{c.GetABI().Events["RewardCallerSet"].ID}, addressTopics(transcoders),
		func(l *types.Log) (RewardCallerSetEvent, error) {
			ev, err := c.UnpackRewardCallerSetEvent(l)
			if err != nil {
				return RewardCallerSetEvent{}, err
			}
			return RewardCallerSetEvent{EventMeta: meta(l), Transcoder: ev.Transcoder, RewardCaller: ev.RewardCaller}, nil
		})
}
