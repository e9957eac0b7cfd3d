package discord_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/alert/discord"
	"github.com/lpwatch/lpwatch/pkg/alert/sinks"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/status"
)

const hookPath = "/api/webhooks/123456789012345678/plantedSectionWebhookToken0123456789"

// TestSection loads discord sinks from TOML: the webhook URL from its
// file, both forms refused, the rule reported without the URL, the URL
// never in the sink's JSON (as /status shows it), and the built sink
// posting to the webhook.
func TestSection(t *testing.T) {
	chat := alerttest.NewChat(t, alerttest.DiscordDialect(""))
	urlFile := filepath.Join(t.TempDir(), "discord.url")
	if err := os.WriteFile(urlFile, []byte(chat.URL()+hookPath+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	good := alerttest.ExampleNode + "[[alert.sink]]\nname = \"guild\"\ntype = \"discord\"\nwebhook_url_file = \"" + urlFile + "\"\n"
	cfg, err := config.Parse("mem.toml", []byte(good), sinks.Default(), checks.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(status.Redact(cfg).Alert.Sinks[0])
	if err != nil || strings.Contains(string(b), "plantedSection") || strings.Contains(string(b), chat.URL()) {
		t.Errorf("the sink as /status shows it: %s (%v)", b, err)
	}
	built, err := sinks.Default().Build(cfg, alert.SinkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if s := built["guild"]; s == nil || s.Type() != discord.Type {
		t.Fatalf("built %v", built)
	}
	if err := built["guild"].Notify(t.Context(), alerttest.Notification(alert.TxStalled, "tc001", alert.StatusFiring, 1)); err != nil {
		t.Fatalf("Notify: %v", err)
	}
	chat.WaitRequests(t, 1)
	chat.AssertValid(t)

	bad := alerttest.ExampleNode + "[[alert.sink]]\nname = \"guild\"\ntype = \"discord\"\nwebhook_url = \"https://discord.com/api/webhooks/1/plantedSection?x=1\"\nwebhook_url_file = \"" + urlFile + "\"\n"
	_, err = config.Parse("mem.toml", []byte(bad), sinks.Default(), checks.Catalog())
	for _, want := range []string{
		`alert.sink[0].webhook_url_file: set webhook_url or webhook_url_file, not both`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v\ndoes not contain %q", err, want)
		}
	}
	_, err = config.Parse("mem.toml", []byte(alerttest.ExampleNode+"[[alert.sink]]\nname = \"guild\"\ntype = \"discord\"\nwebhook_url = \"https://discord.com/api/webhooks/1/plantedSection?x=1\"\n"), sinks.Default(), checks.Catalog())
	if err == nil || !strings.Contains(err.Error(), "webhook_url: the only query parameter allowed is one numeric thread_id") || strings.Contains(err.Error(), "plantedSection") {
		t.Errorf("error %v, want the query refused without the URL", err)
	}
}

// TestExampleBlock loads the commented discord sink of config.example.toml,
// so that the example stays a valid configuration.
func TestExampleBlock(t *testing.T) {
	urlFile := filepath.Join(t.TempDir(), "discord.url")
	if err := os.WriteFile(urlFile, []byte("https://discord.com"+hookPath+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	text := alerttest.ExampleSink(t, "discord", map[string]string{"/etc/lpwatch/discord.url": urlFile})
	cfg, err := config.Parse("example.toml", []byte(text), sinks.Default(), checks.Catalog())
	if err != nil {
		t.Fatalf("the example's discord sink does not load: %v\n%s", err, text)
	}
	if sec, ok := cfg.Alert.Sinks[0].Settings.(*discord.Section); !ok || sec.WebhookURL.Reveal() != "https://discord.com"+hookPath {
		t.Errorf("example sink %+v", cfg.Alert.Sinks[0].Settings)
	}
}
