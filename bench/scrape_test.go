package main

import (
	"strings"
	"testing"
)

const sampleExposition = `# HELP lpwatch_chain_rpc_calls RPC calls made by the latest chain probe cycle.
# TYPE lpwatch_chain_rpc_calls gauge
lpwatch_chain_rpc_calls 7012
lpwatch_probe_runs_total{probe="chain",result="ok",target="chain"} 4
lpwatch_probe_runs_total{probe="chain",result="error",target="chain"} 1
lpwatch_probe_runs_total{probe="node",result="ok",target="n0000"} 9
lpwatch_alerts_firing{alert="RewardNotCalled",severity="warning"} 2
lpwatch_alerts_firing{alert="LivepeerNodeDown",severity="critical"} 0
lpwatch_chain_rpc_round_trips_total 40
`

func TestParseExposition(t *testing.T) {
	e, err := parseExposition(strings.NewReader(sampleExposition))
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := e.sum("lpwatch_chain_rpc_calls"); !ok || v != 7012 {
		t.Errorf("calls = %v, %v", v, ok)
	}
	if v, _ := e.sum("lpwatch_probe_runs_total", `probe="chain"`); v != 5 {
		t.Errorf("chain runs = %v, want 5", v)
	}
	if _, ok := e.sum("lpwatch_chain_rpc_bytes_total"); ok {
		t.Error("an absent series summed")
	}
	if got := e.firing(); got != "RewardNotCalled(2)" {
		t.Errorf("firing = %q", got)
	}
	if got := e.names("lpwatch_chain_rpc_"); strings.Join(got, " ") != "lpwatch_chain_rpc_calls lpwatch_chain_rpc_round_trips_total" {
		t.Errorf("names = %v", got)
	}
	if _, err := parseExposition(strings.NewReader("lpwatch_x{a=\"b\" 1\n")); err == nil {
		t.Error("a broken sample parsed")
	}
}

// Round trips are reported per cycle when a counter of them is exported,
// and bytes said to be absent when they are not.
func TestChainFigures(t *testing.T) {
	before, _ := parseExposition(strings.NewReader(sampleExposition))
	after, _ := parseExposition(strings.NewReader(strings.NewReplacer(
		`result="ok",target="chain"} 4`, `result="ok",target="chain"} 8`,
		"lpwatch_chain_rpc_round_trips_total 40", "lpwatch_chain_rpc_round_trips_total 80").Replace(sampleExposition)))
	got := chainFigures([]footprint{{before: before, after: after}})
	for _, want := range []string{"chain cycles in the window 4/4/4", "RPC calls 7012/7012/7012", "round trips (lpwatch_chain_rpc_round_trips_total) 10/10/10", "bytes not exported", "RewardNotCalled(2)"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
}

func TestStats(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want string
	}{{[]float64{3, 1, 2}, "1.0/2.0/3.0"}, {[]float64{4, 1}, "1.0/2.5/4.0"}, {nil, "none"}} {
		if got := stats("%.1f", c.in); got != c.want {
			t.Errorf("stats(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}
