package alert_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

// lifecycle fires in then resolves it on f, returning the trigger and the
// resolve it queued.
func lifecycle(t *testing.T, f *fixture, in alert.Input) (trigger, resolve *alert.Notification) {
	t.Helper()
	take := func() *alert.Notification {
		t.Helper()
		if err := f.eng.Update(context.Background(), []alert.Input{in}); err != nil {
			t.Fatal(err)
		}
		f.out.mu.Lock()
		defer f.out.mu.Unlock()
		if len(f.out.got) != 1 {
			t.Fatalf("%s: queued %d notifications, want 1", in.Alert, len(f.out.got))
		}
		n := f.out.got[0].n
		f.out.got = nil
		return n
	}
	in.Active = true
	trigger = take()
	in.Active = false
	return trigger, take()
}

// TestTwoInstancesShareTheDedupKeyOfAWatchedNode: two lpwatch instances
// (sources host-a and host-b) that watch the same node send its alerts
// with one dedup key, so PagerDuty opens one incident; alerts about each
// instance's own chain endpoint or sinks keep a key per instance. A
// resolve carries its trigger's key.
func TestTwoInstancesShareTheDedupKeyOfAWatchedNode(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	var a, b *fixture
	for _, src := range []string{"host-a", "host-b"} {
		f := newFixture(t, t.TempDir(), clk, &fakeOutbox{})
		f.eng.SetRoutes(routes(), alert.Repeat{Default: 4 * time.Hour}, src, "")
		if a == nil {
			a = f
		} else {
			b = f
		}
	}
	for _, c := range []struct {
		in     alert.Input
		shared bool
	}{
		{alert.Input{Alert: alert.LivepeerNodeDown, Target: "orch-b", Severity: alert.SeverityCritical, Reason: "refused"}, true},
		{alert.Input{Alert: alert.PeerDown, Target: "host-c", Severity: alert.SeverityCritical, Reason: "refused"}, true},
		{alert.Input{Alert: alert.EthNodeDown, Target: alert.ChainTarget, Severity: alert.SeverityCritical, Reason: "refused"}, false},
		{alert.Input{Alert: alert.NotificationDeliveryFailing, Target: "webhook", Severity: alert.SeverityWarning, Reason: "500"}, false},
	} {
		ta, ra := lifecycle(t, a, c.in)
		tb, rb := lifecycle(t, b, c.in)
		if ta.Source != "host-a" || tb.Source != "host-b" {
			t.Fatalf("sources %q and %q", ta.Source, tb.Source)
		}
		if ta.DedupKey() != ra.DedupKey() || tb.DedupKey() != rb.DedupKey() {
			t.Errorf("%s: a resolve carries another key than its trigger", c.in.Alert)
		}
		if got := ta.DedupKey() == tb.DedupKey(); got != c.shared {
			t.Errorf("%s/%s: same key from both instances = %v, want %v (%s, %s)", c.in.Alert, c.in.Target, got, c.shared, ta.DedupKey(), tb.DedupKey())
		}
		want := alert.SharedDedupKey(c.in.Alert, c.in.Target)
		if !c.shared {
			want = alert.DedupKey("host-a", c.in.Alert, c.in.Target)
		}
		if ta.DedupKey() != want {
			t.Errorf("%s: key %s, want %s", c.in.Alert, ta.DedupKey(), want)
		}
		// The key travels in the notification, as the outbox stores it.
		var back alert.Notification
		raw, _ := json.Marshal(ta)
		if err := json.Unmarshal(raw, &back); err != nil || back.DedupKey() != ta.DedupKey() {
			t.Errorf("%s: key after a round trip through JSON %s (%v), want %s", c.in.Alert, back.DedupKey(), err, ta.DedupKey())
		}
	}
}

// TestAnIncidentOpenedBeforeSharedKeysResolvesWithItsKey: an alert that
// fired under an older lpwatch (its state records no dedup key) keeps the
// per-instance key it was opened with, so that its resolve closes that
// incident rather than leaving it open.
func TestAnIncidentOpenedBeforeSharedKeysResolvesWithItsKey(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	dir := t.TempDir()
	f := newFixture(t, dir, clk, &fakeOutbox{})
	in := alert.Input{Alert: alert.LivepeerNodeDown, Target: "tc001", Active: true, Severity: alert.SeverityCritical, Reason: "refused"}
	f.update(in)
	path := filepath.Join(dir, "alerts.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var st map[string]any
	if err := json.Unmarshal(raw, &st); err != nil {
		t.Fatal(err)
	}
	recs := st["alerts"].(map[string]any)
	for _, r := range recs {
		if _, ok := r.(map[string]any)["dedup_key"]; !ok {
			t.Fatalf("the firing record holds no dedup_key: %s", raw)
		}
		delete(r.(map[string]any), "dedup_key") // as an older lpwatch wrote it
	}
	if raw, err = json.Marshal(st); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	g := newFixture(t, dir, clk, &fakeOutbox{})
	in.Active = false
	if err := g.eng.Update(context.Background(), []alert.Input{in}); err != nil {
		t.Fatal(err)
	}
	g.out.mu.Lock()
	defer g.out.mu.Unlock()
	if len(g.out.got) != 1 || g.out.got[0].n.Status != alert.StatusResolved {
		t.Fatalf("queued %+v, want the resolve", g.out.got)
	}
	if got, want := g.out.got[0].n.DedupKey(), alert.DedupKey("host1", alert.LivepeerNodeDown, "tc001"); got != want {
		t.Errorf("resolve key %s, want the key of the old incident %s", got, want)
	}
}

// TestHeartbeatGoesOnlyToHeartbeatRoutes: LpwatchHeartbeat (info) reaches
// the routes marked Heartbeat whatever their min_severity, unless they
// exclude it, and never another sink, even one that takes info.
func TestHeartbeatGoesOnlyToHeartbeatRoutes(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f := newFixture(t, t.TempDir(), clk, &fakeOutbox{})
	f.eng.SetRoutes([]alert.Route{
		{Name: "am", Type: "alertmanager", MinSeverity: alert.SeverityWarning, SendResolved: true, Heartbeat: true},
		{Name: "am-excl", Type: "alertmanager", MinSeverity: alert.SeverityInfo, Heartbeat: true, Exclude: []string{alert.LpwatchHeartbeat}},
		{Name: "pd", Type: "pagerduty", MinSeverity: alert.SeverityInfo, SendResolved: true},
		{Name: "slack", Type: "slack", MinSeverity: alert.SeverityInfo, SendResolved: true},
	}, alert.Repeat{Default: 4 * time.Hour}, "host1", "")
	hb := alert.Input{Alert: alert.LpwatchHeartbeat, Target: "host1", Active: true, Severity: alert.SeverityInfo, Reason: "alive"}
	expect(t, f.update(hb), "firing LpwatchHeartbeat host1 info [am]")
	if got := f.eng.Firing("am"); len(got) != 1 || got[0].Alert != alert.LpwatchHeartbeat {
		t.Errorf("re-posts to am: %+v", got)
	}
	if got := f.eng.Firing("pd"); len(got) != 0 {
		t.Errorf("re-posts to pd: %+v", got)
	}
	hb.Active = false
	expect(t, f.update(hb), "resolved LpwatchHeartbeat host1 info [am]")
}
