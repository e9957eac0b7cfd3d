package alert_test

import (
	"context"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

// TestNotificationSaysWhy checks Notification.Why along one firing
// episode: "new" on the first notification sent (also when a silence held
// the firing back), then "severity", "epoch" and "repeat", nothing on the
// resolve, and "new" on a one-off event.
func TestNotificationSaysWhy(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	out := &fakeOutbox{}
	f := newFixture(t, t.TempDir(), clk, out)
	why := func(in alert.Input) []alert.Reason {
		t.Helper()
		if err := f.eng.Update(context.Background(), []alert.Input{in}); err != nil {
			t.Fatal(err)
		}
		out.mu.Lock()
		defer out.mu.Unlock()
		var got []alert.Reason
		for _, q := range out.got {
			got = append(got, q.n.Why)
		}
		out.got = nil
		return got
	}
	check := func(step string, got []alert.Reason, want ...alert.Reason) {
		t.Helper()
		if len(got) != len(want) || (len(want) == 1 && got[0] != want[0]) {
			t.Errorf("%s: why %q, want %q", step, got, want)
		}
	}

	sil, err := f.sil.Add(alert.Silence{Alert: alert.RewardNotCalled, Comment: "maintenance", EndsAt: clk.Now().Add(time.Hour)}, clk.Now(), 24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	in := alert.Input{Alert: alert.RewardNotCalled, Target: "tc001", Active: true, Severity: alert.SeverityWarning, Reason: "late", Epoch: "round 1"}
	check("firing while silenced", why(in))
	clk.Advance(time.Minute)
	if err := f.sil.Expire(sil.ID, clk.Now()); err != nil {
		t.Fatal(err)
	}
	check("first notification after the silence", why(in), alert.ReasonNew)
	clk.Advance(time.Minute)
	in.Severity = alert.SeverityCritical
	check("escalated", why(in), alert.ReasonSeverity)
	clk.Advance(time.Minute)
	in.Epoch = "round 2"
	check("new epoch", why(in), alert.ReasonEpoch)
	clk.Advance(time.Hour)
	check("repeat", why(in), alert.ReasonRepeat)
	in.Active = false
	check("resolve", why(in), alert.ReasonNone)

	if err := f.eng.Emit(context.Background(), alert.LpwatchStarted, "host1", alert.SeverityCritical, "", "started", nil); err != nil {
		t.Fatal(err)
	}
	out.mu.Lock()
	got := out.got
	out.mu.Unlock()
	if len(got) != 1 || got[0].n.Why != alert.ReasonNew {
		t.Errorf("event: got %+v, want one notification with why %q", got, alert.ReasonNew)
	}
}
