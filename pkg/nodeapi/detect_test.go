package nodeapi_test

import (
	"slices"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name     string
		gen      nodeapi.Generation
		setup    func(n *fakenode.Node)
		want     nodeapi.Generation
		reason   string
		requests []string
	}{
		{name: "current", gen: nodeapi.Current, want: nodeapi.Current,
			requests: []string{"/orchestratorInfo", "/status", "/rewardCaller"}},
		{name: "gated", gen: nodeapi.Gated, want: nodeapi.Gated,
			requests: []string{"/orchestratorInfo", "/status", "/rewardCaller"}},
		{name: "gated with its tx routes", gen: nodeapi.Gated, setup: func(n *fakenode.Node) { n.SetCliTxRoutes(true) },
			want: nodeapi.Gated, requests: []string{"/orchestratorInfo", "/status", "/rewardCaller"}},
		// Its /rewardCaller reads the chain: a 500 is still its handler.
		{name: "gated whose rewardCaller fails", gen: nodeapi.Gated,
			setup: func(n *fakenode.Node) {
				n.SetFault(nodeapi.PathRewardCaller, fakenode.Status(500, "could not get reward caller"))
			},
			want: nodeapi.Gated, requests: []string{"/orchestratorInfo", "/status", "/rewardCaller"}},
		{name: "v0.5", gen: nodeapi.V05, want: nodeapi.V05,
			requests: []string{"/orchestratorInfo", "/status"}},
		{name: "v0.3", gen: nodeapi.V03, want: nodeapi.V03,
			requests: []string{"/orchestratorInfo", "/transcoderInfo", "/nodeID"}},
		{name: "legacy", gen: nodeapi.Legacy, want: nodeapi.Legacy,
			requests: []string{"/orchestratorInfo", "/transcoderInfo", "/nodeID"}},
		// Without a version that tells, the form of /currentRound does.
		{name: "v0.5 without a version", gen: nodeapi.V05, setup: func(n *fakenode.Node) { n.SetVersion("undefined") },
			want: nodeapi.V05, requests: []string{"/orchestratorInfo", "/status", "/currentRound"}},
		{name: "v0.5 whose status fails", gen: nodeapi.V05,
			setup: func(n *fakenode.Node) { n.SetFault(nodeapi.PathStatus, fakenode.Status(500, "Error getting status")) },
			want:  nodeapi.V05, requests: []string{"/orchestratorInfo", "/status", "/currentRound"}},
		{name: "current without a version", gen: nodeapi.Current, setup: func(n *fakenode.Node) { n.SetVersion("undefined") },
			want: nodeapi.Current, requests: []string{"/orchestratorInfo", "/status", "/currentRound", "/rewardCaller"}},
		{name: "master build after v0.6.0, round as text", gen: nodeapi.Current, setup: func(n *fakenode.Node) { n.SetVersion("0.6.0-a3e725c9") },
			want: nodeapi.Current, requests: []string{"/orchestratorInfo", "/status", "/currentRound", "/rewardCaller"}},
		{name: "master build before v0.7.0, round as bytes", gen: nodeapi.V05, setup: func(n *fakenode.Node) { n.SetVersion("0.6.0-0c71b4c1") },
			want: nodeapi.V05, requests: []string{"/orchestratorInfo", "/status", "/currentRound"}},
		// Nothing tells: Current, whose snapshot refuses the raw round.
		{name: "v0.5 whose status and round fail", gen: nodeapi.V05, setup: func(n *fakenode.Node) {
			n.SetFault(nodeapi.PathStatus, fakenode.Status(500, "Error getting status"))
			n.SetFault(nodeapi.PathCurrentRound, fakenode.Status(500, "could not query current round"))
		}, want: nodeapi.Current, requests: []string{"/orchestratorInfo", "/status", "/currentRound", "/rewardCaller"}},
		{name: "v0.3 with failing transcoderInfo", gen: nodeapi.V03, setup: func(n *fakenode.Node) { n.SetStake(nil) },
			reason: nodeapi.ReasonUnrecognized, requests: []string{"/orchestratorInfo", "/transcoderInfo", "/nodeID"}},
		{name: "legacy with failing transcoderInfo", gen: nodeapi.Legacy,
			setup: func(n *fakenode.Node) { n.SetStake(nil) }, want: nodeapi.Legacy,
			requests: []string{"/orchestratorInfo", "/transcoderInfo", "/nodeID"}},
		{name: "garbage everywhere", gen: nodeapi.Current,
			setup:  func(n *fakenode.Node) { n.SetFault(fakenode.AllPaths, fakenode.Garbage()) },
			reason: nodeapi.ReasonUnrecognized, requests: []string{"/orchestratorInfo", "/transcoderInfo", "/nodeID"}},
		{name: "500 everywhere", gen: nodeapi.Current,
			setup:  func(n *fakenode.Node) { n.SetFault(fakenode.AllPaths, fakenode.Status(500, "boom")) },
			reason: nodeapi.ReasonUnrecognized, requests: []string{"/orchestratorInfo", "/transcoderInfo", "/nodeID"}},
		{name: "current with empty orchestratorInfo", gen: nodeapi.Current,
			setup:  func(n *fakenode.Node) { n.SetFault(nodeapi.PathOrchestratorInfo, fakenode.Empty()) },
			reason: nodeapi.ReasonUnrecognized, requests: []string{"/orchestratorInfo", "/transcoderInfo", "/nodeID"}},
		{name: "node down", gen: nodeapi.Current, setup: func(n *fakenode.Node) { n.Stop() },
			reason: nodeapi.ReasonConnectionRefused},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, c := startFake(t, tc.gen, nodeapi.Options{})
			if tc.setup != nil {
				tc.setup(n)
			}
			got, err := c.Detect(testCtx(t))
			if tc.reason != "" {
				if err == nil || nodeapi.ReasonOf(err) != tc.reason {
					t.Fatalf("Detect = %q, %v; want reason %q", got, err, tc.reason)
				}
			} else if err != nil || got != tc.want {
				t.Fatalf("Detect = %q, %v; want %q", got, err, tc.want)
			}
			if !slices.Equal(n.Requests(), tc.requests) {
				t.Fatalf("requests %v, want %v", n.Requests(), tc.requests)
			}
		})
	}
}

func TestDetectHang(t *testing.T) {
	n, c := startFake(t, nodeapi.Legacy, nodeapi.Options{})
	n.SetFault(fakenode.AllPaths, fakenode.Hang())
	_, err := c.Detect(shortCtx(t))
	wantError(t, err, nodeapi.PathOrchestratorInfo, nodeapi.ReasonTimeout)
}

// TestDetectTransportFailureAfterOrchestratorInfo returns the transport
// error of a later request instead of guessing a generation.
func TestDetectTransportFailureAfterOrchestratorInfo(t *testing.T) {
	for _, gen := range []nodeapi.Generation{nodeapi.Current, nodeapi.V05} {
		t.Run(string(gen), func(t *testing.T) {
			n, c := startFake(t, gen, nodeapi.Options{})
			n.SetFault(nodeapi.PathStatus, fakenode.Hang())
			_, err := c.Detect(shortCtx(t))
			wantError(t, err, nodeapi.PathStatus, nodeapi.ReasonTimeout)
		})
	}
	n, c := startFake(t, nodeapi.Gated, nodeapi.Options{})
	n.SetFault(nodeapi.PathRewardCaller, fakenode.Hang())
	_, err := c.Detect(shortCtx(t))
	wantError(t, err, nodeapi.PathRewardCaller, nodeapi.ReasonTimeout)
}
