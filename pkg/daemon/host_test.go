package daemon

import (
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// gaugeValue returns the value of the series of name with the given label
// value (any label), and whether it exists.
func gaugeValue(t *testing.T, h *harness, name, label string) (float64, bool) {
	t.Helper()
	for _, m := range family(t, h, name).GetMetric() {
		if label == "" && len(m.GetLabel()) == 0 {
			return m.GetGauge().GetValue(), true
		}
		for _, lp := range m.GetLabel() {
			if lp.GetValue() == label {
				return m.GetGauge().GetValue(), true
			}
		}
	}
	return 0, false
}

func TestHostChecksAndMetrics(t *testing.T) {
	node := fakenode.New(nodeapi.Current)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	defer node.Close()
	cfg := testConfig(t.TempDir(), nodeCfg("tc001", node.URL()))
	data := t.TempDir()
	cfg.Host.Enabled, cfg.Host.Clock = true, true
	cfg.Host.DataPaths = []string{data}
	cfg.Nodes[0].PIDFile = filepath.Join(t.TempDir(), "livepeer.pid")
	if err := os.WriteFile(cfg.Nodes[0].PIDFile, []byte(strconv.Itoa(os.Getpid())), 0o600); err != nil {
		t.Fatal(err)
	}
	h := startDaemon(t, cfg, "")
	h.waitFor("host metrics", func() bool {
		_, fds := gaugeValue(t, h, "lpwatch_host_open_fds", "tc001")
		_, disk := gaugeValue(t, h, "lpwatch_disk_free_ratio", data)
		_, clk := gaugeValue(t, h, "lpwatch_clock_synchronized", "")
		return fds && disk && clk
	})
	fds, _ := gaugeValue(t, h, "lpwatch_host_open_fds", "tc001")
	limit, _ := gaugeValue(t, h, "lpwatch_host_fd_limit", "tc001")
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
		t.Fatal(err)
	}
	if fds < 3 || (rl.Cur != ^uint64(0) && limit != float64(rl.Cur)) {
		t.Errorf("open fds %v, limit %v (getrlimit %d)", fds, limit, rl.Cur)
	}
	ratio, _ := gaugeValue(t, h, "lpwatch_disk_free_ratio", data)
	free, _ := gaugeValue(t, h, "lpwatch_disk_free_bytes", data)
	size, _ := gaugeValue(t, h, "lpwatch_disk_size_bytes", data)
	if ratio <= 0 || ratio > 1 || free <= 0 || size < free || ratio != free/size {
		t.Errorf("disk: ratio %v, free %v, size %v", ratio, free, size)
	}
	h.waitFor("host check states", func() bool {
		return metricValue(t, h, "lpwatch_check_status", "check", alert.FileDescriptorsHigh, "target", "tc001", "state", "ok") == 1 &&
			metricValue(t, h, "lpwatch_check_status", "check", alert.ClockUnsynchronized, "target", checks.ClockTarget, "state", "unknown") == 0
	})
	if v, ok := gaugeValue(t, h, "lpwatch_probe_success", "localhost"); !ok || v != 1 {
		t.Errorf("lpwatch_probe_success{probe=\"host\"} = %v (present %v)", v, ok)
	}
}
