package daemon

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/watchdog"
)

// metricsDoc is the document every registered metric must be listed in.
const metricsDoc = "../../docs/metrics.md"

// docMetric is one row of a table in docs/metrics.md.
type docMetric struct {
	kind   string
	labels []string
	line   int
}

// docRow matches a table row whose first cell names an lpwatch metric.
var docRow = regexp.MustCompile("^\\|\\s*`(lpwatch_[a-z0-9_]+)`\\s*\\|([^|]*)\\|([^|]*)\\|")

// readMetricsDoc parses the metric tables of docs/metrics.md.
func readMetricsDoc(t *testing.T) map[string]docMetric {
	t.Helper()
	f, err := os.Open(metricsDoc)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]docMetric{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		m := docRow.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		if prev, dup := out[m[1]]; dup {
			t.Errorf("%s:%d: %s is listed twice (first on line %d)", metricsDoc, n, m[1], prev.line)
		}
		var labels []string
		for _, l := range strings.Split(m[3], ",") {
			if l = strings.Trim(strings.TrimSpace(l), "`"); l != "" {
				labels = append(labels, l)
			}
		}
		sort.Strings(labels)
		out[m[1]] = docMetric{kind: strings.TrimSpace(m[2]), labels: labels, line: n}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("%s lists no metric", metricsDoc)
	}
	return out
}

// nameProbe is a collector describing one metric name, used to ask a
// registry whether that name is taken: a registry refuses a second
// descriptor of a registered name with other labels and help. This finds
// vectors that have no series yet, which Gather cannot show.
type nameProbe struct{ desc *prometheus.Desc }

func (p nameProbe) Describe(ch chan<- *prometheus.Desc) { ch <- p.desc }
func (p nameProbe) Collect(chan<- prometheus.Metric)    {}

// registered reports whether name is registered on reg.
func registered(t *testing.T, reg *prometheus.Registry, name string) bool {
	t.Helper()
	p := nameProbe{prometheus.NewDesc(name, "metrics doc test probe", []string{"metricsdoc_probe"}, nil)}
	err := reg.Register(p)
	if err == nil {
		reg.Unregister(p)
		return false
	}
	if strings.Contains(err.Error(), "same fully-qualified name") {
		return true
	}
	t.Fatalf("probing %s: %v", name, err)
	return false
}

// sourceMetricNames returns every "lpwatch_..." string literal in the
// module's non-test Go files: candidates for registered metric names.
func sourceMetricNames(t *testing.T) []string {
	t.Helper()
	lit := regexp.MustCompile(`"(lpwatch_[a-z0-9_]+)"`)
	seen := map[string]bool{}
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != "../.." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range lit.FindAllSubmatch(b, -1) {
			seen[string(m[1])] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func kindOf(t dto.MetricType) string {
	return strings.ToLower(t.String())
}

// TestMetricsDocMatchesRegistry fails when docs/metrics.md and the metrics
// a running daemon registers disagree, naming each metric missing where.
func TestMetricsDocMatchesRegistry(t *testing.T) {
	doc := readMetricsDoc(t)

	node := fakenode.New(nodeapi.Current)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	defer node.Close()
	node.SetMonitor(true)
	node.SetActive(false) // TranscoderInactive fires: lpwatch_alerts_firing gets a series
	cfg := testConfig(t.TempDir(), nodeCfg("tc001", node.URL()))
	cfg.Host.Enabled, cfg.Host.Clock = true, true
	cfg.Host.DataPaths = []string{t.TempDir()}
	cfg.Nodes[0].PIDFile = filepath.Join(t.TempDir(), "livepeer.pid")
	if err := os.WriteFile(cfg.Nodes[0].PIDFile, []byte(strconv.Itoa(os.Getpid())), 0o600); err != nil {
		t.Fatal(err)
	}
	h := startDaemon(t, cfg, "")
	// lpwatch run registers the watchdog's counters on the same registry.
	watchdog.New(watchdog.Options{Registerer: h.reg})

	gathered := map[string]*dto.MetricFamily{}
	gather := func() {
		fams, err := h.reg.Gather()
		if err != nil {
			t.Fatalf("gather: %v", err)
		}
		for _, f := range fams {
			gathered[f.GetName()] = f
		}
	}
	for _, want := range []string{"lpwatch_alerts_firing", "lpwatch_host_open_fds", "lpwatch_disk_free_ratio",
		"lpwatch_clock_synchronized", "lpwatch_probe_success", "lpwatch_check_status"} {
		h.waitFor("a series of "+want, func() bool { gather(); return gathered[want] != nil })
	}

	// Every registered lpwatch metric: those with series, and those the
	// source names that the registry knows even without a series.
	reg := map[string]bool{}
	for name := range gathered {
		if strings.HasPrefix(name, "lpwatch_") {
			reg[name] = true
		}
	}
	for _, name := range sourceMetricNames(t) {
		if registered(t, h.reg, name) {
			reg[name] = true
		}
	}

	var undocumented, unregistered, mismatched []string
	for name := range reg {
		if _, ok := doc[name]; !ok {
			undocumented = append(undocumented, name)
		}
	}
	for name, d := range doc {
		if !reg[name] && !registered(t, h.reg, name) {
			unregistered = append(unregistered, fmt.Sprintf("%s (line %d)", name, d.line))
		}
		fam := gathered[name]
		if fam == nil {
			continue
		}
		if k := kindOf(fam.GetType()); k != d.kind {
			mismatched = append(mismatched, fmt.Sprintf("%s: type %q in the doc (line %d), %q registered", name, d.kind, d.line, k))
		}
		var labels []string
		for _, lp := range fam.GetMetric()[0].GetLabel() {
			labels = append(labels, lp.GetName())
		}
		sort.Strings(labels)
		if !slices.Equal(labels, d.labels) {
			mismatched = append(mismatched, fmt.Sprintf("%s: labels %v in the doc (line %d), %v registered", name, d.labels, d.line, labels))
		}
	}
	sort.Strings(undocumented)
	sort.Strings(unregistered)
	sort.Strings(mismatched)
	if len(undocumented) > 0 {
		t.Errorf("registered by the daemon but missing from docs/metrics.md: %s", strings.Join(undocumented, ", "))
	}
	if len(unregistered) > 0 {
		t.Errorf("listed in docs/metrics.md but not registered by the daemon: %s", strings.Join(unregistered, ", "))
	}
	for _, m := range mismatched {
		t.Errorf("docs/metrics.md disagrees with the registry: %s", m)
	}
	if len(reg) < 20 {
		t.Errorf("only %d lpwatch metrics found registered: the registry probe is broken", len(reg))
	}
}
