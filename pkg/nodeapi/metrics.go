package nodeapi

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"net/http"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// Node metrics that Metrics extracts. They exist only when the node runs
// with -monitor, and a Sum series (the *_errors ones) only after its first
// event: a missing series is not a zero.
const (
	MetricRewardCallErrors       = "livepeer_reward_call_errors"
	MetricTicketRedemptionErrors = "livepeer_ticket_redemption_errors"
	MetricCurrentSessions        = "livepeer_current_sessions_total"
	MetricMaxSessions            = "livepeer_max_sessions_total"
	MetricSuccessRate            = "livepeer_success_rate"
)

// WatchedMetrics returns the metric names Metrics extracts.
func WatchedMetrics() []string {
	return []string{MetricRewardCallErrors, MetricTicketRedemptionErrors,
		MetricCurrentSessions, MetricMaxSessions, MetricSuccessRate}
}

// textFormat is the Prometheus text exposition format this client parses.
const textFormat = "text/plain;version=0.0.4"

// Metrics reads the node's /metrics (present only with -monitor) and
// returns, for each of WatchedMetrics that the node exposes, the sum of its
// series' values (series differ by labels such as node_id). A family named
// with a "_total" suffix added, as newer exporters write counters, counts
// for the name without it.
//
// A 404 gives (nil, false, nil): the node does not expose metrics. A metric
// the node does not expose is absent from the map, never zero.
func (c *Client) Metrics(ctx context.Context) (map[string]float64, bool, error) {
	resp, err := c.roundTrip(ctx, http.MethodGet, PathMetrics, textFormat)
	if err != nil {
		return nil, false, err
	}
	switch resp.status {
	case http.StatusOK:
	case http.StatusNotFound:
		return nil, false, nil
	default:
		return nil, false, statusError(PathMetrics, resp)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(bytes.NewReader(resp.body))
	if err != nil {
		return nil, false, decodeError(PathMetrics, fmt.Errorf("prometheus text: %w", err))
	}
	out := map[string]float64{}
	for _, name := range WatchedMetrics() {
		for _, fam := range []*dto.MetricFamily{families[name], families[name+"_total"]} {
			if fam == nil || len(fam.GetMetric()) == 0 {
				continue
			}
			sum, numeric, ok := familySum(fam)
			if !ok {
				return nil, false, decodeError(PathMetrics,
					fmt.Errorf("metric %s has type %s, want a counter, gauge or untyped", fam.GetName(), fam.GetType()))
			}
			if numeric {
				out[name] += sum
			}
		}
	}
	return out, true, nil
}

// familySum adds up the values of a counter, gauge or untyped family.
// NaN samples (a success rate with nothing to divide) are skipped; a family
// with no number at all is absent, never zero.
func familySum(fam *dto.MetricFamily) (sum float64, numeric, ok bool) {
	for _, m := range fam.GetMetric() {
		var v float64
		switch fam.GetType() {
		case dto.MetricType_COUNTER:
			v = m.GetCounter().GetValue()
		case dto.MetricType_GAUGE:
			v = m.GetGauge().GetValue()
		case dto.MetricType_UNTYPED:
			v = m.GetUntyped().GetValue()
		default:
			return 0, false, false
		}
		if !math.IsNaN(v) {
			sum += v
			numeric = true
		}
	}
	return sum, numeric, true
}
