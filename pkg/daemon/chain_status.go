package daemon

import (
	"time"

	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// beforeEvaluate hands the evaluator what the chain scans found.
func (d *Daemon) beforeEvaluate(eval *checks.Evaluator) {
	eval.SetChainEvents(d.chain.chainEvents())
}

// afterEvaluate exports the chain metrics of an evaluation and reports
// problems with the chain checks' history. It runs on the daemon's loop.
func (d *Daemon) afterEvaluate(now time.Time, snap observe.Snapshot, eval *checks.Evaluator) {
	for _, err := range eval.TakeChainErrors() {
		d.log.WithError(err).Error("chain checks cannot keep their history; missed rounds may be judged again after a restart")
	}
	cfg := d.config()
	if len(cfg.Chain.URLs) == 0 {
		d.metrics.NoChain()
		return
	}
	facts := eval.ChainFacts(now)
	d.chain.mu.Lock()
	d.chain.facts = facts
	scan := d.chain.scan
	d.chain.mu.Unlock()
	d.metrics.Chain(now, cfg, snap, facts, scan)
}
