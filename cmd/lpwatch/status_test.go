package main

import (
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/heartbeat"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// TestStatusPrintsHeartbeatAndPeers: `lpwatch status` shows the heartbeat
// out's state and why, and each peer up, down or not probed yet.
func TestStatusPrintsHeartbeatAndPeers(t *testing.T) {
	at := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	st := status.Report{Version: "v1", StartedAt: at, Now: at, Healthy: true}
	st.Heartbeat = &heartbeat.Status{URL: "https://hc-ping.com", Interval: time.Minute, State: heartbeat.StateWithheld,
		Reason: "the scheduler completed no cycle for 2m0s", LastSuccess: at.Add(-2 * time.Minute)}
	st.Peers = []status.Peer{{Name: "host-b", URL: "http://10.0.0.2:9718", Up: true, Checked: at},
		{Name: "host-c", URL: "http://10.0.0.3:9718", Error: "timeout", Checked: at}, {Name: "host-d", URL: "http://10.0.0.4:9718"}}
	var b strings.Builder
	printStatus(&b, st, false)
	for _, want := range []string{
		"heartbeat: https://hc-ping.com every 1m0s: withheld, last success ",
		"(the scheduler completed no cycle for 2m0s)",
		"peer host-b (http://10.0.0.2:9718): up\n", "peer host-c (http://10.0.0.3:9718): down (timeout)\n",
		"peer host-d (http://10.0.0.4:9718): not probed yet\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("status output lacks %q:\n%s", want, b.String())
		}
	}
}
