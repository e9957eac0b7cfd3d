package faults

import (
	"cmp"
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert/sinks"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/daemon"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/soak"
	"github.com/lpwatch/lpwatch/pkg/watchdog"
)

// waitLimit bounds every wait on real time. Reaching it fails the test; it
// never decides an outcome.
const waitLimit = 60 * time.Second

// Real-time deadlines of the probes of a row that is not about them: far
// above what a probe takes, so that a loaded machine (the race detector,
// parallel test binaries on 2 cores) does not turn a slow answer into a
// failure. A chain read through the proxy and the simulated chain took up
// to a second there, and the chain probe gives each call half its timeout.
const (
	defaultProbeTimeout = 5 * time.Second
	defaultChainTimeout = 8 * time.Second
)

// startTime is the fake clock's start.
var startTime = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// envOptions shape a row's daemon before it starts.
type envOptions struct {
	// legacy runs the fake node with the 2018 API.
	legacy bool
	// gen, when set, is the fake node's API generation (legacy aside).
	gen nodeapi.Generation
	// sinkTimeout bounds one delivery attempt (real time); 0 means 2s.
	sinkTimeout time.Duration
	// nodeTimeout and chainTimeout bound one node or chain probe (real
	// time); 0 means defaultProbeTimeout and defaultChainTimeout. Rows
	// about a hang set them short.
	nodeTimeout, chainTimeout time.Duration
	// keys are extra TOML keys per section ("remediation", "chain", ...).
	keys map[string][]string
	// units connects the remediation ladder to systemd; nil means the
	// system bus, as in production.
	units func(ctx context.Context) (watchdog.UnitManager, error)
	// chainURLs, when positive, runs a simulated chain behind that many
	// (1 or 2) fault proxies listed in chain.urls.
	chainURLs int
	// prepare runs on the empty state directory before lpwatch starts.
	prepare func(t *testing.T, stateDir string)
}

// env is one running lpwatch on a fake clock, with one fake node and two
// webhook sinks: "pager", where sink faults are injected, and "backup",
// which always works.
type env struct {
	t        *testing.T
	clk      *clock.Fake
	dir      string
	stateDir string
	path     string
	node     *fakenode.Node
	// nodeSrv serves node: Stop and Restart it to take the API down.
	nodeSrv *soak.Server
	pager   *sinkServer
	backup  *sinkServer
	// chain is the simulated chain of rows with chainURLs; nil otherwise.
	chain  *chainRig
	d      *daemon.Daemon
	reg    *prometheus.Registry
	logs   *soak.LockedBuffer
	base   string
	cancel context.CancelFunc
	done   chan error
}

// newEnv builds the fake node, the sinks and lpwatch itself (New), not yet running.
func newEnv(t *testing.T, o envOptions) *env {
	t.Helper()
	clk := clock.NewFake(startTime)
	e := &env{t: t, clk: clk, dir: t.TempDir(), logs: &soak.LockedBuffer{}}
	e.stateDir = filepath.Join(e.dir, "state")
	gen := nodeapi.Current
	if o.legacy {
		gen = nodeapi.Legacy
	}
	if o.gen != "" {
		gen = o.gen
	}
	e.node = fakenode.New(gen)
	e.nodeSrv = soak.MustServe(t, e.node)
	e.pager, e.backup = newSinkServer(t, clk), newSinkServer(t, clk)
	if o.chainURLs > 0 {
		e.chain = newChainRig(t, e.node)
	}
	if err := os.MkdirAll(e.stateDir, 0o750); err != nil {
		t.Fatal(err)
	}
	if o.prepare != nil {
		o.prepare(t, e.stateDir)
	}
	e.path = filepath.Join(e.dir, "lpwatch.toml")
	e.writeConfig(o, "")
	cfg, err := config.Load(e.path, sinks.Default(), checks.Catalog())
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	log := logrus.New()
	log.SetOutput(e.logs)
	log.SetFormatter(&logrus.JSONFormatter{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	e.base = "http://" + ln.Addr().String()
	e.reg = prometheus.NewRegistry()
	e.d, err = daemon.New(daemon.Options{ConfigPath: e.path, Config: cfg, Logger: log, Clock: clk,
		Registry: e.reg, Listener: ln, Units: o.units, EvalInterval: time.Second, Version: "faults"})
	if err != nil {
		_ = ln.Close()
		t.Fatalf("daemon.New: %v", err)
	}
	return e
}

// writeConfig writes the configuration file; extra is appended verbatim.
func (e *env) writeConfig(o envOptions, extra string) {
	e.t.Helper()
	timeout := o.sinkTimeout
	if timeout == 0 {
		timeout = 2 * time.Second
	}
	sections := []struct{ name, body string }{
		{"server", `listen = "127.0.0.1:9717"`},
		{"state", fmt.Sprintf("dir = %q", e.stateDir)},
		{"chain", e.chainKeys(o)},
		{"checks", ""},
		{"alert", "source = \"faults\"\nbackoff_initial = \"1s\"\nbackoff_max = \"30s\""},
		{"remediation", ""},
		{"host", "enabled = false"},
	}
	var b strings.Builder
	for _, s := range sections {
		fmt.Fprintf(&b, "[%s]\n", s.name)
		if s.body != "" {
			b.WriteString(s.body + "\n")
		}
		for _, k := range o.keys[s.name] {
			b.WriteString(k + "\n")
		}
	}
	fmt.Fprintf(&b, "[[node]]\nname = \"tc001\"\nurl = %q\nexpected_address = %q\ninterval = %q\ntimeout = %q\n",
		e.nodeSrv.URL(), fakenode.DefaultAddress, nodeInterval.String(), cmp.Or(o.nodeTimeout, defaultProbeTimeout).String())
	for _, s := range []*sinkServer{e.pager, e.backup} {
		name := "pager"
		if s == e.backup {
			name = "backup"
		}
		fmt.Fprintf(&b, "[[alert.sink]]\nname = %q\ntype = \"webhook\"\nurl = %q\nmin_severity = \"info\"\ntimeout = %q\n",
			name, s.URL(), timeout.String())
	}
	b.WriteString(extra)
	if err := os.WriteFile(e.path, []byte(b.String()), 0o600); err != nil {
		e.t.Fatal(err)
	}
}

// chainKeys is the [chain] section's base.
func (e *env) chainKeys(o envOptions) string {
	if e.chain == nil {
		return "urls = []"
	}
	return e.chain.toml(o.chainURLs, cmp.Or(o.chainTimeout, defaultChainTimeout))
}

// start runs lpwatch until stop.
func (e *env) start() {
	ctx, cancel := context.WithCancel(context.Background())
	e.cancel, e.done = cancel, make(chan error, 1)
	go func() { e.done <- e.d.Run(ctx) }()
}

// stop ends Run and fails the test when it errs or does not return.
func (e *env) stop() {
	e.t.Helper()
	if e.cancel == nil {
		return
	}
	e.cancel()
	e.cancel = nil
	select {
	case err := <-e.done:
		if err != nil {
			e.t.Errorf("daemon Run: %v", err)
		}
	case <-time.After(waitLimit):
		e.t.Error("daemon did not stop")
	}
}

// close stops lpwatch and everything it talks to.
func (e *env) close() {
	e.stop()
	e.nodeSrv.Stop()
	e.node.Close()
	e.pager.Close()
	e.backup.Close()
	if e.chain != nil {
		e.chain.close()
	}
}
