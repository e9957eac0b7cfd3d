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
	DefaultParallelism  = 8
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
	// ResolveEvery is how long resolved addresses are trusted (default DefaultResolveEvery).
	ResolveEvery time.Duration
	// MaxLogRange is the most blocks one eth_getLogs call spans (default DefaultMaxLogRange).
	MaxLogRange uint64
	// Parallelism bounds concurrent calls within a cycle (default DefaultParallelism).
	Parallelism int
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

	mu         sync.Mutex
	resolved   *Contracts
	resolvedAt time.Time
	lastUsed   string
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
	switch {
	case cfg.ResolveEvery < 0:
		return nil, fmt.Errorf("resolve interval %s is negative", cfg.ResolveEvery)
	case cfg.Parallelism < 0:
		return nil, fmt.Errorf("parallelism %d is negative", cfg.Parallelism)
	}
	if cfg.ResolveEvery == 0 {
		cfg.ResolveEvery = DefaultResolveEvery
	}
	if cfg.MaxLogRange == 0 {
		cfg.MaxLogRange = DefaultMaxLogRange
	}
	if cfg.Parallelism == 0 {
		cfg.Parallelism = DefaultParallelism
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
// Controller (on the pool's first usable endpoint) when the cache is older
// than ResolveEvery.
func (p *Prober) Contracts(ctx context.Context) (Contracts, error) {
	if c, ok := p.cached(false); ok {
		return c, nil
	}
	var c Contracts
	err := p.pool.Do(ctx, func(ctx context.Context, e *Endpoint) (err error) {
		c, err = p.resolve(ctx, e, nil)
		return err
	})
	return c, err
}

// cached returns the cached addresses; stale ones only when allowStale.
func (p *Prober) cached(allowStale bool) (Contracts, bool) {
	var zero common.Address
	if p.cfg.RoundsManager != zero && p.cfg.BondingManager != zero {
		return Contracts{Controller: p.cfg.Controller, RoundsManager: p.cfg.RoundsManager, BondingManager: p.cfg.BondingManager}, true
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.resolved == nil {
		return Contracts{}, false
	}
	fresh := p.cfg.Clock.Now().Sub(p.resolvedAt) < p.cfg.ResolveEvery
	return *p.resolved, fresh || allowStale
}

// resolve asks the Controller for the addresses that have no override.
func (p *Prober) resolve(ctx context.Context, e *Endpoint, block *big.Int) (Contracts, error) {
	c := Contracts{Controller: p.cfg.Controller, RoundsManager: p.cfg.RoundsManager, BondingManager: p.cfg.BondingManager}
	var zero common.Address
	var errs []error
	for _, t := range []struct {
		name string
		dst  *common.Address
	}{{RoundsManagerName, &c.RoundsManager}, {BondingManagerName, &c.BondingManager}} {
		if *t.dst != zero {
			continue
		}
		addr, err := p.bd.resolve(ctx, e, p.cfg.Controller, t.name, block)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		*t.dst = addr
	}
	if err := errors.Join(errs...); err != nil {
		return Contracts{}, err
	}
	p.mu.Lock()
	p.resolved, p.resolvedAt = &c, p.cfg.Clock.Now()
	p.mu.Unlock()
	return c, nil
}
