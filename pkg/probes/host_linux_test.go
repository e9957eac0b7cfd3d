//go:build linux

package probes

import (
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/hostinfo"
	"github.com/lpwatch/lpwatch/pkg/watchdog"
	"github.com/lpwatch/lpwatch/pkg/watchdog/systemdtest"
)

// TestHostProbeRealProcSelf counts this test process's own descriptors
// through /proc while it opens more of them.
func TestHostProbeRealProcSelf(t *testing.T) {
	reader, err := hostinfo.New(hostinfo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfg := hostCfg(config.Node{Name: "self", PIDFile: writePIDFile(t, os.Getpid())})
	cfg.Host.DataPaths = []string{t.TempDir()}
	before, _, err := runHost(t, cfg, reader, Locator{})
	if err != nil {
		t.Fatalf("probe: %v", err)
	}
	const extra = 64
	for i := 0; i < extra; i++ {
		f, err := os.Open(os.DevNull)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
	}
	after, rs, err := runHost(t, cfg, reader, Locator{})
	if err != nil {
		t.Fatalf("probe: %v", err)
	}
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
	b, a := before.Processes[0].FDs, after.Processes[0].FDs
	if a.Open < b.Open+extra {
		t.Errorf("open fds went from %d to %d after opening %d files", b.Open, a.Open, extra)
	}
	if lim.Cur != ^uint64(0) && a.SoftLimit != lim.Cur { // ^0 is RLIM_INFINITY
		t.Errorf("soft limit %d, getrlimit says %d", a.SoftLimit, lim.Cur)
	}
	r := result(t, rs, alert.FileDescriptorsHigh, "self")
	if r.State != checks.OK || !strings.Contains(r.Reason, "open files") {
		t.Errorf("got %s %q", r.State, r.Reason)
	}
	if d := result(t, rs, alert.DiskSpaceLow, cfg.Host.DataPaths[0]); d.State == checks.Unknown {
		t.Errorf("the real statfs of a temp dir failed: %s", d.Reason)
	}
}

// TestHostProbeSystemdOverDBus asks a fake systemd manager on a private
// bus for the unit's main PID with the production D-Bus client.
func TestHostProbeSystemdOverDBus(t *testing.T) {
	bus := systemdtest.Start(t)
	bus.AddUnit("livepeer.service", systemdtest.Running(uint32(os.Getpid())))
	bus.AddUnit("stopped.service", systemdtest.UnitState{LoadState: "loaded", ActiveState: "failed", SubState: "failed"})
	reader, err := hostinfo.New(hostinfo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfg := hostCfg(
		config.Node{Name: "a", SystemdUnit: "livepeer.service"},
		config.Node{Name: "b", SystemdUnit: "stopped.service", PIDFile: writePIDFile(t, os.Getpid())},
		config.Node{Name: "c", SystemdUnit: "missing.service"},
	)
	h, rs, _ := runHost(t, cfg, reader, Locator{Units: watchdog.NewSystemdManager})
	want := []struct {
		pid    int
		source string
		state  checks.State
		reason string
	}{
		{os.Getpid(), "systemd unit livepeer.service", checks.OK, "(systemd unit livepeer.service) has"},
		{os.Getpid(), "pid file", checks.OK, "(pid file "},
		{0, "", checks.Unknown, "systemd unit missing.service: "},
	}
	for i, w := range want {
		p := h.Processes[i]
		if p.PID != w.pid || !strings.HasPrefix(p.Source, w.source) {
			t.Errorf("%s: pid %d from %q, want %d from %q (err %v)", p.Node, p.PID, p.Source, w.pid, w.source, p.Err)
		}
		r := result(t, rs, alert.FileDescriptorsHigh, p.Node)
		if r.State != w.state || !strings.Contains(r.Reason, w.reason) {
			t.Errorf("%s: got %s %q, want %s containing %q", p.Node, r.State, r.Reason, w.state, w.reason)
		}
	}
	if len(bus.Restarts()) != 0 {
		t.Errorf("the host probe restarted units: %v", bus.Restarts())
	}
}

// TestClockStatusRealAdjtimex reads the real kernel clock through the
// probe; its state is whatever the host's is, but it must be readable.
func TestClockStatusRealAdjtimex(t *testing.T) {
	reader, err := hostinfo.New(hostinfo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfg := hostCfg()
	cfg.Host.Clock = true
	h, rs, err := runHost(t, cfg, reader, Locator{})
	if err != nil {
		t.Fatalf("adjtimex through the probe: %v", err)
	}
	r := result(t, rs, alert.ClockUnsynchronized, checks.ClockTarget)
	wantState := checks.OK
	if !h.Clock.Status.Synchronized {
		wantState = checks.Warning
	}
	if r.State != wantState || r.Details["estimated_error"] != h.Clock.Status.EstError.String() {
		t.Errorf("got %s %q %v for %s", r.State, r.Reason, r.Details, h.Clock.Status)
	}
}
