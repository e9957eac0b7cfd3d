package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// stack is the running Prometheus, Alertmanager, blackbox_exporter and
// json_exporter.
type stack struct {
	dir   string
	procs []*exec.Cmd
	names []string
	done  []chan struct{}
}

func (s *stack) pids() []int {
	out := make([]int, len(s.procs))
	for i, p := range s.procs {
		out[i] = p.Process.Pid
	}
	return out
}

// stop interrupts every process, kills what is left after 10 s and
// removes the stack's files.
func (s *stack) stop() {
	for _, p := range s.procs {
		_ = p.Process.Signal(os.Interrupt)
	}
	for i, p := range s.procs {
		select {
		case <-s.done[i]:
		case <-time.After(10 * time.Second):
			_ = p.Process.Kill()
			<-s.done[i]
		}
	}
	os.RemoveAll(s.dir)
}

// startStack writes the stack's configuration and starts it, every
// listener on a free 127.0.0.1 port, and waits until each answers.
func startStack(ctx context.Context, t peerTools, f *fleet, so stackOpts, hookURL string) (*stack, error) {
	dir, err := os.MkdirTemp("", "lpwatch-bench-stack-")
	if err != nil {
		return nil, err
	}
	s := &stack{dir: dir}
	var a stackAddrs
	for _, p := range []*string{&a.prometheus, &a.alertmanager, &a.blackbox, &a.jsonExporter} {
		if *p, err = freeAddr(); err != nil {
			s.stop()
			return nil, err
		}
	}
	if err := writeStackConfig(dir, f, so, a, hookURL); err != nil {
		s.stop()
		return nil, err
	}
	in := func(name string) string { return filepath.Join(dir, name) }
	for _, c := range []struct {
		name, bin, ready string
		args             []string
	}{
		{"alertmanager", t.alertmanager, a.alertmanager + "/-/ready", []string{"--config.file=" + in("alertmanager.yml"), "--storage.path=" + in("am"), "--web.listen-address=" + a.alertmanager, "--cluster.listen-address="}},
		{"blackbox_exporter", t.blackbox, a.blackbox + "/metrics", []string{"--config.file=" + in("blackbox.yml"), "--web.listen-address=" + a.blackbox}},
		{"json_exporter", t.jsonExporter, a.jsonExporter + "/metrics", []string{"--config.file=" + in("json_exporter.yml"), "--web.listen-address=" + a.jsonExporter}},
		{"prometheus", t.prometheus, a.prometheus + "/-/ready", []string{"--config.file=" + in("prometheus.yml"), "--storage.tsdb.path=" + in("tsdb"), "--web.listen-address=" + a.prometheus}},
	} {
		if err := s.start(ctx, c.name, c.bin, c.ready, c.args); err != nil {
			s.stop()
			return nil, err
		}
	}
	return s, nil
}

func (s *stack) start(ctx context.Context, name, bin, ready string, args []string) error {
	log, err := os.Create(filepath.Join(s.dir, name+".log"))
	if err != nil {
		return err
	}
	defer log.Close()
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = s.dir, log, log
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	s.procs, s.names, s.done = append(s.procs, cmd), append(s.names, name), append(s.done, done)
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get("http://" + ready)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-done:
			b, _ := os.ReadFile(log.Name())
			return fmt.Errorf("%s exited: %s", name, tail(string(b)))
		default:
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s did not answer %s within 60s", name, ready)
		}
		if err := sleep(ctx, 200*time.Millisecond); err != nil {
			return err
		}
	}
}

func tail(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-3):], "\n")
}

// peersRun is one side-by-side run.
type peersRun struct {
	lpRSS, lpCPU, stackRSS, stackCPU float64
	stackParts                       []string
	// load is the footprint window's load average, faultLoad the
	// fault's (from the stop to the end of the watch for resolves).
	load, faultLoad window
	// lpDown and stackDown are fault to LivepeerNodeDown accepted (0: none).
	lpDown, stackDown time.Duration
	// lpResolve and stackResolve are when the reward alert of the downed
	// node resolved after the fault (0: it did not).
	lpResolve, stackResolve time.Duration
	// watched is how long after the fault resolves were looked for.
	watched time.Duration
	// roundChanged says a round began during the watch (it should not).
	roundChanged bool
}

// faultWatch bounds the time from stopping the node to the end of the
// watch for resolves.
func faultWatch(lo lpOpts, so stackOpts) time.Duration {
	return 3*(lo.interval+lo.downFor) + 2*so.scrape + so.groupInterval + 5*time.Second
}

// untilRoundLeft waits until the current round has d left (a block a
// o.block), lpwatch has read that round and its reward alert fires in it,
// and returns the round.
func untilRoundLeft(ctx context.Context, o options, f *fleet, p *proc, d time.Duration) (uint64, error) {
	deadline := time.Now().Add(2*time.Duration(f.opts.roundBlocks)*o.block + 5*time.Minute)
	for time.Now().Before(deadline) {
		round, left, err := f.chain.roundLeft(ctx)
		if err != nil {
			return 0, err
		}
		if time.Duration(left)*o.block >= d {
			m, err := scrape(ctx, p.listen)
			if err != nil {
				return 0, err
			}
			// lpwatch has read this round (a firing alert of the
			// previous round would resolve at its first evaluation).
			seen, _ := m.sum("lpwatch_round_current")
			if v, _ := m.sum("lpwatch_alerts_firing", `alert="RewardNotCalled"`); v > 0 && uint64(seen) == round {
				return round, nil
			}
		}
		if err := sleep(ctx, o.block); err != nil {
			return 0, err
		}
	}
	return 0, errors.New("peers: no round with time left for the fault and RewardNotCalled firing in it")
}

// peersTiming is lpwatch's and the stack's timing in a -peers run.
func peersTiming(quick bool) (lpOpts, stackOpts) {
	lo := lpOpts{interval: 15 * time.Second, timeout: 10 * time.Second, downFor: time.Minute}
	so := stackOpts{scrape: 15 * time.Second, downFor: time.Minute, rewardFor: time.Minute, groupWait: time.Second, groupInterval: 10 * time.Second}
	if quick {
		lo.interval, lo.timeout, lo.downFor = 5*time.Second, 4*time.Second, 15*time.Second
		so.scrape, so.downFor, so.rewardFor, so.groupInterval = 5*time.Second, 15*time.Second, 15*time.Second, 5*time.Second
	}
	return lo, so
}

// runPeers compares lpwatch with the stack an operator would assemble
// instead, on the same n fake nodes and chain; node 0's orchestrator
// never calls reward, so both raise a reward alert for it, and then node
// 0 stops.
func runPeers(ctx context.Context, o options, n int, win time.Duration) error {
	name := fmt.Sprintf("peers, %d node(s)", n)
	tools, err := findPeerTools(ctx, o.jsonExporter)
	var missing *missingTools
	if errors.As(err, &missing) && os.Getenv("CI") != "true" {
		fmt.Printf("%s | skipped: %s; install them (apt-get install prometheus prometheus-alertmanager prometheus-blackbox-exporter) or set CI=true to make this an error\n", name, missing)
		return nil
	}
	if err != nil {
		return err
	}
	if !o.chain {
		return errors.New("-peers compares with the configuration operators run: -chain=off is not supported")
	}
	fmt.Printf("# %s; %s; %s; json_exporter %s built from its module\n", version(tools.prometheus), version(tools.alertmanager), version(tools.blackbox), jsonExporterVersion)
	lo, so := peersTiming(o.quick)
	lo.profile = o.pprof
	fo := o.fleetOf(n)
	fo.noReward = []int{0}
	// Rounds long enough that the fault and the watch for resolves fit in
	// one: a new round is not what resolves a reward alert here.
	fo.roundBlocks = max(fo.roundBlocks, 2*uint64(faultWatch(lo, so)/o.block))
	f, err := startFleet(ctx, fo)
	if err != nil {
		return err
	}
	defer f.close()
	var rs []peersRun
	for range o.runs {
		r, err := peersOnce(ctx, o, f, lo, so, tools, win)
		if err != nil {
			return err
		}
		rs = append(rs, r)
		if err := f.nodes[0].Restart(); err != nil {
			return err
		}
	}
	reportPeers(name, setupOf(f, lo), so, rs)
	return nil
}

func peersOnce(ctx context.Context, o options, f *fleet, lo lpOpts, so stackOpts, t peerTools, win time.Duration) (peersRun, error) {
	var r peersRun
	lpHook, amHook := newHook(), newHook()
	defer lpHook.close()
	defer amHook.close()
	lo.hookURL = lpHook.URL()
	start := time.Now()
	p, err := startLpwatch(o.bin, f, lo)
	if err != nil {
		return r, err
	}
	defer p.stop()
	s, err := startStack(ctx, t, f, so, amHook.URL())
	if err != nil {
		return r, err
	}
	defer s.stop()
	if err := sleep(ctx, 2*max(lo.interval, lo.chainEvery())); err != nil {
		return r, err
	}
	// Footprints, both sides over the same window.
	lp, st := newMeter(p.pid()), newMeter(s.pids()...)
	r.load.start = readLoad()
	if err := errors.Join(lp.begin(), st.begin()); err != nil {
		return r, err
	}
	for t0 := time.Now(); time.Since(t0) < win; {
		if err := sleep(ctx, time.Second); err != nil {
			return r, err
		}
		lp.sample()
		st.sample()
	}
	if err := errors.Join(lp.end(), st.end()); err != nil {
		return r, fmt.Errorf("a process exited during the window: %w", err)
	}
	r.load.end = readLoad()
	r.lpRSS, r.lpCPU, r.stackRSS, r.stackCPU = lp.peakRSS, lp.cpuPct(), st.peakRSS, st.cpuPct()
	for i, pid := range s.pids() {
		rss, _, _ := rssMB(pid)
		r.stackParts = append(r.stackParts, fmt.Sprintf("%s %.1f", s.names[i], rss))
	}
	// Both reward alerts of node 0 firing, then node 0 stops.
	node := nodeName(0)
	until := time.Now().Add(3*so.rewardFor + 2*time.Minute)
	if _, ok := lpHook.wait(ctx, start, "RewardNotCalled", node, "firing", until); !ok {
		return r, errors.New("peers: lpwatch sent no RewardNotCalled for the node that does not reward\n" + p.logTail())
	}
	if _, ok := amHook.wait(ctx, start, "RewardNotCalled", node, "firing", until); !ok {
		return r, errors.New("peers: Alertmanager sent no RewardNotCalled for the node that does not reward")
	}
	round, err := untilRoundLeft(ctx, o, f, p, faultWatch(lo, so))
	if err != nil {
		return r, err
	}
	r.faultLoad.start = readLoad()
	tf := time.Now()
	f.nodes[0].Stop()
	until = tf.Add(3 * (lo.interval + lo.downFor))
	if e, ok := lpHook.wait(ctx, tf, "LivepeerNodeDown", node, "firing", until); ok {
		r.lpDown = e.at.Sub(tf)
	}
	if e, ok := amHook.wait(ctx, tf, "LivepeerNodeDown", node, "firing", until); ok {
		r.stackDown = e.at.Sub(tf)
	}
	// A resolve of the reward alert would be sent within two evaluations
	// and a group interval of the series vanishing; watch that long after
	// the later of the two node-down notifications.
	watchEnd := tf.Add(max(r.lpDown, r.stackDown) + 2*so.scrape + so.groupInterval + 5*time.Second)
	if e, ok := lpHook.wait(ctx, tf, "RewardNotCalled", node, "resolved", watchEnd); ok {
		r.lpResolve = e.at.Sub(tf)
		fmt.Printf("# lpwatch resolved RewardNotCalled of %s %.1f s after the node stopped; its log about it:\n%s", node, r.lpResolve.Seconds(), p.logLines("RewardNotCalled", node))
	}
	if e, ok := amHook.wait(ctx, tf, "RewardNotCalled", node, "resolved", watchEnd); ok {
		r.stackResolve = e.at.Sub(tf)
	}
	r.watched = watchEnd.Sub(tf)
	if now, _, err := f.chain.roundLeft(ctx); err != nil || now != round {
		r.roundChanged = true
	}
	r.faultLoad.end = readLoad()
	return r, ctx.Err()
}

func reportPeers(name string, s setup, so stackOpts, rs []peersRun) {
	var ws, fws []window
	var lpRSS, stRSS, rssRatio, lpCPU, stCPU, cpuRatio, lpDown, stDown, downRatio []float64
	lpFalse, stFalse := 0, 0
	var lpRes, stRes []time.Duration
	for _, r := range rs {
		ws, fws = append(ws, r.load), append(fws, r.faultLoad)
		lpRSS, stRSS, rssRatio = append(lpRSS, r.lpRSS), append(stRSS, r.stackRSS), append(rssRatio, r.stackRSS/r.lpRSS)
		lpCPU, stCPU = append(lpCPU, r.lpCPU), append(stCPU, r.stackCPU)
		if r.lpCPU > 0 {
			cpuRatio = append(cpuRatio, r.stackCPU/r.lpCPU)
		}
		if r.lpDown > 0 && r.stackDown > 0 {
			lpDown, stDown, downRatio = append(lpDown, r.lpDown.Seconds()), append(stDown, r.stackDown.Seconds()), append(downRatio, r.stackDown.Seconds()/r.lpDown.Seconds())
		}
		if r.lpResolve > 0 {
			lpFalse++
			lpRes = append(lpRes, r.lpResolve)
		}
		if r.stackResolve > 0 {
			stFalse++
			stRes = append(stRes, r.stackResolve)
		}
	}
	stackSetup := "stack: " + so.String() + " | lpwatch: " + s.String()
	line(name+" footprint", s, fmt.Sprintf("%d run(s), min/median/max: total RSS stack %s MB (%s, last run) vs lpwatch %s MB, ratio %s; CPU stack %s %% vs lpwatch %s %% of a core, ratio %s; processes 4 vs 1 | %s",
		len(rs), stats("%.1f", stRSS), strings.Join(rs[len(rs)-1].stackParts, ", "), stats("%.1f", lpRSS), stats("%.1f", rssRatio),
		stats("%.3f", stCPU), stats("%.3f", lpCPU), stats("%.1f", cpuRatio), stackSetup), ws)
	line(name+" fault", s, fmt.Sprintf("node stopped to LivepeerNodeDown accepted, min/median/max: stack %s s vs lpwatch %s s, ratio %s (%d of %d runs had both)",
		stats("%.1f", stDown), stats("%.1f", lpDown), stats("%.2f", downRatio), len(downRatio), len(rs)), fws)
	changed := 0
	for _, r := range rs {
		if r.roundChanged {
			changed++
		}
	}
	resolves := func(n int, ds []time.Duration) string {
		if n == 0 {
			return fmt.Sprintf("0 of %d runs", len(rs))
		}
		return fmt.Sprintf("%d of %d runs, %s s after the stop", n, len(rs), stats("%.1f", seconds(ds)))
	}
	line(name+" correctness", s, fmt.Sprintf("reward alert of the stopped node, firing before the stop, resolved (falsely) within %s of the stop, in the same round: stack %s; lpwatch %s; runs where a round began during the watch (not counted as false): %d",
		rs[0].watched.Round(time.Second), resolves(stFalse, stRes), resolves(lpFalse, lpRes), changed), fws)
}
