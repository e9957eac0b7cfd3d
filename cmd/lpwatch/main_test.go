package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/daemon"
)

func TestCheckConfigExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	both := filepath.Join(dir, "both.toml")
	key := filepath.Join(dir, "pd.key")
	if err := os.WriteFile(key, []byte(strings.Repeat("k", 32)), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte(`[server]
listn = "127.0.0.1:1"
[[node]]
name = "tc001"
url = "http://127.0.0.1:7935"
expected_address = "0x0000000000000000000000000000000000000001"
interval = "soon"
timeout = "20s"
`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(both, []byte(`[[node]]
name = "tc001"
url = "http://127.0.0.1:7935"
expected_address = "0x0000000000000000000000000000000000000001"
interval = "10s"
timeout = "10s"
[[alert.sink]]
name = "pd"
type = "pagerduty"
routing_key = "`+strings.Repeat("k", 32)+`"
routing_key_file = "`+key+`"
`), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		code int
		want []string
	}{
		{[]string{"check-config", filepath.Join("..", "..", "config.example.toml")}, 0, []string{"ok (1 node(s)"}},
		{[]string{"check-config", bad}, 1, []string{`bad.toml:2:1: unknown key "server.listn"`, `bad.toml:7:1: node[0].interval: invalid duration "soon"`}},
		{[]string{"check-config", both}, 1, []string{`node[0].timeout: 10s must be less than interval 10s`, `routing_key_file: set routing_key or routing_key_file, not both`}},
		{[]string{"check-config"}, 2, nil},
		{[]string{"check-config", "-h"}, 0, []string{"usage: lpwatch check-config FILE"}},
		{[]string{"nope"}, 2, []string{`unknown command "nope"`}},
		{nil, 2, []string{"usage: lpwatch"}},
		{[]string{"version"}, 0, []string{"lpwatch dev"}},
		{[]string{"run"}, 2, nil},
		{[]string{"-h"}, 0, []string{"commands:"}},
	}
	for _, c := range cases {
		var out, errb bytes.Buffer
		code := run(c.args, &out, &errb)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d (stdout %q, stderr %q)", c.args, code, c.code, out.String(), errb.String())
		}
		all := out.String() + errb.String()
		for _, w := range c.want {
			if !strings.Contains(all, w) {
				t.Errorf("%v: output lacks %q:\n%s", c.args, w, all)
			}
		}
	}
}

// TestVersionOutput: version, commit, build date, Go version and every
// state file's format version, one per line.
func TestVersionOutput(t *testing.T) {
	var out bytes.Buffer
	if code := run([]string{"version"}, &out, io.Discard); code != 0 {
		t.Fatalf("exit %d", code)
	}
	want := []string{"lpwatch " + version + "\n", "commit        " + commit, "built         " + date, "go            " + runtime.Version()}
	for _, f := range daemon.StateFormats() {
		want = append(want, f.String())
	}
	for _, w := range want {
		if !strings.Contains(out.String(), w) {
			t.Errorf("version output lacks %q:\n%s", w, out.String())
		}
	}
	if !strings.Contains(out.String(), "alerts.json v1") {
		t.Errorf("no state format line:\n%s", out.String())
	}
}
