package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// TestInitThenCheckConfigThenTestAlert walks the first hour: init asks a
// node and a chain, writes a config that check-config accepts and whose
// test alert goes out; then a PagerDuty and a Slack sink are added and
// test-alert reports each, failing (exit 1) when one sink refuses.
func TestInitThenCheckConfigThenTestAlert(t *testing.T) {
	for _, gen := range nodeapi.Generations() {
		t.Run(string(gen), func(t *testing.T) {
			node := fakenode.New(gen)
			if _, err := node.Start(); err != nil {
				t.Fatal(err)
			}
			defer node.Close()
			ch, err := simchain.New(context.Background(), simchain.Options{HTTP: true})
			if err != nil {
				t.Fatal(err)
			}
			defer ch.Close()
			out := filepath.Join(t.TempDir(), "lpwatch.toml")
			var stdout, stderr bytes.Buffer
			code := run([]string{"init", "-node", node.URL(), "-chain", ch.URL(), "-out", out, "-name", "tc001",
				"-state-dir", filepath.Join(t.TempDir(), "state")}, &stdout, &stderr)
			if code != 0 {
				t.Fatalf("init: exit %d\n%s\n%s", code, stdout.String(), stderr.String())
			}
			b, _ := os.ReadFile(out)
			for _, want := range []string{`api = "` + string(gen) + `"`, "# detected: " + string(gen) + " (" + gen.Releases() + ")",
				`expected_address = "` + fakenode.DefaultAddress + `"`, "chain_id = 1337"} {
				if !strings.Contains(string(b), want) {
					t.Errorf("written config lacks %q:\n%s", want, b)
				}
			}
			if !strings.Contains(stdout.String(), ": ok (1 node(s)") || !strings.Contains(stdout.String(), "log          log          ok") {
				t.Errorf("init did not validate and test the config:\n%s", stdout.String())
			}
			if code := run([]string{"init", "-node", node.URL(), "-out", out}, &stdout, &stderr); code != 1 {
				t.Errorf("init over an existing file: exit %d, want 1", code)
			}
		})
	}
}

type recorder struct {
	mu     sync.Mutex
	bodies []map[string]any
	status int
}

func (r *recorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	b, _ := io.ReadAll(req.Body)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	r.mu.Lock()
	r.bodies = append(r.bodies, m)
	r.mu.Unlock()
	w.WriteHeader(r.status)
}

func TestTestAlertReportsEachSink(t *testing.T) {
	pd := &recorder{status: http.StatusAccepted}
	slack := &recorder{status: http.StatusOK}
	broken := &recorder{status: http.StatusBadRequest}
	for _, r := range []*recorder{pd, slack, broken} {
		srv := httptest.NewServer(r)
		defer srv.Close()
		switch r {
		case pd:
			t.Setenv("PD_URL", srv.URL)
		case slack:
			t.Setenv("SLACK_URL", srv.URL+"/services/T0/B0/secret")
		default:
			t.Setenv("HOOK_URL", srv.URL)
		}
	}
	cfg := filepath.Join(t.TempDir(), "lpwatch.toml")
	text := `[[node]]
name = "tc001"
url = "http://127.0.0.1:7935"
expected_address = "0x0000000000000000000000000000000000000001"
[[alert.sink]]
name = "oncall"
type = "pagerduty"
url = "` + os.Getenv("PD_URL") + `"
routing_key = "` + testRoutingKey + `"
[[alert.sink]]
name = "team"
type = "slack"
webhook_url = "` + os.Getenv("SLACK_URL") + `"
[[alert.sink]]
name = "hook"
type = "webhook"
url = "` + os.Getenv("HOOK_URL") + `"
`
	if err := os.WriteFile(cfg, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"test-alert", "-config", cfg}, &stdout, &stderr)
	got := stdout.String()
	if code != 1 || !strings.Contains(got, "oncall       pagerduty    ok") || !strings.Contains(got, "team         slack        ok") ||
		!strings.Contains(got, "hook         webhook      FAILED") || !strings.Contains(got, "1 of 3 sink(s) failed") {
		t.Fatalf("test-alert: exit %d\n%s\n%s", code, got, stderr.String())
	}
	if strings.Contains(got+stderr.String(), "secret") || strings.Contains(got+stderr.String(), testRoutingKey) {
		t.Fatalf("a secret was printed:\n%s%s", got, stderr.String())
	}
	if len(pd.bodies) != 2 || pd.bodies[0]["event_action"] != "trigger" || pd.bodies[1]["event_action"] != "resolve" {
		t.Errorf("pagerduty got %v", pd.bodies)
	}
	if len(broken.bodies) != 1 {
		t.Errorf("a 400 must not be retried: %d requests", len(broken.bodies))
	}
	stdout.Reset()
	if code := run([]string{"test-alert", "-config", cfg, "-sink", "team"}, &stdout, &stderr); code != 0 || strings.Contains(stdout.String(), "oncall") {
		t.Fatalf("test-alert -sink team: exit %d\n%s", code, stdout.String())
	}
}
