package outbox

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
)

// notificationSeries is the exposition of lpwatch_notifications_total:
// every result of each sink in sinks at the value given (0 when absent),
// plus the single series of extra ("sink/result" = value).
func notificationSeries(sinks []string, values, extra map[string]float64) string {
	var b strings.Builder
	b.WriteString("# HELP lpwatch_notifications_total Notification delivery outcomes per sink: sent, retry, failed (permanent error), expired (older than the outbox max age), dropped (sink no longer configured).\n")
	b.WriteString("# TYPE lpwatch_notifications_total counter\n")
	for _, s := range sinks {
		for _, r := range []string{"dropped", "expired", "failed", "retry", "sent"} {
			fmt.Fprintf(&b, "lpwatch_notifications_total{result=%q,sink=%q} %v\n", r, s, values[s+"/"+r])
		}
	}
	for k, v := range extra {
		s, r, _ := strings.Cut(k, "/")
		fmt.Fprintf(&b, "lpwatch_notifications_total{result=%q,sink=%q} %v\n", r, s, v)
	}
	return b.String()
}

// TestNotificationsExportedAtZero: every configured sink has each result
// series at 0 from Open on, before any notification; a Run without a sink
// (a reload removed it) deletes its series, but for the count of the
// records it dropped for it, which goes at the next Run.
func TestNotificationsExportedAtZero(t *testing.T) {
	h := newHarness(t, "", nil, func(o *Options) { o.Sinks = []string{"pd", "slack"} })
	want := notificationSeries([]string{"pd", "slack"}, nil, nil)
	if err := testutil.GatherAndCompare(h.reg, strings.NewReader(want), "lpwatch_notifications_total"); err != nil {
		t.Error(err)
	}

	h.enqueue(alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1), "pd", "slack")
	slack := sinkFunc("slack", func(context.Context, *alert.Notification) error { return nil })
	h.run(slack) // the reload's Run: pd is no longer configured
	h.drive(time.Second, 2, isFinal)
	want = notificationSeries([]string{"slack"}, map[string]float64{"slack/sent": 1}, map[string]float64{"pd/dropped": 1})
	if err := testutil.GatherAndCompare(h.reg, strings.NewReader(want), "lpwatch_notifications_total"); err != nil {
		t.Errorf("after a Run without pd: %v", err)
	}

	h.stop()
	h.run(slack)
	want = notificationSeries([]string{"slack"}, map[string]float64{"slack/sent": 1}, nil)
	h.until(time.Second, "the next Run to delete the dropped series", func() bool {
		return testutil.GatherAndCompare(h.reg, strings.NewReader(want), "lpwatch_notifications_total") == nil
	})
}
