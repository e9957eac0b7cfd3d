package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// Secrets planted in the configuration of TestNoSecretInAnyCommandOutput.
const (
	plantedNodePassword = "n0depassw0rd-planted"
	plantedChainKey     = "chainkey-planted-0123"
	plantedHookToken    = "hooktoken-planted-0123"
	plantedAPIToken     = "apitoken-planted-0123456789"
	plantedReloadToken  = "reloadtoken-planted-0123"
)

// TestNoSecretInAnyCommandOutput runs lpwatch with a secret in every URL
// that can hold one, an API token, an SMTP password, a Telegram bot token
// and a Discord webhook URL (whose services quote them back), then runs
// every command against it
// (check-config, status, status -json, silence add/list/expire), makes a
// reload (SIGHUP, then POST /-/reload) read a file whose URL is invalid,
// and searches every output, answer and log line for the secrets.
func TestNoSecretInAnyCommandOutput(t *testing.T) {
	node := fakenode.New(nodeapi.Current)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	defer node.Close()
	// The SMTP server quotes the credentials back in a temporary refusal.
	smtp := newSMTPSink(t)
	smtp.srv.SetDefault(alerttest.SMTPReply{Stage: alerttest.StageAuth, Code: 454, Message: "try later:", Echo: true})
	// The Bot API and the Discord webhook quote the request (path with the
	// token, body) back in a 500.
	tg := alerttest.NewReceiver(t, alerttest.Response{Status: 500, Echo: true})
	dc := alerttest.NewReceiver(t, alerttest.Response{Status: 500, Echo: true})
	dir := t.TempDir()
	listen := freePort(t)
	tokenFile := filepath.Join(dir, "api.token")
	if err := os.WriteFile(tokenFile, []byte(plantedAPIToken+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	nodeURL := strings.Replace(node.URL(), "://", "://operator:"+plantedNodePassword+"@", 1)
	config := func(nodeURL string) string {
		return fmt.Sprintf(`[server]
listen = %q
api_token_file = %q
[state]
dir = %q
[log]
format = "json"
level = "debug"
[[node]]
name = "tc001"
url = %q
expected_address = %q
interval = "500ms"
timeout = "400ms"
[chain]
urls = ["http://127.0.0.1:1/v3/%s"]
[[alert.sink]]
name = "hook"
type = "webhook"
url = "http://127.0.0.1:1/hook?token=%s"
[alert]
started_notice = true
[[alert.sink]]
name = "mail"
type = "email"
host = %q
port = %d
username = %q
password = %q
from = "lpwatch <alerts@example.net>"
to = ["oncall@example.net"]
ca_file = %q
min_severity = "info"
[[alert.sink]]
name = "tg"
type = "telegram"
bot_token = %q
chat_id = "-1001234567890"
api_url = %q
min_severity = "info"
[[alert.sink]]
name = "dc"
type = "discord"
webhook_url = %q
min_severity = "info"
[host]
enabled = false
`, listen, tokenFile, filepath.Join(dir, "state"), nodeURL, fakenode.DefaultAddress, plantedChainKey, plantedHookToken,
			smtp.srv.Host(), smtp.srv.Port(), smtpUser, plantedSMTPPassword, smtp.cert.CAFile,
			plantedBotToken, tg.URL(), dc.URL()+discordHookPath)
	}
	cfgPath := filepath.Join(dir, "lpwatch.toml")
	write := func(text string) {
		if err := os.WriteFile(cfgPath, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(config(nodeURL))

	var texts []string
	// cli runs lpwatch args; want -1 accepts any Nagios state (0 to 2).
	cli := func(want int, args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		code := run(args, &out, &errb)
		texts = append(texts, strings.Join(args, " ")+": "+out.String()+errb.String())
		if code != want && (want != -1 || code > 2) {
			t.Errorf("lpwatch %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, want, out.String(), errb.String())
		}
		return out.String() + errb.String()
	}
	cli(0, "check-config", cfgPath)

	child := startChild(t, cfgPath)
	base := "http://" + listen
	waitUntil(t, "the node probed", func() bool {
		return strings.Contains(httpBody(base+"/status"), `"up": true`)
	})
	waitUntil(t, "the email sink failing with the server's 454", func() bool {
		return strings.Contains(httpBody(base+"/status"), `"last_reason": "smtp_454"`)
	})
	for _, sink := range []string{"tg", "dc"} {
		waitUntil(t, "the "+sink+" sink failing with the echoing 500", func() bool {
			return sinkReason(httpBody(base+"/status"), sink) == "http_500"
		})
	}
	cli(1, "test-alert", "-config", cfgPath, "-sink", "mail")
	cli(1, "test-alert", "-config", cfgPath, "-sink", "tg")
	cli(1, "test-alert", "-config", cfgPath, "-sink", "dc")
	cli(-1, "status", "-config", cfgPath)
	cli(-1, "status", "-config", cfgPath, "-json")
	added := cli(0, "silence", "add", "-config", cfgPath, "-all", "-for", "1h", "-comment", "maintenance")
	id := strings.Fields(strings.TrimPrefix(added, "silence "))[0]
	cli(0, "silence", "list", "-config", cfgPath)
	cli(0, "silence", "list", "-addr", base, "-token-file", tokenFile)
	if out := cli(1, "silence", "expire", "-addr", base, id); !strings.Contains(out, "-token-file") {
		t.Errorf("expire without the token: %q does not say how to give it", out)
	}
	cli(0, "silence", "expire", "-config", cfgPath, id)

	// A reload of a file whose node URL does not parse is refused, by
	// SIGHUP and by POST /-/reload, and check-config refuses the file.
	write(config("http://h:badport/x?token=" + plantedReloadToken))
	if out := cli(1, "check-config", cfgPath); !strings.Contains(out, "node[0].url: is not a URL") {
		t.Errorf("check-config of an invalid URL: %q", out)
	}
	if err := child.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the SIGHUP reload refused", func() bool {
		return strings.Contains(httpBody(base+"/metrics"), "lpwatch_config_last_reload_successful 0")
	})
	req, err := http.NewRequest("POST", base+"/-/reload", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+plantedAPIToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), "node[0].url") {
		t.Errorf("POST /-/reload of an invalid URL: %d %s", resp.StatusCode, b)
	}
	texts = append(texts, "POST /-/reload: "+string(b))
	for _, path := range []string{"/status", "/", "/metrics", "/health", "/api/v1/silences"} {
		texts = append(texts, path+": "+httpBody(base+path))
	}
	if err := child.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	_ = child.Wait()
	log, err := os.ReadFile(filepath.Join(dir, "lpwatch.log"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(log), "configuration reload refused") {
		t.Errorf("the refused reload is not in the log:\n%s", log)
	}
	texts = append(texts, "log: "+string(log))
	if reqs := tg.Requests(); len(reqs) == 0 || !strings.Contains(reqs[0].Path, plantedBotToken) {
		t.Errorf("the Telegram stand-in got %d requests, none with the token on the wire: the sweep would prove nothing", len(reqs))
	}
	botSecret := strings.SplitN(plantedBotToken, ":", 2)[1]
	for _, secret := range []string{plantedNodePassword, plantedChainKey, plantedHookToken, plantedAPIToken, plantedReloadToken, plantedSMTPPassword,
		botSecret, plantedDiscordToken} {
		alerttest.AssertNoSecret(t, secret, texts...)
	}
}

// httpBody returns the body of GET url ("" when it cannot be read).
func httpBody(url string) string {
	resp, err := http.Get(url)
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// waitUntil polls cond until it holds, failing the test after a minute.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond) // pacing between polls of the condition
	}
}

// sinkReason is the last failure class of sink in a /status body, "" when
// it has none or the body does not parse.
func sinkReason(body, sink string) string {
	var st status.Report
	if json.Unmarshal([]byte(body), &st) != nil {
		return ""
	}
	for _, h := range st.Delivery.Sinks {
		if h.Sink == sink {
			return h.LastReason
		}
	}
	return ""
}
