package chain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/clock"
)

// Defaults of ProberConfig.
const (
	DefaultResolveEvery = time.Hour
	DefaultMaxLogRange  = 5000
)

// ProberConfig configures a Prober. Zero values take the documented defaults.
type ProberConfig struct {
	// Controller is the Livepeer Controller through which the RoundsManager
	// and BondingManager are resolved. Required unless both overrides are set.
	Controller common.Address
	// RoundsManager and BondingManager, when non-zero, are used as given
	// instead of being resolved through the Controller.
	RoundsManager  common.Address
	BondingManager common.Address
	// References are independent endpoints whose heads are read for comparison.
	References []*Endpoint
	// Peers enables net_peerCount reads (meaningless on Arbitrum).
	Peers bool
	// ResolveEvery is how long a reward caller's code (contract or
	// account) and an endpoint's Multicall3 are trusted before they are
	// read again (default DefaultResolveEvery). Contract addresses are
	// trusted until the Controller's SetContractInfo logs change them.
	ResolveEvery time.Duration
	// NoMulticall keeps the contract reads out of Multicall3 aggregate3
	// calls even where the chain has Multicall3: they go as single
	// eth_calls in the cycle's batches.
	NoMulticall bool
	// MaxLogRange is the most blocks one eth_getLogs call spans (default DefaultMaxLogRange).
	MaxLogRange uint64
	// Clock times cycles and address resolution (default the wall clock).
	Clock clock.Clock
	// Logger receives endpoint switches (default: discarded).
	Logger logrus.FieldLogger
}

// Prober makes one full chain observation per probe cycle. It is safe for
// concurrent use.
type Prober struct {
	pool *Pool
	cfg  ProberConfig
	bd   bindings
	log  logrus.FieldLogger

	mu       sync.Mutex
	resolved *Contracts
	// resolvedAt is the block the addresses were read at, and up to
	// which the Controller's logs show no change (0: not known).
	resolvedAt uint64
	lastUsed   string
	// guesses are what the last cycle learned of each account, which
	// this cycle's reads assume (see guess).
	guesses map[common.Address]guess
	round   *uint64
	// codes caches which reward callers are contracts.
	codes codeCache
}

// NewProber returns a Prober reading through pool.
func NewProber(pool *Pool, cfg ProberConfig) (*Prober, error) {
	if pool == nil {
		return nil, errors.New("prober needs a pool")
	}
	var zero common.Address
	if cfg.Controller == zero && (cfg.RoundsManager == zero || cfg.BondingManager == zero) {
		return nil, errors.New("prober needs a controller address unless both RoundsManager and BondingManager are given")
	}
	for i, r := range cfg.References {
		if r == nil {
			return nil, fmt.Errorf("reference endpoint %d is nil", i)
		}
	}
	if cfg.ResolveEvery < 0 {
		return nil, fmt.Errorf("resolve interval %s is negative", cfg.ResolveEvery)
	}
	if cfg.ResolveEvery == 0 {
		cfg.ResolveEvery = DefaultResolveEvery
	}
	if cfg.MaxLogRange == 0 {
		cfg.MaxLogRange = DefaultMaxLogRange
	}
	if cfg.Clock == nil {
		cfg.Clock = clock.Real{}
	}
	log := cfg.Logger
	if log == nil {
		l := logrus.New()
		l.SetOutput(io.Discard)
		log = l
	}
	return &Prober{pool: pool, cfg: cfg, bd: newBindings(), log: log}, nil
}

// Pool returns the prober's endpoint pool.
func (p *Prober) Pool() *Pool { return p.pool }

// Contracts returns the contract addresses, resolving them through the
// Controller (on the pool's first usable endpoint, at its head) when none
// are known yet.
func (p *Prober) Contracts(ctx context.Context) (Contracts, error) {
	if c, ok := p.cached(); ok {
		return c, nil
	}
	var c Contracts
	err := p.pool.Do(ctx, func(ctx context.Context, e *Endpoint) (err error) {
		c, err = p.resolve(ctx, e, 0)
		return err
	})
	return c, err
}

// overridden reports whether both addresses are configured, not resolved.
func (p *Prober) overridden() bool {
	var zero common.Address
	return p.cfg.RoundsManager != zero && p.cfg.BondingManager != zero
}

// cached returns the configured or the last resolved addresses.
func (p *Prober) cached() (Contracts, bool) {
	if p.overridden() {
		return Contracts{Controller: p.cfg.Controller, RoundsManager: p.cfg.RoundsManager, BondingManager: p.cfg.BondingManager}, true
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.resolved == nil {
		return Contracts{}, false
	}
	return *p.resolved, true
}

// contractsAt returns the addresses for a cycle at block head: the cached
// ones while the Controller's logs since they were read can be checked in
// the cycle (see watchContracts), else those read again at head; when
// that fails, the cached ones with the error.
func (p *Prober) contractsAt(ctx context.Context, e *Endpoint, head uint64) (*Contracts, error) {
	c, ok := p.cached()
	if ok && p.overridden() {
		return &c, nil
	}
	p.mu.Lock()
	at := p.resolvedAt
	p.mu.Unlock()
	if ok && at != 0 && (head <= at || head-at <= p.cfg.MaxLogRange) {
		return &c, nil
	}
	fresh, err := p.resolve(ctx, e, head)
	if err == nil {
		return &fresh, nil
	}
	if ok {
		return &c, err
	}
	return nil, err
}

// forgetContracts drops the resolved addresses: the next cycle reads them again.
func (p *Prober) forgetContracts() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.resolvedAt = 0
}

// resolve asks the Controller, at block (0 means latest), for the
// addresses that have no override.
func (p *Prober) resolve(ctx context.Context, e *Endpoint, block uint64) (Contracts, error) {
	c := Contracts{Controller: p.cfg.Controller, RoundsManager: p.cfg.RoundsManager, BondingManager: p.cfg.BondingManager}
	var at *big.Int
	if block != 0 {
		at = new(big.Int).SetUint64(block)
	}
	ph := newPhase(e, false)
	for _, t := range []struct {
		name string
		dst  *common.Address
	}{{RoundsManagerName, &c.RoundsManager}, {BondingManagerName, &c.BondingManager}} {
		if *t.dst == (common.Address{}) {
			ph.add(common.Address{}, t.name, p.bd.resolveRequest(p.cfg.Controller, t.name, at, t.dst))
		}
	}
	var errs []error
	for _, re := range ph.send(ctx) {
		errs = append(errs, re.Err)
	}
	if err := errors.Join(errs...); err != nil {
		return Contracts{}, err
	}
	p.mu.Lock()
	p.resolved, p.resolvedAt = &c, block
	p.mu.Unlock()
	return c, nil
}
