package remediation

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	logtest "github.com/sirupsen/logrus/hooks/test"

	"github.com/lpwatch/lpwatch/pkg/watchdog"
)

// remediationSeries is the exposition of lpwatch_remediations_total with
// every result of each unit at the value given (0 when absent).
func remediationSeries(units []string, values map[string]float64) string {
	var b strings.Builder
	b.WriteString("# HELP lpwatch_remediations_total Restarts lpwatch made, tried or held back, by unit and result (success, failed, timeout, dry_run, skipped_budget, skipped_cooldown, skipped_chain_unhealthy).\n")
	b.WriteString("# TYPE lpwatch_remediations_total counter\n")
	for _, u := range units {
		for _, r := range []string{"dry_run", "failed", "skipped_budget", "skipped_chain_unhealthy", "skipped_cooldown", "success", "timeout"} {
			fmt.Fprintf(&b, "lpwatch_remediations_total{result=%q,unit=%q} %v\n", r, u, values[u+"/"+r])
		}
	}
	return b.String()
}

// TestRemediationsExportedAtZero: every unit the ladder may restart has
// each result series at 0 from New on, before any feed or restart; a feed
// of a reloaded configuration deletes the series of a unit it no longer
// has, adds the new one's at 0 and keeps the counts of the others.
func TestRemediationsExportedAtZero(t *testing.T) {
	reg := prometheus.NewRegistry()
	log, _ := logtest.NewNullLogger()
	cfg := testConfig()
	c, err := New(Options{StateDir: t.TempDir(), Emitter: &fakeEmitter{}, Logger: log, Registerer: reg, Config: cfg,
		Units: func(context.Context) (watchdog.UnitManager, error) { return newFakeUnits(), nil }})
	if err != nil {
		t.Fatal(err)
	}
	want := remediationSeries([]string{chainUnit, nodeUnit}, nil)
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "lpwatch_remediations_total"); err != nil {
		t.Error(err)
	}

	c.met.remediations.WithLabelValues(nodeUnit, ResultSuccess).Inc()
	next := testConfig()
	next.Chain.URLs = nil // no chain and no scheduled restart: geth.service is never restarted
	second := next.Nodes[0]
	second.Name, second.SystemdUnit = "tc002", "livepeer2.service"
	next.Nodes = append(next.Nodes, second)
	if err := c.Feed(Feed{At: testStart, Config: next}); err != nil {
		t.Fatal(err)
	}
	want = remediationSeries([]string{nodeUnit, "livepeer2.service"}, map[string]float64{nodeUnit + "/success": 1})
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "lpwatch_remediations_total"); err != nil {
		t.Error(err)
	}

	next.Remediation.ScheduledChainRestart = "04:30"
	if got := restartable(next); fmt.Sprint(got) != fmt.Sprint([]string{chainUnit, nodeUnit, "livepeer2.service"}) {
		t.Errorf("units with a scheduled chain restart: %v", got)
	}
}
