package slack

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
)

// secretPath is the secret part of a Slack incoming-webhook URL.
const secretPath = "/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"

func newTestNotifier(t *testing.T, base string, log logrus.FieldLogger) *Notifier {
	t.Helper()
	n, err := New(Config{Name: "team", WebhookURL: base + secretPath}, Options{Logger: log})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return n
}

func TestMessage(t *testing.T) {
	id := alert.DedupKey("orch-1", "RewardNotCalled", "tc001")
	// want is the expected message; STATUS, TITLE, COLOR, BODY, CAUSE, RESOLVED and TS vary.
	want := `{
		"text": "[STATUS:critical] RewardNotCalled on tc001: TITLE [` + id + `]",
		"attachments": [{
			"fallback": "[STATUS:critical] RewardNotCalled on tc001: TITLE [` + id + `]",
			"color": "COLOR",
			"title": "[STATUS:critical] RewardNotCalled on tc001",
			"title_link": "https://lpwatch.example/runbook#RewardNotCalled",
			"text": "BODY\n<https://lpwatch.example/runbook#RewardNotCalled|Runbook>",
			"fields": [
				{"title": "Target", "value": "tc001", "short": true},
				{"title": "Severity", "value": "critical", "short": true},CAUSE
				{"title": "Since", "value": "2026-03-14 15:09:26 UTC", "short": true}RESOLVED
			],
			"footer": "lpwatch orch-1 · alert id ` + id + ` · seq 1",
			"ts": TS,
			"mrkdwn_in": ["text"]
		}]
	}`
	tests := []struct {
		name   string
		status alert.Status
		sev    alert.Severity
		want   string
	}{
		{"firing critical", alert.StatusFiring, alert.SeverityCritical,
			strings.NewReplacer("STATUS", "FIRING", "TITLE", "reward() has not been called this round (cause: EthNodeHeadStale)", "COLOR", "#d50200",
				"BODY", `reward() has not been called this round\nlastRewardRound 3999 &lt; currentRound 4000, 26% of the round left`,
				"CAUSE", `{"title": "Cause", "value": "EthNodeHeadStale", "short": true},`, "RESOLVED", "", "TS", "1773500966").Replace(want)},
		{"resolved", alert.StatusResolved, alert.SeverityCritical, strings.NewReplacer("STATUS", "RESOLVED",
			"TITLE", "reward() was called for the round, or none is due", "COLOR", "#2eb886",
			"BODY", `reward() was called for the round, or none is due\nreward called for round 4000`, "CAUSE", "",
			"RESOLVED", `, {"title": "Resolved", "value": "2026-03-14 16:09:26 UTC (after 1h0m0s)", "short": true}`, "TS", "1773504566").Replace(want)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rcv := alerttest.NewReceiver(t, alerttest.Response{Status: 200, Body: "ok"})
			s := newTestNotifier(t, rcv.URL(), nil)
			n := alerttest.Notification("RewardNotCalled", "tc001", tc.status, 1)
			n.Severity = tc.sev
			if err := s.Notify(context.Background(), n); err != nil {
				t.Fatalf("Notify: %v", err)
			}
			req := rcv.WaitRequests(t, 1)[0]
			if req.Path != secretPath {
				t.Errorf("posted to %q, want the webhook path", req.Path)
			}
			alerttest.AssertJSON(t, req.Body, tc.want)
		})
	}
}

func TestColoursAndEscaping(t *testing.T) {
	for _, tc := range []struct {
		sev    alert.Severity
		status alert.Status
		want   string
	}{
		{alert.SeverityCritical, alert.StatusFiring, colorCritical},
		{alert.SeverityWarning, alert.StatusFiring, colorWarning},
		{alert.SeverityInfo, alert.StatusFiring, colorInfo},
		{alert.SeverityWarning, alert.StatusResolved, colorResolved},
	} {
		n := alerttest.Notification("EthBalanceLow", "<!channel> & co", tc.status, 2)
		n.Severity = tc.sev
		n.Test = true
		m := NewMessage(n)
		if got := m.Attachments[0].Color; got != tc.want {
			t.Errorf("%s %s: colour %s, want %s", tc.status, tc.sev, got, tc.want)
		}
		if strings.Contains(m.Text, "<!channel>") || !strings.Contains(m.Text, "&lt;!channel&gt; &amp; co") {
			t.Errorf("target not escaped in text: %q", m.Text)
		}
		if !strings.HasPrefix(m.Text, "[TEST] ") {
			t.Errorf("test notification not marked: %q", m.Text)
		}
	}
	n := alerttest.Notification("EthBalanceLow", "tc001", alert.StatusFiring, 1)
	n.Summary = strings.Repeat("x", 5000)
	if got := len([]rune(NewMessage(n).Text)); got != maxTextRunes {
		t.Errorf("text has %d runes, want %d", got, maxTextRunes)
	}
}

func TestClassification(t *testing.T) {
	rcv := alerttest.NewReceiver(t, alerttest.Response{Status: 200, Body: "ok"})
	n := alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1)
	alerttest.RunStatusTable(t, rcv, newTestNotifier(t, rcv.URL(), nil), n)
	alerttest.RunTransportTable(t, func(u string) alert.Sink { return newTestNotifier(t, u, nil) }, n)
	for _, body := range []string{"invalid_payload", "no_service", "channel_is_archived"} {
		rcv.Script(alerttest.Response{Status: 400, Body: body})
		err := newTestNotifier(t, rcv.URL(), nil).Notify(context.Background(), n)
		if retry, _, _ := alert.Classify(err); err == nil || retry || !strings.Contains(err.Error(), body) {
			t.Errorf("body %q: got %v, want a permanent error naming it", body, err)
		}
	}
}

func TestNoSecretLeak(t *testing.T) {
	n := alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1)
	alerttest.AssertNoLeaks(t, []string{secretPath, "XXXXXXXXXXXXXXXXXXXXXXXX"}, func(u string, log logrus.FieldLogger) alert.Sink {
		return newTestNotifier(t, u, log)
	}, n)
	cfg := Config{Name: "team", WebhookURL: "https://hooks.slack.com" + secretPath}
	alerttest.AssertNoSecret(t, secretPath, cfg.String(), fmt.Sprintf("%v %+v %#v", cfg, cfg, cfg))
	bad := Config{Name: "team", WebhookURL: "hooks.slack.com" + secretPath, Timeout: -1}
	alerttest.AssertNoSecret(t, "XXXXXXXXXXXXXXXXXXXXXXXX", alerttest.ErrorTexts(bad.Validate())...)
}

func TestConfigValidate(t *testing.T) {
	alerttest.RunConfigTable(t, []alerttest.ConfigRow[Config]{
		{Name: "ok", Cfg: Config{Name: "a", WebhookURL: "https://hooks.slack.com" + secretPath}, Want: ""},
		{Name: "no name", Cfg: Config{WebhookURL: "https://hooks.slack.com" + secretPath}, Want: "name is empty"},
		{Name: "no url", Cfg: Config{Name: "a"}, Want: "webhook_url: url is empty"},
		{Name: "relative url", Cfg: Config{Name: "a", WebhookURL: secretPath}, Want: "scheme"},
		{Name: "negative timeout", Cfg: Config{Name: "a", WebhookURL: "https://hooks.slack.com" + secretPath, Timeout: -1}, Want: "negative"},
	}, func(c Config) error { _, err := New(c, Options{}); return err })
}
