package email

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
)

func TestConfigValidation(t *testing.T) {
	dir := t.TempDir()
	notPEM := filepath.Join(dir, "ca.txt")
	if err := os.WriteFile(notPEM, []byte("not a certificate\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ca := alerttest.NewTLSCert(t).CAFile
	ok := Config{Name: "mail", Host: "smtp.example.net", Username: "u", Password: "p", From: "lpwatch <alerts@example.net>", To: []string{"oncall@example.net"}}
	with := func(f func(c *Config)) Config {
		c := ok
		c.To = append([]string(nil), ok.To...)
		f(&c)
		return c
	}
	rows := []alerttest.ConfigRow[Config]{
		{Name: "starttls by default", Cfg: ok},
		{Name: "implicit with a private CA", Cfg: with(func(c *Config) { c.TLS, c.Port, c.CAFile = TLSImplicit, 465, ca })},
		{Name: "no auth", Cfg: with(func(c *Config) { c.Username, c.Password = "", "" })},
		{Name: "none to localhost", Cfg: with(func(c *Config) { c.TLS, c.Host = TLSNone, "localhost" })},
		{Name: "none to ::1", Cfg: with(func(c *Config) { c.TLS, c.Host = TLSNone, "::1" })},
		{Name: "none elsewhere", Cfg: with(func(c *Config) { c.TLS = TLSNone }), Want: `tls = "none" is only allowed for a server on this host`},
		{Name: "none with ca_file", Cfg: with(func(c *Config) { c.TLS, c.Host, c.CAFile = TLSNone, "127.0.0.1", ca }), Want: `ca_file needs tls = "starttls" or "implicit"`},
		{Name: "unknown tls", Cfg: with(func(c *Config) { c.TLS = "ssl" }), Want: `tls "ssl" is not starttls, implicit or none`},
		{Name: "no host", Cfg: with(func(c *Config) { c.Host = "" }), Want: "host is empty"},
		{Name: "host with port", Cfg: with(func(c *Config) { c.Host = "smtp.example.net:587" }), Want: "(a port goes in port)"},
		{Name: "host is a URL", Cfg: with(func(c *Config) { c.Host = "smtp://smtp.example.net" }), Want: "is not a host name or IP address"},
		{Name: "port out of range", Cfg: with(func(c *Config) { c.Port = 70000 }), Want: "port 70000 is not a TCP port"},
		{Name: "username without password", Cfg: with(func(c *Config) { c.Password = "" }), Want: "username is set without password"},
		{Name: "password without username", Cfg: with(func(c *Config) { c.Username = "" }), Want: "password is set without username"},
		{Name: "bad from", Cfg: with(func(c *Config) { c.From = "lpwatch" }), Want: `from "lpwatch" is not an email address`},
		{Name: "no from", Cfg: with(func(c *Config) { c.From = "" }), Want: "from is empty"},
		{Name: "no recipient", Cfg: with(func(c *Config) { c.To = nil }), Want: "to lists no recipient"},
		{Name: "bad recipient", Cfg: with(func(c *Config) { c.To = append(c.To, "ops@") }), Want: `to[1] "ops@" is not an email address`},
		{Name: "ca_file missing", Cfg: with(func(c *Config) { c.CAFile = filepath.Join(dir, "none.pem") }), Want: "ca_file: stat"},
		{Name: "ca_file not PEM", Cfg: with(func(c *Config) { c.CAFile = notPEM }), Want: "holds no PEM certificate"},
		{Name: "negative timeout", Cfg: with(func(c *Config) { c.Timeout = -time.Second }), Want: "timeout -1s is negative"},
		{Name: "no name", Cfg: with(func(c *Config) { c.Name = "" }), Want: "name is empty"},
	}
	alerttest.RunConfigTable(t, rows, func(c Config) error {
		_, err := New(c, Options{})
		return err
	})
	if s := ok.String(); strings.Contains(s, ok.Password+" ") || !strings.Contains(s, "password=<redacted>") || !strings.Contains(s, "smtp=smtp.example.net:587") {
		t.Errorf("String() = %q", s)
	}
	for mode, port := range map[TLSMode]int{"": 587, TLSStartTLS: 587, TLSImplicit: 465, TLSNone: 25} {
		if got := (Config{TLS: mode}).port(); got != port {
			t.Errorf("default port of %q = %d, want %d", mode, got, port)
		}
	}
}
