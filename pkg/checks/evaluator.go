package checks

import (
	"time"

	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// Evaluator computes every check from a snapshot of observations. It keeps
// the little history some checks need (stake within a round, nonce gaps,
// missed rounds); it is used from one goroutine.
type Evaluator struct {
	cfg      *config.Config
	chain    *chainState
	counters *counterState
}

// NewEvaluator returns an evaluator for cfg.
func NewEvaluator(cfg *config.Config) *Evaluator {
	return &Evaluator{cfg: cfg, chain: newChainState(), counters: newCounterState()}
}

// SetConfig swaps the configuration after a reload, keeping history.
func (e *Evaluator) SetConfig(cfg *config.Config) { e.cfg = cfg }

// WithChain reports whether chain monitoring is configured.
func (e *Evaluator) WithChain() bool { return len(e.cfg.Chain.URLs) > 0 }

// Evaluation is the outcome of one evaluation.
type Evaluation struct {
	// Results has every check's result.
	Results []Result
	// Facts are the chain checks' figures per node, for metrics and
	// /status; nil without a chain.
	Facts map[string]NodeChainFacts
	// Errors are the problems the chain checks had with their durable
	// history (unreadable, unwritable) during this evaluation.
	Errors []error
}

// Evaluate computes every check for the snapshot at time now: the checks
// of each node's API and view, of its /metrics, of the host, of the chain
// and each node's account on it, then those derived from the others.
func (e *Evaluator) Evaluate(now time.Time, snap observe.Snapshot) Evaluation {
	t := shared()
	withChain := e.WithChain()
	var out []Result
	for _, n := range e.cfg.Nodes {
		o, seen := snap.Node(n.Name)
		in := nodeInput{node: n, obs: o, seen: seen, caller: e.learnCaller(now, snap, n)}
		out = append(out, e.nodeChecks(t.node, in, withChain)...)
	}
	out = append(out, e.nodeMetricsChecks(t.metrics, now, snap)...)
	if e.cfg.Host.Enabled {
		for _, d := range present(t.host, e.cfg) {
			out = append(out, named(d, d.eval.host(e.cfg, snap.Host)...)...)
		}
	}
	var ev Evaluation
	if withChain {
		out = append(out, e.chainChecks(t, now, snap)...)
		ev.Facts = e.chainFacts(now)
	}
	for _, d := range t.derived {
		out = append(out, named(d, d.eval.derived(out)...)...)
	}
	ev.Results = out
	ev.Errors, e.chain.errs = e.chain.errs, nil
	return ev
}

// nodeChecks evaluates the checks of one node's API and its own view. With
// a chain, a check that also reads the node's account on the chain is
// judged from the chain instead (account checks).
func (e *Evaluator) nodeChecks(defs []*Definition, in nodeInput, withChain bool) []Result {
	down := in.down()
	view := viewInput{node: in.node, snap: in.obs.Snapshot, checks: e.cfg.Checks, caller: in.caller}
	out := make([]Result, 0, len(defs))
	for _, d := range present(defs, e.cfg) {
		switch {
		case d.eval.node != nil:
			out = append(out, named(d, d.eval.node(in))...)
		case withChain && d.eval.account != nil:
		case down != "":
			out = append(out, unknown(d.Name, in.node.Name, down))
		default:
			out = append(out, named(d, d.eval.view(view))...)
		}
	}
	return out
}

// named gives results the name of the check that computed them.
func named(d *Definition, results ...Result) []Result {
	for i := range results {
		results[i].Check = d.Name
	}
	return results
}
