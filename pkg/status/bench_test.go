package status

import (
	"fmt"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// BenchmarkBuild1000Nodes measures one /status report of 1,000 answering
// nodes with ten check results each, the stored results included.
func BenchmarkBuild1000Nodes(b *testing.B) {
	cfg := fleetConfig(false)
	cfg.Nodes = nil
	proto := nodeSnapshot().Nodes[0]
	var snap observe.Snapshot
	var results []checks.Result
	names := []string{alert.LivepeerNodeDown, alert.LivepeerNodeIdentityMismatch, alert.TranscoderInactive, alert.RewardNotCalled,
		alert.RewardStatusUnknown, alert.EthBalanceLow, alert.EthRunwayShort, alert.DiskSpaceLow, alert.RoundNotInitialized, alert.StakeDropped}
	for i := 0; i < 1000; i++ {
		name := fmt.Sprintf("n%04d", i)
		cfg.Nodes = append(cfg.Nodes, config.Node{Name: name, URL: "http://127.0.0.1:7935", API: "auto"})
		n := proto
		n.Name = name
		snap.Nodes = append(snap.Nodes, n)
		for _, c := range names {
			results = append(results, result(c, name, checks.OK, "fine"))
		}
	}
	r := NewResults()
	if _, err := r.Set(t0, results); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep := Build(Inputs{Now: t0, Config: cfg, Checks: r.All(), Snapshot: snap})
		if len(rep.Nodes) != 1000 {
			b.Fatal(len(rep.Nodes))
		}
	}
}
