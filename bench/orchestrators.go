package main

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// runOrchestrators measures the whole active set watched from the chain
// alone: o.orchestrators [[orchestrator]] targets (name, address), no
// node. A binary that does not know [[orchestrator]] is reported as such,
// from its own check-config.
func runOrchestrators(ctx context.Context, o options, win time.Duration) error {
	lo := lpOpts{interval: 15 * time.Second, timeout: 10 * time.Second, profile: o.pprof}
	name := "orchestrators"
	if !o.chain {
		line(name, setup{orchestrators: o.orchestrators, logLevel: "warn"}, "skipped: chain-only targets need the chain (-chain=on)", nil)
		return nil
	}
	f, err := startFleet(ctx, fleetOpts{orchestrators: o.orchestrators, chain: true, monitor: true, block: o.block, roundBlocks: o.roundBlocks})
	if err != nil {
		return err
	}
	defer f.close()
	s := setupOf(f, lo)
	if err := checkConfig(o.bin, f, lo); err != nil {
		first, _, _ := strings.Cut(err.Error(), "\n")
		line(name, s, fmt.Sprintf("not supported by this binary: check-config refuses [[orchestrator]] (%s)", first), nil)
		return nil
	}
	rs, err := footprints(ctx, o.bin, f, lo, win, o.runs)
	if err != nil {
		return err
	}
	reportFootprints(name, s, rs, "CPU <= 0.5 %, chain round trips per cycle <= 3")
	return nil
}
