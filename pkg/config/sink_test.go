package config_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/alertmanager"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
	"github.com/lpwatch/lpwatch/pkg/alert/pagerduty"
	"github.com/lpwatch/lpwatch/pkg/alert/sinks"
	"github.com/lpwatch/lpwatch/pkg/alert/webhook"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// nodeTable is a valid [[node]] for the in-memory configs below: 4 lines,
// so that a sink table after it starts on line 6.
const nodeTable = `[[node]]
name = "tc001"
url = "http://127.0.0.1:7935"
expected_address = "0x0000000000000000000000000000000000000001"
`

// TestSinkSections checks how the keys of a sink table reach its type's
// section: foreign keys, unknown keys and types, secrets, and the sink
// package's own rules, each at its line and all at once.
func TestSinkSections(t *testing.T) {
	dir := t.TempDir()
	pw := filepath.Join(dir, "pw")
	if err := os.WriteFile(pw, []byte("s3cr3t-password\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, sink string
		want       []string
	}{
		{"key of another type", "name = \"a\"\ntype = \"slack\"\nwebhook_url = \"https://hooks.example/x\"\nurl = \"https://x\"\nresend_interval = \"1m\"", []string{
			`mem.toml:10:1: alert.sink[0].url: not used by a slack sink`,
			`mem.toml:11:1: alert.sink[0].resend_interval: not used by a slack sink`,
		}},
		{"empty key of another type", "name = \"a\"\ntype = \"log\"\nurl = \"\"\nusername = \"\"", nil},
		{"unknown key", "name = \"a\"\ntype = \"log\"\ncolour = 1", []string{
			`mem.toml:9:1: unknown key "alert.sink[0].colour"`,
		}},
		{"unknown type", "name = \"a\"\ntype = \"teams\"\nurl = \"https://x\"\ncolour = 1", []string{
			`mem.toml:8:1: alert.sink[0].type: unknown sink type "teams" (use pagerduty, slack, webhook, alertmanager, log, email, telegram or discord)`,
			`mem.toml:10:1: unknown key "alert.sink[0].colour"`,
		}},
		{"missing secret", "name = \"a\"\ntype = \"pagerduty\"\nurl = \"events.example\"", []string{
			`mem.toml:6:1: alert.sink[0]: a pagerduty sink needs routing_key or routing_key_file`,
			`mem.toml:9:1: alert.sink[0].url: has no scheme: want http:// or https://`,
		}},
		{"sink rules at their keys", "name = \"a\"\ntype = \"webhook\"\nurl = \"https://h.example/x#y\"\npassword = \"p\"\nbearer_token = \"a b\"\ntimeout = \"0s\"", []string{
			`mem.toml:9:1: alert.sink[0]: url must not have a fragment`,
			`mem.toml:10:1: alert.sink[0]: password is set but username is empty`,
			`mem.toml:11:1: alert.sink[0]: basic auth (username/password) and bearer_token are mutually exclusive`,
			`mem.toml:11:1: alert.sink[0]: bearer_token contains white space`,
			`mem.toml:12:1: alert.sink[0].timeout: must be a positive duration`,
		}},
		{"secret of an embedded section", "name = \"a\"\ntype = \"alertmanager\"\nurl = \"http://127.0.0.1:9093\"\nusername = \"u\"\npassword = \"p\"\npassword_file = \"" + pw + "\"\nresend_interval = \"0s\"", []string{
			`mem.toml:12:1: alert.sink[0].password_file: set password or password_file, not both`,
			`mem.toml:13:1: alert.sink[0].resend_interval: must be a positive duration`,
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := config.Parse("mem.toml", []byte(nodeTable+"\n[[alert.sink]]\n"+tc.sink+"\n"), sinks.Default(), checks.Catalog())
			var got []string
			if err != nil {
				got = strings.Split(err.Error(), "\n")
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			for _, line := range got {
				if strings.Contains(line, "s3cr3t") {
					t.Errorf("secret in %q", line)
				}
			}
		})
	}
	cfg, err := config.Parse("mem.toml", []byte(nodeTable+"\n[[alert.sink]]\nname = \"a\"\ntype = \"alertmanager\"\nurl = \"http://127.0.0.1:9093\"\nusername = \"u\"\npassword_file = \""+pw+"\"\n"), sinks.Default(), checks.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	am, ok := cfg.Alert.Sinks[0].Settings.(*alertmanager.Section)
	if !ok || am.Password.Reveal() != "s3cr3t-password" || am.ResendInterval != alertmanager.DefaultResendInterval {
		t.Errorf("settings %#v, want the password from its file and the default resend interval", cfg.Alert.Sinks[0].Settings)
	}
}

// TestNoSinkTypes: without a registry every sink type is unknown.
func TestNoSinkTypes(t *testing.T) {
	_, err := config.Parse("mem.toml", []byte(nodeTable+"\n[[alert.sink]]\nname = \"a\"\ntype = \"log\"\n"), nil, checks.Catalog())
	if want := `mem.toml:8:1: alert.sink[0].type: unknown sink type "log" (no sink type is known)`; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// TestSinkJSON: a sink encodes as one flat object, its type's fields next
// to the common ones as the table stands in the file, secrets redacted;
// it decodes back without the registry, its type's fields as a record
// that encodes to the same object.
func TestSinkJSON(t *testing.T) {
	s := config.Sink{Name: "pd", Type: "pagerduty", MinSeverity: "warning", SendResolved: true, Timeout: time.Second,
		Settings: &pagerduty.Section{URL: "https://events.example/v2", RoutingKey: "0123456789abcdef0123456789abcdef"}}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := []string{"Alerts", "ExcludeAlerts", "MinSeverity", "Name", "RoutingKey", "RoutingKeyFile", "SendResolved", "Timeout", "Type", "URL"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	if m["RoutingKey"] != "<secret>" || m["URL"] != "https://events.example/v2" || strings.Contains(string(b), "0123456789abcdef") {
		t.Errorf("encoded %s", b)
	}
	var raw bytes.Buffer
	enc := json.NewEncoder(&raw)
	enc.SetEscapeHTML(false) // as the status server encodes
	if err := enc.Encode(s); err != nil || !strings.Contains(raw.String(), `"RoutingKey":"<secret>"`) {
		t.Errorf("without HTML escaping: %s %v", raw.String(), err)
	}
	var back config.Sink
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	rec, ok := back.Settings.(config.DecodedSettings)
	if back.Name != "pd" || back.Type != "pagerduty" || back.Timeout != time.Second || !back.SendResolved || !ok ||
		rec["RoutingKey"] != "<secret>" || rec["URL"] != "https://events.example/v2" || len(rec) != 3 {
		t.Errorf("decoded %+v", back)
	}
	if again, err := json.Marshal(back); err != nil || !jsonEqual(t, again, b) {
		t.Errorf("encoded again: %s, want %s (%v)", again, b, err)
	}
	auth := config.Sink{Name: "hook", Type: "webhook", Settings: &webhook.Section{EndpointSection: httpsink.EndpointSection{
		URL: "https://h.example/x", AuthSection: httpsink.AuthSection{Username: "u", BearerToken: "t"}}}}
	if b, err := json.Marshal(auth); err != nil || !strings.Contains(string(b), `"URL":"https://h.example/x","Username":"u","Password":"","PasswordFile":"","BearerToken":"\u003csecret\u003e","BearerTokenFile":""}`) {
		t.Errorf("embedded section: %s %v", b, err)
	}
	plain := config.Sink{Name: "log", Type: "log"}
	if b, err := json.Marshal(plain); err != nil || strings.Contains(string(b), "Settings") {
		t.Errorf("sink without settings: %s %v", b, err)
	}
}

// jsonEqual says whether a and b encode the same JSON value.
func jsonEqual(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(x, y)
}
