package probes

import (
	"context"
	"fmt"
	"sync"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// NodeProbe reads one livepeer node's CLI API into the store.
type NodeProbe struct {
	cfg    config.Node
	client *nodeapi.Client
	store  *observe.Store
	clock  clock.Clock

	mu  sync.Mutex
	gen nodeapi.Generation // detected generation when cfg.API is auto
}

// NewNodeProbe builds the probe of one configured node.
func NewNodeProbe(cfg config.Node, client *nodeapi.Client, store *observe.Store, c clock.Clock) (*NodeProbe, error) {
	gen, err := nodeapi.ParseGeneration(cfg.API)
	if err != nil {
		return nil, fmt.Errorf("node %s: %w", cfg.Name, err)
	}
	return &NodeProbe{cfg: cfg, client: client, store: store, clock: c, gen: gen}, nil
}

// Job returns the scheduler job of this probe.
func (p *NodeProbe) Job() Job {
	return Job{Probe: "node", Target: p.cfg.Name, Interval: p.cfg.Interval, Timeout: p.cfg.Timeout, Run: p.Run}
}

// Generation returns the API generation in use (auto until detected).
func (p *NodeProbe) Generation() nodeapi.Generation {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.gen
}

// Run probes the node once and records what it saw.
func (p *NodeProbe) Run(ctx context.Context) error {
	o := observe.Node{Name: p.cfg.Name, At: p.clock.Now()}
	snap, err := p.snapshot(ctx)
	if err != nil {
		o.Err, o.Reason = err, nodeapi.ReasonOf(err)
		p.store.PutNode(o)
		return err
	}
	o.Snapshot = snap
	if p.cfg.Metrics != "off" {
		m, exposed, merr := p.client.Metrics(ctx)
		o.Metrics, o.MetricsExposed, o.MetricsErr = m, exposed, merr
		if p.cfg.Metrics == "on" && merr == nil && !exposed {
			o.MetricsErr = fmt.Errorf("the node does not serve /metrics: start it with -monitor")
		}
	}
	p.store.PutNode(o)
	return nil
}

func (p *NodeProbe) snapshot(ctx context.Context) (*nodeapi.Snapshot, error) {
	gen := p.Generation()
	auto := p.cfg.API == string(nodeapi.Auto)
	if gen == nodeapi.Auto {
		g, err := p.client.Detect(ctx)
		if err != nil {
			return nil, err
		}
		gen = g
		p.mu.Lock()
		p.gen = g
		p.mu.Unlock()
	}
	snap, err := p.client.Snapshot(ctx, gen)
	if r := nodeapi.ReasonOf(err); err != nil && auto && (r == "decode" || r == "http_404" || r == "empty_body") {
		// The node may have been replaced by another version: detect again next time.
		p.mu.Lock()
		p.gen = nodeapi.Auto
		p.mu.Unlock()
	}
	return snap, err
}
