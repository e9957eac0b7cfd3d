package remediation

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
)

func TestDecide(t *testing.T) {
	cfg := testConfig()
	cfg.Nodes = append(cfg.Nodes, config.Node{Name: "tc002", ExpectedAddress: config.ParseAddress(testAddr), SystemdUnit: "livepeer2.service"})
	now := testStart
	pending := func(name, target string, ago time.Duration) alert.View {
		v := firing(name, target, now.Add(-ago))
		v.Phase, v.FiringSince = alert.PhasePending, time.Time{}
		return v
	}
	unknown := firing(alert.TxStalled, node1, now.Add(-time.Hour))
	unknown.Unknown = true
	tests := []struct {
		name      string
		views     []alert.View
		want      bool
		wantChain bool
		wantNodes []string
		wantWhy   string
	}{
		{"nothing", nil, false, false, nil, ""},
		{"head stale inside its grace", []alert.View{firing(alert.EthNodeHeadStale, alert.ChainTarget, now.Add(-4*time.Minute))}, false, false, nil, ""},
		{"head stale past its grace", []alert.View{firing(alert.EthNodeHeadStale, alert.ChainTarget, now.Add(-5*time.Minute))}, true, true, []string{node1, "tc002"}, "EthNodeHeadStale for 5m0s"},
		{"syncing past its grace, still pending", []alert.View{pending(alert.EthNodeSyncing, alert.ChainTarget, 6*time.Minute)}, true, true, []string{node1, "tc002"}, "EthNodeSyncing"},
		{"tx stalled firing on one node", []alert.View{firing(alert.TxStalled, node1, now)}, true, true, []string{node1}, "TxStalled on tc001"},
		{"tx stalled still pending", []alert.View{pending(alert.TxStalled, node1, time.Hour)}, false, false, nil, ""},
		{"tx stalled unknown", []alert.View{unknown}, false, false, nil, ""},
		{"tx stalled on an unknown account", []alert.View{firing(alert.TxStalled, "0xabc", now)}, true, true, []string{node1, "tc002"}, "TxStalled on 0xabc"},
		{"disagreement alone restarts only the node", []alert.View{firing(alert.NodeChainDisagreement, "tc002", now)}, true, false, []string{"tc002"}, "NodeChainDisagreement on tc002"},
		{"disagreement pending", []alert.View{pending(alert.NodeChainDisagreement, "tc002", time.Hour)}, false, false, nil, ""},
		{"disagreement of an unconfigured node", []alert.View{firing(alert.NodeChainDisagreement, "gone", now)}, false, false, nil, ""},
		{"stall and disagreement", []alert.View{firing(alert.TxStalled, node1, now), firing(alert.NodeChainDisagreement, "tc002", now)}, true, true, []string{node1, "tc002"}, "TxStalled on tc001"},
		{"other alerts are no trigger", []alert.View{firing(alert.LivepeerNodeDown, node1, now.Add(-time.Hour)), firing(alert.EthNodeDown, alert.ChainTarget, now.Add(-time.Hour))}, false, false, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := decide(feedOf(cfg, now, nil, nil, tt.views))
			if ok != tt.want || p.chain != tt.wantChain || !reflect.DeepEqual(p.nodes, tt.wantNodes) {
				t.Fatalf("decide = %+v, %v; want ok %v chain %v nodes %v", p, ok, tt.want, tt.wantChain, tt.wantNodes)
			}
			if !strings.Contains(p.why, tt.wantWhy) {
				t.Errorf("why = %q, want it to name %q", p.why, tt.wantWhy)
			}
		})
	}
}

func TestGroupNodes(t *testing.T) {
	cfg := testConfig()
	cfg.Nodes = append(cfg.Nodes,
		config.Node{Name: "tc000", SystemdUnit: nodeUnit},
		config.Node{Name: "nounit"},
		config.Node{Name: "other", SystemdUnit: "a.service"})
	got := groupNodes(cfg, []string{node1, "tc000", "nounit", "other"})
	want := []nodeGroup{{unit: "a.service", names: []string{"other"}}, {unit: nodeUnit, names: []string{"tc000", node1}}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("groupNodes = %+v, want %+v", got, want)
	}
}
