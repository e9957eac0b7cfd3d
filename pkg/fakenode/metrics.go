package fakenode

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// SetMonitor turns /metrics on or off, like go-livepeer's -monitor flag.
// Off (the default), /metrics is 404. The 2018 API never serves it: nodes
// of that era pushed their metrics instead.
func (n *Node) SetMonitor(on bool) { n.update(func(s *state) { s.monitor = on }) }

// SetMetricsText sets the exact exposition text /metrics serves; "" restores
// the default, built from DefaultMetrics.
func (n *Node) SetMetricsText(text string) { n.update(func(s *state) { s.metricsText = text }) }

// SetMetrics sets /metrics to one series per name, labelled as go-livepeer
// labels them (node_id, node_type). Names of gauges in go-livepeer are
// written as gauges, all others as counters.
func (n *Node) SetMetrics(values map[string]float64) {
	n.update(func(s *state) { s.metricsText = renderMetrics(values, s.address.Hex()) })
}

// DefaultMetrics returns the series a fresh fake node with -monitor
// exposes. As on a real node, livepeer_reward_call_errors and
// livepeer_ticket_redemption_errors are absent until their first event.
func DefaultMetrics() map[string]float64 {
	return map[string]float64{
		nodeapi.MetricCurrentSessions:   2,
		nodeapi.MetricMaxSessions:       10,
		nodeapi.MetricSuccessRate:       1,
		"livepeer_winning_tickets_recv": 0,
		"livepeer_value_redeemed":       0,
	}
}

// gaugeMetrics are go-livepeer's LastValue views, exported as gauges.
func gaugeMetrics() []string {
	return []string{nodeapi.MetricCurrentSessions, nodeapi.MetricMaxSessions,
		nodeapi.MetricSuccessRate, "livepeer_transcoders_number", "livepeer_transcoders_capacity",
		"livepeer_transcoders_load", "livepeer_suggested_gas_price", "livepeer_min_gas_price",
		"livepeer_max_gas_price", "livepeer_transcoding_price"}
}

func renderMetrics(values map[string]float64, account string) string {
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	slices.Sort(names)
	labels := fmt.Sprintf(`{node_id=%q,node_type="orch"}`, strings.ToLower(account)+"-fakehost")
	var b strings.Builder
	for _, name := range names {
		kind := "counter"
		if slices.Contains(gaugeMetrics(), name) {
			kind = "gauge"
		}
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n%s%s %s\n", name, name, name, kind,
			name, labels, strconv.FormatFloat(values[name], 'g', -1, 64))
	}
	return b.String()
}

func serveMetrics(w http.ResponseWriter, r *http.Request, s state) {
	if !s.monitor {
		http.NotFound(w, r)
		return
	}
	text := s.metricsText
	if text == "" {
		text = renderMetrics(DefaultMetrics(), s.address.Hex())
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	_, _ = io.WriteString(w, text)
}
