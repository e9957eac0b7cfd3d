package email_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/alert/email"
	"github.com/lpwatch/lpwatch/pkg/alert/sinks"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// The credentials the test server checks.
const (
	testUser     = "lpwatch@example.net"
	testPassword = "sm7p-pa55w0rd-planted"
)

// TestSection loads email sinks from TOML: the password from its file,
// both forms refused, each rule reported at its key, and the built sink
// delivering to the configured server.
func TestSection(t *testing.T) {
	dir := t.TempDir()
	pwFile := filepath.Join(dir, "smtp.pass")
	if err := os.WriteFile(pwFile, []byte(testPassword+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cert := alerttest.NewTLSCert(t)
	srv := alerttest.NewSMTPServer(t, alerttest.SMTPOptions{TLS: alerttest.SMTPImplicitTLS, Cert: cert, Username: testUser, Password: testPassword})
	node := "[[node]]\nname = \"tc001\"\nurl = \"http://127.0.0.1:7935\"\nexpected_address = \"0x0000000000000000000000000000000000000001\"\n"
	good := node + `
[[alert.sink]]
name = "mail"
type = "email"
host = "` + srv.Host() + `"
port = ` + strconv.Itoa(srv.Port()) + `
tls = "implicit"
username = "` + testUser + `"
password_file = "` + pwFile + `"
from = "lpwatch <alerts@example.net>"
to = ["oncall@example.net"]
ca_file = "` + cert.CAFile + `"
timeout = "5s"
`
	cfg, err := config.Parse("mem.toml", []byte(good), sinks.Default(), checks.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	built, err := sinks.Default().Build(cfg, alert.SinkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := built["mail"]
	if s == nil || s.Type() != email.Type {
		t.Fatalf("built %v", built)
	}
	if err := s.Notify(t.Context(), alerttest.Notification(alert.TxStalled, "tc001", alert.StatusFiring, 1)); err != nil {
		t.Fatalf("Notify: %v", err)
	}
	if m := srv.WaitMessages(t, 1)[0]; m.User != testUser || !m.TLS {
		t.Errorf("message as %q over TLS %v", m.User, m.TLS)
	}

	bad := node + `
[[alert.sink]]
name = "mail"
type = "email"
host = "smtp.example.net"
tls = "none"
username = "` + testUser + `"
password = "inline"
password_file = "` + pwFile + `"
from = "nobody"
to = []
`
	_, err = config.Parse("mem.toml", []byte(bad), sinks.Default(), checks.Catalog())
	for _, want := range []string{
		`mem.toml:10:1: alert.sink[0]: tls = "none" is only allowed for a server on this host (localhost or a loopback address), not "smtp.example.net"`,
		`mem.toml:13:1: alert.sink[0].password_file: set password or password_file, not both`,
		`mem.toml:14:1: alert.sink[0]: from "nobody" is not an email address`,
		`mem.toml:15:1: alert.sink[0]: to lists no recipient`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v\ndoes not contain %q", err, want)
		}
	}
	if err != nil && strings.Contains(err.Error(), "inline") {
		t.Errorf("the error shows the password: %v", err)
	}
}

// TestExampleBlock loads the commented email sink of config.example.toml,
// uncommented, so that the example stays a valid configuration.
func TestExampleBlock(t *testing.T) {
	pw := filepath.Join(t.TempDir(), "smtp.pass")
	if err := os.WriteFile(pw, []byte("example\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	text := alerttest.ExampleSink(t, "mail", map[string]string{"/etc/lpwatch/smtp.pass": pw})
	cfg, err := config.Parse("example.toml", []byte(text), sinks.Default(), checks.Catalog())
	if err != nil {
		t.Fatalf("the example's email sink does not load: %v\n%s", err, text)
	}
	sec, ok := cfg.Alert.Sinks[0].Settings.(*email.Section)
	if !ok || sec.Host != "smtp.example.net" || sec.TLS != "starttls" || sec.Password.Reveal() != "example" || len(sec.To) != 1 {
		t.Errorf("example sink %+v", cfg.Alert.Sinks[0].Settings)
	}
}
