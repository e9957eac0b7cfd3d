package alert_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

// firingSeries is the exposition of lpwatch_alerts_firing: every alert of
// the catalog at its severity, at the value given ("alert/severity"; 0
// when absent), plus the other series of extra.
func firingSeries(values, extra map[string]float64) string {
	var lines []string
	for name, r := range checks.Catalog() {
		k := name + "/" + r.Severity.String()
		lines = append(lines, fmt.Sprintf("lpwatch_alerts_firing{alert=%q,severity=%q} %v", name, r.Severity, values[k]))
	}
	for k, v := range extra {
		name, sev, _ := strings.Cut(k, "/")
		lines = append(lines, fmt.Sprintf("lpwatch_alerts_firing{alert=%q,severity=%q} %v", name, sev, v))
	}
	sort.Strings(lines)
	return "# HELP lpwatch_alerts_firing Alerts currently firing, by alert name and severity.\n# TYPE lpwatch_alerts_firing gauge\n" +
		strings.Join(lines, "\n") + "\n"
}

// TestAlertsFiringExportedAtZero: every catalog alert has its series at
// its severity, at 0, from NewEngine on; a firing alert counts 1 on the
// series of the severity it fires with, and every series stays, at 0, once
// it resolved.
func TestAlertsFiringExportedAtZero(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f := newFixture(t, t.TempDir(), clk, &fakeOutbox{})
	if err := testutil.GatherAndCompare(f.reg, strings.NewReader(firingSeries(nil, nil)), "lpwatch_alerts_firing"); err != nil {
		t.Error(err)
	}
	for _, s := range []string{`alert="LivepeerNodeDown",severity="critical"`, `alert="TranscoderInactive",severity="warning"`, `alert="LpwatchStarted",severity="info"`} {
		if !strings.Contains(firingSeries(nil, nil), "lpwatch_alerts_firing{"+s+"} 0\n") {
			t.Errorf("no series {%s} at 0", s)
		}
	}

	f.update(down(true, alert.SeverityWarning))
	clk.Advance(time.Minute)
	f.update(down(true, alert.SeverityWarning))
	want := firingSeries(nil, map[string]float64{"LivepeerNodeDown/warning": 1})
	if err := testutil.GatherAndCompare(f.reg, strings.NewReader(want), "lpwatch_alerts_firing"); err != nil {
		t.Errorf("firing as a warning: %v", err)
	}
	f.update(down(false, 0))
	want = firingSeries(nil, map[string]float64{"LivepeerNodeDown/warning": 0})
	if err := testutil.GatherAndCompare(f.reg, strings.NewReader(want), "lpwatch_alerts_firing"); err != nil {
		t.Errorf("resolved: %v", err)
	}
}
