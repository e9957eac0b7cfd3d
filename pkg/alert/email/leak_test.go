package email

import (
	"context"
	"encoding/base64"
	"fmt"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
)

// TestNoPasswordLeaks plants the password and drives the sink through
// failures that tend to leak it: a server that quotes the credentials it
// got back in a temporary (454) and a permanent (535) AUTH failure, with
// PLAIN and with LOGIN, a wrong password, a refused connection, a
// timeout, and a success. Neither the password nor the forms it takes on
// the wire (base64 of it, of AUTH PLAIN's message) appear in an error, a
// log line or the sink's and its config's descriptions.
func TestNoPasswordLeaks(t *testing.T) {
	secrets := []string{testPassword, base64.StdEncoding.EncodeToString([]byte(testPassword)),
		base64.StdEncoding.EncodeToString([]byte("\x00" + testUser + "\x00" + testPassword))}
	n := alerttest.Notification(alert.TxStalled, "tc001", alert.StatusFiring, 1)
	for _, mech := range []string{"PLAIN", "LOGIN"} {
		srv, cert := newServer(t, alerttest.SMTPStartTLS, mech)
		cases := []struct {
			name   string
			script []alerttest.SMTPReply
			edit   func(*Config)
			reason string
		}{
			{name: "echo 454", script: []alerttest.SMTPReply{{Stage: alerttest.StageAuth, Code: 454, Message: "try later, you sent", Echo: true}}, reason: "smtp_454"},
			{name: "echo 535", script: []alerttest.SMTPReply{{Stage: alerttest.StageAuth, Code: 535, Message: "bad credentials", Echo: true}}, reason: "smtp_535"},
			{name: "wrong password", edit: func(c *Config) { c.Password = testPassword + "x" }, reason: "smtp_535"},
			{name: "refused", edit: func(c *Config) { c.Port = closedPort(t) }, reason: "connection"},
			{name: "timeout", script: []alerttest.SMTPReply{{Stage: alerttest.StageAuth, Hang: true}},
				edit: func(c *Config) { c.Timeout = 100 * time.Millisecond }, reason: "timeout"},
			{name: "accepted"},
		}
		for _, tc := range cases {
			t.Run(mech+" "+tc.name, func(t *testing.T) {
				srv.Script(tc.script...)
				cfg := testConfig(srv, cert, TLSStartTLS)
				if tc.edit != nil {
					tc.edit(&cfg)
				}
				log, hook := alerttest.NewLogger()
				s := newNotifier(t, cfg, log)
				err := s.Notify(context.Background(), n)
				if _, _, reason := alert.Classify(err); (err == nil) != (tc.reason == "") || (err != nil && reason != tc.reason) {
					t.Fatalf("got %v, want reason %q", err, tc.reason)
				}
				texts := append(alerttest.ErrorTexts(err), alerttest.LogTexts(hook)...)
				texts = append(texts, fmt.Sprint(s), fmt.Sprintf("%+v", s), fmt.Sprintf("%#v", s),
					fmt.Sprint(cfg), fmt.Sprintf("%+v", cfg), fmt.Sprintf("%#v", cfg))
				for _, secret := range secrets {
					alerttest.AssertNoSecret(t, secret, texts...)
				}
			})
		}
	}
}

// closedPort returns a loopback port nothing listens on.
func closedPort(t *testing.T) int {
	t.Helper()
	srv := alerttest.NewSMTPServer(t, alerttest.SMTPOptions{TLS: alerttest.SMTPNoTLS})
	srv.Stop()
	return srv.Port()
}
