package soak

import (
	"context"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/daemon"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// waitLimit bounds every real-time wait; reaching it fails the soak.
const waitLimit = 20 * time.Second

// server serves a handler on a loopback port that can stop (connections
// refused) and serve again on the same port; it counts requests in flight.
type server struct {
	t        testing.TB
	h        http.Handler
	addr     string
	inflight atomic.Int64

	mu   sync.Mutex
	srv  *http.Server
	done chan struct{}
}

func newServer(t testing.TB, h http.Handler) *server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &server{t: t, h: h, addr: ln.Addr().String()}
	s.serve(ln)
	return s
}

func (s *server) url() string { return "http://" + s.addr }

func (s *server) serve(ln net.Listener) {
	srv := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.inflight.Add(1)
		defer s.inflight.Add(-1)
		s.h.ServeHTTP(w, r)
	})}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = srv.Serve(ln)
	}()
	s.mu.Lock()
	s.srv, s.done = srv, done
	s.mu.Unlock()
}

// busy reports whether a request is being served.
func (s *server) busy() bool { return s.inflight.Load() > 0 }

func (s *server) stop() {
	s.mu.Lock()
	srv, done := s.srv, s.done
	s.srv = nil
	s.mu.Unlock()
	if srv != nil {
		_ = srv.Close()
		<-done
	}
}

func (s *server) restart() {
	s.t.Helper()
	s.stop()
	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		s.t.Fatalf("listen again on %s: %v", s.addr, err)
	}
	s.serve(ln)
}

// world is lpwatch on a fake clock with its nodes, chain and sink.
type world struct {
	t     *testing.T
	ctx   context.Context
	clk   *clock.Fake
	s     *schedule
	sim   *simchain.Chain
	nodes []*fakenode.Node
	srvs  []*server
	addrs []common.Address
	sink  *receiver
	sinkS *server
	// rpc forwards lpwatch's chain calls to the simulated chain.
	rpc    *server
	d      *daemon.Daemon
	reg    *prometheus.Registry
	evals  prometheus.Collector
	runs   *prometheus.CounterVec
	logs   *lockedLog
	cancel context.CancelFunc
	done   chan error
	// r0 is day 0's round.
	r0 uint64
}

// newWorld builds the chain (every node's transcoder active, reward called
// in the round before day 0), the nodes, the sink and lpwatch.
func newWorld(t *testing.T, s *schedule) *world {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	w := &world{t: t, ctx: ctx, clk: clock.NewFake(s.start), s: s, logs: &lockedLog{}}
	for i := range s.nodes {
		w.addrs = append(w.addrs, common.BigToAddress(big.NewInt(int64(0x5000+i))))
	}
	sim, err := simchain.New(ctx, simchain.Options{HTTP: true, Fund: w.addrs, RoundLength: roundBlocks})
	if err != nil {
		t.Fatal(err)
	}
	w.sim = sim
	target, err := url.Parse(sim.URL())
	w.must(err)
	w.rpc = newServer(t, httputil.NewSingleHostReverseProxy(target))
	w.setupChain()
	for i := range s.nodes {
		n := fakenode.New(nodeapi.Current)
		n.SetAddress(w.addrs[i])
		n.SetRound(w.r0-1, true)
		n.SetLastRewardRound(w.r0 - 1)
		w.nodes = append(w.nodes, n)
		w.srvs = append(w.srvs, newServer(t, n))
	}
	w.sink = &receiver{}
	w.sinkS = newServer(t, w.sink)
	w.startDaemon()
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
	d := w.sim.Driver()
	w.setBlockNum(5*roundBlocks + 50*slotBlocks)
	w.must(d.InitializeRound(w.ctx))
	stake := new(big.Int).Mul(big.NewInt(1e6), big.NewInt(1e18))
	for _, a := range w.addrs {
		w.must(d.SetActive(w.ctx, a, true))
		w.must(d.SetTotalStake(w.ctx, a, stake))
		w.must(d.SetLastRewardRound(w.ctx, a, 5))
	}
	st, err := d.RoundState(w.ctx)
	w.must(err)
	if st.CurrentRound != 5 || !st.Initialized {
		w.t.Fatalf("chain set-up: round %d initialized %v, want round 5 initialized", st.CurrentRound, st.Initialized)
	}
	w.r0 = 6
}

// setBlockNum makes blockNum() equal n in the block the call is mined in.
func (w *world) setBlockNum(n uint64) {
	w.t.Helper()
	head, err := w.sim.Client().BlockNumber(w.ctx)
	w.must(err)
	w.must(w.sim.Driver().SetBlockNumOffset(w.ctx, int64(n)-int64(head+1)))
}

// config is lpwatch's configuration for the soak: nodes probed every 30m,
// the chain every 10m, no repeat notification within the soak, and
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
interval = "10m"
timeout = "1m"
max_log_range = 100000
[checks]
disagreement_for = "2h"
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
`, filepath.Join(dir, "state"), w.rpc.url(), w.sim.Deployment().Controller.Hex(), simchain.ChainID, w.sinkS.url()+"/hook")
	for i, name := range w.s.nodes {
		fmt.Fprintf(&b, "[[node]]\nname = %q\nurl = %q\nexpected_address = %q\ninterval = \"30m\"\ntimeout = \"1m\"\n",
			name, w.srvs[i].url(), w.addrs[i].Hex())
	}
	return b.String()
}

func (w *world) startDaemon() {
	w.t.Helper()
	dir := w.t.TempDir()
	path := filepath.Join(dir, "lpwatch.toml")
	if err := os.WriteFile(path, []byte(w.config(dir)), 0o600); err != nil {
		w.t.Fatal(err)
	}
	cfg, err := config.Load(path)
	w.must(err)
	log := logrus.New()
	log.SetOutput(w.logs)
	log.SetLevel(logrus.WarnLevel)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	w.must(err)
	w.reg = prometheus.NewRegistry()
	w.d, err = daemon.New(daemon.Options{ConfigPath: path, Config: cfg, Logger: log, Clock: w.clk,
		Registry: w.reg, Listener: ln, EvalInterval: stepLen, Version: "soak"})
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
		s.stop()
		w.nodes[i].Close()
	}
	w.sinkS.stop()
	w.rpc.stop()
	if err := w.sim.Close(); err != nil {
		w.t.Errorf("close chain: %v", err)
	}
}

// lockedLog collects lpwatch's log lines.
type lockedLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// waitUntil polls cond in real time until it holds; it fails after waitLimit.
func waitUntil(t testing.TB, what string, cond func() bool) {
	t.Helper()
	if !pollUntil(waitLimit, cond) {
		t.Fatalf("timed out after %s waiting for %s", waitLimit, what)
	}
}

// pollUntil reports whether cond held within limit (real time).
func pollUntil(limit time.Duration, cond func() bool) bool {
	if cond() {
		return true
	}
	deadline := time.NewTimer(limit)
	defer deadline.Stop()
	tick := time.NewTicker(200 * time.Microsecond)
	defer tick.Stop()
	for {
		select {
		case <-deadline.C:
			return cond()
		case <-tick.C:
			if cond() {
				return true
			}
		}
	}
}
