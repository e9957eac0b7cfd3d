package remediation

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// stall feeds a TxStalled firing on tc001 with a healthy chain.
func (r *rig) stall(cfg *config.Config) {
	now := r.clk.Now()
	r.feed(feedOf(cfg, now, healthyChain(now).observe(), []observe.Node{nodeSeen(node1, now, testRound)},
		[]alert.View{firing(alert.TxStalled, node1, now.Add(-10*time.Minute))}))
}

// healthy feeds a healthy chain and node with no trigger.
func (r *rig) healthy(cfg *config.Config) {
	now := r.clk.Now()
	r.feed(feedOf(cfg, now, healthyChain(now).observe(), []observe.Node{nodeSeen(node1, now, testRound)}, nil))
}

// ladder drives one full ladder for a stall: chain restart, healthy chain,
// node restart, node agreeing; it returns the ledger afterwards.
func (r *rig) ladder(cfg *config.Config) Status {
	r.t.Helper()
	n := len(r.c.Status().Restarts)
	r.stall(cfg)
	r.waitActivity("waiting for the chain")
	r.clk.Advance(15 * time.Second)
	now := r.clk.Now()
	r.feed(feedOf(cfg, now, healthyChain(now).observe(), []observe.Node{nodeSeen(node1, now.Add(-time.Second), testRound)}, nil))
	r.waitActivity("waiting for tc001")
	r.clk.Advance(15 * time.Second)
	r.healthy(cfg)
	return r.waitStatus("the ladder's end", func(s Status) bool { return len(s.Activity) == 0 && len(s.Restarts) == n+2 })
}

func TestLadderChainThenNode(t *testing.T) {
	cfg := testConfig()
	r := startRig(t, "", nil)
	st := r.ladder(cfg)
	if got := r.units.list(); !reflect.DeepEqual(got, []string{chainUnit, nodeUnit}) {
		t.Fatalf("restarts = %v, want chain then node", got)
	}
	if got := results(st); !reflect.DeepEqual(got, []string{"geth.service=success", "livepeer.service=success"}) {
		t.Fatalf("ledger = %v", got)
	}
	ev := r.emit.list()
	if len(ev) != 2 || ev[0].target != alert.ChainTarget || ev[1].target != node1 {
		t.Fatalf("events = %+v, want the chain then tc001", ev)
	}
	for _, e := range ev {
		if e.alert != alert.RemediationPerformed || e.details["result"] != ResultSuccess || !strings.Contains(e.desc, "TxStalled on tc001") {
			t.Errorf("event %+v must be a RemediationPerformed saying why and the outcome", e)
		}
	}
	if r.metric(chainUnit, ResultSuccess) != 1 || r.metric(nodeUnit, ResultSuccess) != 1 {
		t.Errorf("success counters: chain %v node %v", r.metric(chainUnit, ResultSuccess), r.metric(nodeUnit, ResultSuccess))
	}
	if in := r.c.Inputs(); len(in) != 0 {
		t.Errorf("inputs after a successful ladder: %+v", in)
	}
}

// TestLadderBudget: a fourth stall inside the window restarts nothing and
// raises RemediationExhausted, also after lpwatch restarts; the alert
// resolves once health returns.
func TestLadderBudget(t *testing.T) {
	cfg := testConfig()
	dir := t.TempDir()
	r := startRig(t, dir, nil)
	for i := 0; i < 3; i++ {
		r.ladder(cfg)
		r.clk.Advance(40 * time.Minute)
	}
	r.stall(cfg)
	r.waitStatus("the skip", func(Status) bool { return r.metric(chainUnit, ResultSkippedBudget) == 1 })
	if got := len(r.units.list()); got != 6 {
		t.Fatalf("%d restarts, want 6 (3 ladders)", got)
	}
	in := r.c.Inputs()
	if len(in) != 1 || in[0].Alert != alert.RemediationExhausted || in[0].Target != alert.ChainTarget || !in[0].Active ||
		in[0].Severity != alert.SeverityCritical || !strings.Contains(in[0].Reason, "budget") {
		t.Fatalf("inputs = %+v, want RemediationExhausted on the chain", in)
	}

	r.stop()
	again := startRig(t, dir, r.clk)
	if in := again.c.Inputs(); len(in) != 1 {
		t.Fatalf("the exhausted episode was not persisted: %+v", in)
	}
	again.stall(cfg)
	again.waitStatus("the skip", func(Status) bool { return again.metric(chainUnit, ResultSkippedBudget) == 1 })
	if got := again.units.list(); len(got) != 0 {
		t.Fatalf("the budget did not survive a restart of lpwatch: %v", got)
	}
	again.healthy(cfg)
	again.waitStatus("health to return", func(s Status) bool { return len(s.Exhausted) == 0 })
	if in := again.c.Inputs(); len(in) != 0 {
		t.Errorf("inputs after health returned: %+v", in)
	}
}

func TestLadderCooldown(t *testing.T) {
	cfg := testConfig()
	r := startRig(t, "", nil)
	r.ladder(cfg)
	r.clk.Advance(10 * time.Minute)
	r.stall(cfg)
	r.waitStatus("the skip", func(Status) bool { return r.metric(chainUnit, ResultSkippedCooldown) == 1 })
	r.stall(cfg)
	r.clk.Advance(time.Second)
	r.stall(cfg)
	r.waitStatus("the feeds", func(Status) bool { return r.metric(chainUnit, ResultSkippedCooldown) == 1 })
	if got := len(r.units.list()); got != 2 {
		t.Fatalf("%d restarts inside the cooldown", got-2)
	}
	if in := r.c.Inputs(); len(in) != 0 {
		t.Errorf("a cooldown is no exhaustion: %+v", in)
	}
	r.clk.Advance(21 * time.Minute)
	r.ladder(cfg)
	if got := len(r.units.list()); got != 4 {
		t.Fatalf("%d restarts after the cooldown, want 4", got)
	}
}

func TestLadderDryRun(t *testing.T) {
	cfg := testConfig()
	cfg.Remediation.DryRun = true
	r := startRig(t, "", nil)
	r.stall(cfg)
	st := r.waitStatus("the dry run", func(s Status) bool { return len(s.Restarts) == 2 && len(r.emit.list()) == 2 })
	if got := results(st); !reflect.DeepEqual(got, []string{"geth.service=dry_run", "livepeer.service=dry_run"}) {
		t.Fatalf("ledger = %v", got)
	}
	if got := r.units.list(); len(got) != 0 {
		t.Fatalf("dry run restarted %v", got)
	}
	ev := r.emit.list()
	if len(ev) != 2 || ev[0].details["dry_run"] != "true" || !strings.HasPrefix(ev[0].desc, "dry run: would restart geth.service") {
		t.Fatalf("events = %+v, want dry-run announcements", ev)
	}
	if r.metric(chainUnit, ResultDryRun) != 1 || r.metric(nodeUnit, ResultDryRun) != 1 {
		t.Errorf("dry_run counters: %v %v", r.metric(chainUnit, ResultDryRun), r.metric(nodeUnit, ResultDryRun))
	}
}

func TestLadderChainNotHealthyInTime(t *testing.T) {
	cfg := testConfig()
	r := startRig(t, "", nil)
	r.stall(cfg)
	r.waitActivity("waiting for the chain")
	r.clk.Advance(time.Minute)
	now := r.clk.Now()
	stale := chainState{at: now, headAge: 10 * time.Minute, round: testRound}.observe()
	r.feed(feedOf(cfg, now, stale, nil, []alert.View{firing(alert.TxStalled, node1, now)}))
	r.clk.Advance(cfg.Remediation.ChainHealthyTimeout)
	st := r.waitStatus("the timeout", func(s Status) bool { return len(s.Exhausted) == 1 && len(s.Activity) == 0 })
	if got := results(st); !reflect.DeepEqual(got, []string{"geth.service=timeout"}) {
		t.Fatalf("ledger = %v", got)
	}
	if got := r.units.list(); !reflect.DeepEqual(got, []string{chainUnit}) {
		t.Fatalf("restarts = %v: the node must not be restarted while the chain is unhealthy", got)
	}
	if r.metric(nodeUnit, ResultSkippedChainUnhealthy) != 1 {
		t.Errorf("skipped_chain_unhealthy = %v", r.metric(nodeUnit, ResultSkippedChainUnhealthy))
	}
	if ep := st.Exhausted[alert.ChainTarget]; ep.Unit != chainUnit || !strings.Contains(ep.Reason, "old") {
		t.Errorf("episode = %+v, want the chain unit and why", ep)
	}
	if ev := r.emit.list(); len(ev) != 1 || ev[0].details["result"] != ResultTimeout {
		t.Errorf("events = %+v", ev)
	}
}

// chainJobFails feeds a stall whose chain restart job fails and checks
// that the ladder stops there, on record, with RemediationExhausted.
func (r *rig) chainJobFails() {
	r.t.Helper()
	r.stall(testConfig())
	st := r.waitStatus("the failure", func(s Status) bool { return len(s.Exhausted) == 1 && len(s.Activity) == 0 })
	if got := results(st); !reflect.DeepEqual(got, []string{"geth.service=failed"}) {
		r.t.Fatalf("ledger = %v", got)
	}
	if !strings.Contains(st.Restarts[0].Outcome, "job failed") {
		r.t.Errorf("outcome = %q, want systemd's job result", st.Restarts[0].Outcome)
	}
}

func TestLadderRestartJobFails(t *testing.T) {
	r := startRig(t, "", nil)
	r.units.results[chainUnit] = "failed"
	r.chainJobFails()
	if got := r.units.list(); len(got) != 1 {
		t.Errorf("restarts = %v: the node must not follow a failed chain restart", got)
	}
}

func TestDisagreementRestartsOnlyTheNode(t *testing.T) {
	cfg := testConfig()
	r := startRig(t, "", nil)
	now := r.clk.Now()
	stale := chainState{at: now, headAge: 10 * time.Minute, round: testRound}.observe()
	disagree := []alert.View{firing(alert.NodeChainDisagreement, node1, now.Add(-10*time.Minute))}
	r.feed(feedOf(cfg, now, stale, []observe.Node{nodeSeen(node1, now, testRound-1)}, disagree))
	r.waitStatus("the skip", func(Status) bool { return r.metric(nodeUnit, ResultSkippedChainUnhealthy) == 1 })
	if got := r.units.list(); len(got) != 0 {
		t.Fatalf("node restarted while its chain is unhealthy: %v", got)
	}

	r.clk.Advance(time.Minute)
	now = r.clk.Now()
	r.feed(feedOf(cfg, now, healthyChain(now).observe(), []observe.Node{nodeSeen(node1, now, testRound-1)}, disagree))
	r.waitActivity("waiting for tc001")
	if got := r.units.list(); !reflect.DeepEqual(got, []string{nodeUnit}) {
		t.Fatalf("restarts = %v, want only the node", got)
	}
	r.clk.Advance(10 * time.Second)
	now = r.clk.Now()
	r.feed(feedOf(cfg, now, healthyChain(now).observe(), []observe.Node{nodeSeen(node1, now, testRound-1)}, disagree))
	r.clk.Advance(cfg.Remediation.NodeVerifyTimeout)
	st := r.waitStatus("the verify timeout", func(s Status) bool { return len(s.Exhausted) == 1 })
	if got := results(st); !reflect.DeepEqual(got, []string{"livepeer.service=timeout"}) {
		t.Fatalf("ledger = %v", got)
	}
	if ep, ok := st.Exhausted[node1]; !ok || !strings.Contains(ep.Reason, "round 4252, the chain at 4253") {
		t.Errorf("exhausted = %+v, want tc001 and why", st.Exhausted)
	}
}
