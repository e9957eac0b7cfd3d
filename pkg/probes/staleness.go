package probes

import (
	"time"

	"github.com/lpwatch/lpwatch/pkg/config"
)

// Staleness is how old the scheduler's last progressing cycle (the beat
// the Scheduler's onCycle gives) may be before lpwatch counts itself
// stalled: two of the slowest node or chain intervals plus its timeout,
// so that a slow probe is not taken for a hang. The systemd watchdog ping
// and the heartbeat out are both withheld past it
// (watchdog.Heartbeat.Alive).
func Staleness(cfg *config.Config) time.Duration {
	longest := cfg.Chain.Interval + cfg.Chain.Timeout
	for _, n := range cfg.Nodes {
		if d := n.Interval + n.Timeout; d > longest {
			longest = d
		}
	}
	return 2 * longest
}
