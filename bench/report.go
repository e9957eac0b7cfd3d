package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"time"
)

// setup is the configuration a figure was measured with; every report
// line states it.
type setup struct {
	nodes, orchestrators int
	interval, downFor    time.Duration
	chain, host, metrics bool
	chainInterval, block time.Duration
	roundBlocks          uint64
	logLevel             string
}

func (s setup) String() string {
	var parts []string
	switch {
	case s.nodes == 1:
		parts = append(parts, fmt.Sprintf("1 node at %s", s.interval))
	case s.nodes > 1:
		parts = append(parts, fmt.Sprintf("%d nodes at %s", s.nodes, s.interval))
	}
	if s.orchestrators > 0 {
		parts = append(parts, fmt.Sprintf("%d chain-only orchestrators", s.orchestrators))
	}
	if s.chain {
		parts = append(parts, fmt.Sprintf("chain on (simulated, loopback JSON-RPC, cycle %s, a block every %s, rounds of %d blocks)", s.chainInterval, s.block, s.roundBlocks))
	} else {
		parts = append(parts, "chain off")
	}
	parts = append(parts, "host "+onOff(s.host), "node /metrics "+onOff(s.metrics), "log "+s.logLevel)
	if s.downFor > 0 {
		parts = append(parts, fmt.Sprintf("node_down_for %s", s.downFor))
	}
	out := strings.Join(parts, ", ")
	if !s.chain {
		out = "OLD CONFIGURATION (" + out + ")"
	}
	return out
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// stats renders min/median/max of values with format f.
func stats(f string, values []float64) string {
	if len(values) == 0 {
		return "none"
	}
	v := append([]float64(nil), values...)
	sort.Float64s(v)
	med := v[len(v)/2]
	if len(v)%2 == 0 {
		med = (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	return fmt.Sprintf(f+"/"+f+"/"+f, v[0], med, v[len(v)-1])
}

// durations converts to seconds, for stats.
func seconds(ds []time.Duration) []float64 {
	out := make([]float64, len(ds))
	for i, d := range ds {
		out[i] = d.Seconds()
	}
	return out
}

// loadAvg is /proc/loadavg's 1, 5 and 15 minute averages.
type loadAvg string

func readLoad() loadAvg {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return loadAvg(strings.Join(f[:3], " "))
}

// window is the load average at the start and end of one measured window.
type window struct{ start, end loadAvg }

// loads renders the load averages of each run's window.
func loads(ws []window) string {
	if len(ws) == 0 {
		return "load average: not measured"
	}
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = fmt.Sprintf("[%s -> %s]", w.start, w.end)
	}
	return "load average (1/5/15 min) at start -> end of each window: " + strings.Join(parts, " ")
}

// line prints one report line: the measurement, its configuration, its
// figures and the machine's load during it.
func line(name string, s setup, figures string, ws []window) {
	fmt.Printf("%s | %s | %s | %s\n", name, s, figures, loads(ws))
}
