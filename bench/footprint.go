package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// footprint is one run's figures: lpwatch's peak resident memory and its
// CPU over the window, seen from /proc, and its own /metrics at the start
// and end of the window.
type footprint struct {
	rssMB, anonMB, cpuPct float64
	ready                 time.Duration
	load                  window
	before, after         exposition
}

// measureFootprint starts lpwatch over f, lets two probe intervals pass
// (every node probed, the chain read), then measures it over win.
func measureFootprint(ctx context.Context, bin string, f *fleet, o lpOpts, win time.Duration) (footprint, error) {
	p, err := startLpwatch(bin, f, o)
	if err != nil {
		return footprint{}, err
	}
	defer p.stop()
	if err := sleep(ctx, 2*max(o.interval, o.chainEvery())); err != nil {
		return footprint{}, err
	}
	r := footprint{ready: p.ready}
	if r.before, err = scrape(ctx, p.listen); err != nil {
		return r, err
	}
	r.load.start = readLoad()
	m := newMeter(p.pid())
	if err := m.begin(); err != nil {
		return r, err
	}
	t0 := time.Now()
	for time.Since(t0) < win {
		if err := sleep(ctx, time.Second); err != nil {
			return r, err
		}
		m.sample()
	}
	if err := m.end(); err != nil {
		return r, fmt.Errorf("lpwatch exited during the window: %w\n%s", err, p.logTail())
	}
	r.load.end = readLoad()
	if r.after, err = scrape(ctx, p.listen); err != nil {
		return r, err
	}
	r.rssMB, r.anonMB, r.cpuPct = m.peakRSS, m.peakAnon, m.cpuPct()
	return r, nil
}

// footprints measures runs runs, each with a fresh lpwatch.
func footprints(ctx context.Context, bin string, f *fleet, o lpOpts, win time.Duration, runs int) ([]footprint, error) {
	var out []footprint
	for range runs {
		r, err := measureFootprint(ctx, bin, f, o, win)
		if err != nil {
			return nil, err
		}
		if f.chain != nil {
			if err := f.chain.Err(); err != nil {
				return nil, fmt.Errorf("simulated chain: %w", err)
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// reportFootprints prints the footprint line of a measurement and its
// chain line.
func reportFootprints(name string, s setup, rs []footprint, target string) {
	var rss, anon, cpu, ready []float64
	var ws []window
	for _, r := range rs {
		rss, anon, cpu = append(rss, r.rssMB), append(anon, r.anonMB), append(cpu, r.cpuPct)
		ready = append(ready, float64(r.ready.Microseconds())/1000)
		ws = append(ws, r.load)
	}
	figures := fmt.Sprintf("%d run(s), min/median/max: RSS %s MB (anonymous %s MB), CPU %s %% of a core, start to READY=1 %s ms (target %s)",
		len(rs), stats("%.1f", rss), stats("%.1f", anon), stats("%.3f", cpu), stats("%.0f", ready), target)
	line(name, s, figures, ws)
	if s.chain {
		line(name+" chain", s, chainFigures(rs), ws)
	}
}

// chainFigures reports the chain probe's work per cycle from lpwatch's
// /metrics: lpwatch_chain_rpc_calls (calls of the latest cycle) and any
// round-trip or byte series of the chain RPC, when the binary exports them.
func chainFigures(rs []footprint) string {
	var calls, cycles []float64
	perCycle := map[string][]float64{}
	var names []string
	for _, r := range rs {
		if v, ok := r.after.sum("lpwatch_chain_rpc_calls"); ok {
			calls = append(calls, v)
		}
		c0, _ := r.before.sum("lpwatch_probe_runs_total", `probe="chain"`)
		c1, _ := r.after.sum("lpwatch_probe_runs_total", `probe="chain"`)
		cycles = append(cycles, c1-c0)
		names = r.after.names("lpwatch_chain_rpc_")
		for _, n := range names {
			if n == "lpwatch_chain_rpc_calls" {
				continue
			}
			v1, _ := r.after.sum(n)
			if strings.HasSuffix(n, "_total") || strings.HasSuffix(n, "_sum") || strings.HasSuffix(n, "_count") {
				v0, _ := r.before.sum(n)
				if c1 > c0 {
					perCycle[n] = append(perCycle[n], (v1-v0)/(c1-c0))
				}
				continue
			}
			perCycle[n] = append(perCycle[n], v1)
		}
	}
	out := fmt.Sprintf("chain cycles in the window %s; per cycle (min/median/max): RPC calls %s", stats("%.0f", cycles), orAbsent(calls, "%.0f"))
	for _, kind := range []struct{ what, key string }{{"round trips", "round_trip"}, {"bytes", "bytes"}} {
		found := false
		for _, n := range names {
			if strings.Contains(n, kind.key) {
				out += fmt.Sprintf(", %s (%s) %s", kind.what, n, orAbsent(perCycle[n], "%.0f"))
				found = true
			}
		}
		if !found {
			out += fmt.Sprintf(", %s not exported", kind.what)
		}
	}
	return out + "; alerts firing at the end: " + rs[len(rs)-1].after.firing()
}

func orAbsent(v []float64, f string) string {
	if len(v) == 0 {
		return "not exported"
	}
	return stats(f, v)
}

// meter follows the CPU time and resident memory of processes from /proc.
type meter struct {
	pids              []int
	t0                time.Time
	ticks0, ticks1    uint64
	elapsed           time.Duration
	peakRSS, peakAnon float64
}

func newMeter(pids ...int) *meter { return &meter{pids: pids} }

func (m *meter) begin() error {
	t, err := m.ticks()
	m.t0, m.ticks0 = time.Now(), t
	return err
}

// sample records the summed RSS if it is the highest yet.
func (m *meter) sample() {
	var rss, anon float64
	for _, pid := range m.pids {
		r, a, err := rssMB(pid)
		if err != nil {
			return
		}
		rss, anon = rss+r, anon+a
	}
	if rss > m.peakRSS {
		m.peakRSS, m.peakAnon = rss, anon
	}
}

func (m *meter) end() error {
	t, err := m.ticks()
	m.ticks1, m.elapsed = t, time.Since(m.t0)
	return err
}

// cpuPct is the CPU used between begin and end, in % of one core.
func (m *meter) cpuPct() float64 {
	const hz = 100 // USER_HZ on Linux
	return float64(m.ticks1-m.ticks0) / hz / m.elapsed.Seconds() * 100
}

func (m *meter) ticks() (uint64, error) {
	var sum uint64
	for _, pid := range m.pids {
		t, err := cpuTicks(pid)
		if err != nil {
			return 0, err
		}
		sum += t
	}
	return sum, nil
}

// rssMB returns the resident set size and its anonymous part, in MB.
func rssMB(pid int) (rss, anon float64, err error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0, err
	}
	found := 0
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, perr := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "VmRSS:":
			rss, found, err = kb/1024, found+1, perr
		case "RssAnon:":
			anon, found = kb/1024, found+1
		}
	}
	if found != 2 {
		return 0, 0, errors.New("no VmRSS or RssAnon")
	}
	return rss, anon, err
}

// cpuTicks is the user and system time of pid, in clock ticks.
func cpuTicks(pid int) (uint64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndex(s, ")")+2:])
	u, err1 := strconv.ParseUint(f[11], 10, 64)
	st, err2 := strconv.ParseUint(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("parse /proc/%d/stat", pid)
	}
	return u + st, nil
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
