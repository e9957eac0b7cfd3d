package probes

import (
	"context"
	"fmt"
	"net/http"
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
	snap, gen, err := p.snapshot(ctx)
	if err != nil {
		o.Err, o.Reason = err, nodeapi.ReasonOf(err)
		o.ChainErrors = ChainFailures(gen, err)
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

// snapshot reads the node with the generation in use, detecting it first
// under api = auto, and returns the generation it read (Auto when it could
// not tell).
func (p *NodeProbe) snapshot(ctx context.Context) (*nodeapi.Snapshot, nodeapi.Generation, error) {
	gen := p.Generation()
	auto := p.cfg.API == string(nodeapi.Auto)
	if gen == nodeapi.Auto {
		g, err := p.client.Detect(ctx)
		switch {
		case err == nil:
			p.mu.Lock()
			p.gen = g
			p.mu.Unlock()
		case detectedByChainFailure(err):
			// Only the current API has /orchestratorInfo, and its 500 is a
			// failed chain call: read the rest to tell a node whose chain is
			// down from one that is broken. Detection runs again next time.
			g = nodeapi.Current
		default:
			return nil, nodeapi.Auto, err
		}
		gen = g
	}
	snap, err := p.client.Snapshot(ctx, gen)
	r := nodeapi.ReasonOf(err)
	if err != nil && auto && ChainFailures(gen, err) == nil && (r == "decode" || r == "http_404" || r == "empty_body") {
		// The node may have been replaced by another version: detect again next time.
		p.mu.Lock()
		p.gen = nodeapi.Auto
		p.mu.Unlock()
	}
	return snap, gen, err
}

// ChainFailures returns the failed endpoints in err, a Snapshot error of a
// node of generation gen, when each of them is an endpoint that reads the
// chain (nodeapi.ChainBackedPaths) failing the way the node answers when
// its Ethereum client cannot: a 500, a 200 with an empty body, or no answer
// within the probe's deadline (the node waits minutes on a hanging chain
// RPC). Every other endpoint answered then, so the node's HTTP server is
// up. It returns nil when any failure is of another kind or path, or when
// err carries no endpoint failure.
func ChainFailures(gen nodeapi.Generation, err error) []*nodeapi.Error {
	failed := endpointErrors(err)
	for _, e := range failed {
		if !nodeapi.IsChainBacked(gen, e.Path) || !chainFailureReason(e.Reason) {
			return nil
		}
	}
	return failed
}

func chainFailureReason(r string) bool {
	return r == nodeapi.HTTPReason(http.StatusInternalServerError) || r == nodeapi.ReasonEmptyBody || r == nodeapi.ReasonTimeout
}

// detectedByChainFailure reports whether Detect failed only because
// /orchestratorInfo answered 500.
func detectedByChainFailure(err error) bool {
	for _, e := range endpointErrors(err) {
		if e.Path == nodeapi.PathOrchestratorInfo {
			return e.Reason == nodeapi.HTTPReason(http.StatusInternalServerError)
		}
	}
	return false
}

// endpointErrors returns the outermost *nodeapi.Error of each path in
// err's tree, in order.
func endpointErrors(err error) []*nodeapi.Error {
	var out []*nodeapi.Error
	var walk func(error)
	walk = func(err error) {
		if e, ok := err.(*nodeapi.Error); ok && e.Path != "" {
			out = append(out, e)
			return
		}
		switch u := err.(type) {
		case interface{ Unwrap() []error }:
			for _, c := range u.Unwrap() {
				walk(c)
			}
		case interface{ Unwrap() error }:
			if c := u.Unwrap(); c != nil {
				walk(c)
			}
		}
	}
	if err != nil {
		walk(err)
	}
	return out
}
