package alert_test

import (
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

// TestNodeChainErrorsAreASymptomOfTheChain: with the chain down, the node's
// failing chain reads fire but stay inhibited (cause named), so the outage
// pages once, as EthNodeDown. When the chain recovers before the node's
// next probe, the symptom goes back to pending instead of paging, and
// resolves there without a notification.
func TestNodeChainErrorsAreASymptomOfTheChain(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f := newFixture(t, t.TempDir(), clk, &fakeOutbox{})
	chainDown := alert.Input{Alert: alert.EthNodeDown, Target: alert.ChainTarget, Active: true, Severity: alert.SeverityCritical, Reason: "no endpoint answers", For: time.Minute}
	nodeErrs := alert.Input{Alert: alert.LivepeerNodeChainErrors, Target: "tc001", Active: true, Severity: alert.SeverityWarning,
		Reason: "endpoints that read the chain fail: /currentRound (http_500)", For: 3 * time.Minute}
	nodeOK := alert.Input{Alert: alert.LivepeerNodeDown, Target: "tc001", Reason: "node API answers", For: time.Minute}
	expect(t, f.update(chainDown, nodeErrs, nodeOK))
	clk.Advance(time.Minute)
	expect(t, f.update(chainDown, nodeErrs, nodeOK), "firing EthNodeDown chain critical [pd slack]")
	for i := 0; i < 5; i++ {
		clk.Advance(time.Minute)
		expect(t, f.update(chainDown, nodeErrs, nodeOK))
	}
	v := view(t, f.eng, alert.LivepeerNodeChainErrors)
	if v.Phase != alert.PhaseFiring || v.Suppressed != "inhibited by EthNodeDown on chain" || !strings.HasPrefix(v.Cause, "EthNodeDown on chain: no endpoint answers") {
		t.Fatalf("symptom %+v, want firing, inhibited, with its cause", v)
	}

	chainUp := chainDown
	chainUp.Active, chainUp.Reason = false, "reading from 127.0.0.1:8545"
	expect(t, f.update(chainUp, nodeErrs, nodeOK), "resolved EthNodeDown chain critical [pd slack]")
	if v := view(t, f.eng, alert.LivepeerNodeChainErrors); v.Phase != alert.PhasePending || v.Suppressed != "" {
		t.Fatalf("symptom after its cause ended: %+v, want pending again", v)
	}
	clk.Advance(15 * time.Second)
	nodeErrs.Active = false
	expect(t, f.update(chainUp, nodeErrs, nodeOK)) // the node's next probe: no page, ever
	if v := f.eng.Alerts(); len(v) != 0 {
		t.Fatalf("alerts left: %+v", v)
	}

	// A symptom that outlives its cause by its own for is sent, once.
	chainDown.For, nodeErrs.Active = 0, true
	expect(t, f.update(chainDown, nodeErrs, nodeOK), "firing EthNodeDown chain critical [pd slack]")
	clk.Advance(3 * time.Minute)
	expect(t, f.update(chainDown, nodeErrs, nodeOK))
	expect(t, f.update(chainUp, nodeErrs, nodeOK), "resolved EthNodeDown chain critical [pd slack]")
	clk.Advance(3 * time.Minute)
	expect(t, f.update(chainUp, nodeErrs, nodeOK), "firing LivepeerNodeChainErrors tc001 warning [slack]")
}

// TestNotificationTexts: titles name the target once (the sinks add it),
// and a resolve says what recovered and what the check sees now, not the
// firing text, nor its cause.
func TestNotificationTexts(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	out := &fakeOutbox{}
	f := newFixture(t, t.TempDir(), clk, out)
	stale := alert.Input{Alert: alert.EthNodeHeadStale, Target: alert.ChainTarget, Active: true, Severity: alert.SeverityCritical, Reason: "head is 14m old"}
	tx := alert.Input{Alert: alert.TxStalled, Target: "tc001", Active: true, Severity: alert.SeverityCritical,
		Reason: "1 transaction(s) pending behind mined nonce 7 for 10m: transactions are stuck"}
	if err := f.eng.Update(t.Context(), []alert.Input{stale, tx}); err != nil {
		t.Fatal(err)
	}
	fired := out.got[len(out.got)-1].n
	if fired.Alert != alert.TxStalled || fired.Summary != "the node's transactions are stuck behind a nonce" || strings.Contains(fired.Summary, "tc001") {
		t.Errorf("firing summary %q", fired.Summary)
	}
	if fired.Cause == "" || fired.Description != tx.Reason {
		t.Errorf("firing %q cause %q", fired.Description, fired.Cause)
	}
	out.got = nil
	tx.Active, tx.Reason = false, "no transaction pending (nonce 8)"
	if err := f.eng.Update(t.Context(), []alert.Input{stale, tx}); err != nil {
		t.Fatal(err)
	}
	if len(out.got) != 1 {
		t.Fatalf("queued %d notifications, want the resolve", len(out.got))
	}
	r := out.got[0].n
	if r.Status != alert.StatusResolved || r.Summary != "the node's transactions are being mined again" {
		t.Errorf("resolve summary %q", r.Summary)
	}
	if r.Description != "no transaction pending (nonce 8)" || r.Cause != "" || strings.Contains(r.Description+r.Summary, "stuck") {
		t.Errorf("resolve says %q (cause %q): it repeats the firing", r.Description, r.Cause)
	}
	for name, rule := range checks.Catalog() {
		if strings.Contains(rule.Summary, "[") {
			t.Errorf("%s summary %q", name, rule.Summary)
		}
	}
}

func view(t *testing.T, e *alert.Engine, name string) alert.View {
	t.Helper()
	for _, v := range e.Alerts() {
		if v.Alert == name {
			return v
		}
	}
	t.Fatalf("no %s alert in %+v", name, e.Alerts())
	return alert.View{}
}
