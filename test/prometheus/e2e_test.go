package prometheus

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	logtest "github.com/sirupsen/logrus/hooks/test"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/daemon"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/watchdog/systemdtest"
)

// e2eLimit bounds the real time the scenario may take to produce data.
const e2eLimit = 2 * time.Minute

// world is lpwatch watching a fake node and a simulated chain.
type world struct {
	t    *testing.T
	ctx  context.Context
	sim  *simchain.Chain
	node *fakenode.Node
	d    *daemon.Daemon
	addr string // lpwatch's listener
	acct common.Address
}

// startWorld starts the chain, the node with -monitor, and lpwatch in
// process on the real clock, with host checks, the chain (and itself as a
// reference), peers checked and dry-run remediation on.
func startWorld(t *testing.T, ctx context.Context) *world {
	t.Helper()
	w := &world{t: t, ctx: ctx, acct: common.HexToAddress(fakenode.DefaultAddress)}
	sim, err := simchain.New(ctx, simchain.Options{HTTP: true, Fund: []common.Address{w.acct}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := sim.Close(); err != nil {
			t.Errorf("close simulated chain: %v", err)
		}
	})
	w.sim = sim
	w.node = fakenode.New(nodeapi.Current)
	if _, err := w.node.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.node.Close)
	w.node.SetMonitor(true)

	// Round r: initialized, the node active, reward last called in r-1.
	d := sim.Driver()
	r, err := sim.AdvanceRounds(ctx, 1)
	w.must(err)
	w.must(d.InitializeRound(ctx))
	w.must(d.SetActive(ctx, w.acct, true))
	w.must(d.SetLastRewardRound(ctx, w.acct, r-1))
	w.node.SetRound(r, true)
	w.node.SetLastRewardRound(r - 1)

	cfg := w.config(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	w.addr = ln.Addr().String()
	log, _ := logtest.NewNullLogger()
	w.d, err = daemon.New(daemon.Options{Config: cfg, Logger: log, Clock: clock.Real{}, Registry: prometheus.NewRegistry(),
		Listener: ln, HTTPClient: &http.Client{}, EvalInterval: time.Second, Version: "e2e", Commit: "test"})
	if err != nil {
		t.Fatal(err)
	}
	dctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.d.Run(dctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("lpwatch: %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("lpwatch did not stop")
		}
	})
	return w
}

func (w *world) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

// config is lpwatch's configuration for the scenario.
func (w *world) config(t *testing.T) *config.Config {
	t.Helper()
	cfg := config.Default()
	cfg.State.Dir = t.TempDir()
	cfg.Nodes = []config.Node{{Name: "tc001", URL: w.node.URL(), API: "current", ExpectedAddress: config.ParseAddress(fakenode.DefaultAddress),
		SystemdUnit: "livepeer.service", Interval: time.Second, Timeout: 800 * time.Millisecond, Metrics: "on",
		PIDFile: filepath.Join(t.TempDir(), "livepeer.pid")}}
	// The "livepeer process" whose open files are counted is this test.
	w.must(os.WriteFile(cfg.Nodes[0].PIDFile, []byte(strconv.Itoa(os.Getpid())), 0o600))
	cfg.Chain.URLs = []string{w.sim.URL()}
	cfg.Chain.ReferenceURLs = []string{w.sim.URL()}
	cfg.Chain.Controller = w.sim.Deployment().Controller.Hex()
	cfg.Chain.ChainID = simchain.ChainID
	cfg.Chain.Interval, cfg.Chain.Timeout = 2*time.Second, 1500*time.Millisecond
	cfg.Chain.CheckPeers = true
	cfg.Chain.MaxLogRange = 1000
	cfg.Host.Enabled, cfg.Host.Clock = true, true
	cfg.Host.DataPaths = []string{t.TempDir()}
	cfg.Host.Interval, cfg.Host.Timeout = time.Second, 800*time.Millisecond
	cfg.Checks.DisagreementFor = 2 * time.Second
	cfg.Checks.RunwayWindow = 4 * time.Second // the runway is known once samples span half of it
	cfg.Remediation.Enabled, cfg.Remediation.DryRun = true, true
	cfg.Alert.Sinks = []config.Sink{{Name: "log", Type: "log", MinSeverity: "info", SendResolved: true, Timeout: time.Second}}
	return cfg
}

// checkState returns lpwatch's current state of check for target ("" when
// not evaluated).
func (w *world) checkState(check, target string) string {
	for _, c := range w.d.Status().Checks {
		if c.Check == check && c.Target == target {
			return c.State.String()
		}
	}
	return ""
}

// waitState waits until lpwatch reports check for target in state.
func (w *world) waitState(check, target, state string) {
	w.t.Helper()
	deadline := time.Now().Add(e2eLimit)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for w.checkState(check, target) != state {
		if time.Now().After(deadline) {
			w.t.Fatalf("lpwatch never reported %s %s for %s (now %q)", check, state, target, w.checkState(check, target))
		}
		<-tick.C
	}
}

// driveFaults makes the scenario's faults happen, so that counters,
// firing alerts and remediations have series: a round ends without a
// reward, the node's reward call fails, and its view falls behind.
func (w *world) driveFaults() {
	w.t.Helper()
	w.waitState(alert.RewardRoundMissed, "tc001", "ok")
	metrics := fakenode.DefaultMetrics()
	metrics[nodeapi.MetricRewardCallErrors] = 0
	w.node.SetMetrics(metrics)
	w.waitState(alert.RewardCallErrors, "tc001", "ok")
	metrics[nodeapi.MetricRewardCallErrors] = 1
	w.node.SetMetrics(metrics)

	r, err := w.sim.AdvanceRounds(w.ctx, 1)
	w.must(err)
	w.must(w.sim.Driver().InitializeRound(w.ctx))
	w.node.SetRound(r-2, true) // the node's block watcher is stuck two rounds behind
	w.waitState(alert.RewardRoundMissed, "tc001", "critical")
	_, err = w.sim.AdvanceToRoundProgress(w.ctx, 0.5) // reward is now late
	w.must(err)
	w.waitState(alert.RewardNotCalled, "tc001", "warning")
	w.waitState(alert.NodeChainDisagreement, "tc001", "warning")
}

// rule is one rule as Prometheus's /api/v1/rules reports it.
type rule struct {
	Name      string `json:"name"`
	Query     string `json:"query"`
	Type      string `json:"type"` // alerting | recording
	Health    string `json:"health"`
	LastError string `json:"lastError"`
	State     string `json:"state"` // alerting: inactive | pending | firing
}

func (p *promServer) rules(ctx context.Context) ([]rule, error) {
	var data struct {
		Groups []struct {
			Rules []rule `json:"rules"`
		} `json:"groups"`
	}
	if err := p.get(ctx, "/api/v1/rules", url.Values{}, &data); err != nil {
		return nil, err
	}
	var out []rule
	for _, g := range data.Groups {
		out = append(out, g.Rules...)
	}
	return out, nil
}

var (
	metricNameRe = regexp.MustCompile(`\blpwatch[_:][a-z0-9_:]+`)
	checkNameRe  = regexp.MustCompile(`check="([A-Za-z]+)"`)
)

// activeInScenario are the alerting rules the scenario makes pending or firing.
var activeInScenario = []string{alert.RewardCallErrors, alert.RewardRoundMissed, alert.NodeChainDisagreement, alert.RewardNotCalled}

// problems evaluates every expression of the dashboard and the rules
// against Prometheus and returns what does not hold yet.
func problems(ctx context.Context, t *testing.T, p *promServer, dash []namedExpr, vars []variableQuery) []string {
	var out []string
	hasData := func(where, expr string) {
		v, err := p.query(ctx, expr)
		switch {
		case err != nil:
			out = append(out, fmt.Sprintf("%s: %s: %v", where, expr, err))
		case len(v) == 0:
			out = append(out, fmt.Sprintf("%s: no data for %s", where, expr))
		}
	}
	for _, e := range dash {
		hasData(e.where, e.expr)
	}
	for _, v := range vars {
		vals, err := p.labelValues(ctx, v.label, v.selector)
		if err != nil || len(vals) == 0 {
			out = append(out, fmt.Sprintf("variable %s: label_values(%s, %s) gave %v %v", v.name, v.selector, v.label, vals, err))
		}
	}
	rules, err := p.rules(ctx)
	if err != nil {
		return append(out, "rules: "+err.Error())
	}
	if len(rules) < 30 {
		out = append(out, fmt.Sprintf("prometheus loaded %d rules from %s", len(rules), rulesPath))
	}
	state := map[string]string{}
	for _, r := range rules {
		where := r.Type + " rule " + r.Name
		if r.Health != "ok" || r.LastError != "" {
			out = append(out, fmt.Sprintf("%s: health %q %s", where, r.Health, r.LastError))
		}
		if r.Type == "recording" {
			hasData(where, r.Query)
			hasData(where+" (recorded)", r.Name)
			continue
		}
		// An alert's condition holds only in a fault; what it reads must
		// exist: every metric it names, every check it selects.
		for _, m := range metricNameRe.FindAllString(r.Query, -1) {
			hasData(where, "count("+m+")")
		}
		for _, m := range checkNameRe.FindAllStringSubmatch(r.Query, -1) {
			hasData(where, fmt.Sprintf(`lpwatch_check_status{check=%q}`, m[1]))
		}
		if state[r.Name] != "firing" {
			state[r.Name] = r.State
		}
	}
	for _, name := range activeInScenario {
		if s := state[name]; s != "pending" && s != "firing" {
			out = append(out, fmt.Sprintf("alerting rule %s is %q, want pending or firing in this scenario", name, s))
		}
	}
	sort.Strings(out)
	return out
}

// TestDashboardAndRulesAgainstPrometheus runs lpwatch against the fake
// node and the simulated chain, has a real Prometheus scrape it every
// second with lpwatch's rules loaded, and evaluates every PromQL
// expression of the dashboard and the rules file.
func TestDashboardAndRulesAgainstPrometheus(t *testing.T) {
	promBin := systemdtest.RequireBinary(t, "prometheus")
	systemdtest.RequireBinary(t, "promtool") // TestPromtool checks and tests the rules with it
	dash := loadDashboard(t)
	exprs := dashboardExprs(t, dash)
	vars := variableQueries(t, dash)

	ctx, cancel := context.WithTimeout(context.Background(), 2*e2eLimit+time.Minute)
	defer cancel()
	w := startWorld(t, ctx)
	p := startPrometheus(t, promBin, w.addr, rulesPath)
	w.driveFaults()

	var last []string
	p.waitFor("every dashboard and rule expression to return data", e2eLimit, func() (bool, string) {
		last = problems(ctx, t, p, exprs, vars)
		return len(last) == 0, fmt.Sprintf("%d problem(s):\n  %s", len(last), strings.Join(last, "\n  "))
	})
	t.Logf("%d dashboard queries, %d variables and every rule of %s evaluated with data", len(exprs), len(vars), rulesPath)
	if a := w.node.ActionRequests(); len(a) != 0 {
		t.Errorf("lpwatch requested node action paths: %v", a)
	}
}
