package checks

import (
	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// target is an account the chain checks follow: a configured target
// ([[node]] or [[orchestrator]]), or, observed, an orchestrator of the
// active set (chain.watch_active_set) that is not configured.
type target struct {
	config.Target
	// observed targets are followed (ledger, reward history, metrics) but
	// judged by no check, so they raise no alert.
	observed bool
}

// node returns the configured [[node]] of a node target; for another
// target a node with only its name and address, which is all the account
// checks read of it.
func (t target) node(cfg *config.Config) config.Node {
	if t.Node && t.Index < len(cfg.Nodes) && cfg.Nodes[t.Index].Name == t.Name {
		return cfg.Nodes[t.Index]
	}
	if t.Node { // a target not made by cfg.Targets
		for _, n := range cfg.Nodes {
			if n.Name == t.Name {
				return n
			}
		}
	}
	return config.Node{Name: t.Name, ExpectedAddress: t.Address, ExpectedRewardCaller: t.ExpectedRewardCaller}
}

// probe returns the node's latest probe of a node target (nil before
// its first, and for any other target).
func (t target) probe(snap observe.Snapshot) *observe.Node {
	if !t.Node {
		return nil
	}
	return nodeProbe(snap, t.Name)
}

// watchedTargets returns the configured targets, then the accounts of the
// active set the chain probe watches that are not configured, named by
// ShortAddress.
func watchedTargets(cfg *config.Config, c *observe.Chain) []target {
	conf := cfg.Targets()
	out := make([]target, 0, len(conf))
	known := make(map[common.Address]bool, len(conf))
	for _, t := range conf {
		out = append(out, target{Target: t})
		if t.Address.Valid() {
			known[t.Address.Addr()] = true
		}
	}
	if c == nil || !cfg.Chain.WatchActiveSet {
		return out
	}
	for _, a := range c.Pool {
		if !known[a] {
			known[a] = true
			out = append(out, target{Target: config.Target{Name: ShortAddress(a), Address: config.AddressOf(a)}, observed: true})
		}
	}
	return out
}

// ShortAddress is the name of an unconfigured orchestrator of the active
// set: its address shortened as block explorers do, 0x1a2b…9f0e.
func ShortAddress(a common.Address) string {
	h := a.Hex()
	return h[:6] + "…" + h[len(h)-4:]
}

// orchestratorChecks returns the checks of defs that judge an
// [[orchestrator]]: those that read only the chain.
func orchestratorChecks(defs []*Definition) []*Definition {
	out := make([]*Definition, 0, len(defs))
	for _, d := range defs {
		if d.eval.orchestrator {
			out = append(out, d)
		}
	}
	return out
}
