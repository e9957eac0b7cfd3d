package alert

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/sirupsen/logrus"
	logtest "github.com/sirupsen/logrus/hooks/test"

	"github.com/lpwatch/lpwatch/pkg/clock"
)

type queued struct {
	n     *Notification
	sinks []string
}

type fakeOutbox struct {
	mu   sync.Mutex
	got  []queued
	fail error
}

func (f *fakeOutbox) Enqueue(_ context.Context, n *Notification, sinks []string) error {
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
	eng   *Engine
	dir   string
	sil   *Silences
	reg   *prometheus.Registry
	start time.Time
}

func routes() []Route {
	return []Route{
		{Name: "pd", Type: "pagerduty", MinSeverity: SeverityCritical, SendResolved: true},
		{Name: "slack", Type: "slack", MinSeverity: SeverityWarning, SendResolved: true},
	}
}

func newFixture(t *testing.T, dir string, clk *clock.Fake, out *fakeOutbox) *fixture {
	t.Helper()
	log, _ := logtest.NewNullLogger()
	sil, err := OpenSilences(dir, clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	eng, err := NewEngine(EngineOptions{
		StateDir: dir, Source: "host1", Routes: routes(), Repeat: Repeat{Default: 4 * time.Hour, Critical: time.Hour},
		Outbox: out, Silences: sil, Clock: clk, Logger: log, Registerer: reg,
	})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{t: t, clk: clk, out: out, eng: eng, dir: dir, sil: sil, reg: reg}
}

func (f *fixture) update(in ...Input) []string {
	f.t.Helper()
	if err := f.eng.Update(context.Background(), in); err != nil {
		f.t.Fatalf("update: %v", err)
	}
	return f.out.take()
}

func down(active bool, sev Severity) Input {
	return Input{Alert: LivepeerNodeDown, Target: "tc001", Active: active, Severity: sev, Reason: "connection refused", For: time.Minute}
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
	expect(t, f.update(down(true, SeverityCritical))) // pending
	clk.Advance(30 * time.Second)
	expect(t, f.update(down(true, SeverityCritical))) // still pending
	if v := f.eng.Alerts(); len(v) != 1 || v[0].Phase != PhasePending {
		t.Fatalf("alerts = %+v", v)
	}
	clk.Advance(30 * time.Second)
	expect(t, f.update(down(true, SeverityCritical)), "firing LivepeerNodeDown tc001 critical [pd slack]")
	if got := testutil.ToFloat64(f.eng.metrics.firing.WithLabelValues(LivepeerNodeDown, "critical")); got != 1 {
		t.Errorf("lpwatch_alerts_firing = %v", got)
	}
	clk.Advance(59 * time.Minute)
	expect(t, f.update(down(true, SeverityCritical))) // repeat not yet due
	clk.Advance(time.Minute)
	expect(t, f.update(down(true, SeverityCritical)), "firing LivepeerNodeDown tc001 critical [pd slack]")
	clk.Advance(time.Minute)
	expect(t, f.update(down(false, 0)), "resolved LivepeerNodeDown tc001 critical [pd slack]")
	expect(t, f.update(down(false, 0))) // exactly one resolve
}

func TestPendingThatClearsNeverNotifies(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f := newFixture(t, t.TempDir(), clk, &fakeOutbox{})
	expect(t, f.update(down(true, SeverityCritical)))
	clk.Advance(59 * time.Second)
	expect(t, f.update(down(false, 0)))
	clk.Advance(time.Minute)
	expect(t, f.update(down(true, SeverityCritical))) // the pending timer restarted
}

func TestEscalationAndRouting(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f := newFixture(t, t.TempDir(), clk, &fakeOutbox{})
	in := Input{Alert: RewardNotCalled, Target: "tc001", Active: true, Severity: SeverityWarning, Reason: "late"}
	expect(t, f.update(in), "firing RewardNotCalled tc001 warning [slack]")
	clk.Advance(time.Minute)
	in.Severity = SeverityCritical
	expect(t, f.update(in), "firing RewardNotCalled tc001 critical [pd slack]")
	in.Active = false
	expect(t, f.update(in), "resolved RewardNotCalled tc001 critical [pd slack]")
}

func TestUnknownNeitherFiresNorResolves(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f := newFixture(t, t.TempDir(), clk, &fakeOutbox{})
	in := Input{Alert: EthBalanceLow, Target: "tc001", Active: true, Severity: SeverityCritical}
	expect(t, f.update(in), "firing EthBalanceLow tc001 critical [pd slack]")
	clk.Advance(5 * time.Hour)
	expect(t, f.update(Input{Alert: EthBalanceLow, Target: "tc001", Unknown: true}))
	if v := f.eng.Alerts(); len(v) != 1 || !v[0].Unknown || v[0].Phase != PhaseFiring {
		t.Fatalf("alerts = %+v", v)
	}
	expect(t, f.update(Input{Alert: EthBalanceLow, Target: "tc001"}), "resolved EthBalanceLow tc001 critical [pd slack]")
}

func TestRestartNeitherRepagesNorForgets(t *testing.T) {
	dir := t.TempDir()
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	out := &fakeOutbox{}
	f := newFixture(t, dir, clk, out)
	expect(t, f.update(Input{Alert: TxStalled, Target: "tc001", Active: true, Severity: SeverityCritical}), "firing TxStalled tc001 critical [pd slack]")
	clk.Advance(10 * time.Minute)
	g := newFixture(t, dir, clk, out) // lpwatch restarted
	expect(t, g.update(Input{Alert: TxStalled, Target: "tc001", Active: true, Severity: SeverityCritical}))
	g2 := newFixture(t, dir, clk, out) // and again, now the condition is gone
	expect(t, g2.update(Input{Alert: TxStalled, Target: "tc001"}), "resolved TxStalled tc001 critical [pd slack]")
}

func TestEnqueueFailureIsRetried(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	out := &fakeOutbox{fail: errors.New("disk full")}
	f := newFixture(t, t.TempDir(), clk, out)
	in := Input{Alert: EthNodeDown, Target: ChainTarget, Active: true, Severity: SeverityCritical}
	if err := f.eng.Update(context.Background(), []Input{in}); err == nil {
		t.Fatal("want an error when the outbox refuses")
	}
	out.fail = nil
	expect(t, f.update(in), "firing EthNodeDown chain critical [pd slack]")
	out.fail = errors.New("disk full")
	in.Active = false
	if err := f.eng.Update(context.Background(), []Input{in}); err == nil {
		t.Fatal("want an error when the resolve cannot be queued")
	}
	out.fail = nil
	expect(t, f.update(in), "resolved EthNodeDown chain critical [pd slack]")
}

func TestSilenceAndInhibitionAndCause(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f := newFixture(t, t.TempDir(), clk, &fakeOutbox{})
	stale := Input{Alert: EthNodeHeadStale, Target: ChainTarget, Active: true, Severity: SeverityCritical, Reason: "head is 14m old"}
	behind := Input{Alert: EthNodeBehindReference, Target: ChainTarget, Active: true, Severity: SeverityWarning}
	reward := Input{Alert: RewardNotCalled, Target: "tc001", Active: true, Severity: SeverityWarning}
	expect(t, f.update(stale, behind, reward),
		"firing EthNodeHeadStale chain critical [pd slack]",
		"firing RewardNotCalled tc001 warning [slack]")
	var cause string
	for _, v := range f.eng.Alerts() {
		switch v.Alert {
		case RewardNotCalled:
			cause = v.Cause
		case EthNodeBehindReference:
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

	if _, err := f.sil.Add(Silence{Alert: DiskSpaceLow, Comment: "resize", EndsAt: clk.Now().Add(time.Hour)}, clk.Now(), 24*time.Hour); err != nil {
		t.Fatal(err)
	}
	disk := Input{Alert: DiskSpaceLow, Target: "/data", Active: true, Severity: SeverityWarning}
	expect(t, f.update(behind, reward, disk))
	clk.Advance(time.Hour)
	expect(t, f.update(behind, reward, disk), "firing DiskSpaceLow /data warning [slack]")
	// Silences persist.
	again, err := OpenSilences(f.dir, clk.Now())
	if err != nil || len(again.List(clk.Now())) != 1 {
		t.Fatalf("silences after reopen: %v %v", again.List(clk.Now()), err)
	}
}

func TestDeliveryFailingGoesThroughOtherSinks(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f := newFixture(t, t.TempDir(), clk, &fakeOutbox{})
	in := Input{Alert: NotificationDeliveryFailing, Target: "slack", Active: true, Severity: SeverityCritical}
	expect(t, f.update(in), "firing NotificationDeliveryFailing slack critical [pd]")
}

func TestCorruptStateStartsEmptyAndSaysSo(t *testing.T) {
	dir := t.TempDir()
	if err := writeFile(statePath(dir), "{not json"); err != nil {
		t.Fatal(err)
	}
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	sil, _ := OpenSilences(dir, clk.Now())
	eng, err := NewEngine(EngineOptions{StateDir: dir, Outbox: &fakeOutbox{}, Silences: sil, Clock: clk, Logger: logrus.New()})
	if err == nil || eng == nil {
		t.Fatalf("want a usable engine and an error, got %v %v", eng, err)
	}
}
