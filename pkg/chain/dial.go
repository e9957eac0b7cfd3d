package chain

import (
	"fmt"
	"math/big"
	"slices"
	"time"
)

// DialConfig says which endpoints to reach and how to probe through them.
type DialConfig struct {
	// URLs are the endpoints in preference order; ReferenceURLs are
	// independent endpoints whose heads are read for comparison.
	URLs          []string
	ReferenceURLs []string
	// CallTimeout bounds each RPC call (0: only the caller's context).
	CallTimeout time.Duration
	// ChainID, when not 0, is the chain every endpoint must serve.
	ChainID uint64
	// BatchSize bounds the calls of one JSON-RPC batch (0: DefaultBatchSize).
	BatchSize int
	// Prober configures the prober; Dial sets its References. Its Clock
	// also times the pool's retries.
	Prober ProberConfig
}

// Client is what Dial builds for one configuration: the failover pool, the
// prober reading through it, and the reference endpoints.
type Client struct {
	Pool       *Pool
	Prober     *Prober
	References []*Endpoint
}

// Dial builds the endpoints, pool and prober of a configuration. It does
// no I/O (endpoints connect on first use, so a chain that is down at start
// is retried later), which is why it takes no context.
func Dial(c DialConfig) (*Client, error) {
	var opts []EndpointOption
	if c.CallTimeout > 0 {
		opts = append(opts, WithCallTimeout(c.CallTimeout))
	}
	if c.BatchSize > 0 {
		opts = append(opts, WithBatchSize(c.BatchSize))
	}
	if c.Prober.Logger != nil {
		opts = append(opts, WithLogger(c.Prober.Logger))
	}
	eps, err := dialAll(c.URLs, "", opts)
	if err != nil {
		return nil, err
	}
	refs, err := dialAll(c.ReferenceURLs, "reference ", opts)
	if err != nil {
		return nil, err
	}
	var poolOpts []PoolOption
	if c.Prober.Clock != nil {
		poolOpts = append(poolOpts, WithClock(c.Prober.Clock))
	}
	if c.ChainID != 0 {
		poolOpts = append(poolOpts, WithExpectedChainID(new(big.Int).SetUint64(c.ChainID)))
	}
	pool, err := NewPool(eps, poolOpts...)
	if err != nil {
		return nil, err
	}
	pc := c.Prober
	pc.References = refs
	prober, err := NewProber(pool, pc)
	if err != nil {
		return nil, err
	}
	return &Client{Pool: pool, Prober: prober, References: refs}, nil
}

// Close closes the pool's endpoints and the references.
func (c *Client) Close() {
	c.Pool.Close()
	for _, r := range c.References {
		r.Close()
	}
}

// dialAll makes one endpoint per URL; endpoints whose public names (scheme
// and host) collide get a "#n" suffix, so labels stay distinct without
// revealing the URLs' secret parts. go-ethereum's own HTTP transport is
// used: a shared client keeping one connection per host would queue the
// prober's parallel reads.
func dialAll(urls []string, prefix string, opts []EndpointOption) ([]*Endpoint, error) {
	var eps []*Endpoint
	seen := map[string]int{}
	for i, u := range urls {
		e, err := DialEndpoint(u, opts...)
		if err != nil {
			return nil, fmt.Errorf("%surl %d: %w", prefix, i, err)
		}
		seen[e.Name()]++
		if n := seen[e.Name()]; n > 1 {
			if e, err = DialEndpoint(u, append(slices.Clip(opts), WithName(fmt.Sprintf("%s#%d", e.Name(), n)))...); err != nil {
				return nil, fmt.Errorf("%surl %d: %w", prefix, i, err)
			}
		}
		eps = append(eps, e)
	}
	return eps, nil
}
