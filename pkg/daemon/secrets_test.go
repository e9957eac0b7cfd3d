package daemon

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert/alertmanager"
	"github.com/lpwatch/lpwatch/pkg/alert/discord"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
	"github.com/lpwatch/lpwatch/pkg/alert/pagerduty"
	"github.com/lpwatch/lpwatch/pkg/alert/slack"
	"github.com/lpwatch/lpwatch/pkg/alert/telegram"
	"github.com/lpwatch/lpwatch/pkg/alert/webhook"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// TestNoSecretInStatusMetricsOrLogs runs the daemon with every kind of
// secret configured (sink keys, URLs and tokens, a node URL with a password, a
// chain URL with an API key, the API token) and sinks that fail, then
// searches every endpoint's answer, a refused reload of a file whose URL
// is invalid (its answer and its log) and every log line for them.
func TestNoSecretInStatusMetricsOrLogs(t *testing.T) {
	node := fakenode.New(nodeapi.Current)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	defer node.Close()
	node.Stop() // an alert fires and the (unreachable) sinks fail
	secrets := []string{"pdkey0123456789abcdefghijklmnopq", "T000/B000/slacksecretpath", "hookpassw0rd", "bearertok3n", "hooktoken0123",
		"n0depassw0rd", "chainkey0123", "apitoken0123456789", "extpassw0rd", "reloadtoken0123",
		"AAdaemonPlantedBotTok3n0123456789xyz", "daemonPlantedDiscordHookTok3n0123456789"}
	dir := t.TempDir()
	nodeURL := strings.Replace(node.URL(), "://", "://operator:"+secrets[5]+"@", 1)
	cfg := testConfig(dir, nodeCfg("tc001", nodeURL))
	cfg.Checks.NodeDownFor = 0
	cfg.Chain.URLs = []string{"http://127.0.0.1:1/v3/" + secrets[6]}
	cfg.Server.APIToken = config.Secret(secrets[7])
	cfg.Server.ExternalURL = "https://admin:" + secrets[8] + "@status.example/lpwatch"
	// The file a reload reads: its node URL does not parse.
	path := filepath.Join(dir, "lpwatch.toml")
	bad := fmt.Sprintf("[state]\ndir = %q\n[[node]]\nname = \"tc001\"\nurl = \"http://h:badport/x?token=%s\"\nexpected_address = %q\n",
		dir, secrets[9], fakenode.DefaultAddress)
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	dead := "http://127.0.0.1:1"
	cfg.Alert.Sinks = []config.Sink{
		{Name: "pd", Type: "pagerduty", MinSeverity: "info", SendResolved: true, Timeout: time.Second,
			Settings: &pagerduty.Section{URL: dead + "/v2/enqueue", RoutingKey: config.Secret(secrets[0])}},
		{Name: "sl", Type: "slack", MinSeverity: "info", SendResolved: true, Timeout: time.Second,
			Settings: &slack.Section{WebhookSection: httpsink.WebhookSection{WebhookURL: config.Secret(dead + "/services/" + secrets[1])}}},
		{Name: "wh", Type: "webhook", MinSeverity: "info", SendResolved: true, Timeout: time.Second,
			Settings: &webhook.Section{EndpointSection: httpsink.EndpointSection{URL: dead + "/hook?token=" + secrets[4],
				AuthSection: httpsink.AuthSection{Username: "u", Password: config.Secret(secrets[2])}}}},
		{Name: "am", Type: "alertmanager", MinSeverity: "info", SendResolved: true, Timeout: time.Second,
			Settings: &alertmanager.Section{ResendInterval: time.Second, EndpointSection: httpsink.EndpointSection{URL: dead,
				AuthSection: httpsink.AuthSection{BearerToken: config.Secret(secrets[3])}}}},
		{Name: "tg", Type: "telegram", MinSeverity: "info", SendResolved: true, Timeout: time.Second,
			Settings: &telegram.Section{BotToken: config.Secret("135792468:" + secrets[10]), ChatID: "-1001234567890", APIURL: dead}},
		{Name: "dc", Type: "discord", MinSeverity: "info", SendResolved: true, Timeout: time.Second,
			Settings: &discord.Section{WebhookSection: httpsink.WebhookSection{WebhookURL: config.Secret(dead + "/api/webhooks/1234567890/" + secrets[11])}}},
	}
	logs := &lockedBuffer{}
	log := logrus.New()
	log.SetOutput(logs)
	log.SetLevel(logrus.DebugLevel)
	log.SetFormatter(&logrus.JSONFormatter{})
	h := startDaemonWith(t, cfg, Options{ConfigPath: path, Logger: log, HTTPClient: &http.Client{}})
	h.waitFor("delivery failures", func() bool {
		for _, s := range h.d.outbox.Health() {
			if s.ConsecutiveFailures == 0 {
				return false
			}
		}
		return len(h.d.outbox.Health()) == len(cfg.Alert.Sinks)
	})
	var texts []string
	call := func(method, path, body string, want int) {
		req, err := http.NewRequest(method, h.base+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+secrets[7])
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("%s %s: %d %s, want %d", method, path, resp.StatusCode, b, want)
		}
		texts = append(texts, method+" "+path+": "+string(b))
	}
	for _, path := range []string{"/status", "/metrics", "/", "/health/live", "/api/v1/silences"} {
		call("GET", path, "", http.StatusOK)
	}
	call("GET", "/health", "", http.StatusServiceUnavailable)
	call("POST", "/api/v1/silences", `{"target":"tc001","comment":"x","ends_at":"2099-01-01T00:00:00Z"}`, http.StatusBadRequest)
	call("DELETE", "/api/v1/silences/nope", "", http.StatusNotFound)
	call("POST", "/-/reload", "", http.StatusBadRequest)
	if err := h.d.Reload(context.Background()); err == nil || !strings.Contains(err.Error(), "node[0].url: is not a URL") {
		t.Errorf("a reload of an invalid URL gave %v", err)
	} else {
		texts = append(texts, "reload: "+err.Error())
	}
	st, _ := json.Marshal(h.d.Status())
	texts = append(texts, "status: "+string(st), "logs: "+logs.String())
	if !strings.Contains(logs.String(), "configuration reload refused") {
		t.Error("the refused reload was not logged")
	}
	for _, s := range secrets {
		for _, txt := range texts {
			if strings.Contains(txt, s) {
				i := strings.Index(txt, s)
				t.Errorf("secret %q leaked in %s", s, txt[max(0, i-120):min(len(txt), i+40)])
			}
		}
	}
	if !strings.Contains(texts[0], "<secret>") {
		t.Errorf("/status does not show redacted secrets")
	}
}

// lockedBuffer is a bytes.Buffer safe for the daemon's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
