package daemon

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert/alertmanager"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
	"github.com/lpwatch/lpwatch/pkg/alert/pagerduty"
	"github.com/lpwatch/lpwatch/pkg/alert/slack"
	"github.com/lpwatch/lpwatch/pkg/alert/webhook"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// TestNoSecretInStatusMetricsOrLogs runs the daemon with every kind of
// secret configured and sinks that fail, then searches /status, /metrics,
// the status page and every log line for them.
func TestNoSecretInStatusMetricsOrLogs(t *testing.T) {
	node := fakenode.New(nodeapi.Current)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	defer node.Close()
	node.Stop() // an alert fires and the (unreachable) sinks fail
	secrets := []string{"pdkey0123456789abcdefghijklmnopq", "T000/B000/slacksecretpath", "hookpassw0rd", "bearertok3n", "hooktoken0123"}
	cfg := testConfig(t.TempDir(), nodeCfg("tc001", node.URL()))
	cfg.Checks.NodeDownFor = 0
	dead := "http://127.0.0.1:1"
	cfg.Alert.Sinks = []config.Sink{
		{Name: "pd", Type: "pagerduty", MinSeverity: "info", SendResolved: true, Timeout: time.Second,
			Settings: &pagerduty.Section{URL: dead + "/v2/enqueue", RoutingKey: config.Secret(secrets[0])}},
		{Name: "sl", Type: "slack", MinSeverity: "info", SendResolved: true, Timeout: time.Second,
			Settings: &slack.Section{WebhookURL: config.Secret(dead + "/services/" + secrets[1])}},
		{Name: "wh", Type: "webhook", MinSeverity: "info", SendResolved: true, Timeout: time.Second,
			Settings: &webhook.Section{EndpointSection: httpsink.EndpointSection{URL: dead + "/hook?token=" + secrets[4],
				AuthSection: httpsink.AuthSection{Username: "u", Password: config.Secret(secrets[2])}}}},
		{Name: "am", Type: "alertmanager", MinSeverity: "info", SendResolved: true, Timeout: time.Second,
			Settings: &alertmanager.Section{ResendInterval: time.Second, EndpointSection: httpsink.EndpointSection{URL: dead,
				AuthSection: httpsink.AuthSection{BearerToken: config.Secret(secrets[3])}}}},
	}
	logs := &lockedBuffer{}
	log := logrus.New()
	log.SetOutput(logs)
	log.SetLevel(logrus.DebugLevel)
	log.SetFormatter(&logrus.JSONFormatter{})
	h := startDaemonWith(t, cfg, Options{Logger: log, HTTPClient: &http.Client{}})
	h.waitFor("delivery failures", func() bool {
		for _, s := range h.d.outbox.Health() {
			if s.ConsecutiveFailures == 0 {
				return false
			}
		}
		return len(h.d.outbox.Health()) == 4
	})
	var texts []string
	for _, path := range []string{"/status", "/metrics", "/", "/health"} {
		resp, err := http.Get(h.base + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		texts = append(texts, path+": "+string(b))
	}
	st, _ := json.Marshal(h.d.Status())
	texts = append(texts, "status: "+string(st), "logs: "+logs.String())
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
