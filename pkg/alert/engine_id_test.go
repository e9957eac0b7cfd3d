package alert_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

// TestNotificationIDsNameTheEvent: each notification of a lifecycle has
// its own ID, derived from the event; an Alertmanager re-post repeats the
// last trigger's ID and seq and takes no sequence number; two one-off
// events with the same content have different IDs.
func TestNotificationIDsNameTheEvent(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	out := &fakeOutbox{}
	f := newFixture(t, t.TempDir(), clk, out)
	in := alert.Input{Alert: alert.EthBalanceLow, Target: "tc001", Active: true, Severity: alert.SeverityCritical, Reason: "0.01 ETH"}
	queue := func(in alert.Input) *alert.Notification {
		t.Helper()
		if err := f.eng.Update(context.Background(), []alert.Input{in}); err != nil {
			t.Fatal(err)
		}
		out.mu.Lock()
		defer out.mu.Unlock()
		if len(out.got) != 1 {
			t.Fatalf("queued %d notifications, want 1", len(out.got))
		}
		n := out.got[0].n
		out.got = nil
		return n
	}
	trigger := queue(in)
	if want := alert.NotificationID("host1", alert.EthBalanceLow, "tc001", alert.StatusFiring, trigger.Seq, ""); trigger.ID != want {
		t.Errorf("trigger id %s, want %s", trigger.ID, want)
	}
	re := f.eng.Firing("pd")
	if len(re) != 1 || re[0].ID != trigger.ID || re[0].Seq != trigger.Seq {
		t.Fatalf("re-post %+v, want the trigger's id %s and seq %d", re, trigger.ID, trigger.Seq)
	}
	clk.Advance(time.Hour) // the critical repeat is due
	repeat := queue(in)
	if repeat.Seq != trigger.Seq+1 || repeat.ID == trigger.ID {
		t.Errorf("repeat seq %d id %s after trigger seq %d id %s: want the next seq (the re-post took none) and a new id",
			repeat.Seq, repeat.ID, trigger.Seq, trigger.ID)
	}
	in.Active = false
	resolve := queue(in)
	if resolve.ID == repeat.ID || resolve.ID == trigger.ID {
		t.Errorf("resolve id %s is the id of a trigger", resolve.ID)
	}
	// A one-off event whose sequence number could not be saved: the next
	// one takes the same number, and still has an ID of its own.
	saved, err := os.ReadFile(filepath.Join(f.dir, "alerts.json"))
	if err != nil {
		t.Fatal(err)
	}
	var events []*alert.Notification
	for _, eng := range []*alert.Engine{f.eng, nil} {
		if eng == nil {
			if err := os.WriteFile(filepath.Join(f.dir, "alerts.json"), saved, 0o600); err != nil {
				t.Fatal(err)
			}
			clk.Advance(time.Second)
			eng = newFixture(t, f.dir, clk, out).eng
		}
		if err := eng.Emit(context.Background(), alert.RemediationPerformed, "tc001", alert.SeverityWarning, "", "restarted livepeer", nil); err != nil {
			t.Fatal(err)
		}
		events = append(events, out.got[len(out.got)-1].n)
	}
	if a, b := events[0], events[1]; a.Seq != b.Seq || a.ID == b.ID {
		t.Errorf("events seq %d id %s and seq %d id %s: want the same seq (unsaved) and two ids", a.Seq, a.ID, b.Seq, b.ID)
	}
}
