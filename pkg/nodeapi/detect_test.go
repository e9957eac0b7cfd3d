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
			requests: []string{"/orchestratorInfo"}},
		{name: "legacy", gen: nodeapi.Legacy, want: nodeapi.Legacy,
			requests: []string{"/orchestratorInfo", "/transcoderInfo"}},
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
