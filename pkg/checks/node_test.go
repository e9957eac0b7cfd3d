package checks

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// TestNodeWhoseChainIsDown: a node that answers while its endpoints that
// read the chain fail is not down. LivepeerNodeDown stays ok and
// LivepeerNodeChainErrors names the failing endpoints (their reasons, never
// the node's text, which may quote its -ethUrl); what the node would tell
// is unknown. A node that does not answer is down, and whether its chain
// endpoints work is unknown.
func TestNodeWhoseChainIsDown(t *testing.T) {
	secret := errors.New(`could not read the chain: Post "https://rpc.example/v2/SECRETKEY": connection refused`)
	chainErrs := []*nodeapi.Error{
		{Path: nodeapi.PathOrchestratorInfo, Reason: "http_500", Err: secret},
		{Path: nodeapi.PathCurrentRound, Reason: "http_500", Err: secret},
		{Path: nodeapi.PathEthBalance, Reason: "timeout", Err: secret},
	}
	joined := errors.Join(chainErrs[0], chainErrs[1], chainErrs[2])
	cases := []struct {
		name string
		node *observe.Node
		want map[string]State
		says map[string]string
	}{
		{"chain-backed endpoints fail",
			&observe.Node{Name: tNode, At: tTime(), Err: joined, Reason: "http_500", ChainErrors: chainErrs},
			map[string]State{alert.LivepeerNodeDown: OK, alert.LivepeerNodeChainErrors: Warning,
				alert.LivepeerNodeIdentityMismatch: Unknown, alert.TranscoderInactive: Unknown},
			map[string]string{alert.LivepeerNodeChainErrors: "/orchestratorInfo (http_500), /currentRound (http_500), /ethBalance (timeout)",
				alert.LivepeerNodeDown: "3 endpoint(s) that read the chain fail"}},
		{"does not answer",
			&observe.Node{Name: tNode, At: tTime(), Err: &nodeapi.Error{Path: nodeapi.PathStatus, Reason: "connection_refused"}, Reason: "connection_refused"},
			map[string]State{alert.LivepeerNodeDown: Critical, alert.LivepeerNodeChainErrors: Unknown, alert.TranscoderInactive: Unknown},
			map[string]string{alert.LivepeerNodeDown: "does not answer: connection_refused"}},
		{"healthy", nodeView(tRound, tRound),
			map[string]State{alert.LivepeerNodeDown: OK, alert.LivepeerNodeChainErrors: OK, alert.LivepeerNodeIdentityMismatch: OK},
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := chainConfig(t)
			cfg.Chain.URLs = nil
			results := NewEvaluator(cfg).Evaluate(tTime(), observe.Snapshot{Nodes: []observe.Node{*c.node}}).Results
			for check, s := range c.want {
				r := find(t, results, check, tNode)
				want(t, r, s, c.says[check])
				if strings.Contains(r.Reason, "SECRETKEY") || strings.Contains(strings.Join(mapValues(r.Details), " "), "SECRETKEY") {
					t.Errorf("%s shows the node's error text: %q %v", check, r.Reason, r.Details)
				}
			}
		})
	}
	r := find(t, NewEvaluator(chainConfig(t)).Evaluate(tTime(), observe.Snapshot{Nodes: []observe.Node{
		{Name: tNode, At: tTime(), Err: joined, Reason: "http_500", ChainErrors: chainErrs}}}).Results, alert.LivepeerNodeChainErrors, tNode)
	if r.Details["endpoints"] != "/orchestratorInfo,/currentRound,/ethBalance" {
		t.Errorf("endpoints detail %q", r.Details["endpoints"])
	}
}

// TestForDurations: LivepeerNodeChainErrors and ClockUnsynchronized wait
// their configured for before they fire.
func TestForDurations(t *testing.T) {
	cfg := chainConfig(t)
	cfg.Checks.NodeChainErrorsFor, cfg.Checks.ClockUnsyncedFor = 4*time.Minute, 20*time.Minute
	e := NewEvaluator(cfg)
	for check, d := range map[string]time.Duration{alert.LivepeerNodeChainErrors: 4 * time.Minute, alert.ClockUnsynchronized: 20 * time.Minute} {
		if got := e.For(check); got != d {
			t.Errorf("For(%s) = %s, want %s", check, got, d)
		}
	}
}

func mapValues(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}
