package remediation

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	logtest "github.com/sirupsen/logrus/hooks/test"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/observe"
	"github.com/lpwatch/lpwatch/pkg/watchdog"
)

// hangLimit turns a hang into a failure; it never decides an outcome.
const hangLimit = 20 * time.Second

const (
	testAddr  = "0x5bE44e23041E93CDF9bCd5A0968524e104e38ae1"
	testRound = 4253
	chainUnit = "geth.service"
	nodeUnit  = "livepeer.service"
	node1     = "tc001"
)

var testStart = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// testConfig is remediation enabled, not dry, with one node.
func testConfig() *config.Config {
	cfg := config.Default()
	cfg.Chain.URLs = []string{"http://127.0.0.1:8545"}
	cfg.Nodes = []config.Node{{Name: node1, URL: "http://127.0.0.1:7935", API: "auto", ExpectedAddress: config.ParseAddress(testAddr), SystemdUnit: nodeUnit}}
	cfg.Remediation.Enabled, cfg.Remediation.DryRun = true, false
	return cfg
}

// fakeUnits is a UnitManager recording restarts; results per unit default to "done".
type fakeUnits struct {
	mu       sync.Mutex
	restarts []string
	results  map[string]string
	changed  chan struct{}
}

func newFakeUnits() *fakeUnits {
	return &fakeUnits{results: map[string]string{}, changed: make(chan struct{})}
}

func (f *fakeUnits) RestartUnit(_ context.Context, unit string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.restarts = append(f.restarts, unit)
	close(f.changed)
	f.changed = make(chan struct{})
	r := f.results[unit]
	if r == "" {
		r = "done"
	}
	if r != "done" {
		return r, &watchdog.JobError{Unit: unit, Result: r}
	}
	return r, nil
}

func (f *fakeUnits) UnitState(context.Context, string) (watchdog.UnitStatus, error) {
	return watchdog.UnitStatus{}, nil
}
func (f *fakeUnits) Close() {}

func (f *fakeUnits) list() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.restarts...)
}

// event is one Emit call.
type event struct {
	alert, target, desc string
	details             map[string]string
}

type fakeEmitter struct {
	mu     sync.Mutex
	events []event
}

func (e *fakeEmitter) Emit(_ context.Context, name, target string, _ alert.Severity, _, desc string, details map[string]string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.events = append(e.events, event{name, target, desc, details})
	return nil
}

func (e *fakeEmitter) list() []event {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]event(nil), e.events...)
}

// rig is a running controller with fakes around it.
type rig struct {
	t     *testing.T
	c     *Controller
	clk   *clock.Fake
	units *fakeUnits
	emit  *fakeEmitter
	reg   *prometheus.Registry
	dir   string
	stop  func()
}

// startRig starts a controller on dir (a fresh one when ""), with opts
// applied to its options.
func startRig(t *testing.T, dir string, clk *clock.Fake, opts ...func(*Options)) *rig {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	if clk == nil {
		clk = clock.NewFake(testStart)
	}
	r := &rig{t: t, clk: clk, units: newFakeUnits(), emit: &fakeEmitter{}, reg: prometheus.NewRegistry(), dir: dir}
	log, _ := logtest.NewNullLogger()
	o := Options{StateDir: dir, Emitter: r.emit, Clock: clk, Logger: log, Registerer: r.reg, Location: time.UTC,
		Units: func(context.Context) (watchdog.UnitManager, error) { return r.units, nil }}
	for _, f := range opts {
		f(&o)
	}
	c, err := New(o)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	r.c = c
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := c.Run(ctx); err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	r.stop = func() {
		cancel()
		select {
		case <-done:
		case <-time.After(hangLimit):
			t.Error("controller did not stop")
		}
	}
	t.Cleanup(r.stop)
	return r
}

func (r *rig) feed(f Feed) {
	r.t.Helper()
	if err := r.c.Feed(f); err != nil {
		r.t.Fatal(err)
	}
}

// waitStatus waits until cond holds for the controller's status.
func (r *rig) waitStatus(what string, cond func(Status) bool) Status {
	r.t.Helper()
	return waitStatus(r.t, r.c, what, cond)
}

func waitStatus(t *testing.T, c *Controller, what string, cond func(Status) bool) Status {
	t.Helper()
	deadline := time.NewTimer(hangLimit)
	defer deadline.Stop()
	for {
		ch := c.Changed()
		st := c.Status()
		if cond(st) {
			return st
		}
		select {
		case <-ch:
		case <-deadline.C:
			t.Fatalf("timed out waiting for %s; status %+v", what, st)
		}
	}
}

// waitActivity waits until the ladder's activity contains substr.
func (r *rig) waitActivity(substr string) {
	r.t.Helper()
	r.waitStatus("activity "+substr, func(s Status) bool { return strings.Contains(s.Activity[ladderKey].What, substr) })
}

// results returns the results of the ledger's restart entries, "unit=result".
func results(st Status) []string {
	var out []string
	for _, e := range st.Restarts {
		out = append(out, e.Unit+"="+e.Result)
	}
	return out
}

func (r *rig) metric(unit, result string) float64 {
	return testutil.ToFloat64(r.c.met.remediations.WithLabelValues(unit, result))
}

// chainState describes a chain observation.
type chainState struct {
	at         time.Time
	headAge    time.Duration
	syncing    bool
	round      uint64
	lastReward uint64
	gas        int64
}

func healthyChain(at time.Time) chainState {
	return chainState{at: at, headAge: 3 * time.Second, round: testRound, lastReward: testRound - 1, gas: 100}
}

func (s chainState) observe() *observe.Chain {
	head := &chain.Head{Number: 1000, Time: uint64(s.at.Add(-s.headAge).Unix())}
	sync := &chain.SyncStatus{}
	if s.syncing {
		sync.Progress = &ethereum.SyncProgress{CurrentBlock: 10, HighestBlock: 1000}
	}
	round, init := s.round, true
	obs := &chain.Observation{
		Started: s.at, Finished: s.at, Endpoint: "local", Block: head,
		Endpoints: []chain.EndpointHealth{{Name: "local", Head: head, Sync: sync, Healthy: true}},
		Round:     chain.RoundInfo{CurrentRound: &round, Initialized: &init},
		GasPrice:  big.NewInt(s.gas),
		Accounts: []chain.AccountInfo{{Address: common.HexToAddress(testAddr),
			Transcoder: &chain.Transcoder{LastRewardRound: s.lastReward}}},
	}
	return &observe.Chain{At: s.at, Obs: obs}
}

// nodeSeen is a node observation that answers at round.
func nodeSeen(name string, at time.Time, round int64) observe.Node {
	return observe.Node{Name: name, At: at, LastOK: at, Snapshot: &nodeapi.Snapshot{
		CurrentRound: big.NewInt(round), Optional: map[string]error{}, MaxGasPrice: big.NewInt(1000)}}
}

// nodeDown is a node observation of a node that does not answer.
func nodeDown(name string, at time.Time) observe.Node {
	return observe.Node{Name: name, At: at, Err: fmt.Errorf("connection refused"), Reason: "connection_refused"}
}

func firing(name, target string, since time.Time) alert.View {
	return alert.View{Alert: name, Target: target, Phase: alert.PhaseFiring, Severity: alert.SeverityCritical,
		Reason: "test reason", PendingSince: since, FiringSince: since}
}

// feedOf builds a feed at the clock's time.
func feedOf(cfg *config.Config, at time.Time, ch *observe.Chain, nodes []observe.Node, views []alert.View, res ...checks.Result) Feed {
	return Feed{At: at, Config: cfg, Results: res, Alerts: views, Snapshot: observe.Snapshot{Chain: ch, Nodes: nodes}}
}

// errTest is a stand-in failure.
var errTest = fmt.Errorf("test failure")

func testutilRewards(r *rig, result string) float64 {
	return testutil.ToFloat64(r.c.met.rewards.WithLabelValues(node1, result))
}
