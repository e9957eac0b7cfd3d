package checks

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// metricsConfig watches one node's /metrics in the given mode, host checks off.
func metricsConfig(mode string) *config.Config {
	cfg := config.Default()
	cfg.Chain.URLs = nil
	cfg.Host.Enabled = false
	cfg.Nodes = []config.Node{{Name: "tc001", URL: "http://127.0.0.1:7935", Metrics: mode}}
	return cfg
}

// exposed is a node observation at time at whose /metrics has m.
func exposed(at time.Time, m map[string]float64) observe.Node {
	return observe.Node{Name: "tc001", At: at, Snapshot: &nodeapi.Snapshot{}, Metrics: m, MetricsExposed: true}
}

func snapOf(nodes ...observe.Node) observe.Snapshot { return observe.Snapshot{Nodes: nodes} }

func TestNodeMetricsAvailability(t *testing.T) {
	cases := []struct {
		name   string
		mode   string
		snap   observe.Snapshot
		state  State
		reason string
	}{
		{"not probed", "auto", snapOf(), Unknown, "not been probed"},
		{"node down", "auto", snapOf(observe.Node{Name: "tc001", At: t0, Err: errors.New("refused")}), Unknown, "does not answer"},
		{"auto, not exposed", "auto", snapOf(observe.Node{Name: "tc001", At: t0, Snapshot: &nodeapi.Snapshot{}}), OK, "not exposed"},
		{"on, not exposed", "on", snapOf(observe.Node{Name: "tc001", At: t0, Snapshot: &nodeapi.Snapshot{},
			MetricsErr: errors.New("the node does not serve /metrics: start it with -monitor")}), Unknown, "start it with -monitor"},
		{"auto, broken", "auto", snapOf(observe.Node{Name: "tc001", At: t0, Snapshot: &nodeapi.Snapshot{},
			MetricsErr: errors.New("GET /metrics: HTTP 500")}), Unknown, "HTTP 500"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			results := NewEvaluator(metricsConfig(c.mode)).Evaluate(t0, c.snap).Results
			for _, check := range []string{alert.RewardCallErrors, alert.SessionsNearCapacity, alert.TranscodeSuccessLow} {
				r := find(t, results, check, "tc001")
				if r.State != c.state || !strings.Contains(r.Reason, c.reason) {
					t.Errorf("%s: got %s %q, want %s containing %q", check, r.State, r.Reason, c.state, c.reason)
				}
			}
		})
	}
	t.Run("off", func(t *testing.T) {
		for _, r := range NewEvaluator(metricsConfig("off")).Evaluate(t0, snapOf(exposed(t0, map[string]float64{}))).Results {
			switch r.Check {
			case alert.RewardCallErrors, alert.SessionsNearCapacity, alert.TranscodeSuccessLow:
				t.Errorf("metrics = off, yet %s reported", r.Check)
			}
		}
	})
}

func TestSessionsAndSuccessRate(t *testing.T) {
	cur, max, rate := nodeapi.MetricCurrentSessions, nodeapi.MetricMaxSessions, nodeapi.MetricSuccessRate
	cases := []struct {
		name    string
		m       map[string]float64
		check   string
		state   State
		reason  string
		details map[string]string
	}{
		{"sessions low", map[string]float64{cur: 2, max: 10}, alert.SessionsNearCapacity, OK, "2 of 10 sessions in use (20.0%)", nil},
		{"sessions at the line", map[string]float64{cur: 17, max: 20}, alert.SessionsNearCapacity, OK, "85.0%", nil},
		{"sessions high", map[string]float64{cur: 9, max: 10}, alert.SessionsNearCapacity, Warning, "9 of 10 sessions in use (90.0%), over 85.0%",
			map[string]string{"current_sessions": "9", "max_sessions": "10"}},
		{"sessions missing", map[string]float64{max: 10}, alert.SessionsNearCapacity, Unknown, "lacks livepeer_current_sessions_total", nil},
		{"max zero", map[string]float64{cur: 0, max: 0}, alert.SessionsNearCapacity, Unknown, "maximum of 0 sessions", nil},
		{"rate absent", map[string]float64{}, alert.TranscodeSuccessLow, OK, "no transcode recorded yet", nil},
		{"rate good", map[string]float64{rate: 0.99}, alert.TranscodeSuccessLow, OK, "99.0%", nil},
		{"rate at the line", map[string]float64{rate: 0.95}, alert.TranscodeSuccessLow, OK, "95.0%", nil},
		{"rate low", map[string]float64{rate: 0.5}, alert.TranscodeSuccessLow, Warning, "transcode success rate 50.0% is under 95.0%",
			map[string]string{"success_rate": "0.5"}},
		{"rate summed over series", map[string]float64{rate: 1.9}, alert.TranscodeSuccessLow, Unknown, "outside 0..1", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := find(t, NewEvaluator(metricsConfig("auto")).Evaluate(t0, snapOf(exposed(t0, c.m))).Results, c.check, "tc001")
			if r.State != c.state || !strings.Contains(r.Reason, c.reason) {
				t.Errorf("got %s %q, want %s containing %q", r.State, r.Reason, c.state, c.reason)
			}
			for k, v := range c.details {
				if r.Details[k] != v {
					t.Errorf("detail %s = %q, want %q", k, r.Details[k], v)
				}
			}
		})
	}
	e := NewEvaluator(metricsConfig("auto"))
	for _, check := range []string{alert.SessionsNearCapacity, alert.TranscodeSuccessLow} {
		want := map[string]time.Duration{alert.SessionsNearCapacity: 10 * time.Minute, alert.TranscodeSuccessLow: 15 * time.Minute}[check]
		if got := e.For(check); got != want {
			t.Errorf("For(%s) = %s, want %s", check, got, want)
		}
	}
}

// sample is one probe of the node's counters; nil values are absent series.
type sample struct {
	after  time.Duration // since t0
	reward *float64
	ticket *float64
	// what the check says after this sample
	state  State
	reason string
	epoch  string
}

func f(v float64) *float64 { return &v }

func TestRewardCallErrorsSequence(t *testing.T) {
	cases := []struct {
		name    string
		samples []sample
	}{
		{"absent all along", []sample{
			{0, nil, nil, OK, "no reward call error recorded", ""},
			{time.Minute, nil, nil, OK, "no reward call error recorded", ""},
		}},
		{"first sample is only the baseline", []sample{
			{0, f(3), nil, OK, "3 reward call errors so far (baseline", ""},
			{time.Minute, f(3), nil, OK, "3 reward call errors, no rise", ""},
		}},
		{"rise fires, holds, then clears", []sample{
			{0, f(1), nil, OK, "baseline", ""},
			{time.Minute, f(2), nil, Warning, "livepeer_reward_call_errors rose from 1 to 2 at 2026-03-01T12:01:00Z", "2"},
			{2 * time.Minute, f(2), nil, Warning, "rose from 1 to 2", "2"},
			{time.Minute + RewardErrorsHold, f(2), nil, OK, "2 reward call errors, no rise in the last 1h0m0s", ""},
		}},
		{"series appearing is a rise from none", []sample{
			{0, nil, nil, OK, "no reward call error recorded", ""},
			{time.Minute, f(1), nil, Warning, "rose from 0 to 1", "1"},
		}},
		{"further rise within the hold keeps the start and changes the epoch", []sample{
			{0, nil, nil, OK, "", ""},
			{time.Minute, f(1), nil, Warning, "rose from 0 to 1", "1"},
			{2 * time.Minute, f(3), nil, Warning, "rose from 0 to 3 at 2026-03-01T12:02:00Z", "3"},
		}},
		{"counter reset is not a rise", []sample{
			{0, f(5), nil, OK, "baseline", ""},
			{time.Minute, f(1), nil, OK, "1 reward call errors, no rise", ""},
			{2 * time.Minute, nil, nil, OK, "no reward call error recorded", ""},
		}},
		{"ticket redemption errors surface without an alarm", []sample{
			{0, nil, f(1), OK, "no reward call error recorded", ""},
			{time.Minute, nil, f(4), OK, "livepeer_ticket_redemption_errors rose from 1 to 4", ""},
		}},
		{"ticket redemption errors ride along a reward alarm", []sample{
			{0, f(0), f(0), OK, "baseline", ""},
			{time.Minute, f(1), f(2), Warning, "rose from 0 to 1 at 2026-03-01T12:01:00Z: the node's automatic reward call failed (its log says \"Error trying to call reward\"); livepeer_ticket_redemption_errors rose from 0 to 2", "1"},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := NewEvaluator(metricsConfig("auto"))
			for i, s := range c.samples {
				m := map[string]float64{}
				if s.reward != nil {
					m[nodeapi.MetricRewardCallErrors] = *s.reward
				}
				if s.ticket != nil {
					m[nodeapi.MetricTicketRedemptionErrors] = *s.ticket
				}
				at := t0.Add(s.after)
				// Evaluations outnumber probes: the same sample seen twice
				// must not count as two samples.
				for _, now := range []time.Time{at, at.Add(5 * time.Second)} {
					r := find(t, e.Evaluate(now, snapOf(exposed(at, m))).Results, alert.RewardCallErrors, "tc001")
					if r.State != s.state || !strings.Contains(r.Reason, s.reason) || r.Epoch != s.epoch {
						t.Fatalf("sample %d: got %s %q epoch %q, want %s containing %q epoch %q", i, r.State, r.Reason, r.Epoch, s.state, s.reason, s.epoch)
					}
				}
			}
		})
	}
}

func TestRewardCallErrorsDetailsAndForgetting(t *testing.T) {
	e := NewEvaluator(metricsConfig("auto"))
	e.Evaluate(t0, snapOf(exposed(t0, map[string]float64{nodeapi.MetricRewardCallErrors: 1, nodeapi.MetricTicketRedemptionErrors: 1})))
	at := t0.Add(time.Minute)
	r := find(t, e.Evaluate(at, snapOf(exposed(at, map[string]float64{nodeapi.MetricRewardCallErrors: 2, nodeapi.MetricTicketRedemptionErrors: 3}))).Results,
		alert.RewardCallErrors, "tc001")
	want := map[string]string{"reward_call_errors": "2", "reward_call_errors_before": "1",
		"ticket_redemption_errors": "3", "ticket_redemption_errors_before": "1"}
	for k, v := range want {
		if r.Details[k] != v {
			t.Errorf("detail %s = %q, want %q (all: %v)", k, r.Details[k], v, r.Details)
		}
	}
	// A node dropped by a reload loses its history: added back, its first
	// sample is a baseline again.
	e.SetConfig(metricsConfig("off"))
	e.Evaluate(at, snapOf())
	e.SetConfig(metricsConfig("auto"))
	later := at.Add(time.Minute)
	r = find(t, e.Evaluate(later, snapOf(exposed(later, map[string]float64{nodeapi.MetricRewardCallErrors: 7}))).Results, alert.RewardCallErrors, "tc001")
	if r.State != OK || !strings.Contains(r.Reason, "baseline") {
		t.Errorf("after forgetting: got %s %q, want a baseline", r.State, r.Reason)
	}
}
