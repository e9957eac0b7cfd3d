package faults

import (
	"context"
	"math/big"
	"slices"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/remediation"
)

// Timing of the blocking reward row: the node's probe interval (env's
// [[node]] interval) and how long, in fake time, the reward call stays open.
const (
	nodeInterval   = 10 * time.Second
	rewardHeldOpen = 3 * time.Minute
	// heldProbes is how many node probes must complete, all successful,
	// while the call is open.
	heldProbes = 15
)

func rewardRows() []row {
	return []row{{
		name: "blocking-reward-call", area: "remediation",
		fault: "blocking reward call: auto_reward's POST /reward stays open for 3 minutes (as go-livepeer's answers only once the transaction is mined), then the reward is mined",
		opts:  envOptions{chainURLs: 1, keys: map[string][]string{"remediation": {"auto_reward = true", "dry_run = false"}}},
		want: want{
			states: []stateWant{{alert.LivepeerNodeDown, node1, "ok"}, {alert.LivepeerNodeIdentityMismatch, node1, "ok"}},
			fire:   []ident{{alert.RewardNotCalled, node1}},
			note: "while the call is open the node's probes keep succeeding (15 of them) and LivepeerNodeDown never goes pending; " +
				"one /reward, recorded as success once the chain shows it",
		},
		inject: holdRewardCall,
		heal:   func(e *env) {}, // holdRewardCall lets the reward be mined
		after: func(e *env) {
			if got := e.node.ActionRequests(); !slices.Equal(got, []string{nodeapi.PathReward}) {
				e.t.Errorf("action requests %v, want one /reward", got)
			}
			// The controller confirms on a feed of its own, maybe after
			// the checks already saw the reward.
			e.waitFor("the reward on record as a success", func() bool {
				return e.d.Remediation().Status().Rewards[node1].Result == remediation.ResultSuccess
			})
			if v := e.metric("lpwatch_auto_reward_requests_total", map[string]string{"node": node1, "result": remediation.ResultSuccess}); v != 1 {
				e.t.Errorf("lpwatch_auto_reward_requests_total{tc001,success} = %v, want 1", v)
			}
		},
	}}
}

// holdRewardCall makes the round's reward outstanding with less than a
// quarter of the round left, so that RewardNotCalled turns critical and
// auto_reward asks the node, whose /reward is held open. While it is open
// the node's probes must keep completing, successfully, and LivepeerNodeDown
// must never go pending. Then the reward is mined and the call answered.
func holdRewardCall(e *env) {
	e.t.Helper()
	c := e.chain
	r := c.round()
	e.node.HoldRewards()
	e.node.SetRewardHandler(func(ctx context.Context) error {
		if err := c.sim.Driver().RewardFor(ctx, nodeAccount(), big.NewInt(1e18)); err != nil {
			return err
		}
		e.node.SetLastRewardRound(r)
		return nil
	})
	c.must(c.sim.Driver().SetLastRewardRound(c.ctx, nodeAccount(), r-1))
	e.node.SetLastRewardRound(r - 1)
	_, err := c.sim.AdvanceToRoundProgress(c.ctx, 0.8)
	c.must(err)

	p := newProbeTally(e)
	deadline := time.Now().Add(waitLimit)
	for e.node.HeldRewards() == 0 {
		if time.Now().After(deadline) {
			e.t.Fatalf("auto_reward did not call /reward (fake time +%s)\n%s", e.clk.Now().Sub(startTime), e.describe())
		}
		p.step()
	}
	held, base := e.clk.Now(), p.ok
	deadline = time.Now().Add(waitLimit)
	for e.clk.Now().Sub(held) < rewardHeldOpen || p.ok-base < heldProbes {
		if time.Now().After(deadline) {
			e.t.Fatalf("only %v probes completed while the reward call was open", p.ok-base)
		}
		p.step()
		if got := e.node.HeldRewards(); got != 1 {
			e.t.Fatalf("%d reward calls open at the node, want the one", got)
		}
	}
	e.t.Logf("the reward call was open for %s of fake time; %v node probes completed meanwhile, all successful",
		e.clk.Now().Sub(held), p.ok-base)
	e.node.ReleaseRewards()
}

// probeTally steps the fake clock while a request to the node is held
// open, and counts the node's probes. step cannot wait for the node to be
// idle, as env.step does: it never is. Instead, once a probe of the node is
// due, it waits for that probe to complete, so that fake time never runs
// ahead of the node's real answers.
type probeTally struct {
	e *env
	// ok and failed are the node's completed probes so far, failed0 the
	// failures before the tally began; seen is the fake time at which the
	// last probe was counted.
	ok, failed, failed0 float64
	seen                time.Time
}

func newProbeTally(e *env) *probeTally {
	p := &probeTally{e: e, seen: e.clk.Now()}
	p.ok, p.failed = p.runs()
	p.failed0 = p.failed
	return p
}

// runs reads the node's completed probes by result.
func (p *probeTally) runs() (ok, failed float64) {
	l := func(result string) map[string]string {
		return map[string]string{"probe": "node", "target": node1, "result": result}
	}
	return p.e.metric("lpwatch_probe_runs_total", l("success")), p.e.metric("lpwatch_probe_runs_total", l("failure"))
}

// step advances the fake clock by one second and waits for the
// evaluation, the sinks and the chain, and for a node probe that is due.
// It fails the test on a failed node probe or a pending LivepeerNodeDown.
func (p *probeTally) step() {
	e := p.e
	e.t.Helper()
	before := e.evaluations()
	e.clk.Advance(time.Second)
	waitUntil(e.t, "an evaluation", func() bool { return e.evaluations() > before })
	waitUntil(e.t, "sink and chain requests to end", func() bool {
		return !e.pager.Busy() && !e.backup.Busy() && !e.chain.busy()
	})
	if e.clk.Now().Sub(p.seen) > nodeInterval+time.Second {
		waitUntil(e.t, "the node probe that is due", func() bool {
			ok, failed := p.runs()
			return ok+failed > p.ok+p.failed
		})
	}
	if ok, failed := p.runs(); ok+failed > p.ok+p.failed {
		p.ok, p.failed, p.seen = ok, failed, e.clk.Now()
	}
	if p.failed > p.failed0 {
		o, _ := e.d.Store().Snapshot().Node(node1)
		e.t.Fatalf("a node probe failed while the reward call was open: %s (%v)", o.Reason, o.Err)
	}
	for _, a := range e.alertViews() {
		if a.Alert == alert.LivepeerNodeDown {
			e.t.Fatalf("LivepeerNodeDown went %s while the reward call was open: %s", a.Phase, a.Reason)
		}
	}
}
