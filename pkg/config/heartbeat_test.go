package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/sinks"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
)

const oneNode = "[[node]]\nname = \"tc001\"\nurl = \"http://127.0.0.1:7935\"\nexpected_address = \"0x0000000000000000000000000000000000000001\"\n"

// TestHeartbeatAndPeers: [alert.heartbeat] and [[peer]] take their
// defaults, the URL may come from a file, and /status-bound printing of
// the section shows no secret.
func TestHeartbeatAndPeers(t *testing.T) {
	dir := t.TempDir()
	urlFile := filepath.Join(dir, "hb.url")
	if err := os.WriteFile(urlFile, []byte("https://hc-ping.com/0f1e2d3c-secret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	text := oneNode + "[alert.heartbeat]\nurl_file = \"" + urlFile + "\"\nstart = true\nalertmanager = true\n" +
		"[[peer]]\nname = \"host-b\"\nurl = \"http://10.0.0.2:9718\"\n[[peer]]\nname = \"host-c\"\nurl = \"http://10.0.0.3:9718\"\ninterval = \"30s\"\ntimeout = \"3s\"\n" +
		"[checks]\npeer_down_for = \"5m\"\n"
	c, err := config.Parse("lpwatch.toml", []byte(text), sinks.Default(), checks.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	h := c.Alert.Heartbeat
	if h.URL.Reveal() != "https://hc-ping.com/0f1e2d3c-secret" || !h.Start || !h.Alertmanager || !h.Enabled() ||
		h.Interval != config.DefaultHeartbeatInterval || h.Timeout != config.DefaultHeartbeatTimeout {
		t.Errorf("heartbeat %+v", h)
	}
	if strings.Contains(h.URL.String(), "0f1e2d3c") {
		t.Errorf("the heartbeat URL prints: %s", h.URL)
	}
	want := []config.Peer{
		{Name: "host-b", URL: "http://10.0.0.2:9718", Interval: config.DefaultPeerInterval, Timeout: config.DefaultPeerTimeout},
		{Name: "host-c", URL: "http://10.0.0.3:9718", Interval: 30 * time.Second, Timeout: 3 * time.Second},
	}
	if len(c.Peers) != 2 || c.Peers[0] != want[0] || c.Peers[1] != want[1] {
		t.Errorf("peers %+v, want %+v", c.Peers, want)
	}
	if c.Checks.PeerDownFor != 5*time.Minute || config.DefaultChecks().PeerDownFor != 2*time.Minute {
		t.Errorf("peer_down_for %s (default %s)", c.Checks.PeerDownFor, config.DefaultChecks().PeerDownFor)
	}
	d, err := config.Parse("lpwatch.toml", []byte(oneNode), sinks.Default(), checks.Catalog())
	if err != nil || d.Alert.Heartbeat.Enabled() || len(d.Peers) != 0 {
		t.Errorf("without the sections: %+v %+v %v", d.Alert.Heartbeat, d.Peers, err)
	}
}

// TestHeartbeatAndPeerProblems: every problem of the two sections is
// reported at once, by key.
func TestHeartbeatAndPeerProblems(t *testing.T) {
	text := oneNode + "[alert.heartbeat]\nfail_url = \"https://hc-ping.com/x/fail\"\n" +
		"[[peer]]\nname = \"b\"\nurl = \"http://10.0.0.2:9718\"\ntimeout = \"20s\"\n" +
		"[[peer]]\nname = \"b\"\nurl = \"10.0.0.3:9718\"\n[[peer]]\nname = \"c d\"\nurl = \"http://h\"\n[[peer]]\nname = \"e\"\nurl = \"http://h\"\ncolour = \"red\"\n"
	_, err := config.Parse("lpwatch.toml", []byte(text), sinks.Default(), checks.Catalog())
	if err == nil {
		t.Fatal("loaded")
	}
	for _, want := range []string{
		"alert.heartbeat.url: must be set (or url_file) when fail_url or start is",
		"peer[0].timeout: 20s must be less than interval 15s",
		`peer[1].name: duplicate peer name "b"`,
		"peer[1].url: is not a URL",
		`peer[2].name: "c d" is not a valid name`,
		`unknown key "peer[3].colour"`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	bad := oneNode + "[alert.heartbeat]\nurl = \"https://hc-ping.com/x\"\ninterval = \"10s\"\ntimeout = \"10s\"\nurl_file = \"/nonexistent/hb\"\n"
	_, err = config.Parse("lpwatch.toml", []byte(bad), sinks.Default(), checks.Catalog())
	for _, want := range []string{"alert.heartbeat.timeout: 10s must be less than interval 10s", "alert.heartbeat.url_file: set url or url_file, not both"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
}
