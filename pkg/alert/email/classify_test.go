package email

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
)

// TestReplyClasses runs the shared SMTP reply table: every failure reply
// a server may give at AUTH, MAIL, RCPT and the end of DATA, 4yz
// retryable and 5yz permanent, each with its code as the reason.
func TestReplyClasses(t *testing.T) {
	srv, cert := newServer(t, alerttest.SMTPStartTLS)
	s := newNotifier(t, testConfig(srv, cert, TLSStartTLS), nil)
	alerttest.RunSMTPReplyTable(t, srv, s, alerttest.Notification(alert.TxStalled, "tc001", alert.StatusFiring, 1))
}

// TestTransportFailures runs the shared table of failures without an
// answer: a refused connection, a server that never greets (past the
// context's deadline) and a cancelled context are retryable.
func TestTransportFailures(t *testing.T) {
	n := alerttest.Notification(alert.TxStalled, "tc001", alert.StatusFiring, 1)
	alerttest.RunTransportTable(t, func(base string) alert.Sink {
		u, err := url.Parse(base)
		if err != nil {
			t.Fatal(err)
		}
		port, _ := strconv.Atoi(u.Port())
		return newNotifier(t, Config{Name: "mail", Host: u.Hostname(), Port: port, TLS: TLSNone,
			From: "alerts@example.net", To: []string{"oncall@example.net"}}, nil)
	}, n)
}

// TestTLSAndStallFailures classifies the failures of a session that goes
// wrong after the connection: a certificate of an unknown authority and a
// TLS client on a plain-text port are permanent ("tls"); a server without
// STARTTLS is retried; a server that stops answering in the middle of the
// message, or that waits for a TLS hello the client does not send, runs
// into the sink's timeout and is retried.
func TestTLSAndStallFailures(t *testing.T) {
	n := alerttest.Notification(alert.TxStalled, "tc001", alert.StatusFiring, 1)
	starttls, cert := newServer(t, alerttest.SMTPStartTLS)
	implicit, _ := newServer(t, alerttest.SMTPImplicitTLS)
	plain, _ := newServer(t, alerttest.SMTPNoTLS)
	stall, stallCert := newServer(t, alerttest.SMTPStartTLS)
	stall.Script(alerttest.SMTPReply{Stage: alerttest.StageData, Hang: true})
	certs := map[*alerttest.SMTPServer]*alerttest.TLSCert{starttls: cert, stall: stallCert}
	cfg := func(srv *alerttest.SMTPServer, mode TLSMode, edit func(*Config)) Config {
		c := testConfig(srv, certs[srv], mode)
		c.Host = "localhost" // the certificate names it too
		if edit != nil {
			edit(&c)
		}
		return c
	}
	short := func(c *Config) { c.Timeout = 300 * time.Millisecond }
	for _, tc := range []struct {
		name   string
		cfg    Config
		retry  bool
		reason string
	}{
		{"unknown authority", cfg(starttls, TLSStartTLS, func(c *Config) { c.CAFile = "" }), false, "tls"},
		{"implicit TLS to a plain-text port", cfg(starttls, TLSImplicit, nil), false, "tls"},
		{"no STARTTLS offered", cfg(plain, TLSStartTLS, nil), true, "smtp"},
		{"STARTTLS to an implicit TLS port", cfg(implicit, TLSStartTLS, short), true, "timeout"},
		{"stalled during the message", cfg(stall, TLSStartTLS, short), true, "timeout"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := newNotifier(t, tc.cfg, nil).Notify(context.Background(), n)
			var de *alert.DeliveryError
			if !errors.As(err, &de) || de.Retryable != tc.retry || de.Reason != tc.reason {
				t.Fatalf("got %v, want retryable=%v reason %q", err, tc.retry, tc.reason)
			}
			if tc.reason == "timeout" && !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("timeout %v does not match context.DeadlineExceeded", err)
			}
		})
	}
	if stall.Rejected() != 1 || len(stall.Messages()) != 0 {
		t.Errorf("the stalled server ended %d sessions and holds %d messages, want 1 and none", stall.Rejected(), len(stall.Messages()))
	}
}

// TestAuthRequiresTheRightPassword: the test server checks credentials,
// so a wrong password is refused with 535 (permanent) and nothing is
// delivered.
func TestAuthRequiresTheRightPassword(t *testing.T) {
	srv, cert := newServer(t, alerttest.SMTPImplicitTLS)
	c := testConfig(srv, cert, TLSImplicit)
	c.Password = "wrong-password"
	err := newNotifier(t, c, nil).Notify(context.Background(), alerttest.Notification(alert.TxStalled, "tc001", alert.StatusFiring, 1))
	if retry, _, reason := alert.Classify(err); retry || reason != "smtp_535" {
		t.Fatalf("got %v (retry %v, reason %q), want a permanent smtp_535", err, retry, reason)
	}
	if len(srv.Messages()) != 0 {
		t.Error("a message was accepted without the right password")
	}
}

// TestLocalhostOnly: a name of this host passes the loopback rule of
// tls = "none", another does not.
func TestLocalhostOnly(t *testing.T) {
	for host, want := range map[string]bool{"localhost": true, "LOCALHOST": true, "127.0.0.1": true, "127.0.0.53": true,
		"::1": true, "smtp.example.net": false, "10.0.0.1": false, "localhost.example.net": false} {
		if got := loopback(host); got != want {
			t.Errorf("loopback(%q) = %v, want %v", host, got, want)
		}
	}
}
