package remediation

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/watchdog"
	"github.com/lpwatch/lpwatch/pkg/watchdog/systemdtest"
)

// busRig starts the fake systemd manager on a private dbus-daemon and a
// controller that talks to it through the real go-systemd client.
func busRig(t *testing.T) (*systemdtest.Bus, func(dir string, r0 *rig) *rig) {
	t.Helper()
	bus := systemdtest.Start(t)
	bus.AddUnit(chainUnit, systemdtest.Running(100))
	bus.AddUnit(nodeUnit, systemdtest.Running(200))
	start := func(dir string, r0 *rig) *rig {
		useDBus := func(o *Options) { o.Units = watchdog.NewSystemdManager }
		if r0 != nil {
			return startRig(t, dir, r0.clk, useDBus)
		}
		return startRig(t, dir, nil, useDBus)
	}
	return bus, start
}

// units returns the units of the bus's restarts, in order.
func units(bus *systemdtest.Bus) []string {
	var out []string
	for _, r := range bus.Restarts() {
		out = append(out, r.Unit+"/"+r.Mode)
	}
	return out
}

// TestIntegrationLadderOverDBus drives the ladder through D-Bus: for a stuck
// transaction the chain unit is restarted, the controller waits for a
// healthy head, then the node unit is restarted; a fourth stall inside the
// window restarts nothing and raises RemediationExhausted, also after a
// restart of lpwatch on the same state directory.
func TestIntegrationLadderOverDBus(t *testing.T) {
	bus, start := busRig(t)
	cfg := testConfig()
	dir := t.TempDir()
	r := start(dir, nil)

	r.stall(cfg)
	r.waitActivity("waiting for the chain")
	if got := units(bus); !reflect.DeepEqual(got, []string{"geth.service/replace"}) {
		t.Fatalf("restarts = %v, want the chain unit alone first", got)
	}
	if st, _ := bus.Unit(chainUnit); st.MainPID == 100 || st.ActiveState != "active" {
		t.Errorf("chain unit after the restart: %+v", st)
	}
	// A stale head is not health: the node waits.
	r.clk.Advance(30 * time.Second)
	now := r.clk.Now()
	r.feed(feedOf(cfg, now, chainState{at: now, headAge: 5 * time.Minute, round: testRound}.observe(), nil,
		[]alert.View{firing(alert.TxStalled, node1, now)}))
	r.waitStatus("the stale feed", func(s Status) bool { _, seq, _ := r.c.mail.get(); return s.Fed >= seq })
	if got := units(bus); len(got) != 1 {
		t.Fatalf("the node was restarted before the chain was healthy: %v", got)
	}
	r.clk.Advance(30 * time.Second)
	now = r.clk.Now()
	r.feed(feedOf(cfg, now, healthyChain(now).observe(), nil, []alert.View{firing(alert.TxStalled, node1, now)}))
	r.waitActivity("waiting for tc001")
	if got := units(bus); !reflect.DeepEqual(got, []string{"geth.service/replace", "livepeer.service/replace"}) {
		t.Fatalf("restarts = %v, want chain then node", got)
	}
	r.clk.Advance(15 * time.Second)
	r.healthy(cfg)
	st := r.waitStatus("the ladder's end", func(s Status) bool { return len(s.Restarts) == 2 && len(s.Activity) == 0 })
	if got := results(st); !reflect.DeepEqual(got, []string{"geth.service=success", "livepeer.service=success"}) {
		t.Fatalf("ledger = %v", got)
	}

	for i := 0; i < 2; i++ {
		r.clk.Advance(40 * time.Minute)
		r.ladder(cfg)
	}
	r.clk.Advance(40 * time.Minute)
	r.stall(cfg)
	r.waitStatus("the fourth stall", func(Status) bool { return r.metric(chainUnit, ResultSkippedBudget) == 1 })
	if got := len(bus.Restarts()); got != 6 {
		t.Fatalf("%d restarts over D-Bus, want 6", got)
	}
	if in := r.c.Inputs(); len(in) != 1 || in[0].Alert != alert.RemediationExhausted {
		t.Fatalf("inputs = %+v, want RemediationExhausted", in)
	}

	r.stop()
	again := start(dir, r)
	again.stall(cfg)
	again.waitStatus("the stall after a restart", func(Status) bool { return again.metric(chainUnit, ResultSkippedBudget) == 1 })
	if got := len(bus.Restarts()); got != 6 {
		t.Fatalf("the budget did not hold across a restart of lpwatch: %d restarts", got)
	}
}

func TestIntegrationDryRunOverDBus(t *testing.T) {
	bus, start := busRig(t)
	cfg := testConfig()
	cfg.Remediation.DryRun = true
	r := start(t.TempDir(), nil)
	r.stall(cfg)
	st := r.waitStatus("the dry run", func(s Status) bool { return len(s.Restarts) == 2 && len(r.emit.list()) == 2 })
	if got := results(st); !reflect.DeepEqual(got, []string{"geth.service=dry_run", "livepeer.service=dry_run"}) {
		t.Fatalf("ledger = %v", got)
	}
	if got := bus.Restarts(); len(got) != 0 {
		t.Fatalf("dry run restarted over D-Bus: %v", got)
	}
	if st, _ := bus.Unit(chainUnit); st.MainPID != 100 {
		t.Errorf("chain unit changed in a dry run: %+v", st)
	}
}

func TestIntegrationFailedJobOverDBus(t *testing.T) {
	bus, start := busRig(t)
	bus.SetRestartResult(chainUnit, systemdtest.ResultFailed)
	start(t.TempDir(), nil).chainJobFails()
	if got := units(bus); !reflect.DeepEqual(got, []string{"geth.service/replace"}) {
		t.Errorf("restarts = %v: the node must not follow a failed chain restart", got)
	}
}

// TestIntegrationUnknownUnit: a chain unit systemd does not know fails the
// step with systemd's answer rather than pretending.
func TestIntegrationUnknownUnit(t *testing.T) {
	bus, start := busRig(t)
	cfg := testConfig()
	cfg.Chain.SystemdUnit = "nitro.service"
	r := start(t.TempDir(), nil)
	r.stall(cfg)
	st := r.waitStatus("the failure", func(s Status) bool { return len(s.Exhausted) == 1 && len(s.Activity) == 0 })
	if len(st.Restarts) != 1 || st.Restarts[0].Result != ResultFailed || !strings.Contains(st.Restarts[0].Outcome, "not found") {
		t.Fatalf("ledger = %+v", st.Restarts)
	}
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	if got, err := bus.WaitRestarts(ctx, 1); err != nil || got[0].Unit != "nitro.service" {
		t.Fatalf("restarts = %v, %v", got, err)
	}
}
