package daemon

import (
	"testing"

	dto "github.com/prometheus/client_model/go"
)

// family returns the gathered metric family of name, nil when it has no
// series.
func family(t *testing.T, h *harness, name string) *dto.MetricFamily {
	t.Helper()
	fams, err := h.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fams {
		if f.GetName() == name {
			return f
		}
	}
	return nil
}

// metricValue returns the value of the gauge or counter series of name
// whose labels are exactly labels (name, value pairs), 0 when the series
// does not exist (as a vector's child never set reads 0).
func metricValue(t *testing.T, h *harness, name string, labels ...string) float64 {
	t.Helper()
	if len(labels)%2 != 0 {
		t.Fatalf("metricValue %s: labels %v are not name, value pairs", name, labels)
	}
	want := make(map[string]string, len(labels)/2)
	for i := 0; i < len(labels); i += 2 {
		want[labels[i]] = labels[i+1]
	}
series:
	for _, m := range family(t, h, name).GetMetric() {
		if len(m.GetLabel()) != len(want) {
			continue
		}
		for _, lp := range m.GetLabel() {
			if v, ok := want[lp.GetName()]; !ok || v != lp.GetValue() {
				continue series
			}
		}
		return m.GetGauge().GetValue() + m.GetCounter().GetValue()
	}
	return 0
}
