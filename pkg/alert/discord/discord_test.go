package discord

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest/chattest"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

// The webhook of these tests; its token is planted, so that a leak is found.
const (
	testHookID = "123456789012345678"
	testToken  = "plantedDiscordWebhookToken_0123456789-abcdefghijklmnopqrstuvwxyzABCDEF"
	testPath   = "/api/webhooks/" + testHookID + "/" + testToken
)

func newTestNotifier(t *testing.T, base string, log logrus.FieldLogger, edit func(*Config, *Options)) *Notifier {
	t.Helper()
	cfg := Config{Name: "guild", WebhookURL: base + testPath}
	opts := Options{Logger: log}
	if edit != nil {
		edit(&cfg, &opts)
	}
	n, err := New(cfg, opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return n
}

// TestPayload posts a trigger, then resolves it, to a webhook stand-in
// that checks every request against the documented shapes of Execute
// Webhook and Edit Webhook Message: the trigger is an embed; the resolve
// edits it (green, resolved) and a short follow-up is posted. The bodies
// are compared field by field.
func TestPayload(t *testing.T) {
	id := alert.DedupKey("orch-1", "RewardNotCalled", "tc001")
	chat := alerttest.NewChat(t, alerttest.DiscordDialect(testToken))
	s := newTestNotifier(t, chat.URL(), nil, nil)
	trigger := alerttest.Notification("RewardNotCalled", "tc001", alert.StatusFiring, 1)
	receipt, err := s.NotifyThread(context.Background(), trigger, "")
	if err != nil || receipt == "" {
		t.Fatalf("trigger: receipt %q, %v", receipt, err)
	}
	resolve := alerttest.Notification("RewardNotCalled", "tc001", alert.StatusResolved, 2)
	if _, err := s.NotifyThread(context.Background(), resolve, receipt); err != nil {
		t.Fatalf("resolve: %v", err)
	}
	reqs := chat.WaitRequests(t, 3)
	chat.AssertValid(t)
	mid := alerttest.DiscordMessageID(1)
	for i, want := range []string{"POST " + testPath + "?wait=true", "PATCH " + testPath + "/messages/" + mid, "POST " + testPath + "?wait=true"} {
		if got := reqs[i].Method + " " + reqs[i].Path; got != want {
			t.Errorf("request %d: %s, want %s", i, got, want)
		}
	}
	alerttest.AssertJSON(t, reqs[0].Body, `{
		"content": "[FIRING:critical] RewardNotCalled on tc001",
		"embeds": [{
			"title": "[FIRING:critical] RewardNotCalled on tc001",
			"description": "reward() has not been called this round\nlastRewardRound 3999 \\< currentRound 4000, 26% of the round left\n[Runbook](https://lpwatch.example/runbook#RewardNotCalled)",
			"url": "https://lpwatch.example/runbook#RewardNotCalled",
			"color": 13959680,
			"fields": [
				{"name": "Target", "value": "tc001", "inline": true},
				{"name": "Severity", "value": "critical", "inline": true},
				{"name": "Cause", "value": "EthNodeHeadStale", "inline": true},
				{"name": "Since", "value": "2026-03-14 15:09:26 UTC", "inline": true}
			],
			"footer": {"text": "lpwatch orch-1 · alert id `+id+` · seq 1"},
			"timestamp": "2026-03-14T15:09:26Z"
		}],
		"allowed_mentions": {"parse": []}
	}`)
	alerttest.AssertJSON(t, reqs[1].Body, `{
		"content": "[RESOLVED:critical] RewardNotCalled on tc001",
		"embeds": [{
			"title": "[RESOLVED:critical] RewardNotCalled on tc001",
			"description": "reward() was called for the round, or none is due\nreward called for round 4000\n[Runbook](https://lpwatch.example/runbook#RewardNotCalled)",
			"url": "https://lpwatch.example/runbook#RewardNotCalled",
			"color": 3061894,
			"fields": [
				{"name": "Target", "value": "tc001", "inline": true},
				{"name": "Severity", "value": "critical", "inline": true},
				{"name": "Since", "value": "2026-03-14 15:09:26 UTC", "inline": true},
				{"name": "Resolved", "value": "2026-03-14 16:09:26 UTC (after 1h0m0s)", "inline": true}
			],
			"footer": {"text": "lpwatch orch-1 · alert id `+id+` · seq 2"},
			"timestamp": "2026-03-14T16:09:26Z"
		}],
		"allowed_mentions": {"parse": []}
	}`)
	alerttest.AssertJSON(t, reqs[2].Body, `{
		"content": "✅ [RESOLVED:critical] RewardNotCalled on tc001 after 1h0m0s · the alert's first message above is updated · alert id `+id+`",
		"embeds": [],
		"allowed_mentions": {"parse": []}
	}`)
	if ev := chat.Events(); len(ev) != 3 || ev[0] != "trigger "+mid || ev[1] != "resolve "+mid || ev[2] != "follow-up" {
		t.Errorf("events %q", ev)
	}
}

// TestResolveOfItsOwn: a resolve whose message is gone (404 Unknown
// Message), or whose receipt is of another webhook, is posted in full; a
// reminder is a message of its own too; a webhook URL with thread_id
// posts and edits in that thread.
func TestResolveOfItsOwn(t *testing.T) {
	chat := alerttest.NewChat(t, alerttest.DiscordDialect(""))
	s := newTestNotifier(t, chat.URL(), nil, func(c *Config, _ *Options) { c.WebhookURL += "?thread_id=1234567" })
	resolve := alerttest.Notification("TxStalled", "tc001", alert.StatusResolved, 2)
	gone := newReceiptFor(s, "1299999999999999999")
	if _, err := s.NotifyThread(context.Background(), resolve, gone); err != nil {
		t.Fatal(err)
	}
	other := newTestNotifier(t, chat.URL(), nil, func(c *Config, _ *Options) {
		c.WebhookURL = strings.Replace(c.WebhookURL, testHookID, "987654321098765432", 1)
	})
	if _, err := s.NotifyThread(context.Background(), resolve, newReceiptFor(other, alerttest.DiscordMessageID(1))); err != nil {
		t.Fatal(err)
	}
	repeat := alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 3)
	repeat.Why = alert.ReasonRepeat
	if _, err := s.NotifyThread(context.Background(), repeat, gone); err != nil {
		t.Fatal(err)
	}
	reqs := chat.WaitRequests(t, 4)
	chat.AssertValid(t)
	want := []string{"PATCH " + testPath + "/messages/1299999999999999999?thread_id=1234567", "POST " + testPath + "?thread_id=1234567&wait=true",
		"POST " + testPath + "?thread_id=1234567&wait=true", "POST " + testPath + "?thread_id=1234567&wait=true"}
	for i, r := range reqs {
		if got := r.Method + " " + r.Path; got != want[i] {
			t.Errorf("request %d: %s, want %s", i, got, want[i])
		}
	}
	if ev := chat.Events(); len(ev) != 3 || ev[0] != "resolve" || ev[1] != "resolve" || !strings.HasPrefix(ev[2], "trigger ") {
		t.Errorf("events %q, want two resolves posted in full and a reminder", ev)
	}
}

// newReceiptFor is the receipt of message id posted by s.
func newReceiptFor(s *Notifier, id string) string { return httpsink.NewReceipt(s.hook.base, id) }

// TestEscaping: markdown and mentions from outside are shown as text.
func TestEscaping(t *testing.T) {
	n := alerttest.Notification("EthBalanceLow", "@everyone *x*", alert.StatusFiring, 1)
	n.Description = "[click](https://evil.example) `code` <@123> > quote"
	n.RunbookURL = "javascript:alert(1)"
	m := NewMessage(n)
	e := m.Embeds[0]
	for _, got := range []string{m.Content, e.Title, e.Fields[0].Value} {
		if !strings.Contains(got, `\@everyone \*x\*`) {
			t.Errorf("target not escaped: %q", got)
		}
	}
	if !strings.Contains(e.Description, "\\[click\\](https://evil.example) \\`code\\` \\<\\@123\\> \\> quote") {
		t.Errorf("description not escaped: %q", e.Description)
	}
	if e.URL != "" || strings.Contains(e.Description, "[Runbook]") {
		t.Errorf("a non-web runbook URL became a link: %+v", e)
	}
	n.Summary, n.Description, n.Target = strings.Repeat("*", 5000), strings.Repeat("é", 5000), strings.Repeat("_", 3000)
	chat := alerttest.NewChat(t, alerttest.DiscordDialect(""))
	if err := newTestNotifier(t, chat.URL(), nil, nil).Notify(context.Background(), n); err != nil {
		t.Fatal(err)
	}
	chat.WaitRequests(t, 1)
	chat.AssertValid(t)
}

// TestClassification runs the shared status table in Discord's words
// (429 with a fractional JSON retry_after and the X-RateLimit headers),
// the transport table, and checks the advice for a deleted webhook.
func TestClassification(t *testing.T) {
	rcv := alerttest.NewReceiver(t, alerttest.Response{})
	n := alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1)
	alerttest.RunStatusTableOf(t, rcv, newTestNotifier(t, rcv.URL(), nil, nil), n, alerttest.Answers{
		Body: func(code int) string {
			if code < 300 {
				return `{"id":"1300000000000000001","channel_id":"1200000000000000001","content":"x","embeds":[]}`
			}
			return alerttest.DiscordError(code, 0, fmt.Sprint("status ", code)).Body
		},
		RateLimits: []alerttest.RateLimit{
			{Name: "all forms", Response: alerttest.DiscordRateLimit(2.5), Want: 3 * time.Second},
			{Name: "retry_after only", Response: alerttest.Response{Body: `{"message":"You are being rate limited.","retry_after":64.57,"global":false}`}, Want: 64570 * time.Millisecond},
			{Name: "X-RateLimit-Reset-After only", Response: alerttest.Response{Header: map[string]string{"X-RateLimit-Remaining": "0", "X-RateLimit-Reset-After": "12.25"}}, Want: 12250 * time.Millisecond},
		},
	})
	alerttest.RunTransportTable(t, func(u string) alert.Sink { return newTestNotifier(t, u, nil, nil) }, n)
	for _, tc := range []struct {
		resp alerttest.Response
		want string
	}{
		{alerttest.DiscordError(404, 10015, "Unknown Webhook"), "discord answered 404: Unknown Webhook (code 10015): the webhook was deleted or webhook_url is wrong"},
		{alerttest.DiscordError(401, 50027, "Invalid Webhook Token"), "discord answered 401: Invalid Webhook Token (code 50027): the webhook was deleted"},
		{alerttest.DiscordError(400, 50035, "Invalid Form Body"), "discord answered 400: Invalid Form Body (code 50035)"},
	} {
		rcv.Script(tc.resp)
		err := newTestNotifier(t, rcv.URL(), nil, nil).Notify(context.Background(), n)
		if retry, _, _ := alert.Classify(err); err == nil || retry || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("got %v, want a permanent error containing %q", err, tc.want)
		}
	}
}

// TestRateLimitBucket: once an answer says the bucket is empty, the next
// request waits on the sink's clock until it resets; when the reset is
// past the attempt's deadline the attempt fails at once, retryable after
// the wait, sending nothing.
func TestRateLimitBucket(t *testing.T) {
	clk := clock.NewFake(alerttest.T0())
	chat := alerttest.NewChat(t, alerttest.DiscordDialect(testToken))
	s := newTestNotifier(t, chat.URL(), nil, func(_ *Config, o *Options) { o.Clock = clk })
	n := alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1)
	chat.Script(alerttest.Response{Status: 200, Body: `{"id":"1300000000000000001"}`,
		Header: map[string]string{"X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset-After": "1.5"}})
	if err := s.Notify(context.Background(), n); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	err := s.Notify(ctx, n)
	cancel()
	if retry, after, reason := alert.Classify(err); !retry || reason != "rate_limited" || after != 1500*time.Millisecond {
		t.Errorf("with a deadline before the reset: %v (retry %v after %s reason %s)", err, retry, after, reason)
	}

	done := make(chan error, 1)
	go func() { done <- s.Notify(context.Background(), n) }()
	if !clk.BlockUntil(nil, 1) {
		t.Fatal("Notify is not waiting on the clock")
	}
	if got := len(chat.Requests()); got != 1 {
		t.Fatalf("%d requests while the bucket is empty, want the first only", got)
	}
	clk.Advance(1500 * time.Millisecond)
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(alerttest.WaitLimit):
		t.Fatal("Notify did not go on once the bucket reset")
	}
	chat.WaitRequests(t, 2)
	chat.AssertValid(t)
}

// TestThroughTheOutbox runs the shared outbox scenarios of threading sinks.
func TestThroughTheOutbox(t *testing.T) {
	chattest.Run(t, chattest.Case{
		Dialect: alerttest.DiscordDialect(testToken),
		Build: func(base string, log logrus.FieldLogger) alert.Sink {
			return newTestNotifier(t, base, log, func(c *Config, _ *Options) { c.Name = chattest.Sink })
		},
		Reject: alerttest.DiscordError(404, 10015, "Unknown Webhook"),
		Reason: "http_404",
	})
}

// TestNoSecretLeak plants the webhook token and drives the sink through
// the failures that tend to leak it; nor do the descriptions show it.
func TestNoSecretLeak(t *testing.T) {
	n := alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1)
	alerttest.AssertNoLeaks(t, []string{testToken, testPath}, func(u string, log logrus.FieldLogger) alert.Sink {
		return newTestNotifier(t, u, log, nil)
	}, n)
	rcv := alerttest.NewReceiver(t, alerttest.DiscordError(404, 10015, "Unknown Webhook "+testToken))
	err := newTestNotifier(t, rcv.URL(), nil, nil).Notify(context.Background(), n)
	alerttest.AssertNoSecret(t, testToken, alerttest.ErrorTexts(err)...)
	cfg := Config{Name: "guild", WebhookURL: "https://discord.com" + testPath}
	alerttest.AssertNoSecret(t, testToken, cfg.String(), fmt.Sprintf("%v %+v %#v", cfg, cfg, cfg))
	bad := Config{Name: "guild", WebhookURL: "https://discord.com/webhooks/" + testToken + "?x=1", Timeout: -1}
	alerttest.AssertNoSecret(t, testToken, alerttest.ErrorTexts(bad.Validate())...)
}

func TestConfigValidate(t *testing.T) {
	const host = "https://discord.com"
	alerttest.RunConfigTable(t, []alerttest.ConfigRow[Config]{
		{Name: "ok", Cfg: Config{Name: "a", WebhookURL: host + testPath}},
		{Name: "versioned api and thread", Cfg: Config{Name: "a", WebhookURL: host + "/api/v10/webhooks/1/tok?thread_id=42"}},
		{Name: "no name", Cfg: Config{WebhookURL: host + testPath}, Want: "name is empty"},
		{Name: "no url", Cfg: Config{Name: "a"}, Want: "webhook_url: url is empty"},
		{Name: "not a webhook", Cfg: Config{Name: "a", WebhookURL: host + "/channels/1/2"}, Want: "the path is not /api/webhooks/<id>/<token>"},
		{Name: "other query", Cfg: Config{Name: "a", WebhookURL: host + testPath + "?wait=false"}, Want: "the only query parameter allowed is one numeric thread_id"},
		{Name: "negative timeout", Cfg: Config{Name: "a", WebhookURL: host + testPath, Timeout: -1}, Want: "negative"},
	}, func(c Config) error { _, err := New(c, Options{}); return err })
}
