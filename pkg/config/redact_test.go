package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/alert/sinks"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// plantedSecret is put in every URL below; no message may show it.
const plantedSecret = "PLANTEDs3cr3t"

// TestNoSecretInValidationErrors feeds invalid URLs and misplaced values
// that carry a secret to the loader: each must be refused with a message
// naming the key, and no message may hold the secret.
func TestNoSecretInValidationErrors(t *testing.T) {
	node := func(url string) string {
		return "[[node]]\nname = \"tc001\"\nurl = " + url + "\nexpected_address = \"0x0000000000000000000000000000000000000001\"\n"
	}
	cases := map[string]struct{ text, want string }{
		"bad port":          {node(`"http://h:badport/x?token=` + plantedSecret + `"`), `node[0].url: is not a URL: invalid port "…" after host`},
		"secret as port":    {node(`"http://h:` + plantedSecret + `/x"`), "node[0].url: is not a URL"},
		"control character": {node(`"http://h/x?token=` + plantedSecret + `\u0001"`), "node[0].url: is not a URL: invalid control character in URL"},
		"query on a node":   {node(`"http://h/x?token=` + plantedSecret + `"`), "node[0].url: http://h: a node URL must not have a query or fragment"},
		"wrong scheme":      {node(`"ftp://u:` + plantedSecret + `@h/x"`), `node[0].url: ftp://h has scheme "ftp"`},
		"no scheme":         {node(`"h/x?token=` + plantedSecret + `"`), "node[0].url: has no scheme: want http:// or https://"},
		"chain url":         {node(`"http://127.0.0.1:7935"`) + "[chain]\nurls = [\"https://rpc.example:x/v3/" + plantedSecret + "\"]\n", "chain.urls[0]: is not a URL"},
		"chain urls string": {node(`"http://127.0.0.1:7935"`) + "[chain]\nurls = \"https://rpc.example/v3/" + plantedSecret + "\"\n", `chain.urls: expected an array, got string "https://rpc.example"`},
		"external url":      {node(`"http://127.0.0.1:7935"`) + "[server]\nexternal_url = \"https://u:" + plantedSecret + "@h:1x/\"\n", "server.external_url: is not a URL"},
		"sink url":          {node(`"http://127.0.0.1:7935"`) + "[[alert.sink]]\nname = \"wh\"\ntype = \"webhook\"\nurl = \"http://h\\u0000/hook/" + plantedSecret + "\"\n", "alert.sink[0].url: is not a URL"},
		"bare word":         {node(plantedSecret), "syntax error"},
		"heartbeat url":     {node(`"http://127.0.0.1:7935"`) + "[alert.heartbeat]\nurl = \"ftp://hc-ping.com/" + plantedSecret + "\"\n", `alert.heartbeat.url: ftp://hc-ping.com has scheme "ftp"`},
		"heartbeat fail":    {node(`"http://127.0.0.1:7935"`) + "[alert.heartbeat]\nurl = \"https://hc-ping.com/x\"\nfail_url = \"https://h:x/" + plantedSecret + "\"\n", "alert.heartbeat.fail_url: is not a URL"},
		"peer url":          {node(`"http://127.0.0.1:7935"`) + "[[peer]]\nname = \"b\"\nurl = \"http://u:" + plantedSecret + "@10.0.0.2:9718/?k=" + plantedSecret + "\"\n", "peer[0].url: http://10.0.0.2:9718: a peer URL must not have a query"},
		"secret not string": {node(`"http://127.0.0.1:7935"`) + "[[alert.sink]]\nname = \"pd\"\ntype = \"pagerduty\"\nrouting_key = 12345" + "\n", "routing_key: expected a string (the value given is not shown"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := config.Parse("lpwatch.toml", []byte(c.text), sinks.Default(), checks.Catalog())
			if err == nil {
				t.Fatal("loaded without error")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q lacks %q", err, c.want)
			}
			alerttest.AssertNoSecret(t, plantedSecret, alerttest.ErrorTexts(err)...)
			alerttest.AssertNoSecret(t, "12345", alerttest.ErrorTexts(err)...)
		})
	}
}

func TestAPITokenAndSilenceMaxDuration(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.token", "  0123456789abcdef-token\n")
	short := write("short.token", "abc\n")
	spaced := write("spaced.token", "0123456789 abcdef-token\n")
	base := "[[node]]\nname = \"tc001\"\nurl = \"http://127.0.0.1:7935\"\nexpected_address = \"0x0000000000000000000000000000000000000001\"\n"

	c, err := config.Parse("mem.toml", []byte("[server]\napi_token_file = \""+good+"\"\n"+base), sinks.Default(), checks.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	if c.Server.APIToken.Reveal() != "0123456789abcdef-token" {
		t.Errorf("token = %q", c.Server.APIToken.Reveal())
	}
	if c.Alert.SilenceMaxDuration != config.DefaultSilenceMaxDuration || config.DefaultSilenceMaxDuration != 7*24*time.Hour {
		t.Errorf("silence_max_duration = %s by default", c.Alert.SilenceMaxDuration)
	}
	if out := sprintAll(c.Server); strings.Contains(out, "0123456789abcdef") {
		t.Errorf("the token prints: %s", out)
	}
	for text, want := range map[string]string{
		"[server]\napi_token_file = \"" + short + "\"\n" + base:                      "server.api_token_file: the token must be at least 16 characters (got 3)",
		"[server]\napi_token_file = \"" + spaced + "\"\n" + base:                     "server.api_token_file: the token must be one word of printable ASCII",
		"[server]\napi_token_file = \"" + filepath.Join(dir, "none") + "\"\n" + base: "server.api_token_file: read secret file",
		"[alert]\nsilence_max_duration = \"0s\"\n" + base:                            "alert.silence_max_duration: must be a positive duration",
	} {
		_, err := config.Parse("mem.toml", []byte(text), sinks.Default(), checks.Catalog())
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v, want %q", err, want)
		}
		if err != nil && strings.Contains(err.Error(), "0123456789") {
			t.Errorf("the token is in the error: %v", err)
		}
	}
	c, err = config.Parse("mem.toml", []byte("[alert]\nsilence_max_duration = \"2h\"\n"+base), sinks.Default(), checks.Catalog())
	if err != nil || c.Alert.SilenceMaxDuration != 2*time.Hour {
		t.Errorf("silence_max_duration = 2h: %v %v", c, err)
	}
}
