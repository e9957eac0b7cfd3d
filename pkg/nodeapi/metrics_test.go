package nodeapi_test

import (
	"maps"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

func TestMetrics(t *testing.T) {
	tests := []struct {
		name    string
		gen     nodeapi.Generation
		setup   func(n *fakenode.Node)
		want    map[string]float64
		exposed bool
		reason  string
	}{
		{name: "without -monitor", gen: nodeapi.Current, setup: func(*fakenode.Node) {}},
		{name: "2018 node", gen: nodeapi.Legacy, setup: func(n *fakenode.Node) { n.SetMonitor(true) }},
		{name: "defaults: error counters absent", gen: nodeapi.Current, exposed: true,
			setup: func(n *fakenode.Node) { n.SetMonitor(true) },
			want: map[string]float64{nodeapi.MetricCurrentSessions: 2, nodeapi.MetricMaxSessions: 10,
				nodeapi.MetricSuccessRate: 1}},
		{name: "sums series, reads _total names, skips NaN", gen: nodeapi.Current, exposed: true,
			setup: func(n *fakenode.Node) {
				n.SetMonitor(true)
				n.SetMetricsText(`# TYPE livepeer_reward_call_errors counter
livepeer_reward_call_errors{node_id="a",node_type="orch"} 2
livepeer_reward_call_errors{node_id="b",node_type="orch"} 3
# TYPE livepeer_ticket_redemption_errors_total counter
livepeer_ticket_redemption_errors_total{node_id="a"} 4
# TYPE livepeer_success_rate gauge
livepeer_success_rate{node_id="a"} NaN
livepeer_success_rate{node_id="b"} 0.5
# TYPE livepeer_segment_transcoded_total counter
livepeer_segment_transcoded_total 99
`)
			},
			want: map[string]float64{nodeapi.MetricRewardCallErrors: 5, nodeapi.MetricTicketRedemptionErrors: 4,
				nodeapi.MetricSuccessRate: 0.5}},
		{name: "a success rate that is only NaN is absent, not zero", gen: nodeapi.Current, exposed: true,
			setup: func(n *fakenode.Node) {
				n.SetMonitor(true)
				n.SetMetricsText("# TYPE livepeer_success_rate gauge\nlivepeer_success_rate{node_id=\"a\"} NaN\n")
			},
			want: map[string]float64{}},
		{name: "not prometheus text", gen: nodeapi.Current, reason: nodeapi.ReasonDecode,
			setup: func(n *fakenode.Node) { n.SetMonitor(true); n.SetMetricsText("{\"json\": true}\n") }},
		{name: "watched name with a histogram type", gen: nodeapi.Current, reason: nodeapi.ReasonDecode,
			setup: func(n *fakenode.Node) {
				n.SetMonitor(true)
				n.SetMetricsText("# TYPE livepeer_success_rate histogram\nlivepeer_success_rate_bucket{le=\"+Inf\"} 1\n" +
					"livepeer_success_rate_sum 1\nlivepeer_success_rate_count 1\n")
			}},
		{name: "server error", gen: nodeapi.Current, reason: "http_500",
			setup: func(n *fakenode.Node) { n.SetFault(nodeapi.PathMetrics, fakenode.Status(500, "exporter broke")) }},
		{name: "huge", gen: nodeapi.Current, reason: nodeapi.ReasonBodyTooLarge,
			setup: func(n *fakenode.Node) { n.SetFault(nodeapi.PathMetrics, fakenode.Huge()) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, c := startFake(t, tc.gen, nodeapi.Options{})
			tc.setup(n)
			got, exposed, err := c.Metrics(testCtx(t))
			if tc.reason != "" {
				wantError(t, err, nodeapi.PathMetrics, tc.reason)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if exposed != tc.exposed || !maps.Equal(got, tc.want) {
				t.Fatalf("Metrics = %v, %v; want %v, %v", got, exposed, tc.want, tc.exposed)
			}
		})
	}
}
