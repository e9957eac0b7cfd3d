// Package probes runs the probes: one loop per target with a deterministic
// start offset, a deadline on every run and no overlapping runs. Each probe
// kind (node, chain, host) lives in its own file and writes what it saw
// into an observe.Store.
//
// A kind registers itself in Kinds(): it reads its section of the
// configuration and builds its scheduler jobs (Kind.Jobs), and it
// registers the metrics it exports about its observation. The daemon only
// builds a Registry of every kind and asks it for the JobSet of a
// configuration, at start and on every reload; a Runner runs one JobSet at
// a time, so a kind a reload drops stops, and what its jobs held (the
// chain's connections) is released.
//
// Adding a probe kind (for example the peers of an orchestrator):
//
//   - pkg/probes/<kind>.go: the probe (its Run stores its observation),
//     and its Kind: a newXxxKind(Deps) Kind whose Jobs returns the jobs of
//     the kind's section, each with Probe set to the kind's name, plus a
//     Release when they hold connections, and, when it exports metrics,
//     their collector registered on Deps.Registerer;
//   - pkg/probes/kind.go: one line in Kinds();
//   - pkg/config, when the kind has a section of its own: its fields,
//     defaults and validation; pkg/observe, when it observes something new:
//     the observation type and its Put method;
//   - docs: config.example.toml for the section, docs/metrics.md for its
//     metrics.
//
// pkg/daemon does not change, unless the kind needs a dependency Deps
// lacks (a field of Deps, filled where the daemon builds the Registry).
package probes
