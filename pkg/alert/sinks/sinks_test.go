package sinks_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/alert/sinks"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// TestRegistryContract checks what config.SinkSettings asks of every
// section: a fresh pointer to a struct per call, keys apart from the
// common ones (in TOML and in the flat JSON of /status), and a MapURLs
// that copies.
func TestRegistryContract(t *testing.T) {
	reg := sinks.Default()
	if got, want := reg.Names(), []string{"pagerduty", "slack", "webhook", "alertmanager", "log", "email", "telegram", "discord"}; !slices.Equal(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	common := map[string]bool{}
	st := reflect.TypeOf(config.Sink{})
	for i := 0; i < st.NumField(); i++ {
		common[st.Field(i).Tag.Get("toml")] = true
		common[st.Field(i).Name] = true
	}
	for _, kind := range reg.Names() {
		a, _ := reg.NewSettings(kind)
		b, _ := reg.NewSettings(kind)
		rv := reflect.ValueOf(a)
		if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
			t.Errorf("%s: settings of type %T, want a pointer to a struct", kind, a)
			continue
		}
		if rv.Elem().NumField() > 0 && a == b {
			t.Errorf("%s: NewSettings returned the same section twice", kind)
		}
		for _, f := range reflect.VisibleFields(rv.Elem().Type()) {
			if f.Anonymous {
				continue
			}
			if tag := f.Tag.Get("toml"); tag == "" || common[tag] || common[f.Name] {
				t.Errorf("%s: field %s (toml %q) is untagged or clashes with a common key", kind, f.Name, tag)
			}
		}
		c := a.MapURLs(func(string) string { return "mapped" })
		if reflect.ValueOf(c).Kind() != reflect.Pointer || (rv.Elem().NumField() > 0 && c == a) {
			t.Errorf("%s: MapURLs did not return a copy", kind)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: MapURLs changed the original", kind)
		}
	}
	if _, ok := reg.NewSettings("teams"); ok {
		t.Error("an unknown type has settings")
	}
}

// TestBuildEveryType loads one sink of each type from TOML and builds it:
// each is the sink of its type, only Alertmanager's is a Resender, with
// its resend_interval, and only Telegram's and Discord's thread messages.
func TestBuildEveryType(t *testing.T) {
	text := `
[server]
external_url = "https://lpwatch.example/"

[[node]]
name = "tc001"
url = "http://127.0.0.1:7935"
expected_address = "0x0000000000000000000000000000000000000001"

[[alert.sink]]
name = "pd"
type = "pagerduty"
routing_key = "0123456789abcdef0123456789abcdef"

[[alert.sink]]
name = "team"
type = "slack"
webhook_url = "https://hooks.slack.example/services/T0/B0/XXXXXXXXXXXXXXXXXXXXXXXX"

[[alert.sink]]
name = "hook"
type = "webhook"
url = "https://hooks.example/lpwatch"
bearer_token = "tok"

[[alert.sink]]
name = "fleet"
type = "alertmanager"
url = "http://127.0.0.1:9093"
resend_interval = "2m"
username = "am"
password = "pw"

[[alert.sink]]
name = "stderr"
type = "log"

[[alert.sink]]
name = "mail"
type = "email"
host = "smtp.example.net"
username = "lpwatch"
password = "pw"
from = "lpwatch <alerts@example.net>"
to = ["oncall@example.net"]

[[alert.sink]]
name = "chat"
type = "telegram"
bot_token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
chat_id = "-1001234567890"

[[alert.sink]]
name = "guild"
type = "discord"
webhook_url = "https://discord.com/api/webhooks/123456789012345678/XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
`
	cfg, err := config.Parse("mem.toml", []byte(text), sinks.Default(), checks.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	log, _ := alerttest.NewLogger()
	built, err := sinks.Default().Build(cfg, alert.SinkOptions{Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"pd": "pagerduty", "team": "slack", "hook": "webhook", "fleet": "alertmanager", "stderr": "log", "mail": "email", "chat": "telegram", "guild": "discord"}
	if len(built) != len(want) {
		t.Fatalf("built %d sinks, want %d", len(built), len(want))
	}
	for name, kind := range want {
		s := built[name]
		if s == nil || s.Name() != name || s.Type() != kind {
			t.Errorf("sink %s: got %v", name, s)
			continue
		}
		r, ok := s.(alert.Resender)
		if ok != (kind == "alertmanager") {
			t.Errorf("sink %s: Resender %v", name, ok)
		}
		if ok && r.ResendInterval() != 2*time.Minute {
			t.Errorf("sink %s: ResendInterval %s, want 2m", name, r.ResendInterval())
		}
		if _, ok := s.(alert.Threader); ok != (kind == "telegram" || kind == "discord") {
			t.Errorf("sink %s: Threader %v", name, ok)
		}
	}
}

// TestBuildErrors reports every sink that cannot be built, and builds a
// sink written in code without Settings from its type's defaults.
func TestBuildErrors(t *testing.T) {
	cfg := config.Default()
	cfg.Alert.Sinks = []config.Sink{
		{Name: "a", Type: "teams"},
		{Name: "b", Type: "pagerduty"},
		{Name: "c", Type: "log", Timeout: time.Second},
		{Name: "d", Type: "slack", Settings: foreign{}},
	}
	log, _ := alerttest.NewLogger()
	built, err := sinks.Default().Build(cfg, alert.SinkOptions{Logger: log})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{`sink "a": unknown type "teams"`, `pagerduty sink "b": routing_key is empty`, `sink "d": settings of type sinks_test.foreign cannot build a slack sink`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
	if len(built) != 1 || built["c"] == nil || built["c"].Type() != "log" {
		t.Errorf("built %v, want the log sink only", built)
	}
}

// foreign is a section of no registry.
type foreign struct{}

func (foreign) Validate(*config.SinkReport)                       {}
func (f foreign) MapURLs(func(string) string) config.SinkSettings { return f }
