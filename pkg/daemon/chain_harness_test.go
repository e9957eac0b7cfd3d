package daemon

import (
	"context"
	"math/big"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	logtest "github.com/sirupsen/logrus/hooks/test"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// chainTestTimeout bounds the real time of one chain test's set-up steps.
const chainTestTimeout = 2 * time.Minute

// nodeAddr is the fake node's account, the one the chain checks watch.
var nodeAddr = common.HexToAddress(fakenode.DefaultAddress)

// simWorld is a simulated chain serving JSON-RPC on loopback, with the
// node's account funded, plus a fake node of today's API.
type simWorld struct {
	t     *testing.T
	ctx   context.Context
	sim   *simchain.Chain
	node  *fakenode.Node
	close func()
}

func newSimWorld(t *testing.T) *simWorld {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), chainTestTimeout)
	t.Cleanup(cancel)
	sim, err := simchain.New(ctx, simchain.Options{HTTP: true, Fund: []common.Address{nodeAddr}})
	if err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	w := &simWorld{t: t, ctx: ctx, sim: sim, node: fakenode.New(nodeapi.Current)}
	w.close = func() {
		once.Do(func() {
			if err := sim.Close(); err != nil {
				t.Errorf("close simulated chain: %v", err)
			}
		})
	}
	t.Cleanup(w.close)
	if _, err := w.node.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.node.Close)
	return w
}

func (w *simWorld) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

// freshRound moves the chain to the start of a new round, initializes it,
// activates the node's transcoder and sets its last reward round; the fake
// node reports the same. It returns the round.
func (w *simWorld) freshRound(lastReward func(round uint64) uint64) uint64 {
	w.t.Helper()
	d := w.sim.Driver()
	r, err := w.sim.AdvanceRounds(w.ctx, 1)
	w.must(err)
	w.must(d.InitializeRound(w.ctx))
	w.must(d.SetActive(w.ctx, nodeAddr, true))
	w.must(d.SetLastRewardRound(w.ctx, nodeAddr, lastReward(r)))
	w.syncNode()
	return r
}

// syncNode makes the fake node report the chain's round and last reward round.
func (w *simWorld) syncNode() {
	w.t.Helper()
	s, err := w.sim.Driver().RoundState(w.ctx)
	w.must(err)
	w.node.SetRound(s.CurrentRound, s.Initialized)
	w.node.SetLastRewardRound(w.lastReward())
}

func (w *simWorld) lastReward() uint64 {
	w.t.Helper()
	e, err := w.sim.Endpoint("check")
	w.must(err)
	p, err := chain.NewPool([]*chain.Endpoint{e})
	w.must(err)
	pr, err := chain.NewProber(p, chain.ProberConfig{RoundsManager: w.sim.Deployment().RoundsManager, BondingManager: w.sim.Deployment().BondingManager})
	w.must(err)
	o, err := pr.Observe(w.ctx, []common.Address{nodeAddr})
	w.must(err)
	if a := o.Account(nodeAddr); a != nil && a.Transcoder != nil {
		return a.Transcoder.LastRewardRound
	}
	w.t.Fatal("no transcoder record on the simulated chain")
	return 0
}

// reward records a reward for the node in the current round, on-chain and in the node's view.
func (w *simWorld) reward() {
	w.t.Helper()
	w.must(w.sim.Driver().RewardFor(w.ctx, nodeAddr, big.NewInt(1e18)))
	w.syncNode()
}

// config is a daemon configuration watching the fake node and the chain.
func (w *simWorld) config(dir string) *config.Config {
	cfg := testConfig(dir, nodeCfg("tc001", w.node.URL()))
	cfg.Chain.URLs = []string{w.sim.URL()}
	cfg.Chain.Controller = w.sim.Deployment().Controller.Hex()
	cfg.Chain.ChainID = simchain.ChainID
	cfg.Chain.Interval, cfg.Chain.Timeout = 10*time.Second, 5*time.Second
	cfg.Chain.MaxLogRange = 1000
	return cfg
}

// runDaemon starts a daemon on a fake clock that starts at start and
// returns its harness and a function that stops it (also run at cleanup).
// It reloads from cfg.File, when set.
func runDaemon(t *testing.T, cfg *config.Config, start time.Time) (*harness, func()) {
	t.Helper()
	sink := &captureSink{ch: make(chan *alert.Notification, 1000)}
	log, _ := logtest.NewNullLogger()
	h := startDaemonAt(t, cfg, start, Options{ConfigPath: cfg.File, Logger: log, HTTPClient: &http.Client{},
		Sinks: func(*config.Config) (map[string]alert.Sink, error) {
			return map[string]alert.Sink{"capture": sink}, nil
		}})
	h.sink = sink
	return h, h.stop
}

// result returns the cached result of check for target.
func (h *harness) result(check, target string) (checks.Result, bool) {
	for _, r := range h.d.results.All() {
		if r.Check == check && r.Target == target {
			return r.Result, true
		}
	}
	return checks.Result{}, false
}

// pacedWait is waitFor for the chain tests: the fake clock advances a
// second at a time, but never more than a chain interval past the latest
// chain observation, so that it cannot outrun the probe (whose calls take
// real time) and make the observations look stale.
func (h *harness) pacedWait(what string, cond func() bool) {
	h.t.Helper()
	interval := h.d.config().Chain.Interval
	deadline := time.Now().Add(90 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			h.t.Fatalf("timed out waiting for %s (fake time %s)", what, h.clk.Now().Sub(h.start))
		}
		if c := h.d.Store().Snapshot().Chain; c != nil && h.clk.Now().Sub(c.At) < interval {
			h.clk.Advance(time.Second)
		}
		time.Sleep(5 * time.Millisecond) // pacing only: the outcome is the condition
	}
}

// next waits for the next notification on the paced clock.
func (h *harness) next() (got *alert.Notification) {
	h.t.Helper()
	h.pacedWait("a notification", func() bool { got = h.poll(); return got != nil })
	return got
}

// poll returns a waiting notification, or nil.
func (h *harness) poll() *alert.Notification {
	select {
	case n := <-h.sink.ch:
		return n
	default:
		return nil
	}
}

// waitState waits until check for target is in state.
func (h *harness) waitState(check, target string, s checks.State) checks.Result {
	h.t.Helper()
	var r checks.Result
	h.pacedWait(check+" "+s.String(), func() bool {
		var ok bool
		r, ok = h.result(check, target)
		return ok && r.State == s
	})
	return r
}

// waitObserved waits until a chain observation satisfies cond.
func (h *harness) waitObserved(what string, cond func(o *chain.Observation) bool) {
	h.t.Helper()
	h.pacedWait(what, func() bool {
		c := h.d.Store().Snapshot().Chain
		if c == nil {
			return false
		}
		o := c.Obs
		return o != nil && cond(o)
	})
}

// waitBlockNum waits until an observation has read blockNum() >= n.
func (h *harness) waitBlockNum(n uint64) {
	h.t.Helper()
	h.waitObserved("blockNum "+u64str(n), func(o *chain.Observation) bool {
		return o.Round.BlockNum != nil && *o.Round.BlockNum >= n
	})
}

// expect waits for the next notification and fails unless it is name with status.
func (h *harness) expect(name string, status alert.Status) *alert.Notification {
	h.t.Helper()
	n := h.next()
	if n.Alert != name || n.Status != status {
		h.t.Fatalf("got %s %s (%s: %s), want %s %s", n.Alert, n.Status, n.Target, n.Description, name, status)
	}
	return n
}

// quiet fails when a notification is waiting.
func (h *harness) quiet() {
	h.t.Helper()
	h.drain()
}

func u64str(n uint64) string { return new(big.Int).SetUint64(n).String() }
