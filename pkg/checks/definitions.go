package checks

import (
	"sync"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// Definition is one alert lpwatch raises: its catalog entry (name,
// default severity, texts, causes) and, for a check, how long it must fail
// before its alert fires, whether it decides /health, and the function
// that evaluates it. Alerts raised outside the checks (self-healing,
// delivery, lpwatch's own notices) are definitions without a function.
//
// A check is one Definition, its function, and its section in
// docs/runbooks.md (Runbook). The alert catalog, the names each kind of
// check reports, For and HealthRelevant all come from the definitions.
type Definition struct {
	alert.Rule
	// For is how long the check must fail before its alert fires; nil
	// fires at once.
	For func(*config.Config) time.Duration
	// Health marks a check that decides /health: the node and its chain
	// must be usable.
	Health bool
	// eval is how the check is computed (zero outside the checks).
	eval eval
}

// Runbook returns the anchor of the definition's section in docs/runbooks.md.
func (d Definition) Runbook() string { return alert.RunbookAnchor(d.Name) }

// eval is how a check is computed: one function, by the input it reads.
// A check the chain judges better than the node has a view function for
// configurations without a chain and an account function for those with
// one.
type eval struct {
	// node judges the node's API itself, from every probe outcome.
	node func(nodeInput) Result
	// view reads the node's own view, when its API answers.
	view func(viewInput) Result
	// metrics reads the node's /metrics, when node.metrics is not "off".
	metrics func(metricsInput) Result
	// host reads the host probe, when host checks are enabled, and returns
	// a result for every target the check has.
	host func(*config.Config, *observe.Host) []Result
	// chain reads the chain observation, for the chain target.
	chain func(chainInput) Result
	// account reads the chain's record of each node's account.
	account func(accountInput) Result
	// derived reads the results of the other checks.
	derived func([]Result) []Result
	// peer reads the probe of one [[peer]], another lpwatch.
	peer func(peerInput) Result
	// has reports whether a configuration has the check (nil: every one).
	has func(*config.Config) bool
	// orchestrator marks an account check that also judges an
	// [[orchestrator]] (watched from the chain alone): it reads nothing of
	// a node and nothing of the account's own transactions.
	orchestrator bool
}

// Definitions returns every alert lpwatch raises, checks first. It is
// built on each call, so nobody can change a shared copy.
func Definitions() []Definition { return definitions() }

// Catalog returns the alert rules of every definition: the catalog the
// alert engine, silences and the configuration's sink filters use.
func Catalog() alert.Catalog {
	defs := definitions()
	c := make(alert.Catalog, len(defs))
	for _, d := range defs {
		r := d.Rule
		r.Local = d.local()
		c[d.Name] = r
	}
	return c
}

// local reports whether an alert is about this instance's own host and
// setup (alert.Rule.Local): it reads no input of a watched node or peer.
func (d *Definition) local() bool {
	e := d.eval
	return e.node == nil && e.view == nil && e.metrics == nil && e.account == nil && e.derived == nil && e.peer == nil
}

// table is the definitions the evaluation reads, by kind of input and by
// name. It is built once and never changed.
type table struct {
	byName map[string]*Definition
	// node, metrics, host, chain, account and derived list the checks of
	// each kind of input, in definition order; node holds those with a
	// node or a view function.
	node, metrics, host, chain, account, derived, peer []*Definition
}

// shared is the one table of the process: definitions are constant, and
// an evaluation of a thousand nodes should not build them again.
var shared = sync.OnceValue(func() *table {
	defs := definitions()
	t := &table{byName: make(map[string]*Definition, len(defs))}
	for i := range defs {
		d := &defs[i]
		t.byName[d.Name] = d
		for _, k := range []struct {
			set  bool
			list *[]*Definition
		}{
			{d.eval.node != nil || d.eval.view != nil, &t.node},
			{d.eval.metrics != nil, &t.metrics},
			{d.eval.host != nil, &t.host},
			{d.eval.chain != nil, &t.chain},
			{d.eval.account != nil, &t.account},
			{d.eval.derived != nil, &t.derived},
			{d.eval.peer != nil, &t.peer},
		} {
			if k.set {
				*k.list = append(*k.list, d)
			}
		}
	}
	return t
})

// HealthRelevant reports whether a check decides /health: the node and its
// chain must be usable.
func HealthRelevant(check string) bool {
	d := shared().byName[check]
	return d != nil && d.Health
}

// For returns how long a check must fail before its alert fires.
func (e *Evaluator) For(check string) time.Duration {
	d := shared().byName[check]
	if d == nil || d.For == nil {
		return 0
	}
	return d.For(e.cfg)
}

// in reports whether cfg has the check.
func (d *Definition) in(cfg *config.Config) bool { return d.eval.has == nil || d.eval.has(cfg) }

// present returns the checks of defs that cfg has.
func present(defs []*Definition, cfg *config.Config) []*Definition {
	out := make([]*Definition, 0, len(defs))
	for _, d := range defs {
		if d.in(cfg) {
			out = append(out, d)
		}
	}
	return out
}
