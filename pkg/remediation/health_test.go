package remediation

import (
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

func TestChainHealth(t *testing.T) {
	cfg := testConfig() // head_max_age 2m
	now := testStart
	since := now.Add(-time.Minute)
	mutate := func(f func(o *chain.Observation)) *observe.Chain {
		c := healthyChain(now).observe()
		f(c.Obs)
		return c
	}
	tests := []struct {
		name  string
		chain *observe.Chain
		since time.Time
		want  bool
		why   string
	}{
		{"healthy", healthyChain(now).observe(), since, true, "not syncing"},
		{"no observation", nil, since, false, "no chain observation"},
		{"probe failed", &observe.Chain{At: now, Err: errTest, Reason: "timeout"}, since, false, "probe failed: timeout"},
		{"observed before the restart", healthyChain(since).observe(), since, false, "no chain observation since"},
		{"observed before the restart, any time accepted", healthyChain(since).observe(), time.Time{}, true, ""},
		{"stale head", chainState{at: now, headAge: 3 * time.Minute, round: testRound}.observe(), since, false, "old (limit 2m0s)"},
		{"syncing", chainState{at: now, headAge: time.Second, syncing: true, round: testRound}.observe(), since, false, "syncing, 990 blocks behind"},
		{"no endpoint usable", mutate(func(o *chain.Observation) { o.Endpoint, o.Block = "", nil }), since, false, "no chain endpoint"},
		{"sync status unknown", mutate(func(o *chain.Observation) { o.Endpoints[0].Sync = nil }), since, false, "sync status unknown"},
		{"endpoint unhealthy", mutate(func(o *chain.Observation) { o.Endpoints[0].Healthy, o.Endpoints[0].Reason = false, "chain_id_mismatch" }), since, false, "chain_id_mismatch"},
		{"endpoint missing", mutate(func(o *chain.Observation) { o.Endpoints = nil }), since, false, "missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, why := chainHealth(feedOf(cfg, now, tt.chain, nil, nil), tt.since)
			if ok != tt.want || !strings.Contains(why, tt.why) {
				t.Fatalf("chainHealth = %v, %q; want %v, %q", ok, why, tt.want, tt.why)
			}
		})
	}
	if ok, why := chainHealth(Feed{}, time.Time{}); ok || why == "" {
		t.Errorf("an empty feed must be unhealthy with a reason, got %v %q", ok, why)
	}
}

func TestNodeAgrees(t *testing.T) {
	cfg := testConfig()
	now := testStart
	since := now.Add(-time.Minute)
	noChain := testConfig()
	noChain.Chain.URLs = nil
	tests := []struct {
		name  string
		node  []observe.Node
		chain *observe.Chain
		since time.Time
		want  bool
		why   string
	}{
		{"agrees", []observe.Node{nodeSeen(node1, now, testRound)}, healthyChain(now).observe(), since, true, "agrees"},
		{"not observed", nil, healthyChain(now).observe(), since, false, "not been observed"},
		{"observed before the restart", []observe.Node{nodeSeen(node1, since, testRound)}, healthyChain(now).observe(), since, false, "not been observed since"},
		{"down", []observe.Node{nodeDown(node1, now)}, healthyChain(now).observe(), since, false, "does not answer"},
		{"behind the chain", []observe.Node{nodeSeen(node1, now, testRound-1)}, healthyChain(now).observe(), since, false, "round 4252, the chain at 4253"},
		{"chain round unknown", []observe.Node{nodeSeen(node1, now, testRound)}, nil, since, false, "round is unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, why := nodeAgrees(feedOf(cfg, now, tt.chain, tt.node, nil), node1, tt.since)
			if ok != tt.want || !strings.Contains(why, tt.why) {
				t.Fatalf("nodeAgrees = %v, %q; want %v, %q", ok, why, tt.want, tt.why)
			}
		})
	}
	ok, why := nodeAgrees(feedOf(noChain, now, nil, []observe.Node{nodeSeen(node1, now, 1)}, nil), node1, since)
	if !ok || !strings.Contains(why, "no chain") {
		t.Errorf("without a chain, answering is enough: %v %q", ok, why)
	}
}
