package probes

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	logtest "github.com/sirupsen/logrus/hooks/test"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
	"github.com/lpwatch/lpwatch/pkg/watchdog"
)

// testDeps returns dependencies for the kinds; running is the
// configuration Deps.Config returns.
func testDeps(t *testing.T, c clock.Clock, running *config.Config) Deps {
	t.Helper()
	log, _ := logtest.NewNullLogger()
	return Deps{
		Store: observe.NewStore(), Clock: c, Logger: log, HTTPClient: &http.Client{},
		Registerer: prometheus.NewRegistry(), Config: func() *config.Config { return running },
		Units: func(context.Context) (watchdog.UnitManager, error) { return nil, errors.New("no systemd in this test") },
	}
}

// parseConfig parses a configuration text with two nodes, followed by
// extra (sections for the chain and the host).
func parseConfig(t *testing.T, extra string) *config.Config {
	t.Helper()
	text := fmt.Sprintf("[state]\ndir = %q\n", t.TempDir()) +
		"[[node]]\nname = \"tc001\"\nurl = \"http://127.0.0.1:1\"\nexpected_address = \"0x1111111111111111111111111111111111111111\"\n" +
		"[[node]]\nname = \"tc002\"\nurl = \"http://127.0.0.1:2\"\nexpected_address = \"0x2222222222222222222222222222222222222222\"\n" + extra
	cfg, err := config.Parse("test.toml", []byte(text), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func jobKeys(jobs []Job) []string {
	out := make([]string, 0, len(jobs))
	for _, j := range jobs {
		out = append(out, j.key())
	}
	return out
}

// TestKindsBuildTheJobsTheirSectionsConfigure: the registry of Kinds()
// builds one job per node, the chain's when chain.urls are set and the
// host's when [host] is enabled, one per [[peer]], each named by its kind; releasing the set
// closes the chain connections it built.
func TestKindsBuildTheJobsTheirSectionsConfigure(t *testing.T) {
	full := parseConfig(t, "[chain]\nurls = [\"http://127.0.0.1:3\"]\n[host]\nenabled = true\n[[peer]]\nname = \"host-b\"\nurl = \"http://127.0.0.1:4\"\n")
	reg, err := NewRegistry(Kinds(), testDeps(t, clock.NewFake(time.Unix(0, 0)), full))
	if err != nil {
		t.Fatal(err)
	}
	set, err := reg.Build(full)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"chain/chain", "host/" + HostTarget, "node/tc001", "node/tc002", "peer/host-b"}
	if got := jobKeys(set.Jobs()); !slices.Equal(got, want) {
		t.Errorf("jobs of a configuration with every section: %v, want %v", got, want)
	}
	ck := reg.Kind("chain").(*ChainKind)
	if n := len(ck.Open()); n != 1 {
		t.Errorf("%d chain connection sets open after the build, want 1", n)
	}
	set.Release()
	set.Release() // a second release does nothing
	if n := len(ck.Open()); n != 0 {
		t.Errorf("%d chain connection sets open after the release, want 0", n)
	}

	nodesOnly := parseConfig(t, "[host]\nenabled = false\n")
	set, err = reg.Build(nodesOnly)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := jobKeys(set.Jobs()), []string{"node/tc001", "node/tc002"}; !slices.Equal(got, want) {
		t.Errorf("jobs without chain and host: %v, want %v", got, want)
	}
	if reg.Kind("peers") != nil {
		t.Error("an unregistered kind was found")
	}
}

// fakeKind builds one job, probe name, target "t", when enabled(cfg) says
// so; it counts the job's runs and the releases of what it built.
type fakeKind struct {
	name     string
	enabled  func(*config.Config) bool
	probe    string // the job's probe name; name when empty
	runs     atomic.Int32
	released atomic.Int32
	ran      chan struct{}
}

func newFakeKind(name string, enabled func(*config.Config) bool) *fakeKind {
	return &fakeKind{name: name, enabled: enabled, ran: make(chan struct{}, 100)}
}

func (k *fakeKind) Jobs(cfg *config.Config) (Built, error) {
	if !k.enabled(cfg) {
		return Built{}, nil
	}
	probe := k.probe
	if probe == "" {
		probe = k.name
	}
	job := Job{Probe: probe, Target: "t", Interval: 10 * time.Second, Timeout: 5 * time.Second,
		Run: func(context.Context) error {
			k.runs.Add(1)
			k.ran <- struct{}{}
			return nil
		}}
	return Built{Jobs: []Job{job}, Release: func() { k.released.Add(1) }}, nil
}

func (k *fakeKind) register() NewKind { return func(Deps) Kind { return k } }

// TestRunnerReloadDroppingAKindStopsItsJobs: the runner runs the jobs of
// every kind a configuration enables; after a reload to a configuration
// that drops one kind, that kind's job has stopped and been released
// before the new set starts, and never runs again while the others go on.
func TestRunnerReloadDroppingAKindStopsItsJobs(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	withHost := &config.Config{Host: config.Host{Enabled: true}}
	withoutHost := &config.Config{}
	always := newFakeKind("always", func(*config.Config) bool { return true })
	hostOnly := newFakeKind("hostonly", func(c *config.Config) bool { return c.Host.Enabled })
	reg, err := NewRegistry(map[string]NewKind{"always": always.register(), "hostonly": hostOnly.register()},
		testDeps(t, clk, withHost))
	if err != nil {
		t.Fatal(err)
	}
	log, _ := logtest.NewNullLogger()
	// cycles hears every finished run, after the runner recorded it.
	cycles := make(chan struct{}, 100)
	r := NewRunner(clk, log, NewMetrics(nil), func(bool) { cycles <- struct{}{} })
	if r.Progressing(clk.Now()) {
		t.Error("a runner that never started reports progress")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	set, err := reg.Build(withHost)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := jobKeys(set.Jobs()), []string{"always/t", "hostonly/t"}; !slices.Equal(got, want) {
		t.Fatalf("jobs %v, want %v", got, want)
	}
	r.Start(ctx, set)
	<-always.ran // first runs happen at once
	<-hostOnly.ran

	set, err = reg.Build(withoutHost)
	if err != nil {
		t.Fatal(err)
	}
	r.Start(ctx, set) // the reload
	if n := hostOnly.released.Load(); n != 1 {
		t.Errorf("dropped kind released %d times by the reload, want 1", n)
	}
	if n := always.released.Load(); n != 1 {
		t.Errorf("kept kind's old set released %d times by the reload, want 1", n)
	}
	dropped := hostOnly.runs.Load()
	// The kept kind goes on through several intervals.
	for runs := 0; runs < 4; {
		select {
		case <-always.ran:
			runs++
		default:
			clk.Advance(time.Second)
		}
	}
	if n := hostOnly.runs.Load(); n != dropped {
		t.Errorf("the dropped kind ran %d more times after the reload", n-dropped)
	}
	// The last run is recorded just after it returns: look again at
	// each recorded run, the clock stopped, until a deadline.
	for deadline := time.After(10 * time.Second); !r.Progressing(clk.Now()); {
		select {
		case <-cycles:
		case <-deadline:
			t.Fatal("the kept kind's job is running, the runner reports no progress")
		}
	}
	cancel()
	r.Wait()
	if n := always.released.Load(); n != 2 {
		t.Errorf("kept kind released %d times after the end, want 2", n)
	}
	if n := hostOnly.released.Load(); n != 1 {
		t.Errorf("dropped kind released %d times after the end, want 1", n)
	}
}

// TestRegistryRefusesAJobOfAnotherProbe: a kind whose job carries another
// probe name fails the build, and what the other kinds built is released.
func TestRegistryRefusesAJobOfAnotherProbe(t *testing.T) {
	good := newFakeKind("a", func(*config.Config) bool { return true })
	bad := newFakeKind("b", func(*config.Config) bool { return true })
	bad.probe = "node"
	reg, err := NewRegistry(map[string]NewKind{"a": good.register(), "b": bad.register()},
		testDeps(t, clock.NewFake(time.Unix(0, 0)), &config.Config{}))
	if err != nil {
		t.Fatal(err)
	}
	set, err := reg.Build(&config.Config{})
	if err == nil || !strings.Contains(err.Error(), `probe kind "b" built a job of probe "node"`) {
		t.Fatalf("build: %v, want the misnamed job refused", err)
	}
	if set != nil || good.released.Load() != 1 || bad.released.Load() != 1 {
		t.Errorf("set %v, releases a=%d b=%d, want nil and 1 each", set, good.released.Load(), bad.released.Load())
	}
}

// TestRegistryNeedsEveryDependency: a missing dependency is named at
// construction, not found by a probe run.
func TestRegistryNeedsEveryDependency(t *testing.T) {
	deps := testDeps(t, clock.NewFake(time.Unix(0, 0)), &config.Config{})
	deps.Store, deps.Units = nil, nil
	_, err := NewRegistry(Kinds(), deps)
	if err == nil || !strings.Contains(err.Error(), "missing [store units]") {
		t.Fatalf("NewRegistry: %v, want the missing store and units named", err)
	}
}
