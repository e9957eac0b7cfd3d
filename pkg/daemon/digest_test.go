package daemon

import (
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

func TestDigestDue(t *testing.T) {
	day := func(h, m int) time.Time { return time.Date(2026, 3, 1, h, m, 0, 0, time.UTC) }
	cases := []struct {
		now     time.Time
		hhmm    string
		lastDay string
		want    bool
	}{
		{day(8, 59), "09:00", "", false},
		{day(9, 0), "09:00", "", true},
		{day(23, 0), "09:00", "2026-02-28", true},
		{day(9, 30), "09:00", "2026-03-01", false},
		{day(9, 30), "", "", false},
		{day(9, 30), "bad", "", false},
	}
	for _, c := range cases {
		if got := digestDue(c.now, c.hhmm, c.lastDay); got != c.want {
			t.Errorf("digestDue(%s, %q, %q) = %v", c.now.Format("15:04"), c.hhmm, c.lastDay, got)
		}
	}
}

func TestDigestSentOnceADayAcrossRestarts(t *testing.T) {
	node := fakenode.New(nodeapi.Current)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	defer node.Close()
	dir := t.TempDir()
	cfg := testConfig(dir, nodeCfg("tc001", node.URL()))
	cfg.Alert.DigestTime = "12:01" // the harness clock starts at 12:00 UTC
	h := startDaemon(t, cfg, "")
	n := h.notification()
	if n.Alert != alert.LpwatchDigest || !strings.Contains(n.Description, "tc001: reward called for round 4253") ||
		!strings.Contains(n.Description, "restart(s) in the last 24h") {
		t.Fatalf("digest %s: %q", n.Alert, n.Description)
	}
	// A second daemon on the same state the same day sends none.
	h.stop()
	h2 := startDaemon(t, cfg, "")
	h2.waitFor("some evaluations", func() bool { return h2.clk.Now().Sub(h2.start) > 5*time.Minute })
	select {
	case n := <-h2.sink.ch:
		t.Fatalf("second digest the same day: %s", n.Alert)
	default:
	}
}
