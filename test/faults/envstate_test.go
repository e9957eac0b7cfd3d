package faults

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/outbox"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// step advances the fake clock by one second, waits until every probe
// that is due has completed, until lpwatch has evaluated its checks at
// the new time, and until no request to the node or a sink is in flight:
// the fake clock stands still while real I/O (latency, hangs, timeouts)
// happens, so that a hang of two real seconds does not let fake hours
// pass. A request in flight alone does not say that a probe is done: it
// is not in flight yet while the probe dials, nor any more while the
// answer travels back, and a loaded machine stretches both, long enough
// for many steps, which let a flapping node's outage last past
// node_down_for in fake time.
func (e *env) step() {
	e.t.Helper()
	before := e.evaluations()
	jobs := e.probeJobs()
	runs := make([]float64, len(jobs))
	for i, j := range jobs {
		runs[i] = e.probeRuns(j)
	}
	e.clk.Advance(time.Second)
	now := e.clk.Now()
	for i, j := range jobs {
		// Runs start at most an interval apart (a reload runs at once,
		// then after the offset, then every interval): past that since
		// the last one started, one is due or running.
		if now.Sub(j.lastStart()) >= j.interval {
			waitUntil(e.t, "the "+j.probe+" probe that is due", func() bool { return e.probeRuns(j) > runs[i] })
		}
	}
	waitUntil(e.t, "an evaluation", func() bool { return e.evaluations() > before })
	waitUntil(e.t, "requests in flight to end", func() bool {
		return !e.nodeSrv.Busy() && !e.pager.Busy() && !e.backup.Busy() && (e.chain == nil || !e.chain.busy())
	})
}

// probeJob is a probe loop of lpwatch in a row.
type probeJob struct {
	probe, target string
	interval      time.Duration
	// lastStart is when the last completed run began (zero: none yet).
	lastStart func() time.Time
}

// probeJobs are the probe loops of the row's configuration: the node's and,
// with a chain, the chain's.
func (e *env) probeJobs() []probeJob {
	jobs := []probeJob{{probe: "node", target: node1, interval: nodeInterval, lastStart: e.probedAt}}
	if e.chain != nil {
		jobs = append(jobs, probeJob{probe: "chain", target: "chain", interval: chainInterval, lastStart: func() time.Time {
			if c := e.d.Store().Snapshot().Chain; c != nil {
				return c.At
			}
			return time.Time{}
		}})
	}
	return jobs
}

// probeRuns is how many runs of j completed (lpwatch_probe_runs_total).
func (e *env) probeRuns(j probeJob) float64 {
	n := 0.0
	for _, result := range []string{"success", "failure"} {
		n += e.metric("lpwatch_probe_runs_total", map[string]string{"probe": j.probe, "target": j.target, "result": result})
	}
	return n
}

// waitFor steps the fake clock until cond holds. The real-time limit only
// stops a broken test.
func (e *env) waitFor(what string, cond func() bool) {
	e.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !cond() {
		if time.Now().After(deadline) {
			e.t.Fatalf("timed out waiting for %s (fake time +%s)\n%s", what, e.clk.Now().Sub(startTime), e.describe())
		}
		e.step()
	}
}

// holdProbes steps the fake clock for at least d and until n more node
// probes completed, failing as soon as cond stops holding. Probes take
// real time (the node's latency, the probe timeout), so the fake clock
// alone cannot say that they ran.
func (e *env) holdProbes(what string, n int, d time.Duration, cond func() bool) {
	e.t.Helper()
	end := e.clk.Now().Add(d)
	last, seen := e.probedAt(), 0
	deadline := time.Now().Add(waitLimit)
	for seen < n || e.clk.Now().Before(end) {
		if !cond() {
			e.t.Fatalf("%s stopped holding at fake time +%s\n%s", what, e.clk.Now().Sub(startTime), e.describe())
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("%s: only %d of %d probes completed", what, seen, n)
		}
		e.step()
		if at := e.probedAt(); at.After(last) {
			last, seen = at, seen+1
		}
	}
}

// probedAt is when the node's last completed probe began.
func (e *env) probedAt() time.Time {
	o, _ := e.d.Store().Snapshot().Node(node1)
	return o.At
}

// evaluations reads lpwatch_evaluations_total.
func (e *env) evaluations() float64 { return e.metric("lpwatch_evaluations_total", nil) }

// metric returns the value of the series of name whose labels include
// labels (0 when absent).
func (e *env) metric(name string, labels map[string]string) float64 {
	return gatherValue(e.t, e.reg, name, labels)
}

// checkState returns the state of check on target ("" when not evaluated).
func (e *env) checkState(check, target string) string {
	for _, c := range e.d.Health().Checks {
		if c.Check == check && c.Target == target {
			return c.State
		}
	}
	return ""
}

// healthy reports whether every check is ok, nothing is pending or firing
// and the outbox is empty.
func (e *env) healthy() bool {
	rep := e.d.Health()
	if rep.Status != "ok" || len(e.d.Engine().Alerts()) != 0 || e.pending() != 0 {
		return false
	}
	for _, c := range rep.Checks {
		if c.State != "ok" && !warmingUp(c.Check, c.State) {
			return false
		}
	}
	return true
}

// warmingUp reports a check that is unknown at first by design: the ETH
// runway needs days of balance history.
func warmingUp(check, state string) bool {
	return check == alert.EthRunwayShort && state == "unknown"
}

// delivery returns the outbox section of /status.
func (e *env) delivery() status.Delivery { return e.d.Status().Delivery }

// pending is the number of notifications waiting in the outbox.
func (e *env) pending() int { return e.delivery().Pending }

// sinkHealth returns the outbox's view of one sink, as /status shows it.
func (e *env) sinkHealth(sink string) outbox.SinkHealth {
	for _, h := range e.delivery().Sinks {
		if h.Sink == sink {
			return h
		}
	}
	return outbox.SinkHealth{Sink: sink}
}

// httpCode returns the status code of GET path on lpwatch's listener.
func (e *env) httpCode(path string) int {
	e.t.Helper()
	resp, err := http.Get(e.base + path)
	if err != nil {
		e.t.Fatalf("GET %s: %v", path, err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// describe summarizes lpwatch's state for a failure message.
func (e *env) describe() string {
	var b strings.Builder
	for _, c := range e.d.Health().Checks {
		if c.State != "ok" && !warmingUp(c.Check, c.State) {
			fmt.Fprintf(&b, "  check %s/%s %s: %s\n", c.Check, c.Target, c.State, c.Reason)
		}
	}
	for _, a := range e.d.Engine().Alerts() {
		fmt.Fprintf(&b, "  alert %s/%s %s %s\n", a.Alert, a.Target, a.Phase, a.Reason)
	}
	fmt.Fprintf(&b, "  outbox pending %d\n", e.pending())
	for _, s := range []struct {
		name string
		srv  *sinkServer
	}{{"pager", e.pager}, {"backup", e.backup}} {
		var last string
		n := 0
		flush := func() {
			if n > 0 {
				fmt.Fprintf(&b, "  %s got %s x%d\n", s.name, last, n)
			}
		}
		for _, d := range s.srv.deliveries() {
			line := fmt.Sprintf("%s/%s %s seq %d: %d", d.p.Alert, d.p.Target, d.p.Status, d.p.Seq, d.status)
			if line != last {
				flush()
				last, n = line, 0
			}
			n++
		}
		flush()
	}
	return b.String()
}

// alertViews returns the engine's pending and firing alerts.
func (e *env) alertViews() []alert.View { return e.d.Engine().Alerts() }
