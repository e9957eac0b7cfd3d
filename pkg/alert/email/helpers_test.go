package email

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
)

// The credentials the test servers check.
const (
	testUser     = "lpwatch@example.net"
	testPassword = "sm7p-pa55w0rd-planted"
)

// newServer starts an SMTP server in mode that requires testUser's
// AUTH, offering mechs (nil: PLAIN and LOGIN).
func newServer(t *testing.T, mode alerttest.SMTPTLS, mechs ...string) (*alerttest.SMTPServer, *alerttest.TLSCert) {
	t.Helper()
	cert := alerttest.NewTLSCert(t)
	srv := alerttest.NewSMTPServer(t, alerttest.SMTPOptions{TLS: mode, Cert: cert, Username: testUser, Password: testPassword, Mechanisms: mechs})
	return srv, cert
}

// testConfig is a config of a sink that sends to srv in mode.
func testConfig(srv *alerttest.SMTPServer, cert *alerttest.TLSCert, mode TLSMode) Config {
	c := Config{
		Name: "mail", Host: srv.Host(), Port: srv.Port(), TLS: mode,
		Username: testUser, Password: testPassword,
		From: "lpwatch <alerts@example.net>", To: []string{"oncall@example.net", "Ops Team <ops@example.org>"},
	}
	if mode != TLSNone && cert != nil {
		c.CAFile = cert.CAFile
	}
	return c
}

func newNotifier(t *testing.T, cfg Config, log logrus.FieldLogger) *Notifier {
	t.Helper()
	s, err := New(cfg, Options{Logger: log})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

// received is a message as a mail client reads it.
type received struct {
	Header mail.Header
	// Subject is the decoded subject.
	Subject string
	// Parts are the decoded bodies by content type, in order.
	Types []string
	Text  string
	HTML  string
}

// parseMessage reads data with net/mail and mime/multipart, as a mail
// client would: the headers, and each part of the multipart/alternative
// body, transfer encoding removed.
func parseMessage(t *testing.T, data []byte) received {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("read message: %v\n%s", err, data)
	}
	r := received{Header: m.Header}
	if r.Subject, err = new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject")); err != nil {
		t.Fatalf("subject %q: %v", m.Header.Get("Subject"), err)
	}
	mt, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/alternative" {
		t.Fatalf("Content-Type %q (%v), want multipart/alternative", m.Header.Get("Content-Type"), err)
	}
	mr := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("next part: %v", err)
		}
		body, err := io.ReadAll(p)
		if err != nil {
			t.Fatalf("read part: %v", err)
		}
		ct, cparams, err := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if err != nil || !strings.EqualFold(cparams["charset"], "utf-8") {
			t.Fatalf("part Content-Type %q (%v), want a UTF-8 charset", p.Header.Get("Content-Type"), err)
		}
		body = bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n"))
		r.Types = append(r.Types, ct)
		switch ct {
		case "text/plain":
			r.Text = string(body)
		case "text/html":
			r.HTML = string(body)
		}
	}
	return r
}
