package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// The secrets of the Telegram and Discord sinks of these tests.
const (
	plantedBotToken     = "987654321:AAplantedBotToken0123456789abcdefXYZ"
	plantedDiscordToken = "plantedDiscordHookToken-0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGH"
	discordHookPath     = "/api/webhooks/111122223333444455/" + plantedDiscordToken
)

// chatSink is a Telegram or a Discord sink named "oncall" whose service
// (a stand-in checking every request against the vendor's documented
// shape) the test takes down and up. Its secret is in a file.
type chatSink struct {
	kind       string
	chat       *alerttest.Chat
	secretFile string
}

func newChatSink(t *testing.T, kind string) *chatSink {
	t.Helper()
	s := &chatSink{kind: kind, secretFile: filepath.Join(t.TempDir(), kind+".secret")}
	secret := plantedBotToken
	switch kind {
	case "telegram":
		s.chat = alerttest.NewChat(t, alerttest.TelegramDialect(plantedBotToken))
	case "discord":
		s.chat = alerttest.NewChat(t, alerttest.DiscordDialect(plantedDiscordToken))
		secret = s.chat.URL() + discordHookPath
	default:
		t.Fatalf("no chat sink %q", kind)
	}
	if err := os.WriteFile(s.secretFile, []byte(secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return s
}

// keys is the sink's own keys.
func (s *chatSink) keys() string {
	if s.kind == "telegram" {
		return fmt.Sprintf("bot_token_file = %q\nchat_id = \"-1001234567890\"\napi_url = %q\n", s.secretFile, s.chat.URL())
	}
	return fmt.Sprintf("webhook_url_file = %q\n", s.secretFile)
}

func (s *chatSink) table() string {
	return fmt.Sprintf("[[alert.sink]]\nname = \"oncall\"\ntype = %q\n%smin_severity = \"critical\"\n", s.kind, s.keys())
}

// waitFailed waits until the service refused an attempt (it is down).
func (s *chatSink) waitFailed(t *testing.T, _ string) { s.chat.WaitRequests(t, 1) }

func (s *chatSink) heal(*testing.T) { s.chat.SetDown(false) }

// delivered is what the service took, "trigger ID" and "resolve ID" with
// the message id, a resolve's being its trigger's; Discord's follow-up of
// the edit is left out.
func (s *chatSink) delivered(*testing.T) []string {
	var out []string
	for _, e := range s.chat.Events() {
		if e != "follow-up" {
			out = append(out, e)
		}
	}
	return out
}

func (s *chatSink) waitAccepted(t *testing.T) {
	t.Helper()
	waitUntil(t, "trigger and resolve delivered", func() bool {
		acc := s.delivered(t)
		return countPrefix(acc, "trigger") >= 1 && countPrefix(acc, "resolve") >= 1
	})
}

// TestKill9LosesNothingChat is TestKill9LosesNothing for a Telegram and a
// Discord sink whose service is down: after the kill and the restart the
// trigger and the resolve arrive once each, in order, the resolve
// referring to the trigger's message, every request in the vendor's shape.
func TestKill9LosesNothingChat(t *testing.T) {
	for _, kind := range []string{"telegram", "discord"} {
		t.Run(kind, func(t *testing.T) {
			s := newChatSink(t, kind)
			s.chat.SetDown(true)
			kill9LosesNothing(t, s)
			s.chat.AssertValid(t)
		})
	}
}

// TestKill9KeepsThreadChat: the trigger is delivered, lpwatch is killed
// with SIGKILL, the node comes back while it is down, and the restarted
// lpwatch sends the resolve as a reply to (Telegram) or an edit of
// (Discord) the trigger's message: the receipt was on disk.
func TestKill9KeepsThreadChat(t *testing.T) {
	for _, kind := range []string{"telegram", "discord"} {
		t.Run(kind, func(t *testing.T) {
			s := newChatSink(t, kind)
			node := fakenode.New(nodeapi.Current)
			if _, err := node.Start(); err != nil {
				t.Fatal(err)
			}
			defer node.Close()
			cfgPath, listen := kill9Config(t, node, s.table())
			child := startChild(t, cfgPath)
			node.Stop()
			waitUntil(t, "the trigger delivered and recorded", func() bool {
				return countPrefix(s.delivered(t), "trigger") == 1 && pendingNotifications(t, listen) == 0 &&
					sentTo(t, filepath.Join(filepath.Dir(cfgPath), "state", "alerts.json"), "LivepeerNodeDown/tc001", "oncall")
			})
			if err := child.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			_ = child.Wait()
			if err := node.Restart(); err != nil {
				t.Fatal(err)
			}
			startChild(t, cfgPath)
			s.waitAccepted(t)
			acc := s.delivered(t)
			if len(acc) != 2 || acc[1] != "resolve "+strings.TrimPrefix(acc[0], "trigger ") {
				t.Fatalf("delivered %q: want the trigger, then after the restart a resolve referring to its message", acc)
			}
			s.chat.AssertValid(t)
		})
	}
}

// sentTo reports whether the alert state file at path records alert key
// as firing and sent to sink.
func sentTo(t *testing.T, path, key, sink string) bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	var st struct {
		Alerts map[string]struct {
			Phase  string   `json:"phase"`
			SentTo []string `json:"sent_to"`
		} `json:"alerts"`
	}
	if json.Unmarshal(b, &st) != nil {
		return false
	}
	a, ok := st.Alerts[key]
	return ok && a.Phase == "firing" && slices.Contains(a.SentTo, sink)
}

// TestTestAlertChat runs `lpwatch test-alert -sink` on a Telegram and a
// Discord sink: the test trigger and its resolve arrive, the resolve
// referring to the trigger's message; a service that refuses the
// credentials makes it fail with the vendor's class and without the secret.
func TestTestAlertChat(t *testing.T) {
	for _, tc := range []struct {
		kind    string
		refusal alerttest.Response
		want    string
	}{
		{"telegram", alerttest.TelegramError(401, "Unauthorized"), "FAILED: permanent delivery failure (http_401): telegram answered 401: Unauthorized (check bot_token"},
		{"discord", alerttest.DiscordError(401, 50027, "Invalid Webhook Token"), "FAILED: permanent delivery failure (http_401): discord answered 401: Invalid Webhook Token (code 50027)"},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			s := newChatSink(t, tc.kind)
			cfg := testAlertConfig(t, s.table())
			var stdout, stderr bytes.Buffer
			if code := run([]string{"test-alert", "-config", cfg, "-sink", "oncall"}, &stdout, &stderr); code != 0 ||
				!strings.Contains(stdout.String(), fmt.Sprintf("oncall       %-12s ok", tc.kind)) {
				t.Fatalf("test-alert: exit %d\n%s%s", code, stdout.String(), stderr.String())
			}
			acc := s.delivered(t)
			if len(acc) != 2 || acc[1] != "resolve "+strings.TrimPrefix(acc[0], "trigger ") {
				t.Errorf("delivered %q: want a test trigger and a resolve referring to it", acc)
			}
			s.chat.AssertValid(t)

			s.chat.Script(tc.refusal)
			stdout.Reset()
			stderr.Reset()
			code := run([]string{"test-alert", "-config", cfg, "-sink", "oncall"}, &stdout, &stderr)
			out := stdout.String() + stderr.String()
			if code != 1 || !strings.Contains(out, tc.want) {
				t.Errorf("test-alert against a refusing service: exit %d\n%s", code, out)
			}
			for _, secret := range []string{plantedBotToken, plantedDiscordToken} {
				alerttest.AssertNoSecret(t, secret, out)
			}
		})
	}
}

// TestInitChatSinks: init adds a Telegram sink (token file, chat, topic,
// Bot API server) and a Discord sink (webhook URL file) from flags, and
// its test alert reaches both, threaded; a Telegram sink without its chat
// is a usage error.
func TestInitChatSinks(t *testing.T) {
	node := fakenode.New(nodeapi.Current)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	defer node.Close()
	tg, dc := newChatSink(t, "telegram"), newChatSink(t, "discord")
	out := filepath.Join(t.TempDir(), "lpwatch.toml")
	var stdout, stderr bytes.Buffer
	code := run([]string{"init", "-node", node.URL(), "-chain", "", "-out", out, "-name", "tc001", "-state-dir", filepath.Join(t.TempDir(), "state"),
		"-telegram-token-file", tg.secretFile, "-telegram-chat", "-1001234567890", "-telegram-topic", "42", "-telegram-api-url", tg.chat.URL(),
		"-discord-webhook-file", dc.secretFile}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("init: exit %d\n%s\n%s", code, stdout.String(), stderr.String())
	}
	b, _ := os.ReadFile(out)
	for _, want := range []string{
		fmt.Sprintf("name = \"telegram\"\ntype = \"telegram\"\nbot_token_file = %q\nchat_id = \"-1001234567890\"\nmessage_thread_id = 42\napi_url = %q\n", tg.secretFile, tg.chat.URL()),
		fmt.Sprintf("name = \"discord\"\ntype = \"discord\"\nwebhook_url_file = %q\n", dc.secretFile),
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("written config lacks %q:\n%s", want, b)
		}
	}
	for _, want := range []string{"telegram     telegram     ok", "discord      discord      ok"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("init's test alert did not report %q:\n%s", want, stdout.String())
		}
	}
	for _, s := range []*chatSink{tg, dc} {
		if acc := s.delivered(t); len(acc) != 2 || acc[1] != "resolve "+strings.TrimPrefix(acc[0], "trigger ") {
			t.Errorf("%s got %q: want the test trigger and its resolve", s.kind, acc)
		}
		s.chat.AssertValid(t)
	}
	if r := tg.chat.Requests(); len(r) == 0 || !strings.Contains(string(r[0].Body), `"message_thread_id":42`) {
		t.Errorf("the topic is not in the Telegram request")
	}
	for _, secret := range []string{plantedBotToken, plantedDiscordToken} {
		alerttest.AssertNoSecret(t, secret, stdout.String(), stderr.String(), string(b))
	}

	stderr.Reset()
	if code := run([]string{"init", "-node", node.URL(), "-chain", "", "-out", out, "-force", "-telegram-chat", "@ops"}, &stdout, &stderr); code != 2 ||
		!strings.Contains(stderr.String(), "needs both -telegram-token-file and -telegram-chat") {
		t.Errorf("init with a chat but no token: exit %d, %s", code, stderr.String())
	}
}
