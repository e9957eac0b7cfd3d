package soak

import (
	"runtime"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/lpwatch/lpwatch/pkg/observe"
	"github.com/lpwatch/lpwatch/pkg/probes"
)

// dayEnd is one simulated day's end: the rewards lpwatch's chain
// observation showed for that day's round.
type dayEnd struct {
	day      int
	rewarded int
}

// usage is one measurement of the process, taken every sampleEvery of fake
// time: goroutines and heap after a GC, and the alert transitions (the
// notifications the sink received) so far.
type usage struct {
	at          time.Time
	transitions int
	goroutines  int
	heapInuse   uint64
}

// sampleEvery is how often, in fake time, the soak measures usage.
const sampleEvery = time.Hour

// record is what a run measured.
type record struct {
	days  []dayEnd
	usage []usage
}

// events returns the round schedule's actions by the fake time they
// happen at, each after the probes due at that time have run.
func (w *world) events() map[time.Time][]func() {
	s := w.s
	ev := map[time.Time][]func(){}
	at := func(t time.Time, f func()) { ev[t] = append(ev[t], f) }
	for d := range s.days {
		r := w.r0 + uint64(d)
		start := r * roundBlocks
		at(s.dayStart(d), func() {
			w.chain.do(chainOp{Op: "blocknum", N: start})
			w.chain.do(chainOp{Op: "init"})
			for _, n := range w.nodes {
				n.SetRound(r, true)
			}
		})
		for slot := 1; slot < slotsPerRound; slot++ {
			at(s.dayStart(d).Add(time.Duration(slot)*slotLen), func() {
				w.chain.do(chainOp{Op: "blocknum", N: start + uint64(slot)*slotBlocks})
				for n := range s.nodes {
					if s.reward[d][n] != rewardMissed && s.slot[d][n] == slot {
						w.chain.do(chainOp{Op: "reward", Addrs: []common.Address{w.addrs[n]}})
						w.nodes[n].SetLastRewardRound(r)
					}
				}
			})
		}
	}
	return ev
}

// probeTrack follows one scheduler job's runs as lpwatch records them. A
// job runs at lpwatch's start, then after its spreading offset (on the
// first step at or after it), then every interval.
type probeTrack struct {
	interval time.Duration
	second   time.Time // when the second run is due
	last     time.Time // start of the newest recorded run
	runs     int       // runs recorded after the first one
}

// newTrack returns the track of the scheduler job key started at start.
func newTrack(start time.Time, key string, interval time.Duration) probeTrack {
	off := probes.Offset(key, interval)
	first := max(stepLen, off.Truncate(stepLen))
	if first < off {
		first += stepLen
	}
	return probeTrack{interval: interval, second: start.Add(first)}
}

// seen records the run that began at at, if new, and reports it.
func (p *probeTrack) seen(at time.Time) bool {
	if !at.After(p.last) {
		return false
	}
	if !p.last.IsZero() {
		p.runs++
	}
	p.last = at
	return true
}

// due is when the next run starts.
func (p *probeTrack) due() time.Time {
	if p.runs == 0 {
		return p.second
	}
	return p.last.Add(p.interval)
}

// run drives the schedule step by step: it waits for the probes due,
// applies the outages on the probes they are placed on and the round
// schedule, counts each day's rewards and measures usage every
// sampleEvery. After the last day it goes on until settled says nothing
// is missing.
func (w *world) run(settled func() string) record {
	s := w.s
	ev := w.events()
	nodes := make([]probeTrack, len(s.nodes))
	for n, name := range s.nodes {
		nodes[n] = newTrack(s.start, "node/"+name, nodeInterval)
	}
	chainRuns := newTrack(s.start, "chain/chain", chainInterval)
	restarts := map[time.Time][]int{} // flap ends
	last := s.dayStart(s.days - 1).Add((slotsPerRound - 1) * slotLen)
	w.waitFirstProbes()
	var out record
	deadline := time.Now().Add(waitLimit)
	for {
		now := w.clk.Now()
		snap := w.waitProbes(now, nodes, &chainRuns)
		for n := range nodes {
			if o, ok := snap.Node(s.nodes[n]); ok && nodes[n].seen(o.At) {
				w.onProbe(n, nodes[n], restarts)
			}
		}
		chainRuns.seen(snap.Chain.At)
		for _, n := range restarts[now] {
			MustRestart(w.t, w.srvs[n])
		}
		for _, f := range ev[now] {
			f()
		}
		if d, ok := w.dayEnd(now); ok {
			out.days = append(out.days, w.rewards(d))
		}
		if now.Sub(s.start)%sampleEvery == 0 {
			out.usage = append(out.usage, w.measure(now))
		}
		if now.Before(last) {
			deadline = time.Now().Add(waitLimit)
		} else if why := settled(); why == "" {
			return out
		} else if time.Now().After(deadline) {
			w.t.Fatalf("not settled %s after the last day: %s", waitLimit, why)
		}
		w.step()
	}
}

// waitFirstProbes waits until the first run of every probe, at lpwatch's
// start, has finished and every job is parked on the clock until its
// second run (a timer each), so that the second runs are due when
// predicted. The daemon's loop and the re-post loop hold a ticker each.
func (w *world) waitFirstProbes() {
	w.t.Helper()
	waitUntil(w.t, "the first probes", func() bool {
		for _, name := range w.s.nodes {
			if w.finished("node", name) < 1 {
				return false
			}
		}
		return w.finished("chain", "chain") >= 1 && w.clk.Waiters() >= len(w.s.nodes)+1+2
	})
}

// onProbe applies the outages placed on node n's probe p.runs.
func (w *world) onProbe(n int, p probeTrack, restarts map[time.Time][]int) {
	for _, o := range w.s.outages[n] {
		switch {
		case o.from == p.runs:
			w.srvs[n].Stop()
			if o.flap {
				end := p.last.Add(nodeInterval - stepLen)
				restarts[end] = append(restarts[end], n)
			}
		case o.to == p.runs && !o.flap:
			MustRestart(w.t, w.srvs[n])
		}
	}
}

// step advances the fake clock by stepLen, waits for the evaluation, and
// until no request to a node or the chain is in flight: real I/O takes no
// fake time, so that a probe never looks stale for being slow.
func (w *world) step() {
	w.t.Helper()
	before := w.evaluations()
	w.clk.Advance(stepLen)
	waitUntil(w.t, "an evaluation", func() bool { return w.evaluations() > before })
	waitUntil(w.t, "requests in flight", func() bool {
		if w.chain.busy() {
			return false
		}
		for _, s := range w.srvs {
			if s.Busy() {
				return false
			}
		}
		return true
	})
}

// waitProbes waits until every probe due by now has run and every run
// that began has finished (a chain run goes on after it records its
// observation), so that actions at now come after them and the fake clock
// never runs ahead of a probe. It returns the store's snapshot.
func (w *world) waitProbes(now time.Time, nodes []probeTrack, chainRuns *probeTrack) observe.Snapshot {
	w.t.Helper()
	var snap observe.Snapshot
	var late string
	ready := func() bool {
		snap = w.d.Store().Snapshot()
		for n, name := range w.s.nodes {
			o, _ := snap.Node(name)
			if !w.caughtUp(now, "node", name, o.At, &nodes[n]) {
				late = name
				return false
			}
		}
		late = "chain"
		return snap.Chain != nil && w.caughtUp(now, "chain", "chain", snap.Chain.At, chainRuns)
	}
	if !PollUntil(waitLimit, ready) {
		w.t.Fatalf("at %s, the %s probe did not run or finish", now, late)
	}
	return snap
}

// caughtUp reports whether the job's run due by now (if any) has begun at
// or after its due time and every run that began has finished.
func (w *world) caughtUp(now time.Time, probe, target string, at time.Time, p *probeTrack) bool {
	copy := *p
	copy.seen(at)
	if due := copy.due(); !due.After(now) && at.Before(due) {
		return false
	}
	return w.finished(probe, target) >= float64(copy.runs+1)
}

// finished is how many runs of a job have finished.
func (w *world) finished(probe, target string) float64 {
	return testutil.ToFloat64(w.runs.WithLabelValues(probe, target, "success")) +
		testutil.ToFloat64(w.runs.WithLabelValues(probe, target, "failure"))
}

// dayEnd reports whether now is the last slot of a day.
func (w *world) dayEnd(now time.Time) (int, bool) {
	for d := range w.s.days {
		if now.Equal(w.s.dayStart(d).Add((slotsPerRound - 1) * slotLen)) {
			return d, true
		}
	}
	return 0, false
}

// rewards counts the rewards of day d's round in lpwatch's newest chain
// observation.
func (w *world) rewards(d int) dayEnd {
	e := dayEnd{day: d}
	r := w.r0 + uint64(d)
	if c := w.d.Store().Snapshot().Chain; c != nil {
		if o := c.Obs; o != nil {
			for _, a := range w.addrs {
				if acct := o.Account(a); acct != nil && acct.Transcoder != nil && acct.Transcoder.LastRewardRound == r {
					e.rewarded++
				}
			}
		}
	}
	return e
}

// measure counts the alert transitions so far, then measures goroutines
// and heap after a GC. The fake nodes forget their request logs first, so
// that only lpwatch can grow.
func (w *world) measure(now time.Time) usage {
	u := usage{at: now, transitions: len(w.sink.notes())}
	for _, n := range w.nodes {
		n.ResetRequests()
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	u.goroutines, u.heapInuse = runtime.NumGoroutine(), ms.HeapInuse
	return u
}
