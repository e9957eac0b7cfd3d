package status

import (
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

func TestSummaryLine(t *testing.T) {
	firing := func(name, target string) alert.View {
		return alert.View{Alert: name, Target: target, Phase: alert.PhaseFiring}
	}
	pending := alert.View{Alert: alert.LivepeerNodeDown, Target: "tc009", Phase: alert.PhasePending}
	cases := []struct {
		s    Summary
		want string
	}{
		{Summary{Healthy: true, Nodes: 2}, "healthy; 2 node(s) watched; no alert firing"},
		{Summary{Healthy: true, Nodes: 2, Alerts: []alert.View{pending}}, "healthy; 2 node(s) watched; no alert firing"},
		{Summary{Healthy: true, Nodes: 2, Alerts: []alert.View{firing(alert.LpwatchHeartbeat, "host-a")}}, "healthy; 2 node(s) watched; no alert firing"},
		{Summary{Healthy: true, Nodes: 3, Alerts: []alert.View{pending, firing(alert.EthBalanceLow, "tc002"), firing(alert.RewardNotCalled, "tc001")}},
			"healthy; 3 node(s) watched; 2 alert(s) firing, first EthBalanceLow tc002"},
		{Summary{Nodes: 1, Alerts: []alert.View{firing(alert.LivepeerNodeDown, "tc001")}}, "UNHEALTHY; 1 node(s) watched; 1 alert(s) firing, first LivepeerNodeDown tc001"},
		{Summary{Nodes: 0}, "UNHEALTHY; 0 node(s) watched; 0 alert(s) firing, first "},
	}
	for _, c := range cases {
		if got := c.s.Line(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.s, got, c.want)
		}
	}
}
