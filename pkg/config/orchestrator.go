package config

import "strconv"

// Orchestrator is an orchestrator watched from the chain alone: no node
// API, no host. Its reward, missed rounds, activity, stake and slashes are
// read from the Livepeer contracts, and it raises the same chain alerts as
// a [[node]] (under its name), but none about a node.
type Orchestrator struct {
	Name    string  `toml:"name"`
	Address Address `toml:"address"`
	// ExpectedRewardCaller is as for a [[node]]: the LIP-118 reward caller
	// the orchestrator should have (optional).
	ExpectedRewardCaller Address `toml:"expected_reward_caller"`
}

// orchestrators checks the [[orchestrator]] tables: a name unique among
// nodes and orchestrators, a valid address, and a chain to read it from.
func (v *validator) orchestrators(c *Config) {
	seen := make(map[string]bool, len(c.Nodes))
	for _, n := range c.Nodes {
		seen[n.Name] = true
	}
	for i, o := range c.Orchestrators {
		p := "orchestrator[" + strconv.Itoa(i) + "]"
		v.name(p+".name", o.Name, seen, "duplicate name %q: nodes and orchestrators share one set of names")
		if a := o.ExpectedRewardCaller; a.String() != "" && !a.Valid() {
			v.bad(p+".expected_reward_caller", "%q is not a 0x-prefixed 20-byte hex address (the zero address means: no reward caller)", a.String())
		}
		switch {
		case o.Address.String() == "":
			v.bad(p+".address", "must be set: the orchestrator's ETH address")
		case !o.Address.Valid():
			v.bad(p+".address", "%q is not a 0x-prefixed 20-byte hex address", o.Address.String())
		}
	}
	if len(c.Orchestrators) > 0 && len(c.Chain.URLs) == 0 {
		v.bad("orchestrator", "an [[orchestrator]] is watched from the chain alone: set chain.urls")
	}
	if c.Chain.WatchActiveSet && len(c.Chain.URLs) == 0 {
		v.bad("chain.watch_active_set", "needs chain.urls")
	}
}

// Target is an account lpwatch judges on the chain: a node's
// expected_address, or an orchestrator watched from the chain alone.
type Target struct {
	Name    string
	Address Address
	// ExpectedRewardCaller is the target's optional expected_reward_caller.
	ExpectedRewardCaller Address
	// Node is true for a [[node]], false for an [[orchestrator]];
	// Index is its position in Nodes or Orchestrators.
	Node  bool
	Index int
}

// Targets returns the chain targets of c: every node, then every
// orchestrator, in configuration order.
func (c *Config) Targets() []Target {
	out := make([]Target, 0, len(c.Nodes)+len(c.Orchestrators))
	for i, n := range c.Nodes {
		out = append(out, Target{Name: n.Name, Address: n.ExpectedAddress, ExpectedRewardCaller: n.ExpectedRewardCaller, Node: true, Index: i})
	}
	for i, o := range c.Orchestrators {
		out = append(out, Target{Name: o.Name, Address: o.Address, ExpectedRewardCaller: o.ExpectedRewardCaller, Index: i})
	}
	return out
}
