package daemon

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// cachedResult is a check result with the time its state began.
type cachedResult struct {
	checks.Result
	Since time.Time `json:"since"`
}

// resultCache holds the latest check results for /health and /status.
type resultCache struct {
	mu   sync.RWMutex
	list map[string]cachedResult
}

func newResultCache() resultCache { return resultCache{list: make(map[string]cachedResult)} }

// set stores results and returns those whose state changed (or are new),
// and whether anything /health shows (a state or a reason) changed.
func (c *resultCache) set(now time.Time, results []checks.Result) (changed []checks.Result, shown bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, r := range results {
		k := alert.Key(r.Check, r.Target)
		prev, ok := c.list[k]
		since := now
		switch {
		case ok && prev.State == r.State:
			since = prev.Since
			shown = shown || prev.Reason != r.Reason
		default:
			changed, shown = append(changed, r), true
		}
		c.list[k] = cachedResult{Result: r, Since: since}
	}
	if len(c.list) != len(results) {
		shown = true // results were forgotten
	}
	return changed, shown
}

// all returns the cached results sorted by check and target.
func (c *resultCache) all() []cachedResult {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]cachedResult, 0, len(c.list))
	for _, r := range c.list {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Target != out[j].Target {
			return out[i].Target < out[j].Target
		}
		return out[i].Check < out[j].Check
	})
	return out
}

// forget drops the results of targets that are no longer configured (a
// removed node or data path) and returns them.
func (c *resultCache) forget(removed map[string]bool) []checks.Result {
	c.mu.Lock()
	defer c.mu.Unlock()
	var gone []checks.Result
	for k, r := range c.list {
		if removed[r.Target] {
			gone = append(gone, r.Result)
			delete(c.list, k)
		}
	}
	return gone
}

// evaluate runs every check on the latest observations and feeds the alert
// engine. It never blocks on a probe.
func (d *Daemon) evaluate(ctx context.Context) {
	now := d.clock.Now()
	snap := d.store.Snapshot()
	d.mu.RLock()
	eval := d.eval
	d.mu.RUnlock()
	ev := eval.Evaluate(now, snap)
	results := ev.Results
	d.metrics.evaluations.Inc()
	changed, shown := d.results.set(now, results)
	for _, r := range changed {
		d.metrics.setCheck(r)
	}
	if shown || d.healthBody.Load() == nil {
		d.refreshHealth()
	}
	d.observationMetrics(snap)
	d.afterEvaluate(now, snap, ev)
	inputs := make([]alert.Input, 0, len(results))
	for _, r := range results {
		inputs = append(inputs, toInput(r, eval.For(r.Check)))
	}
	inputs = append(inputs, d.deliveryInputs(now)...)
	cfg := d.config()
	inputs = append(inputs, d.remediationInputs(cfg)...)
	if err := d.engine.Update(ctx, inputs); err != nil {
		d.log.WithError(err).Error("alert update incomplete; it is retried on the next evaluation")
	}
	d.feedRemediation(now, cfg, results, snap)
	d.systemdStatus(len(cfg.Nodes))
}

// systemdStatus sends systemd a one-line summary (STATUS=, shown by
// systemctl status) when it changes.
func (d *Daemon) systemdStatus(nodes int) {
	healthy, _ := d.HealthJSON()
	firing, worst := 0, ""
	for _, a := range d.engine.Alerts() { // most severe first
		if a.Phase != alert.PhaseFiring {
			continue
		}
		if firing == 0 {
			worst = a.Alert + " " + a.Target
		}
		firing++
	}
	line := fmt.Sprintf("healthy; %d node(s) watched; no alert firing", nodes)
	switch {
	case firing > 0 && healthy:
		line = fmt.Sprintf("healthy; %d node(s) watched; %d alert(s) firing, first %s", nodes, firing, worst)
	case !healthy:
		line = fmt.Sprintf("UNHEALTHY; %d node(s) watched; %d alert(s) firing, first %s", nodes, firing, worst)
	}
	if line == d.lastStatus {
		return
	}
	d.lastStatus = line
	d.notify(func(n Notifier) error { return n.Status(line) })
}

// toInput turns a check result into an alert engine input.
func toInput(r checks.Result, forDur time.Duration) alert.Input {
	in := alert.Input{Alert: r.Check, Target: r.Target, Reason: r.Reason, Epoch: r.Epoch, Details: r.Details, For: forDur}
	switch r.State {
	case checks.Warning:
		in.Active, in.Severity = true, alert.SeverityWarning
	case checks.Critical:
		in.Active, in.Severity = true, alert.SeverityCritical
	case checks.Unknown:
		in.Unknown = true
	}
	return in
}

// observationMetrics exports the node's view as gauges. With a chain, the
// last reward round and the balance come from the chain (afterEvaluate).
func (d *Daemon) observationMetrics(snap observe.Snapshot) {
	withChain := len(d.config().Chain.URLs) > 0
	for _, n := range snap.Nodes {
		s := n.Snapshot
		if s == nil {
			continue
		}
		if t := s.Transcoder.LastRewardRound; !withChain && t != nil && t.IsInt64() {
			d.metrics.rewardLastRound.WithLabelValues(n.Name).Set(float64(t.Int64()))
		}
		if s.CurrentRound != nil && s.CurrentRound.IsInt64() {
			d.metrics.nodeRound.WithLabelValues(n.Name).Set(float64(s.CurrentRound.Int64()))
		}
		if !withChain && s.EthBalance != nil {
			d.metrics.balance.WithLabelValues(n.Name).Set(checks.Ether(s.EthBalance))
		}
	}
}
