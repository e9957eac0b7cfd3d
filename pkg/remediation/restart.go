package remediation

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// step is one unit restart of a ladder.
type step struct {
	unit string
	// target is "chain" or the node names (comma-separated) the unit serves.
	target string
	nodes  []string
	why    string
	// scheduled steps do not raise RemediationExhausted when held back.
	scheduled bool
}

// targets returns the alert targets of a step: "chain" or each node.
func (s step) targets() []string {
	if len(s.nodes) > 0 {
		return s.nodes
	}
	return []string{s.target}
}

// verifier waits for health after a restart that finished at since.
type verifier func(ctx context.Context, since time.Time) (ok bool, outcome string)

// restart applies the guard rails to s, then dry-runs or restarts the unit
// and verifies health. Every attempt is written to the ledger before it is
// made and announced once its outcome is known. It returns the result, or
// "" when lpwatch stopped on the way.
func (c *Controller) restart(ctx context.Context, cfg *config.Config, s step, verify verifier) string {
	rem := cfg.Remediation
	now := c.clock.Now()
	var skip, why string
	c.ledger.read(func(st *ledgerState) { skip, why = st.guard(s.unit, now, rem) })
	if skip != "" {
		if skip == ResultSkippedBudget && !s.scheduled {
			c.raiseExhausted(s, "restart budget spent: "+why+"; trigger: "+s.why)
		}
		c.skip(s, skip, why)
		return skip
	}
	c.clearSkip(s.unit)
	if rem.DryRun {
		e := Entry{Unit: s.unit, Target: s.target, At: now, Result: ResultDryRun, Why: s.why, Outcome: "dry run: nothing restarted", DryRun: true}
		if err := c.ledger.update(func(st *ledgerState) { st.prune(now, rem); st.Restarts = append(st.Restarts, e) }); err != nil {
			c.log.WithError(err).Error("cannot write the remediation ledger")
		}
		c.finished(ctx, s, e)
		return ResultDryRun
	}
	e := Entry{Unit: s.unit, Target: s.target, At: now, Result: resultStarted, Why: s.why}
	if err := c.ledger.commit(func(st *ledgerState) { st.prune(now, rem); st.Restarts = append(st.Restarts, e) }); err != nil {
		e.Result, e.Outcome = ResultFailed, fmt.Sprintf("not restarted: the ledger cannot be written: %v", err)
		c.finished(ctx, s, e)
		c.raiseExhausted(s, e.Outcome)
		return ResultFailed
	}
	c.setActivity(ladderKey, "restarting "+s.unit)
	c.log.WithFields(logrus.Fields{"unit": s.unit, "target": s.target, "why": s.why}).Warn("restarting unit")
	result, outcome := c.restartAndVerify(ctx, cfg, s, verify)
	if result == "" {
		return "" // stopping: the "started" entry keeps counting
	}
	e.Result, e.Outcome = result, outcome
	if err := c.ledger.update(func(st *ledgerState) { st.setResult(e) }); err != nil {
		c.log.WithError(err).Error("cannot write the remediation ledger")
	}
	c.finished(ctx, s, e)
	if result != ResultSuccess {
		c.raiseExhausted(s, fmt.Sprintf("restarting %s did not bring health back (%s): %s; trigger: %s", s.unit, result, outcome, s.why))
	}
	return result
}

// restartAndVerify restarts the unit over D-Bus, bounded by the verify
// timeout of the step's kind, then runs verify.
func (c *Controller) restartAndVerify(ctx context.Context, cfg *config.Config, s step, verify verifier) (string, string) {
	limit := cfg.Remediation.NodeVerifyTimeout
	if s.target == alert.ChainTarget {
		limit = cfg.Remediation.ChainHealthyTimeout
	}
	units, err := c.unitManager(ctx)
	if err == nil {
		rctx, cancel := withClockTimeout(ctx, c.clock, limit, "restart job")
		_, err = units.RestartUnit(rctx, s.unit)
		if err != nil && ctx.Err() == nil && rctx.Err() != nil {
			err = context.Cause(rctx)
		}
		cancel()
	}
	if ctx.Err() != nil {
		return "", ""
	}
	if err != nil {
		return ResultFailed, err.Error()
	}
	ok, outcome := verify(ctx, c.clock.Now())
	switch {
	case ctx.Err() != nil:
		return "", ""
	case !ok:
		return ResultTimeout, outcome
	}
	return ResultSuccess, outcome
}

// setResult replaces the "started" entry of e's unit and time with e.
func (s *ledgerState) setResult(e Entry) {
	for i := len(s.Restarts) - 1; i >= 0; i-- {
		if r := s.Restarts[i]; r.Unit == e.Unit && r.At.Equal(e.At) && r.Result == resultStarted {
			s.Restarts[i] = e
			return
		}
	}
	s.Restarts = append(s.Restarts, e)
}

// finished counts, logs and announces an attempt's outcome.
func (c *Controller) finished(ctx context.Context, s step, e Entry) {
	c.met.remediations.WithLabelValues(s.unit, e.Result).Inc()
	log := c.log.WithFields(logrus.Fields{"unit": s.unit, "target": s.target, "result": e.Result, "why": s.why, "outcome": e.Outcome})
	var desc string
	switch e.Result {
	case ResultDryRun:
		log.Warn("dry run: would restart unit")
		desc = fmt.Sprintf("dry run: would restart %s because %s", s.unit, s.why)
	case ResultSuccess:
		log.Warn("unit restarted")
		desc = fmt.Sprintf("restarted %s because %s; outcome: %s", s.unit, s.why, e.Outcome)
	default:
		log.Error("unit restart did not bring health back")
		desc = fmt.Sprintf("restarted %s because %s; outcome: %s: %s", s.unit, s.why, e.Result, e.Outcome)
	}
	details := map[string]string{"unit": s.unit, "result": e.Result, "why": s.why, "outcome": e.Outcome}
	if e.DryRun {
		details["dry_run"] = "true"
	}
	if err := c.opts.Emitter.Emit(ctx, alert.RemediationPerformed, s.target, alert.SeverityInfo, "", desc, details); err != nil {
		c.log.WithError(err).Error("cannot announce the remediation")
	}
	c.notify()
}

// skip counts and logs a held-back restart, once per unit and reason
// until something else happens to the unit.
func (c *Controller) skip(s step, result, why string) {
	c.mu.Lock()
	repeated := c.skips[s.unit] == result
	c.skips[s.unit] = result
	c.mu.Unlock()
	if repeated {
		return
	}
	c.met.remediations.WithLabelValues(s.unit, result).Inc()
	c.log.WithFields(logrus.Fields{"unit": s.unit, "target": s.target, "result": result, "why": s.why}).Warn("restart held back: " + why)
	c.notify()
}

func (c *Controller) clearSkip(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.skips, key)
}

// clearSkips forgets reported skips of units: no trigger holds any more.
func (c *Controller) clearSkips() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.skips {
		if !strings.HasPrefix(k, rewardSkipPrefix) {
			delete(c.skips, k)
		}
	}
}

// raiseExhausted starts RemediationExhausted for each of the step's
// targets that does not have it yet; a running episode keeps its reason.
func (c *Controller) raiseExhausted(s step, reason string) {
	now := c.clock.Now()
	var fresh []string
	c.ledger.read(func(st *ledgerState) {
		for _, t := range s.targets() {
			if _, ok := st.Exhausted[t]; !ok {
				fresh = append(fresh, t)
			}
		}
	})
	if len(fresh) == 0 {
		return
	}
	err := c.ledger.update(func(st *ledgerState) {
		for _, t := range fresh {
			st.Exhausted[t] = Episode{Unit: s.unit, Reason: reason, Since: now}
		}
	})
	if err != nil {
		c.log.WithError(err).Error("cannot write the remediation ledger")
	}
	c.log.WithFields(logrus.Fields{"unit": s.unit, "target": strings.Join(fresh, ",")}).Error("remediation exhausted: " + reason)
	c.notify()
}
