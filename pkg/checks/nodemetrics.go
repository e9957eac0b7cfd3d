package checks

import (
	"fmt"
	"strconv"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// RewardErrorsHold is how long RewardCallErrors stays at warning after
// livepeer_reward_call_errors last rose. The node tries reward once per
// round, so a rise is a single event; holding it keeps the alert from
// resolving one probe later while reward is still not called.
const RewardErrorsHold = time.Hour

// metricsInput is a node's own /metrics, with the history of its counters.
type metricsInput struct {
	now     time.Time
	node    string
	metrics map[string]float64
	history *counterHistory
	checks  config.Checks
}

// nodeMetricsChecks evaluates the checks read from each node's /metrics
// (when the node runs with -monitor), per node.metrics: "off" skips them,
// "auto" reports a node without /metrics as ok ("not exposed"), "on"
// reports it as unknown.
func (e *Evaluator) nodeMetricsChecks(defs []*Definition, now time.Time, snap observe.Snapshot) []Result {
	var out []Result
	defs = present(defs, e.cfg)
	keep := make(map[string]bool, len(e.cfg.Nodes))
	for _, n := range e.cfg.Nodes {
		if n.Metrics == "off" {
			continue
		}
		keep[n.Name] = true
		o, seen := snap.Node(n.Name)
		out = append(out, e.metricsOf(defs, now, n, o, seen)...)
	}
	e.counters.retain(keep)
	return out
}

// metricsOf evaluates one node's metric checks.
func (e *Evaluator) metricsOf(defs []*Definition, now time.Time, n config.Node, o observe.Node, seen bool) []Result {
	all := func(f func(check string) Result) []Result {
		out := make([]Result, 0, len(defs))
		for _, d := range defs {
			out = append(out, f(d.Name))
		}
		return out
	}
	switch {
	case !seen:
		return all(func(c string) Result { return unknown(c, n.Name, "the node has not been probed yet") })
	case o.Err != nil:
		return all(func(c string) Result { return unknown(c, n.Name, "the node API does not answer") })
	case o.MetricsErr != nil:
		return all(func(c string) Result {
			return unknown(c, n.Name, "the node's /metrics cannot be read: "+o.MetricsErr.Error())
		})
	case !o.MetricsExposed:
		// node.metrics = "on" turns this into MetricsErr in the probe.
		return all(func(c string) Result {
			return ok(c, n.Name, "not exposed: the node serves no /metrics (it runs without -monitor)")
		})
	}
	in := metricsInput{now: now, node: n.Name, metrics: o.Metrics, history: e.counters.update(n.Name, o), checks: e.cfg.Checks}
	out := make([]Result, 0, len(defs))
	for _, d := range defs {
		out = append(out, named(d, d.eval.metrics(in))...)
	}
	return out
}

// rewardErrors is RewardCallErrors from the counters' history; ticket
// redemption errors that rose within the hold are named alongside.
func rewardErrors(in metricsInput) Result {
	check, now, node := alert.RewardCallErrors, in.now, in.node
	r, t := in.history.reward, in.history.ticket
	var details map[string]string
	ticketNote := ""
	if t.roseWithin(now, RewardErrorsHold) {
		details = map[string]string{"ticket_redemption_errors": num(t.to), "ticket_redemption_errors_before": num(t.from)}
		ticketNote = fmt.Sprintf("; %s rose from %s to %s at %s (ticket redemptions failed: see \"Error redeeming\" in the node's log)",
			nodeapi.MetricTicketRedemptionErrors, num(t.from), num(t.to), t.roseAt.UTC().Format(time.RFC3339))
	}
	if r.roseWithin(now, RewardErrorsHold) {
		if details == nil {
			details = map[string]string{}
		}
		details["reward_call_errors"], details["reward_call_errors_before"] = num(r.to), num(r.from)
		res := failing(check, node, Warning, fmt.Sprintf("%s rose from %s to %s at %s: the node's automatic reward call failed (its log says \"Error trying to call reward\")%s",
			nodeapi.MetricRewardCallErrors, num(r.from), num(r.to), r.roseAt.UTC().Format(time.RFC3339), ticketNote), details)
		res.Epoch = num(r.to)
		return res
	}
	var reason string
	switch {
	case !r.present:
		reason = "no reward call error recorded (" + nodeapi.MetricRewardCallErrors +
			" appears with the first failure; nodes before v0.7.2 never export it)"
	case r.baselineOnly:
		reason = fmt.Sprintf("%s reward call errors so far (baseline; only a rise is an alert)", num(r.last))
	default:
		reason = fmt.Sprintf("%s reward call errors, no rise in the last %s", num(r.last), RewardErrorsHold)
	}
	return Result{Check: check, Target: node, State: OK, Reason: reason + ticketNote, Details: details}
}

// sessions is SessionsNearCapacity: current sessions over the node's maximum.
func sessions(in metricsInput) Result {
	check, node, m, c := alert.SessionsNearCapacity, in.node, in.metrics, in.checks
	cur, okCur := m[nodeapi.MetricCurrentSessions]
	max, okMax := m[nodeapi.MetricMaxSessions]
	switch {
	case !okCur || !okMax:
		return unknown(check, node, fmt.Sprintf("the node's /metrics lacks %s or %s", nodeapi.MetricCurrentSessions, nodeapi.MetricMaxSessions))
	case max <= 0:
		return unknown(check, node, fmt.Sprintf("the node reports a maximum of %s sessions", num(max)))
	}
	frac := cur / max
	usage := fmt.Sprintf("%s of %s sessions in use (%s)", num(cur), num(max), percent(frac))
	details := map[string]string{"current_sessions": num(cur), "max_sessions": num(max)}
	if frac > c.SessionsHighFraction {
		return failing(check, node, Warning, fmt.Sprintf("%s, over %s: the node turns new streams away when full", usage, percent(c.SessionsHighFraction)), details)
	}
	return Result{Check: check, Target: node, State: OK, Reason: usage, Details: details}
}

// successRate is TranscodeSuccessLow from livepeer_success_rate.
func successRate(in metricsInput) Result {
	check, node, m, c := alert.TranscodeSuccessLow, in.node, in.metrics, in.checks
	rate, present := m[nodeapi.MetricSuccessRate]
	switch {
	case !present:
		return ok(check, node, "no transcode recorded yet ("+nodeapi.MetricSuccessRate+" appears with the first segment)")
	case rate < 0 || rate > 1:
		return unknown(check, node, fmt.Sprintf("%s is %s, outside 0..1 (several series added up?)", nodeapi.MetricSuccessRate, num(rate)))
	}
	details := map[string]string{"success_rate": num(rate)}
	if rate < c.SuccessRateMin {
		return failing(check, node, Warning, fmt.Sprintf("transcode success rate %s is under %s", percent(rate), percent(c.SuccessRateMin)), details)
	}
	return Result{Check: check, Target: node, State: OK, Reason: "transcode success rate " + percent(rate), Details: details}
}

// num renders a metric value without needless decimals.
func num(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
