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
	"github.com/lpwatch/lpwatch/pkg/redact"
)

// nodeKind probes each [[node]]: its CLI API, and its /metrics.
type nodeKind struct{ deps Deps }

func newNodeKind(deps Deps) Kind { return nodeKind{deps: deps} }

// Jobs returns one job per configured node.
func (k nodeKind) Jobs(cfg *config.Config) (Built, error) {
	var jobs []Job
	for _, n := range cfg.Nodes {
		client, err := nodeapi.New(n.URL, nodeapi.Options{HTTPClient: k.deps.HTTPClient, Clock: k.deps.Clock})
		if err != nil {
			// The client's error quotes the URL, which may hold a password.
			return Built{}, fmt.Errorf("node %s: %w", n.Name, redact.Error(err, n.URL))
		}
		p, err := NewNodeProbe(n, client, k.deps.Store, k.deps.Clock)
		if err != nil {
			return Built{}, err
		}
		jobs = append(jobs, p.Job())
	}
	return Built{Jobs: jobs}, nil
}

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
	snap, chainErrs, err := p.snapshot(ctx)
	if err != nil {
		o.Err, o.Reason, o.ChainErrors = err, nodeapi.ReasonOf(err), chainErrs
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
// under api = auto. On failure it also returns the failed endpoints when
// all of them read the chain (see ChainFailures): the node answers, its
// chain does not.
func (p *NodeProbe) snapshot(ctx context.Context) (*nodeapi.Snapshot, []*nodeapi.Error, error) {
	gen := p.Generation()
	auto := p.cfg.API == string(nodeapi.Auto)
	if gen == nodeapi.Auto {
		g, err := p.client.Detect(ctx)
		if err != nil {
			return nil, detectChainFailure(err), err
		}
		gen = g
		p.mu.Lock()
		p.gen = g
		p.mu.Unlock()
	}
	snap, err := p.client.Snapshot(ctx, gen)
	chainErrs := ChainFailures(gen, err)
	r := nodeapi.ReasonOf(err)
	if err != nil && auto && chainErrs == nil && (r == "decode" || r == "http_404" || r == "empty_body") {
		// The node may have been replaced by another version: detect again next time.
		p.mu.Lock()
		p.gen = nodeapi.Auto
		p.mu.Unlock()
	}
	return snap, chainErrs, err
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

// detectChainFailure returns the /orchestratorInfo failure when Detect
// failed because that path answered 500: only Current and V05 serve it,
// and its 500 is a failed chain call, so the node answers and its chain
// does not (the generation is detected once the chain is back). Nil for
// any other failure.
func detectChainFailure(err error) []*nodeapi.Error {
	for _, e := range endpointErrors(err) {
		if e.Path == nodeapi.PathOrchestratorInfo && e.Reason == nodeapi.HTTPReason(http.StatusInternalServerError) {
			return []*nodeapi.Error{e}
		}
	}
	return nil
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
