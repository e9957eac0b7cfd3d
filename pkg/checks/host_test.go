package checks

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/hostinfo"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// hostConfig is a configuration with one node, one data path and the clock check.
func hostConfig() *config.Config {
	cfg := config.Default()
	cfg.Chain.URLs = nil
	cfg.Nodes = []config.Node{{Name: "tc001", URL: "http://127.0.0.1:7935", Metrics: "off"}}
	cfg.Host.Enabled = true
	cfg.Host.DataPaths = []string{"/data"}
	cfg.Host.Clock = true
	return cfg
}

// find returns the result of check for target, failing the test when absent.
func find(t *testing.T, results []Result, check, target string) Result {
	t.Helper()
	for _, r := range results {
		if r.Check == check && r.Target == target {
			return r
		}
	}
	t.Fatalf("no %s result for %s in %+v", check, target, results)
	return Result{}
}

func TestFileDescriptorsHigh(t *testing.T) {
	cases := []struct {
		name   string
		proc   *observe.HostProcess // nil: not in the observation
		state  State
		reason string
	}{
		{"not probed", nil, Unknown, "not been probed"},
		{"permission denied", &observe.HostProcess{Node: "tc001", PID: 42, Err: errors.New("read /proc/42/fd: permission denied: pid 42 belongs to another user")},
			Unknown, "permission denied"},
		{"no process", &observe.HostProcess{Node: "tc001", Err: errors.New("cannot find the livepeer process: no pid_file configured")},
			Unknown, "cannot find the livepeer process"},
		{"low", &observe.HostProcess{Node: "tc001", PID: 42, Source: "pid file /run/lp.pid", FDs: hostinfo.FDUsage{Open: 100, SoftLimit: 1024}},
			OK, "100 open files, 9.8% of its soft limit 1024"},
		{"exactly at the limit fraction", &observe.HostProcess{Node: "tc001", PID: 42, FDs: hostinfo.FDUsage{Open: 800, SoftLimit: 1000}},
			OK, "80.0%"},
		{"high", &observe.HostProcess{Node: "tc001", PID: 42, Source: "systemd unit livepeer.service", FDs: hostinfo.FDUsage{Open: 900, SoftLimit: 1000}},
			Warning, "process 42 (systemd unit livepeer.service) has 900 open files, 90.0% of its soft limit 1000 (over 80.0%)"},
		{"unlimited", &observe.HostProcess{Node: "tc001", PID: 42, FDs: hostinfo.FDUsage{Open: 5000}},
			OK, "no open-file limit"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := hostConfig()
			h := &observe.Host{At: t0}
			if c.proc != nil {
				h.Processes = []observe.HostProcess{*c.proc}
			}
			r := find(t, NewEvaluator(cfg).Evaluate(t0, observe.Snapshot{Host: h}).Results, alert.FileDescriptorsHigh, "tc001")
			if r.State != c.state || !strings.Contains(r.Reason, c.reason) {
				t.Errorf("got %s %q, want %s containing %q", r.State, r.Reason, c.state, c.reason)
			}
		})
	}
}

func TestDiskSpaceLow(t *testing.T) {
	const gib = 1 << 30
	disk := func(avail uint64) *observe.HostDisk {
		return &observe.HostDisk{Path: "/data", Usage: hostinfo.Disk{Path: "/data", Total: 100 * gib, Free: avail + gib, Avail: avail}}
	}
	cases := []struct {
		name   string
		disk   *observe.HostDisk
		state  State
		reason string
	}{
		{"not probed", nil, Unknown, "not been probed"},
		{"statfs fails", &observe.HostDisk{Path: "/data", Err: errors.New("disk usage of /data: statfs /data: no such file or directory")},
			Unknown, "no such file"},
		{"plenty", disk(50 * gib), OK, "/data has 50.0% free (50.0 GiB of 100.0 GiB)"},
		{"at the warning line", disk(10 * gib), OK, "10.0% free"},
		{"warning", disk(9 * gib), Warning, "/data has 9.0% free (9.0 GiB of 100.0 GiB), under 10.0%"},
		{"at the critical line", disk(5 * gib), Warning, "5.0% free"},
		{"critical", disk(4 * gib), Critical, "4.0% free (4.0 GiB of 100.0 GiB), under 5.0%"},
		{"full", disk(0), Critical, "0.0% free (0 B of 100.0 GiB)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := &observe.Host{At: t0}
			if c.disk != nil {
				h.Disks = []observe.HostDisk{*c.disk}
			}
			r := find(t, NewEvaluator(hostConfig()).Evaluate(t0, observe.Snapshot{Host: h}).Results, alert.DiskSpaceLow, "/data")
			if r.State != c.state || !strings.Contains(r.Reason, c.reason) {
				t.Errorf("got %s %q, want %s containing %q", r.State, r.Reason, c.state, c.reason)
			}
		})
	}
}

func TestClockUnsynchronized(t *testing.T) {
	cases := []struct {
		name    string
		clock   *observe.HostClock
		state   State
		reason  string
		estimat string
	}{
		{"not probed", nil, Unknown, "not been probed", ""},
		{"adjtimex fails", &observe.HostClock{Err: errors.New("clock status: adjtimex: operation not permitted")}, Unknown, "operation not permitted", ""},
		{"synchronized", &observe.HostClock{Status: hostinfo.Clock{Synchronized: true, EstError: 2 * time.Millisecond, MaxError: 20 * time.Millisecond}},
			OK, "clock synchronized (state TIME_OK, maxerror 20ms, esterror 2ms)", "2ms"},
		{"unsynchronized", &observe.HostClock{Status: hostinfo.Clock{State: hostinfo.TimeError, Status: hostinfo.StaUnsync, MaxError: 16 * time.Second, EstError: 1500 * time.Millisecond}},
			Warning, "unsynchronized, STA_UNSYNC set (state TIME_ERROR, maxerror 16s, esterror 1.5s)", "1.5s"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := &observe.Host{At: t0, Clock: c.clock}
			r := find(t, NewEvaluator(hostConfig()).Evaluate(t0, observe.Snapshot{Host: h}).Results, alert.ClockUnsynchronized, ClockTarget)
			if r.State != c.state || !strings.Contains(r.Reason, c.reason) {
				t.Errorf("got %s %q, want %s containing %q", r.State, r.Reason, c.state, c.reason)
			}
			if c.estimat != "" && r.Details["estimated_error"] != c.estimat {
				t.Errorf("estimated_error detail = %q, want %q", r.Details["estimated_error"], c.estimat)
			}
		})
	}
}

func TestHostChecksFollowConfig(t *testing.T) {
	cfg := hostConfig()
	cfg.Host.Enabled = false
	for _, r := range NewEvaluator(cfg).Evaluate(t0, observe.Snapshot{}).Results {
		switch r.Check {
		case alert.FileDescriptorsHigh, alert.DiskSpaceLow, alert.ClockUnsynchronized:
			t.Errorf("host disabled, yet %s/%s reported", r.Check, r.Target)
		}
	}
	cfg = hostConfig()
	cfg.Host.Clock = false
	cfg.Host.DataPaths = []string{"/a", "/b"}
	got := map[string]int{}
	for _, r := range NewEvaluator(cfg).Evaluate(t0, observe.Snapshot{}).Results {
		got[r.Check]++
	}
	if got[alert.ClockUnsynchronized] != 0 || got[alert.DiskSpaceLow] != 2 || got[alert.FileDescriptorsHigh] != 1 {
		t.Errorf("results per check = %v, want no clock, 2 disks, 1 process", got)
	}
}

func TestFormatBytes(t *testing.T) {
	for in, want := range map[uint64]string{0: "0 B", 1023: "1023 B", 1024: "1.0 KiB", 1536: "1.5 KiB",
		5 << 30: "5.0 GiB", 3 << 40: "3.0 TiB", 1<<64 - 1: "16.0 EiB"} {
		if got := formatBytes(in); got != want {
			t.Errorf("formatBytes(%d) = %q, want %q", in, got, want)
		}
	}
}
