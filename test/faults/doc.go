// Package faults is lpwatch's fault matrix: one table of faults (node API,
// chain, sinks, D-Bus, the state directory, configuration and signals),
// each with the check states and alerts it must produce, run against the
// whole daemon. Every row also proves that nothing panicked, that no
// goroutine outlived the daemon, and that every notification that fired
// was delivered, resolve included, exactly once per sink and in order once
// the fault healed. docs/reliability.md shows the same table; a test keeps
// the two equal. The package holds only tests.
package faults
