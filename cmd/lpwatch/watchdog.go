package main

import (
	"time"

	"github.com/lpwatch/lpwatch/pkg/config"
)

// watchdogStaleness is how old the scheduler's last completed cycle may be
// before the systemd watchdog ping is withheld: two of the slowest probe
// intervals plus its timeout, so a slow probe is not taken for a hang.
func watchdogStaleness(cfg *config.Config) time.Duration {
	longest := cfg.Chain.Interval + cfg.Chain.Timeout
	for _, n := range cfg.Nodes {
		if d := n.Interval + n.Timeout; d > longest {
			longest = d
		}
	}
	return 2 * longest
}
