package remediation

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	logtest "github.com/sirupsen/logrus/hooks/test"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// rewardRig is a controller next to a fake node whose /reward is real HTTP.
type rewardRig struct {
	*rig
	node   *fakenode.Node
	client *nodeapi.Client
	cfg    *config.Config
	// identity, when set, decides the identity check the feeds carry
	// (ok and its reason) instead of comparing /ethAddr with expected_address.
	identity func(addr string) (bool, string)
}

func startRewardRig(t *testing.T, dir string, r0 *rig, gen nodeapi.Generation, opts ...func(*Options)) *rewardRig {
	t.Helper()
	node := fakenode.New(gen)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(node.Close)
	node.SetRound(testRound, true)
	node.SetLastRewardRound(testRound - 1)
	client, err := nodeapi.New(node.URL(), nodeapi.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfg := testConfig()
	cfg.Remediation.Enabled, cfg.Remediation.AutoReward = false, true
	cfg.Nodes[0].URL = node.URL()
	var clk *clock.Fake
	if r0 != nil {
		clk = r0.clk
	}
	r := startRig(t, dir, clk, opts...)
	return &rewardRig{rig: r, node: node, client: client, cfg: cfg}
}

// feedReward feeds a critical RewardNotCalled with the fake node's real
// snapshot, its identity check, and a chain showing the node's last reward
// round; chain adjusts the chain observation.
func (r *rewardRig) feedReward(chainFn func(s *chainState)) {
	r.t.Helper()
	r.clk.Advance(time.Second)
	now := r.clk.Now()
	snap, err := r.client.Snapshot(context.Background(), nodeapi.Auto)
	if err != nil {
		r.t.Fatal(err)
	}
	cs := healthyChain(now)
	cs.lastReward = r.node.LastRewardRound().Uint64()
	if chainFn != nil {
		chainFn(&cs)
	}
	critical := checks.Result{Check: alert.RewardNotCalled, Target: node1, State: checks.Critical}
	id := identityOf(r.cfg.Nodes[0], snap)
	if r.identity != nil {
		id.State, id.Reason = checks.Critical, "not the node's identity"
		if ok, why := r.identity(snap.Address); ok {
			id.State, id.Reason = checks.OK, why
		}
	}
	r.feed(feedOf(r.cfg, now, cs.observe(), []observe.Node{{Name: node1, At: now, Snapshot: snap}}, nil,
		critical, id))
}

// identityOf is the LivepeerNodeIdentityMismatch result of a snapshot.
func identityOf(n config.Node, s *nodeapi.Snapshot) checks.Result {
	r := checks.Result{Check: alert.LivepeerNodeIdentityMismatch, Target: n.Name, State: checks.OK, Reason: "node address is " + s.Address}
	if !nodeapi.SameAddress(s.Address, n.ExpectedAddress.String()) {
		r.State, r.Reason = checks.Critical, fmt.Sprintf("node reports address %s, expected %s", s.Address, n.ExpectedAddress)
	}
	return r
}

// awaitConfirmation waits until the node answered the reward call and the
// controller waits for the chain to show it.
func (r *rewardRig) awaitConfirmation() {
	r.t.Helper()
	r.waitStatus("the confirmation wait", func(s Status) bool {
		return strings.Contains(s.Activity[rewardSkipPrefix+node1].What, "waiting for the chain")
	})
}

// settle waits until every feed so far has been acted on.
func (r *rewardRig) settle() Status {
	r.t.Helper()
	_, seq, _ := r.c.mail.get()
	return r.waitStatus("the feeds", func(s Status) bool { return s.Fed >= seq && len(s.Activity) == 0 })
}

func TestAutoRewardOncePerRound(t *testing.T) {
	dir := t.TempDir()
	r := startRewardRig(t, dir, nil, nodeapi.Current)
	r.feedReward(nil)
	r.awaitConfirmation()
	r.feedReward(nil) // the chain now shows what the fake node's reward did
	st := r.waitStatus("the reward call", func(s Status) bool { return s.Rewards[node1].Result != resultStarted })
	if st.Rewards[node1].Result != ResultSuccess || len(st.RewardFailed) != 0 {
		t.Fatalf("reward = %+v, failed %+v", st.Rewards[node1], st.RewardFailed)
	}
	if got := r.node.ActionRequests(); !reflect.DeepEqual(got, []string{nodeapi.PathReward}) {
		t.Fatalf("action requests = %v, want one /reward", got)
	}
	// The node's own answer says nothing about a later feed still showing the
	// old round (the chain may lag): still one request per round.
	for i := 0; i < 3; i++ {
		r.feedReward(func(s *chainState) { s.lastReward = testRound - 1 })
	}
	r.settle()
	if got := r.node.ActionRequests(); len(got) != 1 {
		t.Fatalf("action requests = %v, want one per round", got)
	}
	// After a restart of lpwatch the round is still known to be done.
	r.stop()
	again := startRewardRig(t, dir, r.rig, nodeapi.Current)
	again.node.SetLastRewardRound(testRound - 1)
	again.feedReward(nil)
	again.settle()
	if got := again.node.ActionRequests(); len(got) != 0 {
		t.Fatalf("after a restart the same round was requested again: %v", got)
	}
	// A new round: one more request.
	again.node.SetRound(testRound+1, true)
	again.feedReward(func(s *chainState) { s.round = testRound + 1 })
	again.awaitConfirmation()
	again.feedReward(func(s *chainState) { s.round = testRound + 1 })
	again.waitStatus("the next round's call", func(s Status) bool {
		return s.Rewards[node1].Round == testRound+1 && s.Rewards[node1].Result == ResultSuccess
	})
	if got := again.node.ActionRequests(); len(got) != 1 {
		t.Fatalf("action requests in the new round = %v, want one", got)
	}
}

func TestAutoRewardHeldBack(t *testing.T) {
	tests := []struct {
		name  string
		setup func(r *rewardRig)
		chain func(s *chainState)
	}{
		{"disabled", func(r *rewardRig) { r.cfg.Remediation.AutoReward = false }, nil},
		{"chain unhealthy", nil, func(s *chainState) { s.headAge = time.Hour }},
		{"chain syncing", nil, func(s *chainState) { s.syncing = true }},
		{"gas above the node's max", func(r *rewardRig) { r.node.SetMaxGasPrice(big.NewInt(99)) }, nil},
		{"already rewarded on-chain", nil, func(s *chainState) { s.lastReward = testRound }},
		{"dry run", func(r *rewardRig) { r.cfg.Remediation.DryRun = true }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := startRewardRig(t, "", nil, nodeapi.Current)
			if tt.setup != nil {
				tt.setup(r)
			}
			for i := 0; i < 3; i++ {
				r.feedReward(tt.chain)
			}
			st := r.settle()
			if got := r.node.ActionRequests(); len(got) != 0 {
				t.Fatalf("action requests = %v, want none", got)
			}
			if r.cfg.Remediation.DryRun && st.Rewards[node1].Result != ResultDryRun {
				t.Errorf("a dry run must be on record: %+v", st.Rewards)
			}
		})
	}
}

func TestAutoRewardFailures(t *testing.T) {
	t.Run("node refuses", func(t *testing.T) {
		r := startRewardRig(t, "", nil, nodeapi.Current)
		r.node.SetRewardHandler(func(context.Context) error { return errors.New("insufficient funds for gas") })
		r.feedReward(nil)
		st := r.waitStatus("the failure", func(s Status) bool { return len(s.RewardFailed) == 1 })
		if ep := st.RewardFailed[node1]; ep.Round != testRound || !strings.Contains(ep.Reason, "insufficient funds") {
			t.Fatalf("episode = %+v", ep)
		}
		in := r.c.Inputs()
		if len(in) != 1 || in[0].Alert != alert.AutoRewardFailed || in[0].Target != node1 || in[0].Severity != alert.SeverityCritical {
			t.Fatalf("inputs = %+v, want AutoRewardFailed on tc001", in)
		}
		// The round ends: the failure is history (RewardRoundMissed takes over).
		r.feedReward(func(s *chainState) { s.round = testRound + 1 })
		r.waitStatus("the end of the episode", func(s Status) bool { return len(s.RewardFailed) == 0 })
	})
	t.Run("legacy node answers 200 but nothing is mined", func(t *testing.T) {
		r := startRewardRig(t, "", nil, nodeapi.Legacy)
		r.node.SetRewardHandler(func(context.Context) error { return errors.New("nonce too low") })
		r.feedReward(nil)
		r.awaitConfirmation()
		r.clk.Advance(DefaultRewardConfirmTimeout)
		st := r.waitStatus("the timeout", func(s Status) bool { return len(s.RewardFailed) == 1 })
		if st.Rewards[node1].Result != ResultTimeout || !strings.Contains(st.RewardFailed[node1].Reason, "does not show a reward") {
			t.Fatalf("status = %+v", st)
		}
		if got := testutilRewards(r.rig, ResultTimeout); got != 1 {
			t.Errorf("timeout counter = %v", got)
		}
	})
}

// TestAutoRewardRefusesWrongIdentity: a node that reports another account
// than expected_address is never asked to call reward, and lpwatch says
// why in its log and its status; once the right node answers again it is.
func TestAutoRewardRefusesWrongIdentity(t *testing.T) {
	log, hook := logtest.NewNullLogger()
	r := startRewardRig(t, "", nil, nodeapi.Current, func(o *Options) { o.Logger = log })
	const other = "0x000000000000000000000000000000000000dEaD"
	r.node.SetAddress(common.HexToAddress(other))
	for i := 0; i < 3; i++ {
		r.feedReward(nil)
	}
	st := r.settle()
	if got := r.node.ActionRequests(); len(got) != 0 {
		t.Fatalf("action requests = %v, want none to a node that is not %s", got, testAddr)
	}
	held := st.RewardHeld[node1]
	for _, want := range []string{"identity check is critical", other, "expected_address " + testAddr} {
		if !strings.Contains(held, want) {
			t.Errorf("status says %q, which does not say %q", held, want)
		}
	}
	if _, ok := st.Rewards[node1]; ok {
		t.Errorf("a refused call is on record as a request: %+v", st.Rewards[node1])
	}
	var lines []string
	for _, e := range hook.AllEntries() {
		if strings.HasPrefix(e.Message, "auto_reward held back") {
			lines = append(lines, e.Message)
		}
	}
	if len(lines) != 1 || !strings.Contains(lines[0], other) {
		t.Errorf("log lines %q, want one naming %s", lines, other)
	}
	// The expected node is back: it is asked, and nothing is held back.
	r.node.SetAddress(common.HexToAddress(testAddr))
	r.feedReward(nil)
	r.awaitConfirmation()
	if got := r.node.ActionRequests(); len(got) != 1 {
		t.Fatalf("action requests = %v, want one /reward", got)
	}
	if st := r.c.Status(); len(st.RewardHeld) != 0 {
		t.Errorf("still held back: %v", st.RewardHeld)
	}
}
