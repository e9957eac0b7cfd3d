package soak

import (
	"context"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/sinks"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/daemon"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// waitLimit bounds every real-time wait; reaching it fails the soak.
const waitLimit = 20 * time.Second

// world is lpwatch on a fake clock with its nodes, chain and sink.
type world struct {
	t      *testing.T
	ctx    context.Context
	clk    *clock.Fake
	s      *schedule
	chain  *chainProc
	nodes  []*fakenode.Node
	srvs   []*Server
	addrs  []common.Address
	sink   *receiver
	sinkS  *Server
	d      *daemon.Daemon
	reg    *prometheus.Registry
	evals  prometheus.Collector
	runs   *prometheus.CounterVec
	logs   *LockedBuffer
	cancel context.CancelFunc
	done   chan error
	// r0 is day 0's round.
	r0 uint64
}

// newWorld builds the chain (every node's transcoder active, reward called
// in the round before day 0), the nodes, the sink and lpwatch, whose sinks
// wrap wraps when set.
func newWorld(t *testing.T, s *schedule, wrap func(alert.Sink) alert.Sink) *world {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	w := &world{t: t, ctx: ctx, clk: clock.NewFake(s.start), s: s, logs: &LockedBuffer{}}
	for i := range s.nodes {
		w.addrs = append(w.addrs, common.BigToAddress(big.NewInt(int64(0x5000+i))))
	}
	w.chain = startChain(t, w.addrs)
	w.setupChain()
	for i := range s.nodes {
		n := fakenode.New(nodeapi.Current)
		n.SetAddress(w.addrs[i])
		n.SetRound(w.r0-1, true)
		n.SetLastRewardRound(w.r0 - 1)
		w.nodes = append(w.nodes, n)
		w.srvs = append(w.srvs, MustServe(t, n))
	}
	w.sink = &receiver{}
	w.sinkS = MustServe(t, w.sink)
	w.startDaemon(wrap)
	return w
}

func (w *world) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

// setupChain puts the chain in the middle of round 5, initialized, with
// every node active and rewarded in it; day 0 is round 6.
func (w *world) setupChain() {
	w.chain.do(chainOp{Op: "blocknum", N: 5*roundBlocks + 50*slotBlocks})
	w.chain.do(chainOp{Op: "init"})
	w.chain.do(chainOp{Op: "setup", N: 5, Addrs: w.addrs})
	w.r0 = 6
}

// config is lpwatch's configuration for the soak: nodes probed every 30m,
// the chain every 30m, no repeat notification within the soak, and
// disagreement_for long enough for a node probed every 30m to catch up
// with the chain.
func (w *world) config(dir string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `[server]
listen = "127.0.0.1:9717"
[state]
dir = %q
[chain]
urls = [%q]
controller = %q
chain_id = %d
interval = "30m"
timeout = "1m"
max_log_range = 100000
[checks]
disagreement_for = "2h"
# Longer than chain_down_for + chain.interval + chain.timeout, as the
# configuration requires: a chain outage raises EthNodeDown first.
node_chain_errors_for = "33m"
[alert]
source = "soak"
repeat_interval = "2000h"
backoff_initial = "1s"
backoff_max = "1m"
[host]
enabled = false
[[alert.sink]]
name = "pager"
type = "webhook"
url = %q
min_severity = "info"
timeout = "30s"
`, filepath.Join(dir, "state"), w.chain.hello.RPC, w.chain.hello.Controller.Hex(), simchain.ChainID, w.sinkS.URL()+"/hook")
	for i, name := range w.s.nodes {
		fmt.Fprintf(&b, "[[node]]\nname = %q\nurl = %q\nexpected_address = %q\ninterval = \"30m\"\ntimeout = \"1m\"\n",
			name, w.srvs[i].URL(), w.addrs[i].Hex())
	}
	return b.String()
}

// startDaemon starts lpwatch on the soak's configuration; wrap, when set,
// wraps each sink lpwatch builds.
func (w *world) startDaemon(wrap func(alert.Sink) alert.Sink) {
	w.t.Helper()
	dir := w.t.TempDir()
	path := filepath.Join(dir, "lpwatch.toml")
	if err := os.WriteFile(path, []byte(w.config(dir)), 0o600); err != nil {
		w.t.Fatal(err)
	}
	cfg, err := config.Load(path, sinks.Default(), checks.Catalog())
	w.must(err)
	log := logrus.New()
	log.SetOutput(w.logs)
	log.SetLevel(logrus.WarnLevel)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	w.must(err)
	w.reg = prometheus.NewRegistry()
	opts := daemon.Options{ConfigPath: path, Config: cfg, Logger: log, Clock: w.clk,
		Registry: w.reg, Listener: ln, EvalInterval: stepLen, Version: "soak"}
	if wrap != nil {
		build := daemon.BuildSinks(log, &http.Client{}, w.clk)
		opts.Sinks = func(cfg *config.Config) (map[string]alert.Sink, error) {
			sinks, err := build(cfg)
			for name, s := range sinks {
				sinks[name] = wrap(s)
			}
			return sinks, err
		}
	}
	w.d, err = daemon.New(opts)
	w.must(err)
	w.evals = existing(w.t, w.reg, prometheus.NewCounter(prometheus.CounterOpts{
		Name: "lpwatch_evaluations_total", Help: "Check evaluations performed."}))
	w.runs = existing(w.t, w.reg, prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "lpwatch_probe_runs_total", Help: "Probe runs by result."}, []string{"probe", "target", "result"})).(*prometheus.CounterVec)
	ctx, cancel := context.WithCancel(w.ctx)
	w.cancel, w.done = cancel, make(chan error, 1)
	go func() { w.done <- w.d.Run(ctx) }()
}

// existing returns the collector already registered in reg that c
// describes: the daemon's own, read without gathering everything.
func existing(t *testing.T, reg prometheus.Registerer, c prometheus.Collector) prometheus.Collector {
	t.Helper()
	err := reg.Register(c)
	if are, ok := err.(prometheus.AlreadyRegisteredError); ok {
		return are.ExistingCollector
	}
	if err == nil {
		reg.Unregister(c)
	}
	t.Fatalf("the daemon registers no collector like %v: %v", c, err)
	return nil
}

// evaluations reads lpwatch_evaluations_total.
func (w *world) evaluations() float64 { return testutil.ToFloat64(w.evals) }

// close stops lpwatch, the nodes, the sink and the chain.
func (w *world) close() {
	if w.cancel != nil {
		w.cancel()
		select {
		case err := <-w.done:
			if err != nil {
				w.t.Errorf("daemon Run: %v", err)
			}
		case <-time.After(waitLimit):
			w.t.Error("daemon did not stop")
		}
	}
	for i, s := range w.srvs {
		s.Stop()
		w.nodes[i].Close()
	}
	w.sinkS.Stop()
	w.chain.close()
}

// waitUntil polls cond in real time until it holds; it fails after waitLimit.
func waitUntil(t testing.TB, what string, cond func() bool) {
	t.Helper()
	if !PollUntil(waitLimit, cond) {
		t.Fatalf("timed out after %s waiting for %s", waitLimit, what)
	}
}
