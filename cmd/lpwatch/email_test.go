package main

import (
	"bytes"
	"fmt"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// The credentials of the SMTP servers of these tests.
const (
	smtpUser            = "lpwatch@example.net"
	plantedSMTPPassword = "smtp-passw0rd-planted"
)

// smtpSink is an email sink whose SMTP server (STARTTLS, AUTH checked)
// the test stops and starts.
type smtpSink struct {
	srv    *alerttest.SMTPServer
	cert   *alerttest.TLSCert
	pwFile string
}

func newSMTPSink(t *testing.T) *smtpSink {
	t.Helper()
	cert := alerttest.NewTLSCert(t)
	srv := alerttest.NewSMTPServer(t, alerttest.SMTPOptions{TLS: alerttest.SMTPStartTLS, Cert: cert, Username: smtpUser, Password: plantedSMTPPassword})
	pw := filepath.Join(t.TempDir(), "smtp.pass")
	if err := os.WriteFile(pw, []byte(plantedSMTPPassword+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return &smtpSink{srv: srv, cert: cert, pwFile: pw}
}

func (s *smtpSink) table() string {
	return fmt.Sprintf(`[[alert.sink]]
name = "oncall"
type = "email"
host = %q
port = %d
tls = "starttls"
username = %q
password_file = %q
from = "lpwatch <alerts@example.net>"
to = ["oncall@example.net"]
ca_file = %q
min_severity = "critical"
`, s.srv.Host(), s.srv.Port(), smtpUser, s.pwFile, s.cert.CAFile)
}

// waitFailed waits until /status shows the sink failing: its server is
// down, so it refuses connections and sees nothing.
func (s *smtpSink) waitFailed(t *testing.T, listen string) {
	t.Helper()
	waitUntil(t, "a refused delivery to the stopped SMTP server", func() bool {
		var st status.Report
		if err := (daemonAPI{addr: "http://" + listen}).call(t.Context(), "GET", "/status", nil, &st); err != nil {
			return false
		}
		for _, h := range st.Delivery.Sinks {
			if h.Sink == "oncall" && h.LastReason == "connection" && h.QueueDepth > 0 {
				return true
			}
		}
		return false
	})
}

func (s *smtpSink) heal(t *testing.T) {
	if err := s.srv.Start(); err != nil {
		t.Fatalf("restart the SMTP server: %v", err)
	}
}

// delivered keys a trigger by its Message-ID and a resolve by its
// In-Reply-To: equal keys mean the resolve is threaded under its trigger.
func (s *smtpSink) delivered(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, m := range s.srv.Messages() {
		h := readHeader(t, m.Data)
		switch h.Get("X-Lpwatch-Status") {
		case "firing":
			out = append(out, "trigger "+h.Get("Message-ID"))
		case "resolved":
			out = append(out, "resolve "+h.Get("In-Reply-To"))
		}
	}
	return out
}

func (s *smtpSink) waitAccepted(t *testing.T) { s.srv.WaitMessages(t, 2) }

// readHeader parses the header of a received message.
func readHeader(t *testing.T, data []byte) mail.Header {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("read message: %v", err)
	}
	return m.Header
}

// TestKill9LosesNothingEmail is TestKill9LosesNothing for an email sink
// whose SMTP server is down: after the kill and the restart the trigger
// and the resolve arrive once each, in order, the resolve replying to the
// trigger's Message-ID.
func TestKill9LosesNothingEmail(t *testing.T) {
	s := newSMTPSink(t)
	s.srv.Stop()
	kill9LosesNothing(t, s)
}

// TestTestAlertEmail runs `lpwatch test-alert -sink` on an email sink:
// the test trigger and its resolve reach the SMTP server, threaded; a
// server that refuses the credentials (quoting them back) makes it fail
// with the reply's class and without the password.
func TestTestAlertEmail(t *testing.T) {
	s := newSMTPSink(t)
	cfg := testAlertConfig(t, s.table())
	var stdout, stderr bytes.Buffer
	if code := run([]string{"test-alert", "-config", cfg, "-sink", "oncall"}, &stdout, &stderr); code != 0 ||
		!strings.Contains(stdout.String(), "oncall       email        ok") {
		t.Fatalf("test-alert: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	msgs := s.srv.WaitMessages(t, 2)
	trigger, resolve := readHeader(t, msgs[0].Data), readHeader(t, msgs[1].Data)
	const subject = "[lpwatch orch-1] [TEST] LpwatchTest on lpwatch"
	if trigger.Get("Subject") != subject || resolve.Get("Subject") != "Re: "+subject ||
		resolve.Get("In-Reply-To") != trigger.Get("Message-ID") || trigger.Get("Message-ID") == "" {
		t.Errorf("trigger %q %s, resolve %q in reply to %s", trigger.Get("Subject"), trigger.Get("Message-ID"),
			resolve.Get("Subject"), resolve.Get("In-Reply-To"))
	}
	if msgs[0].User != smtpUser || !msgs[0].TLS {
		t.Errorf("delivered as %q over TLS %v", msgs[0].User, msgs[0].TLS)
	}

	s.srv.Script(alerttest.SMTPReply{Stage: alerttest.StageAuth, Code: 535, Message: "rejected:", Echo: true})
	stdout.Reset()
	stderr.Reset()
	code := run([]string{"test-alert", "-config", cfg, "-sink", "oncall"}, &stdout, &stderr)
	out := stdout.String() + stderr.String()
	if code != 1 || !strings.Contains(out, "oncall       email        FAILED: permanent delivery failure (smtp_535)") {
		t.Errorf("test-alert against a refusing server: exit %d\n%s", code, out)
	}
	alerttest.AssertNoSecret(t, plantedSMTPPassword, out)
}
