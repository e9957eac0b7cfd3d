package daemon

import (
	"context"
	"fmt"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/probes"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// chainRuntime is what chain monitoring keeps for the daemon's life: the
// connections built for each configuration (one pool per configuration,
// closed once the next one's probe runs, on a reload that drops the chain,
// and at shutdown), the chain checks' latest facts, and the metrics.
type chainRuntime struct {
	metrics *chainMetrics

	mu     sync.Mutex
	open   []*chain.Client
	active *chain.Client
	facts  map[string]checks.NodeChainFacts
}

func newChainRuntime(reg prometheus.Registerer) *chainRuntime {
	return &chainRuntime{metrics: newChainMetrics(reg)}
}

// chainJobs returns the chain probe's job when chain.urls are configured.
func (d *Daemon) chainJobs(cfg *config.Config) ([]probes.Job, error) {
	if len(cfg.Chain.URLs) == 0 {
		return nil, nil
	}
	c := cfg.Chain
	conn, err := chain.Dial(chain.DialConfig{
		URLs: c.URLs, ReferenceURLs: c.ReferenceURLs, CallTimeout: c.Timeout / 2, ChainID: c.ChainID,
		Prober: chain.ProberConfig{
			Controller: common.HexToAddress(c.Controller), RoundsManager: common.HexToAddress(c.RoundsManager),
			BondingManager: common.HexToAddress(c.BondingManager), Peers: c.CheckPeers, MaxLogRange: c.MaxLogRange,
			Clock: d.clock, Logger: d.log.WithField("component", "chain"),
		},
	})
	if err != nil {
		return nil, fmt.Errorf("chain: %w", err)
	}
	addrs := make([]common.Address, 0, len(cfg.Nodes))
	for _, n := range cfg.Nodes {
		if n.ExpectedAddress.Valid() {
			addrs = append(addrs, n.ExpectedAddress.Addr())
		}
	}
	p, err := probes.NewChainProbe(conn.Prober, d.store, d.clock, probes.ChainProbeConfig{
		Interval: cfg.Chain.Interval, Timeout: cfg.Chain.Timeout, Addresses: addrs,
		MaxLogRange: cfg.Chain.MaxLogRange, Scan: true,
	})
	if err != nil {
		conn.Close()
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

// add records a configuration's connections.
func (r *chainRuntime) add(c *chain.Client) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.open = append(r.open, c)
}

// activate marks c as the connections in use and closes every other set:
// the probe of c runs only after the previous scheduler stopped, and sets
// built for a refused reload were never used.
func (r *chainRuntime) activate(c *chain.Client) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.active == c {
		return
	}
	r.active = c
	for _, o := range r.open {
		if o != c {
			o.Close()
		}
	}
	r.open = []*chain.Client{c}
}

// closeAll closes every connection (shutdown, or a configuration without chain).
func (r *chainRuntime) closeAll() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, o := range r.open {
		o.Close()
	}
	r.open, r.active = nil, nil
}

// statusFacts returns what /status shows of the chain checks' facts.
func (r *chainRuntime) statusFacts() status.ChainFacts {
	r.mu.Lock()
	defer r.mu.Unlock()
	return status.ChainFacts{Nodes: r.facts}
}
