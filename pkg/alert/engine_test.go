package alert_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"
	logtest "github.com/sirupsen/logrus/hooks/test"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

type queued struct {
	n     *alert.Notification
	sinks []string
}

type fakeOutbox struct {
	mu   sync.Mutex
	got  []queued
	fail error
}

func (f *fakeOutbox) Enqueue(_ context.Context, n *alert.Notification, sinks []string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return f.fail
	}
	f.got = append(f.got, queued{n, sinks})
	return nil
}

func (f *fakeOutbox) take() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, q := range f.got {
		out = append(out, fmt.Sprintf("%s %s %s %s %v", q.n.Status, q.n.Alert, q.n.Target, q.n.Severity, q.sinks))
	}
	f.got = nil
	return out
}

type fixture struct {
	t     *testing.T
	clk   *clock.Fake
	out   *fakeOutbox
	eng   *alert.Engine
	dir   string
	sil   *alert.Silences
	reg   *prometheus.Registry
	start time.Time
}

func routes() []alert.Route {
	return []alert.Route{
		{Name: "pd", Type: "pagerduty", MinSeverity: alert.SeverityCritical, SendResolved: true},
		{Name: "slack", Type: "slack", MinSeverity: alert.SeverityWarning, SendResolved: true},
	}
}

func newFixture(t *testing.T, dir string, clk *clock.Fake, out *fakeOutbox) *fixture {
	t.Helper()
	log, _ := logtest.NewNullLogger()
	sil, err := alert.OpenSilences(dir, clk.Now(), checks.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	eng, err := alert.NewEngine(alert.EngineOptions{
		Catalog: checks.Catalog(), StateDir: dir, Source: "host1", Routes: routes(), Repeat: alert.Repeat{Default: 4 * time.Hour, Critical: time.Hour},
		Outbox: out, Silences: sil, Clock: clk, Logger: log, Registerer: reg,
	})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{t: t, clk: clk, out: out, eng: eng, dir: dir, sil: sil, reg: reg}
}

func (f *fixture) update(in ...alert.Input) []string {
	f.t.Helper()
	if err := f.eng.Update(context.Background(), in); err != nil {
		f.t.Fatalf("update: %v", err)
	}
	return f.out.take()
}

func down(active bool, sev alert.Severity) alert.Input {
	return alert.Input{Alert: alert.LivepeerNodeDown, Target: "tc001", Active: active, Severity: sev, Reason: "connection refused", For: time.Minute}
}

func expect(t *testing.T, got []string, want ...string) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("notifications:\n got %q\nwant %q", got, want)
	}
}

func TestLifecycleForRepeatResolve(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f := newFixture(t, t.TempDir(), clk, &fakeOutbox{})
	expect(t, f.update(down(true, alert.SeverityCritical))) // pending
	clk.Advance(30 * time.Second)
	expect(t, f.update(down(true, alert.SeverityCritical))) // still pending
	if v := f.eng.Alerts(); len(v) != 1 || v[0].Phase != alert.PhasePending {
		t.Fatalf("alerts = %+v", v)
	}
	clk.Advance(30 * time.Second)
	expect(t, f.update(down(true, alert.SeverityCritical)), "firing LivepeerNodeDown tc001 critical [pd slack]")
	if got := firing(t, f.reg, alert.LivepeerNodeDown, "critical"); got != 1 {
		t.Errorf("lpwatch_alerts_firing = %v", got)
	}
	clk.Advance(59 * time.Minute)
	expect(t, f.update(down(true, alert.SeverityCritical))) // repeat not yet due
	clk.Advance(time.Minute)
	expect(t, f.update(down(true, alert.SeverityCritical)), "firing LivepeerNodeDown tc001 critical [pd slack]")
	clk.Advance(time.Minute)
	expect(t, f.update(down(false, 0)), "resolved LivepeerNodeDown tc001 critical [pd slack]")
	expect(t, f.update(down(false, 0))) // exactly one resolve
}

func TestPendingThatClearsNeverNotifies(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f := newFixture(t, t.TempDir(), clk, &fakeOutbox{})
	expect(t, f.update(down(true, alert.SeverityCritical)))
	clk.Advance(59 * time.Second)
	expect(t, f.update(down(false, 0)))
	clk.Advance(time.Minute)
	expect(t, f.update(down(true, alert.SeverityCritical))) // the pending timer restarted
}

func TestEscalationAndRouting(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f := newFixture(t, t.TempDir(), clk, &fakeOutbox{})
	in := alert.Input{Alert: alert.RewardNotCalled, Target: "tc001", Active: true, Severity: alert.SeverityWarning, Reason: "late"}
	expect(t, f.update(in), "firing RewardNotCalled tc001 warning [slack]")
	clk.Advance(time.Minute)
	in.Severity = alert.SeverityCritical
	expect(t, f.update(in), "firing RewardNotCalled tc001 critical [pd slack]")
	in.Active = false
	expect(t, f.update(in), "resolved RewardNotCalled tc001 critical [pd slack]")
}

func TestUnknownNeitherFiresNorResolves(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f := newFixture(t, t.TempDir(), clk, &fakeOutbox{})
	in := alert.Input{Alert: alert.EthBalanceLow, Target: "tc001", Active: true, Severity: alert.SeverityCritical}
	expect(t, f.update(in), "firing EthBalanceLow tc001 critical [pd slack]")
	clk.Advance(5 * time.Hour)
	expect(t, f.update(alert.Input{Alert: alert.EthBalanceLow, Target: "tc001", Unknown: true}))
	if v := f.eng.Alerts(); len(v) != 1 || !v[0].Unknown || v[0].Phase != alert.PhaseFiring {
		t.Fatalf("alerts = %+v", v)
	}
	expect(t, f.update(alert.Input{Alert: alert.EthBalanceLow, Target: "tc001"}), "resolved EthBalanceLow tc001 critical [pd slack]")
}

func TestRestartNeitherRepagesNorForgets(t *testing.T) {
	dir := t.TempDir()
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	out := &fakeOutbox{}
	f := newFixture(t, dir, clk, out)
	expect(t, f.update(alert.Input{Alert: alert.TxStalled, Target: "tc001", Active: true, Severity: alert.SeverityCritical}), "firing TxStalled tc001 critical [pd slack]")
	clk.Advance(10 * time.Minute)
	g := newFixture(t, dir, clk, out) // lpwatch restarted
	expect(t, g.update(alert.Input{Alert: alert.TxStalled, Target: "tc001", Active: true, Severity: alert.SeverityCritical}))
	g2 := newFixture(t, dir, clk, out) // and again, now the condition is gone
	expect(t, g2.update(alert.Input{Alert: alert.TxStalled, Target: "tc001"}), "resolved TxStalled tc001 critical [pd slack]")
}

func TestEnqueueFailureIsRetried(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	out := &fakeOutbox{fail: errors.New("disk full")}
	f := newFixture(t, t.TempDir(), clk, out)
	in := alert.Input{Alert: alert.EthNodeDown, Target: alert.ChainTarget, Active: true, Severity: alert.SeverityCritical}
	if err := f.eng.Update(context.Background(), []alert.Input{in}); err == nil {
		t.Fatal("want an error when the outbox refuses")
	}
	out.fail = nil
	expect(t, f.update(in), "firing EthNodeDown chain critical [pd slack]")
	out.fail = errors.New("disk full")
	in.Active = false
	if err := f.eng.Update(context.Background(), []alert.Input{in}); err == nil {
		t.Fatal("want an error when the resolve cannot be queued")
	}
	out.fail = nil
	expect(t, f.update(in), "resolved EthNodeDown chain critical [pd slack]")
}

func TestSilenceAndInhibitionAndCause(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f := newFixture(t, t.TempDir(), clk, &fakeOutbox{})
	stale := alert.Input{Alert: alert.EthNodeHeadStale, Target: alert.ChainTarget, Active: true, Severity: alert.SeverityCritical, Reason: "head is 14m old"}
	behind := alert.Input{Alert: alert.EthNodeBehindReference, Target: alert.ChainTarget, Active: true, Severity: alert.SeverityWarning}
	reward := alert.Input{Alert: alert.RewardNotCalled, Target: "tc001", Active: true, Severity: alert.SeverityWarning}
	expect(t, f.update(stale, behind, reward),
		"firing EthNodeHeadStale chain critical [pd slack]",
		"firing RewardNotCalled tc001 warning [slack]")
	var cause string
	for _, v := range f.eng.Alerts() {
		switch v.Alert {
		case alert.RewardNotCalled:
			cause = v.Cause
		case alert.EthNodeBehindReference:
			if v.Suppressed != "inhibited by EthNodeHeadStale on chain" {
				t.Errorf("symptom not inhibited: %+v", v)
			}
		}
	}
	if cause != "EthNodeHeadStale on chain: head is 14m old" {
		t.Errorf("cause = %q", cause)
	}
	stale.Active = false
	expect(t, f.update(stale, behind, reward),
		"resolved EthNodeHeadStale chain critical [pd slack]",
		"firing EthNodeBehindReference chain warning [slack]")

	if _, err := f.sil.Add(alert.Silence{Alert: alert.DiskSpaceLow, Comment: "resize", EndsAt: clk.Now().Add(time.Hour)}, clk.Now(), 24*time.Hour); err != nil {
		t.Fatal(err)
	}
	disk := alert.Input{Alert: alert.DiskSpaceLow, Target: "/data", Active: true, Severity: alert.SeverityWarning}
	expect(t, f.update(behind, reward, disk))
	clk.Advance(time.Hour)
	expect(t, f.update(behind, reward, disk), "firing DiskSpaceLow /data warning [slack]")
	// Silences persist.
	again, err := alert.OpenSilences(f.dir, clk.Now(), checks.Catalog())
	if err != nil || len(again.List(clk.Now())) != 1 {
		t.Fatalf("silences after reopen: %v %v", again.List(clk.Now()), err)
	}
}

func TestDeliveryFailingGoesThroughOtherSinks(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f := newFixture(t, t.TempDir(), clk, &fakeOutbox{})
	in := alert.Input{Alert: alert.NotificationDeliveryFailing, Target: "slack", Active: true, Severity: alert.SeverityCritical}
	expect(t, f.update(in), "firing NotificationDeliveryFailing slack critical [pd]")
}

func TestCorruptStateStartsEmptyAndSaysSo(t *testing.T) {
	dir := t.TempDir()
	if err := writeFile(filepath.Join(dir, "alerts.json"), "{not json"); err != nil {
		t.Fatal(err)
	}
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	sil, _ := alert.OpenSilences(dir, clk.Now(), checks.Catalog())
	eng, err := alert.NewEngine(alert.EngineOptions{Catalog: checks.Catalog(), StateDir: dir, Outbox: &fakeOutbox{}, Silences: sil, Clock: clk, Logger: logrus.New()})
	if err == nil || eng == nil {
		t.Fatalf("want a usable engine and an error, got %v %v", eng, err)
	}
}

// TestEngineNeedsACatalog: the engine is given the rules of its alerts;
// without them it does not start.
func TestEngineNeedsACatalog(t *testing.T) {
	dir := t.TempDir()
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	sil, _ := alert.OpenSilences(dir, clk.Now(), checks.Catalog())
	if eng, err := alert.NewEngine(alert.EngineOptions{StateDir: dir, Outbox: &fakeOutbox{}, Silences: sil, Clock: clk, Logger: discard()}); err == nil || eng != nil {
		t.Fatalf("an engine without a catalog: %v %v", eng, err)
	}
}

// firing reads lpwatch_alerts_firing{alert, severity} from reg.
func firing(t *testing.T, reg *prometheus.Registry, name, severity string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != "lpwatch_alerts_firing" {
			continue
		}
		for _, m := range mf.GetMetric() {
			labels := map[string]string{}
			for _, l := range m.GetLabel() {
				labels[l.GetName()] = l.GetValue()
			}
			if labels["alert"] == name && labels["severity"] == severity {
				return m.GetGauge().GetValue()
			}
		}
	}
	return 0
}
