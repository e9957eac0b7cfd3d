package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/lpwatch/lpwatch/pkg/clock"
)

// DefaultRetryPreferred is how long a failed endpoint is passed over before
// it is tried again ahead of the ones after it.
const DefaultRetryPreferred = 30 * time.Second

// Pool is an ordered list of endpoints with failover: calls go to the first
// endpoint that is not marked down; an endpoint that fails to answer is
// marked down for the retry interval, after which it is preferred again.
// With an expected chain ID, an endpoint is used only after its chain ID
// matched. It is safe for concurrent use.
type Pool struct {
	eps     []*Endpoint
	clk     clock.Clock
	retry   time.Duration
	chainID *big.Int

	mu    sync.Mutex
	state []endpointState
}

type endpointState struct {
	downUntil time.Time
	verified  bool
}

// PoolOption configures a Pool.
type PoolOption func(*Pool) error

// WithExpectedChainID makes the pool refuse endpoints serving another chain.
func WithExpectedChainID(id *big.Int) PoolOption {
	return func(p *Pool) error {
		if id == nil || id.Sign() <= 0 {
			return fmt.Errorf("expected chain id %v must be positive", id)
		}
		p.chainID = new(big.Int).Set(id)
		return nil
	}
}

// WithRetryPreferred sets how long a failed endpoint is passed over.
func WithRetryPreferred(d time.Duration) PoolOption {
	return func(p *Pool) error {
		if d <= 0 {
			return fmt.Errorf("retry interval %s must be positive", d)
		}
		p.retry = d
		return nil
	}
}

// WithClock sets the clock used for the retry interval.
func WithClock(c clock.Clock) PoolOption {
	return func(p *Pool) error {
		if c == nil {
			return errors.New("clock is nil")
		}
		p.clk = c
		return nil
	}
}

// NewPool returns a pool over endpoints, in order of preference.
func NewPool(endpoints []*Endpoint, opts ...PoolOption) (*Pool, error) {
	if len(endpoints) == 0 {
		return nil, errors.New("chain pool needs at least one endpoint")
	}
	seen := make(map[string]int, len(endpoints))
	for i, e := range endpoints {
		if e == nil {
			return nil, fmt.Errorf("chain endpoint %d is nil", i)
		}
		if j, dup := seen[e.Name()]; dup {
			return nil, fmt.Errorf("chain endpoints %d and %d are both named %q: give them distinct names", j, i, e.Name())
		}
		seen[e.Name()] = i
	}
	p := &Pool{
		eps:   append([]*Endpoint(nil), endpoints...),
		clk:   clock.Real{},
		retry: DefaultRetryPreferred,
		state: make([]endpointState, len(endpoints)),
	}
	for _, o := range opts {
		if err := o(p); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// Endpoints returns the endpoints in order of preference.
func (p *Pool) Endpoints() []*Endpoint { return append([]*Endpoint(nil), p.eps...) }

// ExpectedChainID returns the expected chain ID, or nil when none is set.
func (p *Pool) ExpectedChainID() *big.Int {
	if p.chainID == nil {
		return nil
	}
	return new(big.Int).Set(p.chainID)
}

// Close closes every endpoint.
func (p *Pool) Close() {
	for _, e := range p.eps {
		e.Close()
	}
}

// order returns endpoint indexes: those not marked down in preference
// order, then the ones marked down (a last resort rather than no answer).
func (p *Pool) order() []int {
	now := p.clk.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	up := make([]int, 0, len(p.eps))
	var down []int
	for i, s := range p.state {
		if now.Before(s.downUntil) {
			down = append(down, i)
		} else {
			up = append(up, i)
		}
	}
	return append(up, down...)
}

// report records the outcome of using endpoint i.
func (p *Pool) report(i int, err error, verified bool) {
	now := p.clk.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case err == nil:
		p.state[i].downUntil = time.Time{}
		p.state[i].verified = p.state[i].verified || verified
	case failover(err):
		p.state[i].downUntil = now.Add(p.retry)
		p.state[i].verified = false
	}
}

func (p *Pool) verified(i int) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.chainID == nil || p.state[i].verified
}

// checkChainID compares an endpoint's chain ID with the expected one.
func (p *Pool) checkChainID(e *Endpoint, got *big.Int) error {
	if p.chainID == nil || got == nil || got.Cmp(p.chainID) == 0 {
		return nil
	}
	return &ChainIDMismatchError{Endpoint: e.Name(), Got: got, Want: p.chainID}
}

// Do runs f on the first usable endpoint, failing over to the next one when
// the endpoint does not answer (see Reason: transport, timeout, http_*) or
// serves another chain. An answer that is an error (a revert, a JSON-RPC
// error, not found) is returned as is. When every endpoint fails, the error
// joins ErrNoEndpoint with each endpoint's error.
func (p *Pool) Do(ctx context.Context, f func(ctx context.Context, e *Endpoint) error) error {
	var errs []error
	for _, i := range p.order() {
		e := p.eps[i]
		err := p.verify(ctx, i)
		if err == nil {
			err = f(ctx, e)
		}
		p.report(i, err, false)
		if err == nil || !failover(err) {
			return err
		}
		if ctx.Err() != nil {
			return err
		}
		errs = append(errs, err)
	}
	return fmt.Errorf("%w: %w", ErrNoEndpoint, errors.Join(errs...))
}

// verify checks endpoint i's chain ID once, when an expected ID is set.
func (p *Pool) verify(ctx context.Context, i int) error {
	if p.verified(i) {
		return nil
	}
	e := p.eps[i]
	id, err := e.ChainID(ctx)
	if err == nil {
		err = p.checkChainID(e, id)
	}
	p.report(i, err, err == nil)
	return err
}
