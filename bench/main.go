// Command bench measures lpwatch from the outside, as an operator would
// see it: it builds the binary, starts fake nodes, runs lpwatch as a child
// process and reports resident memory, CPU, HTTP latency at a fixed rate,
// the time from an injected fault to the notification accepted by a sink,
// and the time from start to READY=1. "make bench" runs it and writes
// BENCHMARKS.md's figures to stdout.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

func main() {
	bin := flag.String("bin", "bin/lpwatch", "the lpwatch binary to measure")
	quick := flag.Bool("quick", false, "shorter windows (for a smoke run)")
	only := flag.String("only", "", "run one measurement: idle, fleet, latency or fault")
	flag.Parse()
	if err := run(*bin, *quick, *only); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(bin string, quick bool, only string) error {
	window := 60 * time.Second
	if quick {
		window = 10 * time.Second
	}
	fmt.Printf("# lpwatch bench, %s, %s, window %s\n\n", time.Now().UTC().Format(time.RFC3339), bin, window)

	want := func(name string) bool { return only == "" || only == name }
	// 1. Idle: one node at 15s probes.
	if want("idle") {
		r, err := footprint(bin, 1, 15*time.Second, window)
		if err != nil {
			return err
		}
		fmt.Printf("idle, 1 node at 15s probes: RSS %.1f MB (%.1f MB anonymous), CPU %.3f%% of a core (target RSS <= 25 MB, CPU <= 0.2%%)\n", r.rssMB, r.anonMB, r.cpuPct)
		fmt.Printf("start to READY=1: %s (target <= 200 ms)\n", r.ready.Round(time.Millisecond))
	}
	// 2. 1,000 nodes at 15s probes.
	if want("fleet") {
		r, err := footprint(bin, 1000, 15*time.Second, window)
		if err != nil {
			return err
		}
		fmt.Printf("1000 nodes at 15s probes: RSS %.1f MB (%.1f MB anonymous), CPU %.2f%% of a core (target RSS <= 150 MB, CPU <= 10%%)\n", r.rssMB, r.anonMB, r.cpuPct)
	}
	if !want("latency") && !want("fault") {
		return nil
	}
	// 3. /health and /metrics latency at 2,000 requests/s, and /metrics at
	// a rate a fleet's Prometheus servers would reach.
	if want("latency") {
		for _, c := range []struct {
			path string
			rate int
		}{{"/health", 2000}, {"/metrics", 2000}, {"/metrics", 100}} {
			lat, err := latency(bin, c.path, c.rate, window/2)
			if err != nil {
				return err
			}
			fmt.Printf("%s at %d req/s: %s (target /health p99 <= 1 ms)\n", c.path, c.rate, lat)
		}
	}
	// 4. Fault to notification accepted by the sink.
	if !want("fault") {
		return nil
	}
	d, budget, err := faultToNotification(bin)
	if err != nil {
		return err
	}
	fmt.Printf("fault to notification accepted: %s (target <= interval + for + 1s = %s)\n", d.Round(time.Millisecond), budget)
	return nil
}

// proc is a running lpwatch with its environment.
type proc struct {
	cmd    *exec.Cmd
	dir    string
	listen string
	nodes  []*fakenode.Node
	ready  time.Duration
}

func (p *proc) stop() {
	if p.cmd != nil && p.cmd.Process != nil {
		_ = p.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = p.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = p.cmd.Process.Kill()
			<-done
		}
	}
	for _, n := range p.nodes {
		n.Close()
	}
	os.RemoveAll(p.dir)
}

type startOpts struct {
	nodes    int
	interval time.Duration
	timeout  time.Duration
	downFor  time.Duration
	sinkURL  string // webhook sink; "" for a log sink to /dev/null
}

// start launches n fake nodes and lpwatch watching them, and waits for READY=1.
func start(bin string, o startOpts) (*proc, error) {
	dir, err := os.MkdirTemp("", "lpwatch-bench-")
	if err != nil {
		return nil, err
	}
	p := &proc{dir: dir}
	var nodes strings.Builder
	for i := 0; i < o.nodes; i++ {
		n := fakenode.New(nodeapi.Current)
		if _, err := n.Start(); err != nil {
			p.stop()
			return nil, err
		}
		p.nodes = append(p.nodes, n)
		fmt.Fprintf(&nodes, "[[node]]\nname = \"n%04d\"\nurl = %q\nexpected_address = %q\ninterval = %q\ntimeout = %q\nmetrics = \"off\"\n\n",
			i, n.URL(), fakenode.DefaultAddress, o.interval, o.timeout)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		p.stop()
		return nil, err
	}
	p.listen = ln.Addr().String()
	ln.Close()
	sink := "[[alert.sink]]\nname = \"null\"\ntype = \"log\"\nmin_severity = \"critical\"\n"
	if o.sinkURL != "" {
		sink = fmt.Sprintf("[[alert.sink]]\nname = \"hook\"\ntype = \"webhook\"\nurl = %q\nmin_severity = \"info\"\n", o.sinkURL)
	}
	downFor := o.downFor
	if downFor == 0 {
		downFor = time.Minute
	}
	cfg := fmt.Sprintf("[server]\nlisten = %q\n[state]\ndir = %q\n[log]\nformat = \"json\"\nlevel = \"warn\"\n[chain]\nurls = []\n[host]\nenabled = false\n[checks]\nnode_down_for = %q\n%s\n%s",
		p.listen, filepath.Join(dir, "state"), downFor.String(), sink, nodes.String())
	path := filepath.Join(dir, "lpwatch.toml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		p.stop()
		return nil, err
	}
	sock := filepath.Join(dir, "notify.sock")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: sock, Net: "unixgram"})
	if err != nil {
		p.stop()
		return nil, err
	}
	defer conn.Close()
	p.cmd = exec.Command(bin, "run", "-config", path)
	p.cmd.Env = append(os.Environ(), "NOTIFY_SOCKET="+sock)
	p.cmd.Stderr = io.Discard
	begin := time.Now()
	if err := p.cmd.Start(); err != nil {
		p.stop()
		return nil, err
	}
	_ = conn.SetReadDeadline(time.Now().Add(30 * time.Second))
	buf := make([]byte, 4096)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			p.stop()
			return nil, fmt.Errorf("waiting for READY=1: %w", err)
		}
		if strings.Contains(string(buf[:n]), "READY=1") {
			p.ready = time.Since(begin)
			return p, nil
		}
	}
}

type footprintResult struct {
	rssMB, anonMB, cpuPct float64
	ready                 time.Duration
}

// footprint measures RSS and CPU of lpwatch over window, after a warm-up
// of two probe intervals.
func footprint(bin string, nodes int, interval, window time.Duration) (footprintResult, error) {
	p, err := start(bin, startOpts{nodes: nodes, interval: interval, timeout: 10 * time.Second})
	if err != nil {
		return footprintResult{}, err
	}
	defer p.stop()
	time.Sleep(2 * interval) // warm-up: every node probed at least once
	pid := p.cmd.Process.Pid
	c0, err := cpuTicks(pid)
	if err != nil {
		return footprintResult{}, err
	}
	t0 := time.Now()
	var peak, anon float64
	for time.Since(t0) < window {
		time.Sleep(time.Second)
		if rss, a, err := rssMB(pid); err == nil && rss > peak {
			peak, anon = rss, a
		}
	}
	c1, err := cpuTicks(pid)
	if err != nil {
		return footprintResult{}, err
	}
	const hz = 100 // USER_HZ on Linux
	cpu := float64(c1-c0) / hz / time.Since(t0).Seconds() * 100
	return footprintResult{rssMB: peak, anonMB: anon, cpuPct: cpu, ready: p.ready}, nil
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

// latency sends rate requests per second to path for d and reports
// percentiles. The load is open-loop: workers each own a slice of a fixed
// schedule, and latency is measured from the scheduled send time, so a
// slow answer delays nothing and hides nothing (no coordinated omission).
func latency(bin, path string, rate int, d time.Duration) (string, error) {
	p, err := start(bin, startOpts{nodes: 1, interval: 15 * time.Second, timeout: 10 * time.Second})
	if err != nil {
		return "", err
	}
	defer p.stop()
	time.Sleep(2 * time.Second)
	const workers = 64
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers, MaxConnsPerHost: workers}}
	url := "http://" + p.listen + path
	total := int(float64(rate) * d.Seconds())
	period := time.Second / time.Duration(rate)
	lats := make([]time.Duration, total)  // from the scheduled send time
	serve := make([]time.Duration, total) // from the actual send time
	var fails atomic.Int64
	var wg sync.WaitGroup
	begin := time.Now().Add(100 * time.Millisecond)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < total; i += workers {
				at := begin.Add(time.Duration(i) * period)
				time.Sleep(time.Until(at))
				t0 := time.Now()
				resp, err := client.Get(url)
				if err != nil {
					fails.Add(1)
					lats[i], serve[i] = -1, -1
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				lats[i], serve[i] = time.Since(at), time.Since(t0)
			}
		}(w)
	}
	wg.Wait()
	elapsed := time.Since(begin)
	sched, srv := percentiles(lats), percentiles(serve)
	return fmt.Sprintf("%d requests in %s (%.0f/s), %d failed\n  from send: %s\n  from schedule (open loop): %s",
		total, elapsed.Round(time.Millisecond), float64(total)/elapsed.Seconds(), fails.Load(), srv, sched), nil
}

// percentiles renders p50, p90, p99, p99.9 and max of the non-negative samples.
func percentiles(samples []time.Duration) string {
	ok := make([]time.Duration, 0, len(samples))
	for _, l := range samples {
		if l >= 0 {
			ok = append(ok, l)
		}
	}
	sort.Slice(ok, func(i, j int) bool { return ok[i] < ok[j] })
	pct := func(q float64) time.Duration {
		if len(ok) == 0 {
			return 0
		}
		return ok[int(q*float64(len(ok)-1))].Round(time.Microsecond)
	}
	return fmt.Sprintf("p50 %s, p90 %s, p99 %s, p99.9 %s, max %s", pct(0.5), pct(0.9), pct(0.99), pct(0.999), pct(1))
}

// faultToNotification stops the node and measures until the webhook sink
// accepts the LivepeerNodeDown notification.
func faultToNotification(bin string) (time.Duration, time.Duration, error) {
	got := make(chan time.Time, 16)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if strings.Contains(string(b), `"LivepeerNodeDown"`) && strings.Contains(string(b), `"firing"`) {
			got <- time.Now()
		}
		w.WriteHeader(http.StatusOK)
	}))
	defer hook.Close()
	interval, downFor := 5*time.Second, 10*time.Second
	p, err := start(bin, startOpts{nodes: 1, interval: interval, timeout: 2 * time.Second, downFor: downFor, sinkURL: hook.URL})
	if err != nil {
		return 0, 0, err
	}
	defer p.stop()
	time.Sleep(2 * interval)
	t0 := time.Now()
	p.nodes[0].Stop()
	select {
	case t1 := <-got:
		return t1.Sub(t0), interval + downFor + time.Second, nil
	case <-time.After(3 * (interval + downFor)):
		return 0, 0, errors.New("no notification arrived")
	}
}
