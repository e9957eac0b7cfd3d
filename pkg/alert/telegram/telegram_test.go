package telegram

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest/chattest"
)

// The bot token of these tests: planted, so that a leak is found.
const (
	testToken = "123456789:AAHplantedTelegramBotToken0123456789"
	testChat  = "-1001234567890"
)

func newTestNotifier(t *testing.T, base string, log logrus.FieldLogger, edit func(*Config)) *Notifier {
	t.Helper()
	cfg := Config{Name: "chat", BotToken: testToken, ChatID: testChat, APIURL: base}
	if edit != nil {
		edit(&cfg)
	}
	n, err := New(cfg, Options{Logger: log})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return n
}

// TestPayload posts a trigger, then its resolve as a reply, to a Bot API
// stand-in that checks each request against the documented sendMessage
// shape, and compares the bodies field by field.
func TestPayload(t *testing.T) {
	id := alert.DedupKey("orch-1", "RewardNotCalled", "tc001")
	chat := alerttest.NewChat(t, alerttest.TelegramDialect(testToken))
	s := newTestNotifier(t, chat.URL(), nil, func(c *Config) { c.MessageThreadID = 7 })
	trigger := alerttest.Notification("RewardNotCalled", "tc001", alert.StatusFiring, 1)
	receipt, err := s.NotifyThread(context.Background(), trigger, "")
	if err != nil || receipt == "" {
		t.Fatalf("trigger: receipt %q, %v", receipt, err)
	}
	resolve := alerttest.Notification("RewardNotCalled", "tc001", alert.StatusResolved, 2)
	if _, err := s.NotifyThread(context.Background(), resolve, receipt); err != nil {
		t.Fatalf("resolve: %v", err)
	}
	reqs := chat.WaitRequests(t, 2)
	chat.AssertValid(t)
	for _, r := range reqs {
		if r.Path != "/bot"+testToken+"/sendMessage" || r.Method != "POST" {
			t.Errorf("%s %s, want POST to the bot's sendMessage", r.Method, r.Path)
		}
	}
	alerttest.AssertJSON(t, reqs[0].Body, `{
		"chat_id": -1001234567890,
		"message_thread_id": 7,
		"text": "🔴 <b>[FIRING:critical] RewardNotCalled on tc001</b>\nreward() has not been called this round\nlastRewardRound 3999 &lt; currentRound 4000, 26% of the round left\n\n<b>Cause:</b> EthNodeHeadStale\n<b>Since:</b> 2026-03-14 15:09:26 UTC\n<a href=\"https://lpwatch.example/runbook#RewardNotCalled\">Runbook</a>\n<i>lpwatch orch-1 · alert id `+id+` · seq 1</i>",
		"parse_mode": "HTML",
		"link_preview_options": {"is_disabled": true}
	}`)
	alerttest.AssertJSON(t, reqs[1].Body, `{
		"chat_id": -1001234567890,
		"message_thread_id": 7,
		"text": "✅ <b>[RESOLVED:critical] RewardNotCalled on tc001</b>\nreward() was called for the round, or none is due\nreward called for round 4000\n\n<b>Since:</b> 2026-03-14 15:09:26 UTC\n<b>Resolved:</b> 2026-03-14 16:09:26 UTC (after 1h0m0s)\n<a href=\"https://lpwatch.example/runbook#RewardNotCalled\">Runbook</a>\n<i>lpwatch orch-1 · alert id `+id+` · seq 2</i>",
		"parse_mode": "HTML",
		"link_preview_options": {"is_disabled": true},
		"reply_parameters": {"message_id": 1, "allow_sending_without_reply": true}
	}`)
	if ev := chat.Events(); len(ev) != 2 || ev[0] != "trigger 1" || ev[1] != "resolve 1" {
		t.Errorf("events %q", ev)
	}
}

// TestReplyOnlyToThisChat: a receipt of another chat (chat_id changed
// since) is no message to reply to; a channel named by @username is a
// string chat_id.
func TestReplyOnlyToThisChat(t *testing.T) {
	chat := alerttest.NewChat(t, alerttest.TelegramDialect(testToken))
	other := newTestNotifier(t, chat.URL(), nil, func(c *Config) { c.ChatID = "@lpwatch_ops" })
	receipt, err := other.NotifyThread(context.Background(), alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1), "")
	if err != nil {
		t.Fatal(err)
	}
	s := newTestNotifier(t, chat.URL(), nil, nil)
	if _, err := s.NotifyThread(context.Background(), alerttest.Notification("TxStalled", "tc001", alert.StatusResolved, 2), receipt); err != nil {
		t.Fatal(err)
	}
	reqs := chat.WaitRequests(t, 2)
	chat.AssertValid(t)
	if !strings.Contains(string(reqs[0].Body), `"chat_id":"@lpwatch_ops"`) {
		t.Errorf("a channel's chat_id is not sent as a string: %s", reqs[0].Body)
	}
	if strings.Contains(string(reqs[1].Body), "reply_parameters") {
		t.Errorf("replied to a message of another chat: %s", reqs[1].Body)
	}
}

// TestEscaping: text from outside cannot form markup; links are http(s)
// only; long texts stay within the limit once parsed.
func TestEscaping(t *testing.T) {
	n := alerttest.Notification("EthBalanceLow", `<b>x</b> & "co"`, alert.StatusFiring, 1)
	n.Description = "</i><a href=\"javascript:x\">&amp;"
	n.RunbookURL = `https://lpwatch.example/runbook?a=1&b="2"`
	n.Test = true
	text := Text(n)
	for _, want := range []string{`[TEST] [FIRING:critical] EthBalanceLow on &lt;b&gt;x&lt;/b&gt; &amp; "co"`,
		`&lt;/i&gt;&lt;a href="javascript:x"&gt;&amp;amp;`, `<a href="https://lpwatch.example/runbook?a=1&amp;b=&quot;2&quot;">Runbook</a>`} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	n.RunbookURL = "javascript:alert(1)"
	if strings.Contains(Text(n), "<a ") {
		t.Errorf("a non-web runbook URL became a link: %s", Text(n))
	}
	n.Summary, n.Description = strings.Repeat("<", 5000), strings.Repeat("é&", 5000)
	chat := alerttest.NewChat(t, alerttest.TelegramDialect(""))
	if err := newTestNotifier(t, chat.URL(), nil, nil).Notify(context.Background(), n); err != nil {
		t.Fatal(err)
	}
	chat.WaitRequests(t, 1)
	chat.AssertValid(t)
	if got := utf8.RuneCountInString(Text(n)); got < maxSummaryRunes+maxDescRunes {
		t.Errorf("long text cut to %d runes, want the summary and description limits kept", got)
	}
}

// TestClassification runs the shared status table in the Bot API's words
// (429 with parameters.retry_after), the transport table, and checks the
// advice given for the permanent refusals the Bot API documents.
func TestClassification(t *testing.T) {
	rcv := alerttest.NewReceiver(t, alerttest.Response{})
	n := alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1)
	alerttest.RunStatusTableOf(t, rcv, newTestNotifier(t, rcv.URL(), nil, nil), n, alerttest.Answers{
		Body: func(code int) string {
			if code < 300 {
				return `{"ok":true,"result":{"message_id":5,"date":1773500966,"chat":{"id":-1001234567890,"type":"supergroup"},"text":"x"}}`
			}
			return alerttest.TelegramError(code, "status "+fmt.Sprint(code)).Body
		},
		RateLimits: []alerttest.RateLimit{
			{Name: "parameters.retry_after", Response: alerttest.TelegramRateLimit(17), Want: 17 * time.Second},
			{Name: "Retry-After and parameters", Response: func() alerttest.Response {
				r := alerttest.TelegramRateLimit(3)
				r.RetryAfter = "40"
				return r
			}(), Want: 40 * time.Second},
		},
	})
	alerttest.RunTransportTable(t, func(u string) alert.Sink { return newTestNotifier(t, u, nil, nil) }, n)
	for _, tc := range []struct {
		resp alerttest.Response
		want string
	}{
		{alerttest.TelegramError(400, "Bad Request: chat not found"), "telegram answered 400: Bad Request: chat not found (check chat_id"},
		{alerttest.TelegramError(403, "Forbidden: bot was blocked by the user"), "telegram answered 403: Forbidden: bot was blocked by the user (the bot may not post"},
		{alerttest.TelegramError(401, "Unauthorized"), "telegram answered 401: Unauthorized (check bot_token"},
		{alerttest.Response{Status: 400, Body: `{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":-1009876543210}}`},
			"(the group is now the supergroup -1009876543210: set chat_id to it)"},
	} {
		rcv.Script(tc.resp)
		err := newTestNotifier(t, rcv.URL(), nil, nil).Notify(context.Background(), n)
		if retry, _, _ := alert.Classify(err); err == nil || retry || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("got %v, want a permanent error containing %q", err, tc.want)
		}
	}
	rcv.Script(alerttest.TelegramRateLimit(5))
	err := newTestNotifier(t, rcv.URL(), nil, nil).Notify(context.Background(), n)
	if retry, after, _ := alert.Classify(err); !retry || after != 5*time.Second || !strings.Contains(err.Error(), "retry after 5s") {
		t.Errorf("flood control: %v", err)
	}
}

// TestThroughTheOutbox runs the shared outbox scenarios of threading sinks.
func TestThroughTheOutbox(t *testing.T) {
	chattest.Run(t, chattest.Case{
		Dialect: alerttest.TelegramDialect(testToken),
		Build: func(base string, log logrus.FieldLogger) alert.Sink {
			return newTestNotifier(t, base, log, func(c *Config) { c.Name = chattest.Sink })
		},
		Reject: alerttest.TelegramError(400, "Bad Request: chat not found"),
		Reason: "http_400",
	})
}

// TestNoSecretLeak plants the token and drives the sink through the
// failures that tend to leak it (a server echoing the request path,
// refused connections, timeouts); nor do the descriptions show it.
func TestNoSecretLeak(t *testing.T) {
	n := alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1)
	secret := strings.SplitN(testToken, ":", 2)[1]
	alerttest.AssertNoLeaks(t, []string{testToken, secret}, func(u string, log logrus.FieldLogger) alert.Sink {
		return newTestNotifier(t, u, log, nil)
	}, n)
	rcv := alerttest.NewReceiver(t, alerttest.TelegramError(401, "Unauthorized: bot"+testToken))
	err := newTestNotifier(t, rcv.URL(), nil, nil).Notify(context.Background(), n)
	alerttest.AssertNoSecret(t, secret, alerttest.ErrorTexts(err)...)
	cfg := Config{Name: "chat", BotToken: testToken, ChatID: testChat}
	alerttest.AssertNoSecret(t, secret, cfg.String(), fmt.Sprintf("%v %+v %#v", cfg, cfg, cfg))
	bad := Config{Name: "chat", BotToken: testToken + " x", ChatID: "x", Timeout: -1}
	alerttest.AssertNoSecret(t, secret, alerttest.ErrorTexts(bad.Validate())...)
}

func TestConfigValidate(t *testing.T) {
	ok := Config{Name: "a", BotToken: testToken, ChatID: testChat}
	with := func(f func(*Config)) Config { c := ok; f(&c); return c }
	alerttest.RunConfigTable(t, []alerttest.ConfigRow[Config]{
		{Name: "ok", Cfg: ok},
		{Name: "channel username", Cfg: with(func(c *Config) { c.ChatID = "@lpwatch_ops" })},
		{Name: "local api", Cfg: with(func(c *Config) { c.APIURL = "http://127.0.0.1:8081/" })},
		{Name: "no name", Cfg: with(func(c *Config) { c.Name = "" }), Want: "name is empty"},
		{Name: "no token", Cfg: with(func(c *Config) { c.BotToken = "" }), Want: "bot_token is empty"},
		{Name: "bad token", Cfg: with(func(c *Config) { c.BotToken = "AAH0123456789012345678901234567890" }), Want: "bot_token is not a bot token"},
		{Name: "no chat", Cfg: with(func(c *Config) { c.ChatID = "" }), Want: "chat_id is empty"},
		{Name: "bad chat", Cfg: with(func(c *Config) { c.ChatID = "ops" }), Want: `chat_id "ops" is neither`},
		{Name: "negative topic", Cfg: with(func(c *Config) { c.MessageThreadID = -1 }), Want: "message_thread_id -1 is negative"},
		{Name: "api query", Cfg: with(func(c *Config) { c.APIURL = "https://api.example/?x=1" }), Want: "api_url must have no query"},
		{Name: "api scheme", Cfg: with(func(c *Config) { c.APIURL = "ftp://api.example" }), Want: "api_url: url scheme"},
		{Name: "negative timeout", Cfg: with(func(c *Config) { c.Timeout = -1 }), Want: "negative"},
	}, func(c Config) error { _, err := New(c, Options{}); return err })
}
