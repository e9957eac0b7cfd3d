package outbox

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
)

func TestOpenOptions(t *testing.T) {
	log, _ := alerttest.NewLogger()
	tests := []struct {
		name string
		dir  string
		opts Options
		want string
	}{
		{"no logger", t.TempDir(), Options{}, "logger is required"},
		{"negative max age", t.TempDir(), Options{Logger: log, MaxAge: -time.Second}, "max age"},
		{"negative attempt timeout", t.TempDir(), Options{Logger: log, AttemptTimeout: -time.Second}, "attempt timeout"},
		{"bad backoff", t.TempDir(), Options{Logger: log, Backoff: Backoff{Initial: time.Second, Max: time.Millisecond, Multiplier: 0.5, Jitter: 1}}, "max 1ms is below initial"},
		{"empty dir", "", Options{Logger: log}, "directory is empty"},
		{"ok", t.TempDir(), Options{Logger: log}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ob, err := Open(tc.dir, tc.opts)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				if err := ob.Close(); err != nil {
					t.Fatal(err)
				}
				if err := ob.Close(); err == nil {
					t.Error("second Close succeeded")
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestEnqueueValidation(t *testing.T) {
	h := newHarness(t, "", nil, nil)
	ok := func() *alert.Notification { return alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1) }
	mod := func(f func(n *alert.Notification)) *alert.Notification { n := ok(); f(n); return n }
	h.enqueue(ok(), "s")
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name  string
		ctx   context.Context
		n     *alert.Notification
		sinks []string
		want  string
	}{
		{"nil", context.Background(), nil, []string{"s"}, "nil"},
		{"no id", context.Background(), mod(func(n *alert.Notification) { n.ID = "" }), []string{"s"}, "no id"},
		{"no alert", context.Background(), mod(func(n *alert.Notification) { n.Alert = "" }), []string{"s"}, "no alert name"},
		{"bad status", context.Background(), mod(func(n *alert.Notification) { n.Status = "pending" }), []string{"s"}, "unknown status"},
		{"bad severity", context.Background(), mod(func(n *alert.Notification) { n.Severity = 9 }), []string{"s"}, "unknown severity"},
		{"no sinks", context.Background(), ok(), nil, "no sinks"},
		{"empty sink", context.Background(), ok(), []string{""}, "empty sink name"},
		{"sink twice", context.Background(), mod(func(n *alert.Notification) { n.ID = "x" }), []string{"a", "a"}, "listed twice"},
		{"cancelled", cancelled, mod(func(n *alert.Notification) { n.ID = "y" }), []string{"s"}, "canceled"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := h.ob.Enqueue(tc.ctx, tc.n, tc.sinks)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
	if p := h.ob.Pending(); len(p) != 1 || len(h.files()) != 1 {
		t.Errorf("rejected enqueues left %d records, %d files", len(p), len(h.files()))
	}
	n := ok()
	n.ID = "mutated"
	h.enqueue(n, "s")
	n.Labels["severity"] = "changed by caller"
	if got := h.ob.Pending()[1].Notification.Labels["severity"]; got != "critical" {
		t.Errorf("the outbox shares the caller's notification: %q", got)
	}
}

func TestRunValidationAndOrphans(t *testing.T) {
	h := newHarness(t, "", nil, nil)
	h.enqueue(alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1), "removed", "kept")
	s := sinkFunc("kept", func(context.Context, *alert.Notification) error { return nil })
	ctx := context.Background()
	if err := h.ob.Run(ctx, nil); err == nil {
		t.Error("Run without sinks succeeded")
	}
	if err := h.ob.Run(ctx, map[string]alert.Sink{"other": s}); err == nil || !strings.Contains(err.Error(), "named differently") {
		t.Errorf("Run with a misnamed sink: %v", err)
	}
	h.run(s)
	got := h.drive(time.Second, 2, isFinal)
	results := map[string]string{}
	for _, a := range got {
		results[a.Sink] = a.Result
	}
	if results["removed"] != ResultDropped || results["kept"] != ResultSent || h.counter("removed", ResultDropped) != 1 {
		t.Errorf("results %v, want removed dropped and kept sent", results)
	}
	if err := h.ob.Run(ctx, map[string]alert.Sink{"kept": s}); err == nil || !strings.Contains(err.Error(), "already running") {
		t.Errorf("second concurrent Run: %v", err)
	}
	err := h.ob.Enqueue(ctx, alerttest.Notification("TxStalled", "tc002", alert.StatusFiring, 1), []string{"removed"})
	if err == nil || !strings.Contains(err.Error(), "unknown sink") {
		t.Errorf("enqueue for an unconfigured sink while running: %v", err)
	}
	if err := h.ob.Close(); err == nil {
		t.Error("Close while running succeeded")
	}
}

func TestMetricsAndHealth(t *testing.T) {
	h := newHarness(t, "", nil, nil)
	h.enqueue(alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1), "pd", "slack")
	h.clk.Advance(30 * time.Second)
	h.enqueue(alerttest.Notification("TxStalled", "tc001", alert.StatusResolved, 2), "pd")
	h.clk.Advance(60 * time.Second)
	want := `
# HELP lpwatch_notification_oldest_pending_seconds Age of the oldest notification waiting in the outbox per sink (0 when empty).
# TYPE lpwatch_notification_oldest_pending_seconds gauge
lpwatch_notification_oldest_pending_seconds{sink="pd"} 90
lpwatch_notification_oldest_pending_seconds{sink="slack"} 90
# HELP lpwatch_notification_queue_depth Notifications waiting in the durable outbox per sink.
# TYPE lpwatch_notification_queue_depth gauge
lpwatch_notification_queue_depth{sink="pd"} 2
lpwatch_notification_queue_depth{sink="slack"} 1
`
	if err := testutil.GatherAndCompare(h.reg, strings.NewReader(want), "lpwatch_notification_queue_depth", "lpwatch_notification_oldest_pending_seconds"); err != nil {
		t.Error(err)
	}
	if n := testutil.CollectAndCount(h.ob.metrics.total); n != 2*len(allResults) {
		t.Errorf("notifications_total has %d series, want every result per sink (%d)", n, 2*len(allResults))
	}
	hs := h.ob.Health()
	if len(hs) != 2 || hs[0].Sink != "pd" || hs[0].QueueDepth != 2 || hs[0].OldestPending != 90*time.Second || !hs[0].FailingSince.IsZero() {
		t.Errorf("health %+v", hs)
	}
	h.close()
	h2 := newHarness(t, h.dir, h.clk, nil)
	if d := h2.ob.Health(); len(d) != 2 || d[0].QueueDepth != 2 {
		t.Errorf("health after reopen %+v", d)
	}
}

func TestBackoff(t *testing.T) {
	b := DefaultBackoff()
	tests := []struct {
		attempt int
		r       float64
		want    time.Duration
	}{
		{0, 0.5, time.Second},
		{1, 0.5, time.Second},
		{2, 0.5, 2 * time.Second},
		{4, 0.5, 8 * time.Second},
		{9, 0.5, 256 * time.Second},
		{10, 0.5, 5 * time.Minute},
		{1000, 0.5, 5 * time.Minute},
		{1, 0, 800 * time.Millisecond},
		{10, 0.999999, 6*time.Minute - 120*time.Microsecond},
	}
	for _, tc := range tests {
		got := b.Delay(tc.attempt, tc.r)
		if diff := got - tc.want; diff < -time.Microsecond || diff > time.Microsecond {
			t.Errorf("Delay(%d, %v) = %s, want %s", tc.attempt, tc.r, got, tc.want)
		}
	}
	for _, bad := range []Backoff{
		{Initial: 0, Max: time.Second, Multiplier: 2},
		{Initial: time.Second, Max: time.Second, Multiplier: 0.5},
		{Initial: time.Second, Max: time.Second, Multiplier: math.NaN()},
		{Initial: time.Second, Max: time.Second, Multiplier: 2, Jitter: -0.1},
	} {
		if bad.Validate() == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	if err := (Backoff{Initial: time.Second, Max: time.Second, Multiplier: 1}).Validate(); err != nil {
		t.Errorf("constant backoff without jitter refused: %v", err)
	}
}

func TestSendNow(t *testing.T) {
	ok := sinkFunc("s", func(context.Context, *alert.Notification) error { return nil })
	busy := sinkFunc("s", func(context.Context, *alert.Notification) error {
		return &alert.DeliveryError{Retryable: true, RetryAfter: time.Minute, Reason: "http_429", Err: errors.New("slow down")}
	})
	n := alerttest.Notification("LpwatchTest", "lpwatch", alert.StatusFiring, 1)
	n.Test = true
	if r := SendNow(context.Background(), ok, n); r.Err != nil || r.Sink != "s" || r.Type != "func" {
		t.Errorf("accepted: %+v", r)
	}
	if r := SendNow(context.Background(), busy, n); r.Err == nil || !r.Retryable || r.RetryAfter != time.Minute || r.Reason != "http_429" {
		t.Errorf("rate limited: %+v", r)
	}
	if r := SendNow(context.Background(), ok, nil); r.Err == nil || r.Reason != "invalid_notification" {
		t.Errorf("nil notification: %+v", r)
	}
	if r := SendNow(context.Background(), nil, n); r.Err == nil {
		t.Errorf("nil sink: %+v", r)
	}
}
