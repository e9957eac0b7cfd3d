package daemon

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/collectors"
	logtest "github.com/sirupsen/logrus/hooks/test"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/remediation"
	"github.com/lpwatch/lpwatch/pkg/watchdog/systemdtest"
)

// zeroWorld is a daemon watching nodes tc001 and tc002 (units
// livepeer.service and livepeer2.service) and a chain, with sinks a and b,
// reloadable from its file. The chain URL is a closed loopback port: the
// chain is configured, never reached.
type zeroWorld struct {
	h     *harness
	write func(nodes, sinks []string)
}

func newZeroWorld(t *testing.T) *zeroWorld {
	t.Helper()
	node := fakenode.New(nodeapi.Current)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(node.Close)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	chainURL := "http://" + ln.Addr().String()
	ln.Close()
	dir := t.TempDir()
	path := filepath.Join(dir, "lpwatch.toml")
	w := &zeroWorld{}
	w.write = func(nodes, sinks []string) {
		t.Helper()
		var b strings.Builder
		fmt.Fprintf(&b, "[state]\ndir = %q\n[host]\nenabled = false\n[chain]\nurls = [%q]\n", filepath.Join(dir, "state"), chainURL)
		for _, s := range sinks {
			fmt.Fprintf(&b, "[[alert.sink]]\nname = %q\ntype = \"log\"\n", s)
		}
		for i, n := range nodes {
			unit := "livepeer.service"
			if i > 0 {
				unit = fmt.Sprintf("livepeer%d.service", i+1)
			}
			fmt.Fprintf(&b, "[[node]]\nname = %q\nurl = %q\nexpected_address = %q\nsystemd_unit = %q\n", n, node.URL(), fakenode.DefaultAddress, unit)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	w.write([]string{"tc001", "tc002"}, []string{"a", "b"})
	cfg, err := loadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	log, _ := logtest.NewNullLogger()
	w.h = startDaemonWith(t, cfg, Options{ConfigPath: path, Logger: log, HTTPClient: &http.Client{},
		Sinks: func(cfg *config.Config) (map[string]alert.Sink, error) {
			out := map[string]alert.Sink{}
			for _, s := range cfg.Alert.Sinks {
				out[s.Name] = alerttest.SinkFunc{SinkName: s.Name, SinkType: "log", Fn: func(context.Context, *alert.Notification) error { return nil }}
			}
			return out, nil
		}})
	return w
}

// series returns the series of name as "label=value,... value" lines, sorted.
func series(t *testing.T, h *harness, name string) []string {
	t.Helper()
	var out []string
	for _, m := range family(t, h, name).GetMetric() {
		var labels []string
		for _, l := range m.GetLabel() {
			labels = append(labels, l.GetName()+"="+l.GetValue())
		}
		out = append(out, fmt.Sprintf("%s %v", strings.Join(labels, ","), m.GetGauge().GetValue()+m.GetCounter().GetValue()))
	}
	slices.Sort(out)
	return out
}

// zeroSeries is every result of each label value, at 0, as series returns them.
func zeroSeries(label string, values []string, result string, results []string) []string {
	var out []string
	for _, v := range values {
		for _, r := range results {
			kv := []string{result + "=" + r, label + "=" + v}
			slices.Sort(kv)
			out = append(out, strings.Join(kv, ",")+" 0")
		}
	}
	slices.Sort(out)
	return out
}

var notificationResults = []string{"sent", "retry", "failed", "expired", "dropped"}

// TestCountersExportedAtZero: the daemon exports at 0, before any event,
// the missed rounds of every node, the remediations of every unit and
// result, the notifications of every sink and result and every catalog
// alert's firing gauge; a reload that removes a node, its unit and a sink
// removes their series.
func TestCountersExportedAtZero(t *testing.T) {
	w := newZeroWorld(t)
	h := w.h
	if got, want := series(t, h, "lpwatch_reward_missed_rounds_total"), []string{"node=tc001 0", "node=tc002 0"}; !slices.Equal(got, want) {
		t.Errorf("missed rounds: %q, want %q", got, want)
	}
	units := []string{"geth.service", "livepeer.service", "livepeer2.service"}
	if got, want := series(t, h, "lpwatch_remediations_total"), zeroSeries("unit", units, "result", remediation.Results()); !slices.Equal(got, want) {
		t.Errorf("remediations:\n got %q\nwant %q", got, want)
	}
	if got, want := series(t, h, "lpwatch_notifications_total"), zeroSeries("sink", []string{"a", "b"}, "result", notificationResults); !slices.Equal(got, want) {
		t.Errorf("notifications:\n got %q\nwant %q", got, want)
	}
	var firing []string
	for name, r := range checks.Catalog() {
		firing = append(firing, fmt.Sprintf("alert=%s,severity=%s 0", name, r.Severity))
	}
	slices.Sort(firing)
	if got := series(t, h, "lpwatch_alerts_firing"); !slices.Equal(got, firing) {
		t.Errorf("alerts firing:\n got %q\nwant %q", got, firing)
	}

	w.write([]string{"tc001"}, []string{"a"})
	if err := h.d.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got, want := series(t, h, "lpwatch_reward_missed_rounds_total"), []string{"node=tc001 0"}; !slices.Equal(got, want) {
		t.Errorf("missed rounds after the reload: %q, want %q", got, want)
	}
	if got, want := series(t, h, "lpwatch_remediations_total"), zeroSeries("unit", units[:2], "result", remediation.Results()); !slices.Equal(got, want) {
		t.Errorf("remediations after the reload:\n got %q\nwant %q", got, want)
	}
	want := zeroSeries("sink", []string{"a"}, "result", notificationResults)
	h.waitFor("the outbox to run with sink a alone", func() bool {
		return slices.Equal(series(t, h, "lpwatch_notifications_total"), want)
	})
}

// TestPromtoolChecksMetrics runs `promtool check metrics` over a scrape of
// a daemon's /metrics, with the Go and process collectors of `lpwatch run`.
func TestPromtoolChecksMetrics(t *testing.T) {
	bin := systemdtest.RequireBinary(t, "promtool")
	w := newZeroWorld(t)
	h := w.h
	h.reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	h.waitFor("a first evaluation with the node probed", func() bool {
		_, ok := h.result(alert.LivepeerNodeDown, "tc001")
		return ok && metricValue(t, h, "lpwatch_probe_success", "probe", "node", "target", "tc001") == 1
	})
	resp, err := http.Get(h.base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics: %d %v", resp.StatusCode, err)
	}
	for _, name := range []string{"lpwatch_reward_missed_rounds_total", "lpwatch_remediations_total", "lpwatch_notifications_total", "lpwatch_alerts_firing"} {
		if !strings.Contains(string(body), "\n"+name+"{") {
			t.Errorf("the scrape has no series of %s", name)
		}
	}
	cmd := exec.Command(bin, "check", "metrics")
	cmd.Stdin = strings.NewReader(string(body))
	if out, err := cmd.CombinedOutput(); err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("promtool check metrics: %v\n%s", err, out)
	}
}
