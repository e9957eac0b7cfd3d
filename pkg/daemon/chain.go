package daemon

import (
	"context"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/probes"
)

// chainRuntime is what chain monitoring keeps for the daemon's life: the
// connections built for each configuration (one pool per configuration,
// closed once the next one's probe runs, on a reload that drops the chain,
// and at shutdown), the chain checks' latest facts, and the metrics.
type chainRuntime struct {
	metrics *chainMetrics

	mu     sync.Mutex
	open   []*chainConn
	active *chainConn
	facts  map[string]checks.NodeChainFacts
}

func newChainRuntime(reg prometheus.Registerer) *chainRuntime {
	return &chainRuntime{metrics: newChainMetrics(reg)}
}

// chainConn is the pool, prober and reference endpoints of one configuration.
type chainConn struct {
	pool   *chain.Pool
	prober *chain.Prober
	refs   []*chain.Endpoint
}

func (c *chainConn) close() {
	c.pool.Close()
	for _, r := range c.refs {
		r.Close()
	}
}

// chainJobs returns the chain probe's job when chain.urls are configured.
func (d *Daemon) chainJobs(cfg *config.Config) ([]probes.Job, error) {
	if len(cfg.Chain.URLs) == 0 {
		return nil, nil
	}
	conn, err := dialChain(cfg.Chain, d.clock, d.log.WithField("component", "chain"))
	if err != nil {
		return nil, fmt.Errorf("chain: %w", err)
	}
	addrs := make([]common.Address, 0, len(cfg.Nodes))
	for _, n := range cfg.Nodes {
		if n.ExpectedAddress.Valid() {
			addrs = append(addrs, n.ExpectedAddress.Addr())
		}
	}
	p, err := probes.NewChainProbe(conn.prober, d.store, d.clock, probes.ChainProbeConfig{
		Interval: cfg.Chain.Interval, Timeout: cfg.Chain.Timeout, Addresses: addrs,
		MaxLogRange: cfg.Chain.MaxLogRange, Scan: true,
	})
	if err != nil {
		conn.close()
		return nil, fmt.Errorf("chain: %w", err)
	}
	d.chain.add(conn)
	job := p.Job()
	run := job.Run
	job.Run = func(ctx context.Context) error {
		d.chain.activate(conn)
		return run(ctx)
	}
	return []probes.Job{job}, nil
}

// dialChain builds the endpoints, pool and prober of a [chain] section. It
// does not connect: endpoints connect on first use.
func dialChain(c config.Chain, clk clock.Clock, log logrus.FieldLogger) (*chainConn, error) {
	callTimeout := c.Timeout / 2
	eps, err := dialAll(c.URLs, "", callTimeout)
	if err != nil {
		return nil, err
	}
	refs, err := dialAll(c.ReferenceURLs, "reference ", callTimeout)
	if err != nil {
		return nil, err
	}
	opts := []chain.PoolOption{chain.WithClock(clk)}
	if c.ChainID != 0 {
		opts = append(opts, chain.WithExpectedChainID(new(big.Int).SetUint64(c.ChainID)))
	}
	pool, err := chain.NewPool(eps, opts...)
	if err != nil {
		return nil, err
	}
	pc := chain.ProberConfig{
		Controller: common.HexToAddress(c.Controller), References: refs, Peers: c.CheckPeers,
		MaxLogRange: c.MaxLogRange, Clock: clk, Logger: log,
	}
	if c.RoundsManager != "" {
		pc.RoundsManager = common.HexToAddress(c.RoundsManager)
	}
	if c.BondingManager != "" {
		pc.BondingManager = common.HexToAddress(c.BondingManager)
	}
	prober, err := chain.NewProber(pool, pc)
	if err != nil {
		return nil, err
	}
	return &chainConn{pool: pool, prober: prober, refs: refs}, nil
}

// dialAll makes one endpoint per URL; endpoints whose public names (scheme
// and host) collide get a "#n" suffix, so labels stay distinct without
// revealing the URLs' secret parts. go-ethereum's own HTTP transport is
// used: the daemon's shared client keeps one connection per host, which
// would queue the prober's parallel reads.
func dialAll(urls []string, prefix string, timeout time.Duration) ([]*chain.Endpoint, error) {
	var eps []*chain.Endpoint
	seen := map[string]int{}
	for i, u := range urls {
		var opts []chain.EndpointOption
		if timeout > 0 {
			opts = append(opts, chain.WithCallTimeout(timeout))
		}
		e, err := chain.DialEndpoint(u, opts...)
		if err != nil {
			return nil, fmt.Errorf("%surl %d: %w", prefix, i, err)
		}
		seen[e.Name()]++
		if n := seen[e.Name()]; n > 1 {
			if e, err = chain.DialEndpoint(u, append(opts, chain.WithName(fmt.Sprintf("%s#%d", e.Name(), n)))...); err != nil {
				return nil, fmt.Errorf("%surl %d: %w", prefix, i, err)
			}
		}
		eps = append(eps, e)
	}
	return eps, nil
}

// add records a configuration's connections.
func (r *chainRuntime) add(c *chainConn) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.open = append(r.open, c)
}

// activate marks c as the connections in use and closes every other set:
// the probe of c runs only after the previous scheduler stopped, and sets
// built for a refused reload were never used.
func (r *chainRuntime) activate(c *chainConn) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.active == c {
		return
	}
	r.active = c
	for _, o := range r.open {
		if o != c {
			o.close()
		}
	}
	r.open = []*chainConn{c}
}

// closeAll closes every connection (shutdown, or a configuration without chain).
func (r *chainRuntime) closeAll() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, o := range r.open {
		o.close()
	}
	r.open, r.active = nil, nil
}
