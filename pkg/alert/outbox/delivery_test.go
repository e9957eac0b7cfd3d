package outbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/alert/pagerduty"
	"github.com/lpwatch/lpwatch/pkg/alert/slack"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

const pdKey = "0123456789abcdef0123456789ABCDEF"

// receivers are loopback stand-ins for PagerDuty and Slack with the real
// sinks pointed at them.
type receivers struct {
	pd, sl         *alerttest.Receiver
	pdSink, slSink alert.Sink
}

func newReceivers(t *testing.T, clk clock.Clock) *receivers {
	t.Helper()
	r := &receivers{
		pd: alerttest.NewReceiver(t, alerttest.Response{Status: http.StatusAccepted, Body: `{"status":"success"}`}),
		sl: alerttest.NewReceiver(t, alerttest.Response{Status: http.StatusOK, Body: "ok"}),
	}
	r.pd.SetClock(clk)
	r.sl.SetClock(clk)
	var err error
	if r.pdSink, err = pagerduty.New(pagerduty.Config{Name: "pd", RoutingKey: pdKey, URL: r.pd.URL() + "/v2/enqueue"}, pagerduty.Options{Clock: clk}); err != nil {
		t.Fatal(err)
	}
	if r.slSink, err = slack.New(slack.Config{Name: "slack", WebhookURL: r.sl.URL() + "/services/T1/B1/slacksecret000000000000"}, slack.Options{Clock: clk}); err != nil {
		t.Fatal(err)
	}
	return r
}

// delivered lists what a receiver accepted as "alert/target:status" in
// arrival order, reading PagerDuty events or Slack messages.
func delivered(t *testing.T, rcv *alerttest.Receiver) []string {
	t.Helper()
	var out []string
	for _, r := range rcv.Requests() {
		if r.Status < 200 || r.Status > 299 {
			continue
		}
		var ev pagerduty.Event
		if err := json.Unmarshal(r.Body, &ev); err == nil && ev.EventAction != "" {
			out = append(out, fmt.Sprintf("%s/%s:%s", ev.Payload.Class, ev.Payload.Component, ev.EventAction))
			continue
		}
		var m slack.Message
		if err := json.Unmarshal(r.Body, &m); err != nil || len(m.Attachments) == 0 {
			t.Fatalf("unrecognised body %s", r.Body)
		}
		status := "trigger"
		if strings.HasPrefix(m.Text, "[RESOLVED") {
			status = "resolve"
		}
		out = append(out, fmt.Sprintf("%s:%s", strings.Fields(m.Attachments[0].Title)[1]+"/"+strings.Fields(m.Attachments[0].Title)[3], status))
	}
	return out
}

// lifecycle enqueues trigger and resolve of two identities to pd and slack.
func lifecycle(h *harness) []string {
	h.enqueue(alerttest.Notification("RewardNotCalled", "tc001", alert.StatusFiring, 1), "pd", "slack")
	h.enqueue(alerttest.Notification("EthNodeHeadStale", "geth", alert.StatusFiring, 1), "pd", "slack")
	h.enqueue(alerttest.Notification("RewardNotCalled", "tc001", alert.StatusResolved, 2), "pd", "slack")
	h.enqueue(alerttest.Notification("EthNodeHeadStale", "geth", alert.StatusResolved, 2), "pd", "slack")
	return []string{"RewardNotCalled/tc001:trigger", "EthNodeHeadStale/geth:trigger", "RewardNotCalled/tc001:resolve", "EthNodeHeadStale/geth:resolve"}
}

// assertOnceInOrder checks that got holds each of want exactly once and
// each identity's trigger before its resolve.
func assertOnceInOrder(t *testing.T, name string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s accepted %d notifications %v, want %d %v", name, len(got), got, len(want), want)
	}
	pos := map[string]int{}
	for i, g := range got {
		if _, dup := pos[g]; dup {
			t.Errorf("%s got %s twice", name, g)
		}
		pos[g] = i
	}
	for _, w := range want {
		if _, ok := pos[w]; !ok {
			t.Errorf("%s never got %s", name, w)
		}
		if strings.HasSuffix(w, ":resolve") {
			if trig := strings.TrimSuffix(w, ":resolve") + ":trigger"; pos[w] < pos[trig] {
				t.Errorf("%s got %s before %s: %v", name, w, trig, got)
			}
		}
	}
}

func TestOutageThenRecovery(t *testing.T) {
	h := newHarness(t, "", nil, nil)
	rs := newReceivers(t, h.clk)
	recover := alerttest.T0().Add(10 * time.Minute)
	outage := func(code int, body string) func(alerttest.Request) alerttest.Response {
		return func(r alerttest.Request) alerttest.Response {
			if r.At.Before(recover) {
				return alerttest.Response{Status: http.StatusInternalServerError, Body: "upstream down"}
			}
			return alerttest.Response{Status: code, Body: body}
		}
	}
	rs.pd.SetDecider(outage(http.StatusAccepted, `{"status":"success"}`))
	rs.sl.SetDecider(outage(http.StatusOK, "ok"))
	want := lifecycle(h)
	h.run(rs.pdSink, rs.slSink)

	var sawFailing bool
	h.drive(time.Second, 8, func(a Attempt) bool {
		if a.Result == ResultRetry {
			for _, s := range h.ob.Health() {
				sawFailing = sawFailing || s.FailingSince.Equal(alerttest.T0())
			}
		}
		return a.Result == ResultSent
	})
	assertOnceInOrder(t, "pagerduty", delivered(t, rs.pd), want)
	assertOnceInOrder(t, "slack", delivered(t, rs.sl), want)
	for _, r := range append(rs.pd.Requests(), rs.sl.Requests()...) {
		if r.Status < 300 && r.At.Before(recover) {
			t.Errorf("accepted at %s, during the outage", r.At)
		}
	}
	t.Logf("pd requests %d slack requests %d, now %s", len(rs.pd.Requests()), len(rs.sl.Requests()), h.clk.Now())
	if !sawFailing {
		t.Error("Health never reported the sinks failing since the first failure")
	}
	for _, sink := range []string{"pd", "slack"} {
		if got := h.counter(sink, ResultSent); got != 4 {
			t.Errorf("%s sent = %v, want 4", sink, got)
		}
		if h.counter(sink, ResultRetry) == 0 || h.counter(sink, ResultFailed) != 0 {
			t.Errorf("%s retry = %v failed = %v", sink, h.counter(sink, ResultRetry), h.counter(sink, ResultFailed))
		}
	}
	for _, s := range h.ob.Health() {
		if !s.FailingSince.IsZero() || s.QueueDepth != 0 || s.LastReason != "http_500" {
			t.Errorf("after recovery: %+v", s)
		}
	}
	if f := h.files(); len(f) != 0 {
		t.Errorf("records left on disk: %v", f)
	}
	texts := alerttest.LogTexts(h.hook)
	for _, s := range h.ob.Health() {
		texts = append(texts, s.LastError)
	}
	alerttest.AssertNoSecret(t, pdKey, texts...)
	alerttest.AssertNoSecret(t, "slacksecret000000000000", texts...)
}

func TestRetryAfterIsHonoured(t *testing.T) {
	h := newHarness(t, "", nil, nil)
	rs := newReceivers(t, h.clk)
	rs.pd.Script(alerttest.Response{Status: http.StatusTooManyRequests, RetryAfter: "120"})
	rs.sl.Script(alerttest.Response{Status: http.StatusTooManyRequests, RetryAfter: "90"})
	h.enqueue(alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1), "pd", "slack")
	h.run(rs.pdSink, rs.slSink)
	h.drive(time.Second, 2, isResult(ResultSent))
	for _, c := range []struct {
		rcv  *alerttest.Receiver
		wait time.Duration
	}{{rs.pd, 120 * time.Second}, {rs.sl, 90 * time.Second}} {
		reqs := c.rcv.Requests()
		if len(reqs) != 2 || reqs[0].Status != http.StatusTooManyRequests || reqs[1].Status >= 300 {
			t.Fatalf("got %d requests, want a 429 then a success", len(reqs))
		}
		if gap := reqs[1].At.Sub(reqs[0].At); gap < c.wait {
			t.Errorf("retried after %s, before Retry-After %s", gap, c.wait)
		}
	}
}

func TestPermanentFailureIsNotRetried(t *testing.T) {
	h := newHarness(t, "", nil, nil)
	rs := newReceivers(t, h.clk)
	rs.sl.Script(alerttest.Response{Status: http.StatusBadRequest, Body: "invalid_payload"})
	h.enqueue(alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1), "slack")
	h.enqueue(alerttest.Notification("EthBalanceLow", "tc001", alert.StatusFiring, 1), "slack")
	h.run(rs.slSink)
	got := h.drive(time.Second, 2, isFinal)
	if got[0].Result != ResultFailed || got[0].Reason != "http_400" || got[0].Alert != "TxStalled" || got[1].Result != ResultSent {
		t.Errorf("attempts %+v, want TxStalled failed with http_400, then EthBalanceLow sent", got)
	}
	h.clk.Advance(time.Hour)
	if n := len(rs.sl.Requests()); n != 2 {
		t.Errorf("receiver got %d requests, want 2 (no retry of the 400)", n)
	}
	if h.counter("slack", ResultFailed) != 1 || h.counter("slack", ResultRetry) != 0 {
		t.Errorf("failed = %v retry = %v", h.counter("slack", ResultFailed), h.counter("slack", ResultRetry))
	}
	if logs := h.errorLogs(); len(logs) != 1 || !strings.Contains(logs[0], "dropped") || !strings.Contains(logs[0], "invalid_payload") {
		t.Errorf("error logs %q, want one drop naming the answer", logs)
	}
	if hs := h.ob.Health(); hs[0].LastReason != "http_400" || len(h.ob.Pending()) != 0 {
		t.Errorf("health %+v, pending %d", hs, len(h.ob.Pending()))
	}
}
