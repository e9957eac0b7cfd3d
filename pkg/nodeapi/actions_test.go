package nodeapi_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// readOnlyPaths are all the paths the read-only methods may request.
func readOnlyPaths() []string {
	return []string{nodeapi.PathStatus, nodeapi.PathOrchestratorInfo, nodeapi.PathTranscoderInfo,
		nodeapi.PathCurrentRound, nodeapi.PathRoundInitialized, nodeapi.PathEthAddr,
		nodeapi.PathEthBalance, nodeapi.PathMaxGasPrice, nodeapi.PathNodeID, nodeapi.PathMetrics, nodeapi.PathRewardCaller}
}

// TestReadOnlyMethodsNeverRequestActionPaths drives Detect, Snapshot and
// Metrics against every generation, healthy and faulty, and proves from the
// fake's request log that no action path was requested, while the positive
// control shows the log does catch CallReward.
func TestReadOnlyMethodsNeverRequestActionPaths(t *testing.T) {
	setups := map[string]func(n *fakenode.Node){
		"healthy":        func(*fakenode.Node) {},
		"monitor":        func(n *fakenode.Node) { n.SetMonitor(true) },
		"garbage":        func(n *fakenode.Node) { n.SetFault(fakenode.AllPaths, fakenode.Garbage()) },
		"empty":          func(n *fakenode.Node) { n.SetFault(fakenode.AllPaths, fakenode.Empty()) },
		"errors":         func(n *fakenode.Node) { n.SetFault(fakenode.AllPaths, fakenode.Status(500, "no")) },
		"chain failures": func(n *fakenode.Node) { n.SetStake(nil); n.SetBalance(nil) },
	}
	for _, gen := range nodeapi.Generations() {
		for name, setup := range setups {
			t.Run(string(gen)+"/"+name, func(t *testing.T) {
				n, c := startFake(t, gen, nodeapi.Options{})
				setup(n)
				ctx := testCtx(t)
				_, _ = c.Detect(ctx)
				_, _ = c.Snapshot(ctx, gen)
				_, _ = c.Snapshot(ctx, nodeapi.Auto)
				_, _, _ = c.Metrics(ctx)
				if len(n.Requests()) == 0 {
					t.Fatal("no request reached the fake")
				}
				if a := n.ActionRequests(); len(a) != 0 {
					t.Fatalf("action paths requested: %v", a)
				}
				for _, p := range n.Requests() {
					if !slices.Contains(readOnlyPaths(), p) {
						t.Fatalf("requested %s, which is not a known read-only path", p)
					}
				}
				// Positive control: the same log records the one action.
				_ = c.CallReward(ctx)
				if a := n.ActionRequests(); !slices.Equal(a, []string{nodeapi.PathReward}) {
					t.Fatalf("after CallReward, action requests %v", a)
				}
			})
		}
	}
}

func TestCallReward(t *testing.T) {
	tests := []struct {
		name    string
		gen     nodeapi.Generation
		handler func(context.Context) error
		wantErr string
	}{
		{name: "success", gen: nodeapi.Current, handler: func(context.Context) error { return nil }},
		{name: "node error", gen: nodeapi.Current, handler: func(context.Context) error { return errors.New("nonce too low") },
			wantErr: "node api /reward: http_500: status 500: Error calling reward: nonce too low"},
		{name: "2018 node hides errors", gen: nodeapi.Legacy, handler: func(context.Context) error { return errors.New("x") }},
		{name: "v0.3 node hides errors", gen: nodeapi.V03, handler: func(context.Context) error { return errors.New("x") }},
		{name: "v0.6 node error", gen: nodeapi.V05, handler: func(context.Context) error { return errors.New("nonce too low") },
			wantErr: "node api /reward: http_500: status 500: Error calling reward: nonce too low"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, c := startFake(t, tc.gen, nodeapi.Options{})
			n.SetRewardHandler(tc.handler)
			err := c.CallReward(testCtx(t))
			if tc.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
			} else {
				wantError(t, err, nodeapi.PathReward, "http_500")
				if err.Error() != tc.wantErr {
					t.Fatalf("error %q, want %q", err, tc.wantErr)
				}
			}
			calls := n.Calls()
			if len(calls) != 1 || calls[0].Method != "POST" || calls[0].Path != nodeapi.PathReward {
				t.Fatalf("calls %+v, want one POST /reward", calls)
			}
		})
	}
}

func TestActionPaths(t *testing.T) {
	paths := nodeapi.ActionPaths()
	for _, must := range []string{"/reward", "/initializeRound", "/bond", "/unbond", "/withdrawFees",
		"/setMaxGasPrice", "/signMessage", "/activateTranscoder", "/voteOnProposal"} {
		if !slices.Contains(paths, must) || !nodeapi.IsActionPath(must) {
			t.Errorf("%s is not listed as an action path", must)
		}
	}
	for _, p := range readOnlyPaths() {
		if nodeapi.IsActionPath(p) {
			t.Errorf("read-only path %s is listed as an action", p)
		}
	}
	for _, p := range paths {
		if !strings.HasPrefix(p, "/") {
			t.Errorf("action path %q has no leading slash", p)
		}
	}
	paths[0] = "/changed"
	if nodeapi.ActionPaths()[0] == "/changed" {
		t.Error("ActionPaths shares its slice with callers")
	}
}
