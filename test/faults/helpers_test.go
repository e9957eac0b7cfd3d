package faults

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/soak"
	"github.com/prometheus/client_golang/prometheus"
)

// waitUntil waits, in real time, until cond holds; it fails the test after
// waitLimit.
func waitUntil(t testing.TB, what string, cond func() bool) {
	t.Helper()
	if !soak.PollUntil(waitLimit, cond) {
		t.Fatalf("timed out after %s waiting for %s", waitLimit, what)
	}
}

// gatherValue returns the value of the series of name whose labels include
// labels, from reg (0 when absent).
func gatherValue(t testing.TB, reg prometheus.Gatherer, name string, labels map[string]string) float64 {
	t.Helper()
	fams, err := reg.Gather()
	if err != nil {
		t.Fatalf("gather: %v", err)
	}
	for _, f := range fams {
		if f.GetName() != name {
			continue
		}
	series:
		for _, m := range f.GetMetric() {
			have := map[string]string{}
			for _, l := range m.GetLabel() {
				have[l.GetName()] = l.GetValue()
			}
			for k, v := range labels {
				if have[k] != v {
					continue series
				}
			}
			switch {
			case m.Counter != nil:
				return m.Counter.GetValue()
			case m.Gauge != nil:
				return m.Gauge.GetValue()
			}
		}
	}
	return 0
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// processGlobal are goroutines a dependency starts once for the life of
// the process (go-ethereum's transaction sender cache): not leaks.
var processGlobal = []string{"core.(*txSenderCacher).cache"}

// goroutines counts the goroutines that are not process-global, and
// returns their stacks.
func goroutines() (int, string) {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	var kept []string
stacks:
	for _, g := range strings.Split(string(buf), "\n\n") {
		for _, p := range processGlobal {
			if strings.Contains(g, p) {
				continue stacks
			}
		}
		kept = append(kept, g)
	}
	return len(kept), strings.Join(kept, "\n\n")
}

// checkNoLeak waits until the goroutine count is back to base, and fails
// with every goroutine's stack when it is not within the limit.
func checkNoLeak(t *testing.T, base int) {
	t.Helper()
	if soak.PollUntil(10*time.Second, func() bool { n, _ := goroutines(); return n <= base }) {
		return
	}
	n, stacks := goroutines()
	t.Errorf("goroutine leak: %d goroutines, %d before the row\n%s", n, base, stacks)
}
