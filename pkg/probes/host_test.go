package probes

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/hostinfo"
	"github.com/lpwatch/lpwatch/pkg/observe"
	"github.com/lpwatch/lpwatch/pkg/watchdog"
)

var hostT0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// fakeUnits is a UnitManager whose units the test scripts.
type fakeUnits struct {
	units  map[string]watchdog.UnitStatus
	closed int
}

func (f *fakeUnits) RestartUnit(context.Context, string) (string, error) {
	return "", errors.New("the host probe must never restart a unit")
}

func (f *fakeUnits) UnitState(_ context.Context, unit string) (watchdog.UnitStatus, error) {
	st, ok := f.units[unit]
	if !ok {
		return watchdog.UnitStatus{}, fmt.Errorf("unit %s: %w", unit, watchdog.ErrUnitNotFound)
	}
	return st, nil
}

func (f *fakeUnits) Close() { f.closed++ }

// fakeProc lays out procRoot/pid/fd with n entries and procRoot/pid/limits
// with the given soft limit ("unlimited" allowed).
func fakeProc(t *testing.T, root string, pid, n int, soft string) {
	t.Helper()
	dir := filepath.Join(root, strconv.Itoa(pid))
	if err := os.MkdirAll(filepath.Join(dir, "fd"), 0o755); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		if err := os.WriteFile(filepath.Join(dir, "fd", strconv.Itoa(i)), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	limits := fmt.Sprintf("Limit                     Soft Limit           Hard Limit           Units     \n"+
		"Max open files            %-20s %-20s files     \n", soft, soft)
	if err := os.WriteFile(filepath.Join(dir, "limits"), []byte(limits), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writePIDFile(t *testing.T, pid int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "livepeer.pid")
	if err := os.WriteFile(p, []byte(strconv.Itoa(pid)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// runHost probes once with o and evaluates the checks of cfg on the result.
func runHost(t *testing.T, cfg *config.Config, reader HostReader, loc Locator) (*observe.Host, []checks.Result, error) {
	t.Helper()
	store := observe.NewStore()
	p, err := NewHostProbe(HostOptions{Host: cfg.Host, Nodes: cfg.Nodes, Reader: reader, Locator: loc,
		Store: store, Clock: clock.NewFake(hostT0)})
	if err != nil {
		t.Fatal(err)
	}
	runErr := p.Run(context.Background())
	snap := store.Snapshot()
	if snap.Host == nil {
		t.Fatal("the probe recorded no host observation")
	}
	return snap.Host, checks.NewEvaluator(cfg).Evaluate(hostT0, snap).Results, runErr
}

func result(t *testing.T, rs []checks.Result, check, target string) checks.Result {
	t.Helper()
	for _, r := range rs {
		if r.Check == check && r.Target == target {
			return r
		}
	}
	t.Fatalf("no %s/%s in %+v", check, target, rs)
	return checks.Result{}
}

func hostCfg(nodes ...config.Node) *config.Config {
	cfg := config.Default()
	cfg.Chain.URLs = nil
	cfg.Nodes = nodes
	cfg.Host = config.Host{Enabled: true, Interval: 30 * time.Second, Timeout: 5 * time.Second}
	return cfg
}

func TestHostProbeFindsProcessAndCountsFDs(t *testing.T) {
	root := t.TempDir()
	fakeProc(t, root, 42, 900, "1000") // the unit's main process: 90%
	fakeProc(t, root, 43, 10, "1024")  // the pid file's process
	fakeProc(t, root, 44, 9, "unlimited")
	pidFile := writePIDFile(t, 43)
	unlimitedPID := writePIDFile(t, 44)
	gonePID := writePIDFile(t, 99)
	running := watchdog.UnitStatus{LoadState: "loaded", ActiveState: "active", SubState: "running", MainPID: 42}
	dead := watchdog.UnitStatus{LoadState: "loaded", ActiveState: "inactive", SubState: "dead"}
	dialErr := errors.New("connect to systemd over the system bus: dial unix /run/dbus/system_bus_socket: connect: no such file or directory")

	cases := []struct {
		name    string
		node    config.Node
		units   map[string]watchdog.UnitStatus // nil: the dial fails
		noUnits bool                           // no systemd at all
		state   checks.State
		reason  []string
		pid     int
	}{
		{"unit main pid", config.Node{SystemdUnit: "livepeer.service", PIDFile: pidFile},
			map[string]watchdog.UnitStatus{"livepeer.service": running}, false,
			checks.Warning, []string{"process 42 (systemd unit livepeer.service) has 900 open files, 90.0% of its soft limit 1000"}, 42},
		{"unit unknown to systemd, pid file", config.Node{SystemdUnit: "livepeer.service", PIDFile: pidFile},
			map[string]watchdog.UnitStatus{}, false,
			checks.OK, []string{"process 43 (pid file " + pidFile + ") has 10 open files"}, 43},
		{"no systemd bus, pid file", config.Node{SystemdUnit: "livepeer.service", PIDFile: pidFile},
			nil, false, checks.OK, []string{"process 43"}, 43},
		{"no systemd at all, pid file", config.Node{SystemdUnit: "livepeer.service", PIDFile: unlimitedPID},
			nil, true, checks.OK, []string{"process 44", "no open-file limit"}, 44},
		{"unit stopped, no pid file", config.Node{SystemdUnit: "livepeer.service"},
			map[string]watchdog.UnitStatus{"livepeer.service": dead}, false,
			checks.Unknown, []string{"unit livepeer.service is inactive/dead: unit has no main process", "no pid_file configured"}, 0},
		{"no bus, no pid file", config.Node{SystemdUnit: "livepeer.service"}, nil, false,
			checks.Unknown, []string{"system_bus_socket", "no pid_file configured"}, 0},
		{"no systemd, no pid file", config.Node{SystemdUnit: "livepeer.service"}, nil, true,
			checks.Unknown, []string{"systemd is not reachable", "no pid_file is configured"}, 0},
		{"nothing configured", config.Node{}, nil, true,
			checks.Unknown, []string{"neither systemd_unit nor pid_file is configured"}, 0},
		{"stale pid file", config.Node{PIDFile: gonePID}, nil, true,
			checks.Unknown, []string{"process 99 (from pid file", "not found: process 99 is gone"}, 99},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.node.Name = "tc001"
			var dialed int
			fu := &fakeUnits{units: c.units}
			loc := Locator{Units: func(context.Context) (watchdog.UnitManager, error) {
				dialed++
				if c.units == nil {
					return nil, dialErr
				}
				return fu, nil
			}}
			if c.noUnits {
				loc.Units = nil
			}
			reader, err := hostinfo.New(hostinfo.Options{ProcRoot: root,
				Statfs:   func(string) (hostinfo.FSStats, error) { return hostinfo.FSStats{}, errors.New("unused") },
				Adjtimex: func() (hostinfo.Timex, error) { return hostinfo.Timex{}, errors.New("unused") }})
			if err != nil {
				t.Fatal(err)
			}
			h, rs, runErr := runHost(t, hostCfg(c.node), reader, loc)
			r := result(t, rs, alert.FileDescriptorsHigh, "tc001")
			for _, want := range c.reason {
				if !strings.Contains(r.Reason, want) {
					t.Errorf("reason %q lacks %q", r.Reason, want)
				}
			}
			if r.State != c.state {
				t.Errorf("state %s, want %s (%s)", r.State, c.state, r.Reason)
			}
			if got := h.Processes[0].PID; got != c.pid {
				t.Errorf("pid %d, want %d", got, c.pid)
			}
			if (c.state == checks.Unknown) != (runErr != nil) {
				t.Errorf("probe error %v while the check is %s", runErr, r.State)
			}
			if dialed > 1 || (fu.closed != 0) != (c.units != nil && dialed == 1) {
				t.Errorf("dialed %d times, closed %d times: want one dial per run, closed after", dialed, fu.closed)
			}
		})
	}
}

func TestHostProbeDisksAndClock(t *testing.T) {
	const blocks = 1000
	stats := map[string]hostinfo.FSStats{
		"/ok":       {BlockSize: 4096, Blocks: blocks, Free: 600, Avail: 500},
		"/warning":  {BlockSize: 4096, Blocks: blocks, Free: 100, Avail: 80},
		"/critical": {BlockSize: 4096, Blocks: blocks, Free: 60, Avail: 10},
		"/pseudo":   {BlockSize: 4096, Blocks: 0},
	}
	statfs := func(path string) (hostinfo.FSStats, error) {
		st, ok := stats[path]
		if !ok {
			return hostinfo.FSStats{}, fmt.Errorf("statfs %s: no such file or directory", path)
		}
		return st, nil
	}
	clocks := []struct {
		name   string
		tx     hostinfo.Timex
		err    error
		state  checks.State
		reason string
	}{
		{"synchronized", hostinfo.Timex{State: hostinfo.TimeOK, MaxErrorMicros: 30000, EstErrorMicros: 1200}, nil,
			checks.OK, "clock synchronized (state TIME_OK, maxerror 30ms, esterror 1.2ms)"},
		{"leap second pending", hostinfo.Timex{State: hostinfo.TimeIns, MaxErrorMicros: 30000}, nil, checks.OK, "state TIME_INS"},
		{"STA_UNSYNC", hostinfo.Timex{State: hostinfo.TimeError, Status: hostinfo.StaUnsync, MaxErrorMicros: 16000000, EstErrorMicros: 16000000}, nil,
			checks.Warning, "unsynchronized, STA_UNSYNC set (state TIME_ERROR, maxerror 16s, esterror 16s)"},
		{"max error at the kernel's limit", hostinfo.Timex{State: hostinfo.TimeOK, MaxErrorMicros: 16000000}, nil,
			checks.Warning, "unsynchronized (state TIME_OK, maxerror 16s"},
		{"adjtimex refused", hostinfo.Timex{}, errors.New("operation not permitted"), checks.Unknown, "adjtimex: operation not permitted"},
		{"unknown clock state", hostinfo.Timex{State: 9}, nil, checks.Unknown, "unknown state 9"},
	}
	for _, c := range clocks {
		t.Run(c.name, func(t *testing.T) {
			reader, err := hostinfo.New(hostinfo.Options{ProcRoot: t.TempDir(), Statfs: statfs,
				Adjtimex: func() (hostinfo.Timex, error) { return c.tx, c.err }})
			if err != nil {
				t.Fatal(err)
			}
			cfg := hostCfg()
			cfg.Host.Clock = true
			cfg.Host.DataPaths = []string{"/ok", "/warning", "/critical", "/pseudo", "/missing"}
			_, rs, runErr := runHost(t, cfg, reader, Locator{})
			r := result(t, rs, alert.ClockUnsynchronized, checks.ClockTarget)
			if r.State != c.state || !strings.Contains(r.Reason, c.reason) {
				t.Errorf("clock: got %s %q, want %s containing %q", r.State, r.Reason, c.state, c.reason)
			}
			disks := map[string]checks.State{"/ok": checks.OK, "/warning": checks.Warning, "/critical": checks.Critical,
				"/pseudo": checks.Unknown, "/missing": checks.Unknown}
			for path, want := range disks {
				if got := result(t, rs, alert.DiskSpaceLow, path); got.State != want {
					t.Errorf("disk %s: %s (%s), want %s", path, got.State, got.Reason, want)
				}
			}
			if runErr == nil || !strings.Contains(runErr.Error(), "/missing") || !strings.Contains(runErr.Error(), "size of 0") {
				t.Errorf("probe error %v should name every unreadable path", runErr)
			}
		})
	}
}

func TestHostProbeHungStatfs(t *testing.T) {
	entered, release := make(chan struct{}, 1), make(chan struct{})
	defer close(release)
	reader, err := hostinfo.New(hostinfo.Options{ProcRoot: t.TempDir(),
		Statfs: func(string) (hostinfo.FSStats, error) {
			entered <- struct{}{}
			<-release
			return hostinfo.FSStats{BlockSize: 1, Blocks: 1}, nil
		},
		Adjtimex: func() (hostinfo.Timex, error) { return hostinfo.Timex{}, nil }})
	if err != nil {
		t.Fatal(err)
	}
	cfg := hostCfg()
	cfg.Host.DataPaths = []string{"/nfs"}
	store := observe.NewStore()
	p, err := NewHostProbe(HostOptions{Host: cfg.Host, Reader: reader, Store: store, Clock: clock.NewFake(hostT0)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-entered; cancel() }() // the run's deadline passes while statfs hangs
	if err := p.Run(ctx); err == nil || !strings.Contains(err.Error(), "statfs still running") {
		t.Fatalf("first run: %v", err)
	}
	// The next run does not pile another blocked call on the hung mount.
	if err := p.Run(context.Background()); !errors.Is(err, hostinfo.ErrStatfsBlocked) {
		t.Fatalf("second run: %v, want ErrStatfsBlocked", err)
	}
	r := result(t, checks.NewEvaluator(cfg).Evaluate(hostT0, store.Snapshot()).Results, alert.DiskSpaceLow, "/nfs")
	if r.State != checks.Unknown || !strings.Contains(r.Reason, "has not returned yet") {
		t.Errorf("got %s %q", r.State, r.Reason)
	}
}

func TestNewHostProbeRejectsMissingParts(t *testing.T) {
	cases := []struct {
		name string
		o    HostOptions
		want string
	}{
		{"nothing", HostOptions{Host: config.Host{Interval: time.Second, Timeout: time.Second}}, "missing [reader store clock]"},
		{"zero interval", HostOptions{Reader: unusedReader{}, Store: observe.NewStore(), Clock: clock.NewFake(hostT0)}, "must be positive"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := NewHostProbe(c.o); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err %v, want %q", err, c.want)
			}
		})
	}
	p, err := NewHostProbe(HostOptions{Host: config.Host{Interval: 30 * time.Second, Timeout: 5 * time.Second},
		Reader: unusedReader{}, Store: observe.NewStore(), Clock: clock.NewFake(hostT0)})
	if err != nil {
		t.Fatal(err)
	}
	if j := p.Job(); j.Probe != "host" || j.Target != HostTarget || j.Interval != 30*time.Second || j.Timeout != 5*time.Second {
		t.Errorf("job %+v", j)
	}
}

type unusedReader struct{}

func (unusedReader) OpenFiles(context.Context, int) (hostinfo.FDUsage, error) {
	return hostinfo.FDUsage{}, errors.New("unused")
}
func (unusedReader) DiskUsage(context.Context, string) (hostinfo.Disk, error) {
	return hostinfo.Disk{}, errors.New("unused")
}
func (unusedReader) ClockStatus(context.Context) (hostinfo.Clock, error) {
	return hostinfo.Clock{}, errors.New("unused")
}

// countingReader counts OpenFiles per pid and answers n open files of
// 1000, or err.
type countingReader struct {
	unusedReader
	calls map[int]int
	err   error
}

func (c *countingReader) OpenFiles(_ context.Context, pid int) (hostinfo.FDUsage, error) {
	c.calls[pid]++
	if c.err != nil {
		return hostinfo.FDUsage{}, c.err
	}
	return hostinfo.FDUsage{Open: 900, SoftLimit: 1000}, nil
}

// Nodes that share a process (one pid file) have its open files read
// once per run, and each node gets the count, or the error.
func TestHostProbeReadsEachProcessOnce(t *testing.T) {
	shared, other := writePIDFile(t, 42), writePIDFile(t, 43)
	nodes := []config.Node{{Name: "a", PIDFile: shared}, {Name: "b", PIDFile: shared}, {Name: "c", PIDFile: other}}
	for _, readErr := range []error{nil, errors.New("permission denied")} {
		r := &countingReader{calls: map[int]int{}, err: readErr}
		h, rs, _ := runHost(t, hostCfg(nodes...), r, Locator{})
		if r.calls[42] != 1 || r.calls[43] != 1 {
			t.Errorf("error %v: OpenFiles calls per pid %v, want one each", readErr, r.calls)
		}
		for i, n := range nodes {
			pr := h.Processes[i]
			if pr.Node != n.Name || (readErr == nil) != (pr.Err == nil) || (readErr == nil && pr.FDs.Open != 900) {
				t.Errorf("error %v: node %s: %+v", readErr, n.Name, pr)
			}
			want := checks.Warning // 90 % of the limit
			if readErr != nil {
				want = checks.Unknown
			}
			if st := result(t, rs, alert.FileDescriptorsHigh, n.Name).State; st != want {
				t.Errorf("error %v: node %s FileDescriptorsHigh %s, want %s", readErr, n.Name, st, want)
			}
		}
	}
}
