// Package email is the email sink: one message per notification over
// SMTP (STARTTLS, implicit TLS, or plain text to a relay on this host),
// with authentication, a plain-text and an HTML part, and Message-ID,
// In-Reply-To and References headers that thread every message of an
// alert's firing episode under its first (see thread.go).
package email

import (
	"context"
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"net"
	netmail "net/mail"
	"strconv"
	"strings"
	"time"

	"github.com/sirupsen/logrus"
	mail "github.com/wneessen/go-mail"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

// Type is the sink's type, as `type = "email"` names it.
const Type = "email"

// Options carries the sink's dependencies (logger, clock); the HTTP
// client is not used.
type Options = alert.SinkOptions

// quitGrace bounds the QUIT that follows an accepted message. It runs
// after Notify has returned: the message is accepted once the server has
// answered the end of its data, and waiting for a courtesy would only
// widen the window in which a crash sends it again.
const quitGrace = 5 * time.Second

// commandSlack is how far go-mail's per-command deadline lies past the
// attempt's timeout.
const commandSlack = 10 * time.Second

// Notifier sends one email per notification. It implements alert.Sink;
// its classification of failures is described at classify.
type Notifier struct {
	name    string
	cfg     Config
	addr    string
	from    *netmail.Address
	to      []*netmail.Address
	domain  string
	tls     *tls.Config
	timeout time.Duration
	scrub   *httpsink.Scrubber
	log     logrus.FieldLogger
	clock   clock.Clock
}

// New builds an email Notifier from a valid config.
func New(cfg Config, opts Options) (*Notifier, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	opts = opts.WithDefaults()
	from, _ := parseFrom(cfg.From)
	to, _ := parseTo(cfg.To)
	pool, _ := loadCA(cfg.CAFile)
	timeout := cfg.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	domain := from.Address[strings.LastIndex(from.Address, "@")+1:]
	return &Notifier{
		name:    cfg.Name,
		cfg:     cfg,
		addr:    net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.port())),
		from:    from,
		to:      to,
		domain:  domain,
		tls:     &tls.Config{ServerName: cfg.Host, RootCAs: pool, MinVersion: tls.VersionTLS12},
		timeout: timeout,
		scrub:   httpsink.NewScrubber(nil, credentialForms(cfg.Username, cfg.Password)...),
		log:     opts.Logger.WithFields(logrus.Fields{"sink": cfg.Name, "type": Type}),
		clock:   opts.Clock,
	}, nil
}

// credentialForms are the password and the forms AUTH PLAIN and LOGIN
// put it in on the wire, which a server may quote back in an error.
func credentialForms(user, pass string) []string {
	if pass == "" {
		return nil
	}
	b64 := base64.StdEncoding.EncodeToString
	return []string{pass, b64([]byte(pass)), b64([]byte("\x00" + user + "\x00" + pass)), b64([]byte(user + "\x00" + pass))}
}

// Name implements alert.Sink.
func (s *Notifier) Name() string { return s.name }

// Type implements alert.Sink.
func (s *Notifier) Type() string { return Type }

// String names the sink and its server, never the password.
func (s *Notifier) String() string {
	return fmt.Sprintf("%s %q (smtp %s, tls=%s)", Type, s.name, s.addr, s.cfg.mode())
}

// GoString is String, so that %#v does not print the password either.
func (s *Notifier) GoString() string { return s.String() }

// Notify implements alert.Sink: it renders n, connects, authenticates
// and sends, all within the sink's timeout and ctx.
func (s *Notifier) Notify(ctx context.Context, n *alert.Notification) error {
	if err := alert.ValidateNotification(n); err != nil {
		return alert.InvalidNotification(err)
	}
	msg, err := s.compose(n)
	if err != nil {
		return alert.InvalidNotification(err)
	}
	ctx, cancel := context.WithTimeoutCause(ctx, s.timeout, errTimeout)
	defer cancel()
	d := &dialer{ctx: ctx}
	if s.cfg.mode() == TLSImplicit {
		d.tls = s.tls
	}
	defer d.release()
	c, err := mail.NewClient(s.cfg.Host, s.clientOptions(d)...)
	if err != nil {
		return &alert.DeliveryError{Reason: "config", Err: s.scrub.Error(fmt.Errorf("smtp %s: %w", s.addr, err))}
	}
	smtpc, err := c.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return s.classify(ctx, "connect", err)
	}
	if err := c.SendWithSMTPClient(smtpc, msg); err != nil {
		_ = smtpc.Close()
		return s.classify(ctx, "send", err)
	}
	d.detach()
	go func() {
		_ = smtpc.UpdateDeadline(quitGrace)
		_ = c.CloseWithSMTPClient(smtpc)
	}()
	s.log.WithFields(logrus.Fields{"alert": n.Alert, "target": n.Target, "status": n.Status, "seq": n.Seq,
		"message_id": msg.GetMessageID()}).Debug("notification accepted")
	return nil
}

// clientOptions configures go-mail for one attempt through d.
func (s *Notifier) clientOptions(d *dialer) []mail.Option {
	opts := []mail.Option{
		// go-mail sets a deadline of its own on the connection before each
		// command. It lies past the attempt's end, so that the attempt's
		// context, which closes the connection (dialer), is what ends a
		// stalled session and the error says it ran out of time.
		mail.WithTimeout(s.timeout + commandSlack),
		mail.WithDialContextFunc(d.dial),
		mail.WithTLSConfig(s.tls),
		mail.WithoutNoop(), // one message per connection: nothing to check
		mail.WithoutRset(), // nor to reset after it
	}
	switch s.cfg.mode() {
	case TLSImplicit:
		// The dialer speaks TLS; go-mail must not try STARTTLS on top.
		opts = append(opts, mail.WithSSL())
	case TLSStartTLS:
		opts = append(opts, mail.WithTLSPolicy(mail.TLSMandatory))
	case TLSNone:
		opts = append(opts, mail.WithTLSPolicy(mail.NoTLS))
	}
	opts = append(opts, mail.WithPort(s.cfg.port()))
	if s.cfg.Username != "" {
		plain, login := mail.SMTPAuthPlain, mail.SMTPAuthLogin
		if s.cfg.mode() == TLSNone {
			// Allowed only to this host (Config.Validate).
			plain, login = mail.SMTPAuthPlainNoEnc, mail.SMTPAuthLoginNoEnc
		}
		opts = append(opts, mail.WithOpportunisticSMTPAuth(plain, login),
			mail.WithUsername(s.cfg.Username), mail.WithPassword(s.cfg.Password))
	}
	return opts
}

// compose renders n as a go-mail message, addressed.
func (s *Notifier) compose(n *alert.Notification) (*mail.Msg, error) {
	m, err := NewMessage(n, s.domain, s.clock.Now())
	if err != nil {
		return nil, err
	}
	msg := mail.NewMsg(mail.WithNoDefaultUserAgent())
	msg.FromMailAddress(s.from)
	msg.ToMailAddress(s.to...)
	msg.Subject(m.Subject)
	msg.SetMessageIDWithValue(m.MessageID)
	if m.InReplyTo != "" {
		msg.SetGenHeader(mail.HeaderInReplyTo, "<"+m.InReplyTo+">")
		msg.SetGenHeader(mail.HeaderReferences, "<"+m.References+">")
	}
	msg.SetDateWithValue(m.Date)
	msg.SetUserAgent("lpwatch")
	// RFC 3834: an automatic message; vacation responders stay quiet.
	msg.SetGenHeader("Auto-Submitted", "auto-generated")
	msg.SetGenHeader("X-Lpwatch-Alert-Id", n.DedupKey())
	msg.SetGenHeader("X-Lpwatch-Status", string(n.Status))
	msg.SetGenHeader("X-Lpwatch-Severity", n.Severity.String())
	if n.Status == alert.StatusFiring && n.Severity == alert.SeverityCritical {
		msg.SetImportance(mail.ImportanceHigh)
	}
	msg.SetBodyString(mail.TypeTextPlain, m.Text)
	msg.AddAlternativeString(mail.TypeTextHTML, m.HTML)
	return msg, nil
}
