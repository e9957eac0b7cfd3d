package remediation

import (
	"net/http"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/sirupsen/logrus"
	logtest "github.com/sirupsen/logrus/hooks/test"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// errorLines returns the error-level log messages that contain s.
func errorLines(hook *logtest.Hook, s string) []string {
	var out []string
	for _, e := range hook.AllEntries() {
		if e.Level == logrus.ErrorLevel && strings.Contains(e.Message, s) {
			out = append(out, e.Message)
		}
	}
	return out
}

// TestAutoRewardWithoutTxRoutes: a gated node without -enableCliTxRoutes
// answers POST /reward 404. lpwatch says so once, plainly, raises the
// warning AutoRewardUnavailable (not AutoRewardFailed), asks at most once
// per round, and ends the warning when a later round's call is accepted.
func TestAutoRewardWithoutTxRoutes(t *testing.T) {
	log, hook := logtest.NewNullLogger()
	r := startRewardRig(t, "", nil, nodeapi.Gated, func(o *Options) { o.Logger = log })
	for range 3 {
		r.feedReward(nil)
	}
	st := r.waitStatus("the unavailable reward", func(s Status) bool { return len(s.RewardUnavailable) == 1 })
	ep := st.RewardUnavailable[node1]
	if !strings.Contains(ep.Reason, "the node does not expose POST /reward: start it with -enableCliTxRoutes") || !strings.Contains(ep.Reason, "http_404") {
		t.Fatalf("episode %+v", ep)
	}
	r.settle()
	if got := r.node.ActionRequests(); len(got) != 1 {
		t.Fatalf("action requests %v, want one in the round", got)
	}
	in := r.c.Inputs()
	if len(in) != 1 || in[0].Alert != alert.AutoRewardUnavailable || in[0].Severity != alert.SeverityWarning || in[0].Target != node1 {
		t.Fatalf("inputs %+v, want only the warning AutoRewardUnavailable", in)
	}
	if len(st.RewardFailed) != 0 {
		t.Errorf("AutoRewardFailed raised too: %+v", st.RewardFailed)
	}

	// The next round: asked once more, the same answer, no new error line.
	since := ep.Since
	r.node.SetRound(testRound+1, true)
	r.node.SetLastRewardRound(testRound)
	r.feedReward(func(s *chainState) { s.round, s.lastReward = testRound+1, testRound })
	r.waitStatus("the next round's call", func(s Status) bool { return s.RewardUnavailable[node1].Round == testRound+1 })
	st = r.settle()
	if got := r.node.ActionRequests(); len(got) != 2 {
		t.Fatalf("action requests %v, want one per round", got)
	}
	if got := st.RewardUnavailable[node1]; !got.Since.Equal(since) || got.Round != testRound+1 {
		t.Errorf("episode %+v, want the one since %s, for the new round", got, since)
	}
	if lines := errorLines(hook, "POST /reward"); len(lines) != 1 {
		t.Errorf("error lines %q, want one", lines)
	}

	// The operator restarts the node with the flag: the next round's call works.
	r.node.SetCliTxRoutes(true)
	r.node.SetRound(testRound+2, true)
	r.feedReward(func(s *chainState) { s.round, s.lastReward = testRound+2, testRound })
	r.awaitConfirmation()
	r.feedReward(func(s *chainState) { s.round = testRound + 2 })
	r.waitStatus("the accepted call ending the warning", func(s Status) bool {
		return s.Rewards[node1].Result == ResultSuccess && len(s.RewardUnavailable) == 0
	})
	if in := r.c.Inputs(); len(in) != 0 {
		t.Errorf("inputs %+v after an accepted call", in)
	}
}

// A 405 (a route registered for another method) means the same.
func TestAutoRewardMethodNotAllowed(t *testing.T) {
	r := startRewardRig(t, "", nil, nodeapi.Gated)
	r.node.SetFault(nodeapi.PathReward, fakenode.Status(http.StatusMethodNotAllowed, "Method Not Allowed"))
	r.feedReward(nil)
	st := r.waitStatus("the unavailable reward", func(s Status) bool { return len(s.RewardUnavailable) == 1 })
	if !strings.Contains(st.RewardUnavailable[node1].Reason, "http_405") {
		t.Errorf("episode %+v", st.RewardUnavailable[node1])
	}
	// auto_reward turned off: the warning ends.
	off := *r.cfg
	off.Remediation.AutoReward = false
	r.cfg = &off
	r.feedReward(nil)
	r.waitStatus("the end of the warning", func(s Status) bool { return len(s.RewardUnavailable) == 0 })
}

// TestAutoRewardAsRewardCaller: a gated node with its tx routes, running
// as the orchestrator's reward caller (identity ok), is asked and its
// reward, keyed on the orchestrator, is confirmed on-chain.
func TestAutoRewardAsRewardCaller(t *testing.T) {
	r := startRewardRig(t, "", nil, nodeapi.Gated)
	caller := common.HexToAddress("0x71562b71999873DB5b286dF957af199Ec94617F7")
	r.node.SetCliTxRoutes(true)
	r.node.SetAddress(caller)
	r.node.SetOrchestrator(common.HexToAddress(testAddr))
	r.node.SetRewardCaller(caller)
	r.identity = func(string) (bool, string) { return true, "runs as reward caller " + caller.Hex() + " of " + testAddr }
	r.feedReward(nil)
	r.awaitConfirmation()
	r.feedReward(nil)
	st := r.waitStatus("the reward call", func(s Status) bool { return s.Rewards[node1].Result == ResultSuccess })
	if len(st.RewardFailed) != 0 || len(st.RewardUnavailable) != 0 {
		t.Fatalf("status %+v", st)
	}
	if got := r.node.LastRewardRound().Uint64(); got != testRound {
		t.Errorf("the node's reward did not take the delegated path: last reward round %d", got)
	}
}
