package daemon

import (
	"time"

	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// afterEvaluate exports the chain metrics of an evaluation and reports
// problems with the chain checks' history. It runs on the daemon's loop.
func (d *Daemon) afterEvaluate(now time.Time, snap observe.Snapshot, ev checks.Evaluation) {
	for _, err := range ev.Errors {
		d.log.WithError(err).Error("chain checks cannot keep their history; missed rounds may be judged again after a restart")
	}
	cfg := d.config()
	if len(cfg.Chain.URLs) == 0 {
		d.metrics.NoChain()
		return
	}
	d.chain.mu.Lock()
	d.chain.facts = ev.Facts
	d.chain.mu.Unlock()
	d.metrics.Chain(now, cfg, snap, ev.Facts)
}
