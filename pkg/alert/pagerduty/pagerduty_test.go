package pagerduty

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
)

const testKey = "R0UT1NGKEYabcdefghijklmnopqrstuv"

func newTestNotifier(t *testing.T, url string, log logrus.FieldLogger) *Notifier {
	t.Helper()
	n, err := New(Config{Name: "oncall", RoutingKey: testKey, URL: url, Group: "orchestrators"}, Options{Logger: log})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return n
}

func TestPayload(t *testing.T) {
	dedup := alert.DedupKey("orch-1", "RewardNotCalled", "tc001")
	// want is the expected event; ACTION, STATUS, SUMMARY, DESC, CAUSE and ENDS vary.
	want := `{
		"routing_key": "` + testKey + `",
		"event_action": "ACTION",
		"dedup_key": "` + dedup + `",
		"client": "lpwatch",
		"links": [{"href": "https://lpwatch.example/runbook#RewardNotCalled", "text": "Runbook: RewardNotCalled"}],
		"payload": {
			"summary": "RewardNotCalled on tc001: SUMMARY",
			"source": "orch-1",
			"severity": "critical",
			"timestamp": "2026-03-14T15:09:26Z",
			"component": "tc001",
			"group": "orchestrators",
			"class": "RewardNotCalled",
			"custom_details": {
				"status": "STATUS",
				"description": "DESC",CAUSE
				"details": {"current_round": "4000", "last_reward_round": "3999"},
				"labels": {"alertname": "RewardNotCalled", "target": "tc001", "severity": "critical"},
				"starts_at": "2026-03-14T15:09:26Z",ENDS
				"runbook_url": "https://lpwatch.example/runbook#RewardNotCalled",
				"seq": 1
			}
		}
	}`
	tests := []struct {
		name   string
		status alert.Status
		want   string
	}{
		{"trigger", alert.StatusFiring, strings.NewReplacer("ACTION", "trigger", "STATUS", "firing",
			"SUMMARY", "reward() has not been called this round (cause: EthNodeHeadStale)",
			"DESC", "lastRewardRound 3999 < currentRound 4000, 26% of the round left", "CAUSE", `"cause": "EthNodeHeadStale",`,
			"ENDS", "").Replace(want)},
		{"resolve", alert.StatusResolved, strings.NewReplacer("ACTION", "resolve", "STATUS", "resolved",
			"SUMMARY", "reward() was called for the round, or none is due", "DESC", "reward called for round 4000", "CAUSE", "",
			"ENDS", `"ends_at": "2026-03-14T16:09:26Z",`).Replace(want)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rcv := alerttest.NewReceiver(t, alerttest.Response{Status: 202, Body: `{"status":"success"}`})
			p := newTestNotifier(t, rcv.URL()+"/v2/enqueue", nil)
			if err := p.Notify(context.Background(), alerttest.Notification("RewardNotCalled", "tc001", tc.status, 1)); err != nil {
				t.Fatalf("Notify: %v", err)
			}
			req := rcv.WaitRequests(t, 1)[0]
			if req.Method != "POST" || req.Path != "/v2/enqueue" || req.Header.Get("Content-Type") != "application/json" {
				t.Errorf("got %s %s (%s)", req.Method, req.Path, req.Header.Get("Content-Type"))
			}
			alerttest.AssertJSON(t, req.Body, tc.want)
		})
	}
}

func TestSeverityMappingAndLimits(t *testing.T) {
	for _, tc := range []struct {
		sev  alert.Severity
		want string
	}{
		{alert.SeverityCritical, "critical"},
		{alert.SeverityWarning, "warning"},
		{alert.SeverityInfo, "info"},
	} {
		n := alerttest.Notification("EthBalanceLow", "tc001", alert.StatusFiring, 1)
		n.Severity = tc.sev
		n.Summary = strings.Repeat("é", 2000)
		n.Test = true
		ev, err := NewEvent(testKey, "", n)
		if err != nil {
			t.Fatalf("NewEvent(%s): %v", tc.sev, err)
		}
		if ev.Payload.Severity != tc.want {
			t.Errorf("severity %s: got %q, want %q", tc.sev, ev.Payload.Severity, tc.want)
		}
		if got := len([]rune(ev.Payload.Summary)); got != maxSummary {
			t.Errorf("summary has %d runes, want %d", got, maxSummary)
		}
		if !strings.HasPrefix(ev.Payload.Summary, "[TEST] EthBalanceLow on tc001: éé") || !strings.HasSuffix(ev.Payload.Summary, "é…") {
			t.Errorf("summary not truncated as expected: %q...", ev.Payload.Summary[:40])
		}
	}
	n := alerttest.Notification("EthBalanceLow", "tc001", alert.StatusFiring, 1)
	n.Severity = 0
	rcv := alerttest.NewReceiver(t, alerttest.Response{Status: 202})
	err := newTestNotifier(t, rcv.URL(), nil).Notify(context.Background(), n)
	if retry, _, reason := alert.Classify(err); err == nil || retry || reason != "invalid_notification" {
		t.Errorf("unknown severity: got %v (retry=%v reason=%q), want permanent invalid_notification", err, retry, reason)
	}
	if len(rcv.Requests()) != 0 {
		t.Errorf("an invalid notification was sent")
	}
}

func TestClassification(t *testing.T) {
	rcv := alerttest.NewReceiver(t, alerttest.Response{Status: 202})
	n := alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1)
	alerttest.RunStatusTable(t, rcv, newTestNotifier(t, rcv.URL(), nil), n)
	alerttest.RunTransportTable(t, func(u string) alert.Sink { return newTestNotifier(t, u, nil) }, n)
}

func TestNoSecretLeak(t *testing.T) {
	n := alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1)
	alerttest.AssertNoLeaks(t, []string{testKey}, func(u string, log logrus.FieldLogger) alert.Sink {
		return newTestNotifier(t, u, log)
	}, n)
	cfg := Config{Name: "oncall", RoutingKey: testKey}
	alerttest.AssertNoSecret(t, testKey, cfg.String(), fmt.Sprintf("%v %+v %#v", cfg, cfg, cfg))
	bad := Config{Name: "oncall", RoutingKey: testKey + "x", URL: "ftp://" + testKey}
	alerttest.AssertNoSecret(t, testKey, alerttest.ErrorTexts(bad.Validate())...)
}

func TestConfigValidate(t *testing.T) {
	alerttest.RunConfigTable(t, []alerttest.ConfigRow[Config]{
		{Name: "ok", Cfg: Config{Name: "a", RoutingKey: testKey}, Want: ""},
		{Name: "ok with url", Cfg: Config{Name: "a", RoutingKey: testKey, URL: "http://127.0.0.1:1/x"}, Want: ""},
		{Name: "no name", Cfg: Config{RoutingKey: testKey}, Want: "name is empty"},
		{Name: "no key", Cfg: Config{Name: "a"}, Want: "routing_key is empty"},
		{Name: "short key", Cfg: Config{Name: "a", RoutingKey: "abc"}, Want: "routing_key has 3 characters"},
		{Name: "space in key", Cfg: Config{Name: "a", RoutingKey: strings.Repeat(" ", 32)}, Want: "white space"},
		{Name: "bad url", Cfg: Config{Name: "a", RoutingKey: testKey, URL: "events.pagerduty.com"}, Want: "scheme"},
		{Name: "negative timeout", Cfg: Config{Name: "a", RoutingKey: testKey, Timeout: -1}, Want: "negative"},
	}, func(c Config) error { _, err := New(c, Options{}); return err })
}
