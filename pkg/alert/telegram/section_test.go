package telegram_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/alert/sinks"
	"github.com/lpwatch/lpwatch/pkg/alert/telegram"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/status"
)

const token = "123456789:AAHplantedSectionToken0123456789abc"

// TestSection loads telegram sinks from TOML: the token from its file,
// both forms refused, each rule at its key, the token never shown in the
// errors or in the sink's JSON (as /status shows it, api_url by scheme
// and host), and the built sink posting to the configured Bot API server.
func TestSection(t *testing.T) {
	tokFile := filepath.Join(t.TempDir(), "telegram.token")
	if err := os.WriteFile(tokFile, []byte(token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	chat := alerttest.NewChat(t, alerttest.TelegramDialect(token))
	good := alerttest.ExampleNode + `
[[alert.sink]]
name = "chat"
type = "telegram"
bot_token_file = "` + tokFile + `"
chat_id = "@lpwatch_ops"
message_thread_id = 3
api_url = "` + chat.URL() + `/"
`
	cfg, err := config.Parse("mem.toml", []byte(good), sinks.Default(), checks.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(status.Redact(cfg).Alert.Sinks[0])
	if err != nil || strings.Contains(string(b), "AAHplanted") || !strings.Contains(string(b), `"ChatID":"@lpwatch_ops"`) || strings.Contains(string(b), chat.URL()+"/") {
		t.Errorf("the sink as /status shows it: %s (%v)", b, err)
	}
	built, err := sinks.Default().Build(cfg, alert.SinkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if s := built["chat"]; s == nil || s.Type() != telegram.Type {
		t.Fatalf("built %v", built)
	}
	if err := built["chat"].Notify(t.Context(), alerttest.Notification(alert.TxStalled, "tc001", alert.StatusFiring, 1)); err != nil {
		t.Fatalf("Notify: %v", err)
	}
	chat.AssertValid(t)

	bad := alerttest.ExampleNode + `
[[alert.sink]]
name = "chat"
type = "telegram"
bot_token = "AAHplantedSectionToken0123456789abc"
bot_token_file = "` + tokFile + `"
chat_id = "ops"
message_thread_id = -2
api_url = "https://api.example/?proxy=1"
`
	_, err = config.Parse("mem.toml", []byte(bad), sinks.Default(), checks.Catalog())
	for _, want := range []string{
		`mem.toml:9:1: alert.sink[0]: bot_token is not a bot token ("<bot id>:<secret>", as @BotFather gives it)`,
		`mem.toml:10:1: alert.sink[0].bot_token_file: set bot_token or bot_token_file, not both`,
		`mem.toml:11:1: alert.sink[0]: chat_id "ops" is neither a numeric chat id nor a channel's "@username"`,
		`mem.toml:12:1: alert.sink[0]: message_thread_id -2 is negative`,
		`mem.toml:13:1: alert.sink[0]: api_url must have no query and no user info`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v\ndoes not contain %q", err, want)
		}
	}
	if err != nil && strings.Contains(err.Error(), "AAHplanted") {
		t.Errorf("the error shows the token: %v", err)
	}
	_, err = config.Parse("mem.toml", []byte(alerttest.ExampleNode+"[[alert.sink]]\nname = \"chat\"\ntype = \"telegram\"\nchat_id = -100123\n"), sinks.Default(), checks.Catalog())
	for _, want := range []string{"a telegram sink needs bot_token or bot_token_file", "alert.sink[0].chat_id: expected a string, got integer -100123"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v\ndoes not contain %q", err, want)
		}
	}
}

// TestExampleBlock loads the commented telegram sink of
// config.example.toml, so that the example stays a valid configuration.
func TestExampleBlock(t *testing.T) {
	tokFile := filepath.Join(t.TempDir(), "telegram.token")
	if err := os.WriteFile(tokFile, []byte(token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	text := alerttest.ExampleSink(t, "telegram", map[string]string{"/etc/lpwatch/telegram.token": tokFile})
	cfg, err := config.Parse("example.toml", []byte(text), sinks.Default(), checks.Catalog())
	if err != nil {
		t.Fatalf("the example's telegram sink does not load: %v\n%s", err, text)
	}
	sec, ok := cfg.Alert.Sinks[0].Settings.(*telegram.Section)
	if !ok || sec.ChatID != "-1001234567890" || sec.BotToken.Reveal() != token {
		t.Errorf("example sink %+v", cfg.Alert.Sinks[0].Settings)
	}
}
