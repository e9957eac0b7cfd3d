package alerttest

import (
	"crypto/tls"
	"errors"
	"io"
	"log"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// SMTPTLS is how an SMTPServer offers TLS.
type SMTPTLS string

// TLS modes of an SMTPServer.
const (
	// SMTPStartTLS offers STARTTLS on a plain connection (port 587 style)
	// and AUTH only after it.
	SMTPStartTLS SMTPTLS = "starttls"
	// SMTPImplicitTLS speaks TLS from the first byte (port 465 style).
	SMTPImplicitTLS SMTPTLS = "implicit"
	// SMTPNoTLS offers no TLS, and AUTH in the clear.
	SMTPNoTLS SMTPTLS = "none"
)

// SMTPStage is a step of an SMTP transaction where a reply can be scripted.
type SMTPStage string

// Stages of a transaction, in order.
const (
	StageAuth SMTPStage = "auth"
	StageMail SMTPStage = "mail"
	StageRcpt SMTPStage = "rcpt"
	StageData SMTPStage = "data"
)

// SMTPReply scripts how one connection to an SMTPServer goes: at Stage,
// answer Code and Message instead of going on, or hang there. The zero
// value accepts the message.
type SMTPReply struct {
	Stage   SMTPStage
	Code    int
	Message string
	// Echo appends what the client sent at Stage to Message (at AUTH its
	// user name and password, decoded), as a careless server might: it
	// checks that sinks scrub secrets.
	Echo bool
	// Hang blocks at Stage until the server stops or closes.
	Hang bool
}

// SMTPOptions configures an SMTPServer.
type SMTPOptions struct {
	TLS SMTPTLS
	// Cert is the server's certificate; required unless TLS is SMTPNoTLS.
	Cert *TLSCert
	// Username and Password, when Username is set, are required (AUTH)
	// before MAIL and checked.
	Username, Password string
	// Mechanisms are the AUTH mechanisms offered; nil means PLAIN and LOGIN.
	Mechanisms []string
}

// SMTPMessage is one message an SMTPServer accepted.
type SMTPMessage struct {
	From string
	To   []string
	Data []byte
	// User is the name the client authenticated as ("" without AUTH).
	User string
	// TLS is true when the message came over TLS.
	TLS bool
}

// SMTPServer is a real SMTP server (github.com/emersion/go-smtp) on
// 127.0.0.1 that records what it accepts and answers from a script, one
// SMTPReply per connection, then with a default.
type SMTPServer struct {
	opts SMTPOptions
	addr string

	mu       sync.Mutex
	srv      *smtp.Server
	ln       net.Listener
	hang     chan struct{}
	script   []SMTPReply
	def      SMTPReply
	conns    int
	msgs     []SMTPMessage
	rejected int
	changed  chan struct{}
}

// NewSMTPServer starts an SMTPServer on a free loopback port. It is closed
// when the test ends.
func NewSMTPServer(t testing.TB, opts SMTPOptions) *SMTPServer {
	t.Helper()
	if opts.TLS != SMTPNoTLS && opts.Cert == nil {
		t.Fatal("NewSMTPServer: a TLS mode needs a certificate")
	}
	if opts.Mechanisms == nil {
		opts.Mechanisms = []string{sasl.Plain, sasl.Login}
	}
	s := &SMTPServer{opts: opts, addr: "127.0.0.1:0", changed: make(chan struct{})}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return s
}

// Addr is the server's host:port.
func (s *SMTPServer) Addr() string { return s.addr }

// Host is the server's IP address, 127.0.0.1.
func (s *SMTPServer) Host() string {
	h, _, _ := net.SplitHostPort(s.addr)
	return h
}

// Port is the server's TCP port.
func (s *SMTPServer) Port() int {
	_, p, _ := net.SplitHostPort(s.addr)
	n, _ := strconv.Atoi(p)
	return n
}

// Start listens again, on the same address, after Stop.
func (s *SMTPServer) Start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv != nil {
		return nil
	}
	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		return err
	}
	s.addr = ln.Addr().String()
	srv := smtp.NewServer(smtp.BackendFunc(s.newSession))
	srv.Domain = "localhost"
	srv.ErrorLog = log.New(io.Discard, "", 0)
	srv.ReadTimeout, srv.WriteTimeout = WaitLimit, WaitLimit
	srv.AllowInsecureAuth = s.opts.TLS == SMTPNoTLS
	var l net.Listener = &plannedListener{Listener: ln, s: s}
	switch s.opts.TLS {
	case SMTPStartTLS:
		srv.TLSConfig = s.opts.Cert.Server
	case SMTPImplicitTLS:
		l = tls.NewListener(l, s.opts.Cert.Server)
	}
	s.srv, s.ln, s.hang = srv, ln, make(chan struct{})
	go func() { _ = srv.Serve(l) }()
	return nil
}

// Stop closes the listener and every connection: connections are refused
// until Start. Hanging sessions are released.
func (s *SMTPServer) Stop() {
	s.mu.Lock()
	srv, ln, hang := s.srv, s.ln, s.hang
	s.srv, s.ln = nil, nil
	s.mu.Unlock()
	if srv == nil {
		return
	}
	close(hang)
	// Closed here too: Close misses a listener Serve has not taken yet.
	_ = ln.Close()
	_ = srv.Close()
}

// Script queues the replies of the next connections, one each.
func (s *SMTPServer) Script(rs ...SMTPReply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.script = append(s.script, rs...)
}

// SetDefault sets the reply of the connections the script has none for
// (the zero SMTPReply, which accepts, until then).
func (s *SMTPServer) SetDefault(r SMTPReply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.def = r
}

// Connections is how many connections the server accepted.
func (s *SMTPServer) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conns
}

// Rejected is how many sessions a scripted reply ended (or hung).
func (s *SMTPServer) Rejected() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rejected
}

// Messages returns a copy of the messages accepted so far.
func (s *SMTPServer) Messages() []SMTPMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]SMTPMessage(nil), s.msgs...)
}

// WaitMessages waits until at least n messages were accepted and returns
// them; it fails the test after WaitLimit.
func (s *SMTPServer) WaitMessages(t testing.TB, n int) []SMTPMessage {
	t.Helper()
	s.waitFor(t, "accepted messages", n, func() int { return len(s.msgs) })
	return s.Messages()
}

// WaitConnections waits until at least n connections were accepted.
func (s *SMTPServer) WaitConnections(t testing.TB, n int) {
	t.Helper()
	s.waitFor(t, "connections", n, func() int { return s.conns })
}

func (s *SMTPServer) waitFor(t testing.TB, what string, n int, count func() int) {
	t.Helper()
	limit := time.NewTimer(WaitLimit)
	defer limit.Stop()
	for {
		s.mu.Lock()
		got, ch := count(), s.changed
		s.mu.Unlock()
		if got >= n {
			return
		}
		select {
		case <-ch:
		case <-limit.C:
			t.Fatalf("SMTP server got %d %s, want %d", got, what, n)
		}
	}
}

// update runs f under the lock and wakes the waiters.
func (s *SMTPServer) update(f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f()
	close(s.changed)
	s.changed = make(chan struct{})
}

// plannedListener gives each connection the next scripted reply.
type plannedListener struct {
	net.Listener
	s *SMTPServer
}

// plannedConn is a connection with its scripted reply.
type plannedConn struct {
	net.Conn
	plan SMTPReply
}

func (l *plannedListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	pc := &plannedConn{Conn: c}
	l.s.update(func() {
		l.s.conns++
		pc.plan = l.s.def
		if len(l.s.script) > 0 {
			pc.plan, l.s.script = l.s.script[0], l.s.script[1:]
		}
	})
	return pc, nil
}

func (s *SMTPServer) newSession(c *smtp.Conn) (smtp.Session, error) {
	nc := c.Conn()
	if tc, ok := nc.(*tls.Conn); ok {
		nc = tc.NetConn()
	}
	pc, ok := nc.(*plannedConn)
	if !ok {
		return nil, errors.New("connection without a plan")
	}
	s.mu.Lock()
	hang := s.hang
	s.mu.Unlock()
	return &smtpSession{s: s, conn: c, plan: pc.plan, hang: hang}, nil
}

// smtpSession is one SMTP session of an SMTPServer.
type smtpSession struct {
	s    *SMTPServer
	conn *smtp.Conn
	plan SMTPReply
	hang chan struct{}
	// ended is set once the plan ended a transaction of the session.
	ended bool
	user  string
	from  string
	to    []string
}

var _ smtp.AuthSession = (*smtpSession)(nil)

// at applies the plan at stage; echo is what the client sent there.
func (ss *smtpSession) at(stage SMTPStage, echo string) error {
	p := ss.plan
	if p.Stage != stage {
		return nil
	}
	if !ss.ended {
		ss.ended = true
		ss.s.update(func() { ss.s.rejected++ })
	}
	if p.Hang {
		<-ss.hang
		return &smtp.SMTPError{Code: 421, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "shutting down"}
	}
	msg := p.Message
	if p.Echo {
		msg += " " + echo
	}
	return &smtp.SMTPError{Code: p.Code, EnhancedCode: smtp.EnhancedCode{p.Code / 100, 0, 0}, Message: msg}
}

// AuthMechanisms implements smtp.AuthSession.
func (ss *smtpSession) AuthMechanisms() []string {
	if ss.s.opts.Username == "" {
		return nil
	}
	return ss.s.opts.Mechanisms
}

// Auth implements smtp.AuthSession.
func (ss *smtpSession) Auth(mech string) (sasl.Server, error) {
	switch mech {
	case sasl.Plain:
		return sasl.NewPlainServer(func(_, user, pass string) error { return ss.login(user, pass) }), nil
	case sasl.Login:
		return &loginServer{check: ss.login}, nil
	}
	return nil, smtp.ErrAuthUnknownMechanism
}

func (ss *smtpSession) login(user, pass string) error {
	if err := ss.at(StageAuth, user+" "+pass); err != nil {
		return err
	}
	if user != ss.s.opts.Username || pass != ss.s.opts.Password {
		return smtp.ErrAuthFailed
	}
	ss.user = user
	return nil
}

// Mail implements smtp.Session.
func (ss *smtpSession) Mail(from string, _ *smtp.MailOptions) error {
	if ss.s.opts.Username != "" && ss.user == "" {
		return smtp.ErrAuthRequired
	}
	if err := ss.at(StageMail, from); err != nil {
		return err
	}
	ss.from = from
	return nil
}

// Rcpt implements smtp.Session.
func (ss *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	if err := ss.at(StageRcpt, to); err != nil {
		return err
	}
	ss.to = append(ss.to, to)
	return nil
}

// Data implements smtp.Session.
func (ss *smtpSession) Data(r io.Reader) error {
	data, err := io.ReadAll(io.LimitReader(r, 1<<20))
	if err != nil {
		return err
	}
	if err := ss.at(StageData, string(data)); err != nil {
		return err
	}
	_, isTLS := ss.conn.TLSConnectionState()
	m := SMTPMessage{From: ss.from, To: append([]string(nil), ss.to...), Data: data, User: ss.user, TLS: isTLS}
	ss.s.update(func() { ss.s.msgs = append(ss.s.msgs, m) })
	return nil
}

// Reset implements smtp.Session.
func (ss *smtpSession) Reset() { ss.from, ss.to = "", nil }

// Logout implements smtp.Session.
func (ss *smtpSession) Logout() error { return nil }

// loginServer is the server side of AUTH LOGIN, which go-sasl lacks:
// it asks for the user name, then the password.
type loginServer struct {
	check func(user, pass string) error
	step  int
	user  string
}

// Next implements sasl.Server.
func (l *loginServer) Next(resp []byte) ([]byte, bool, error) {
	switch l.step {
	case 0:
		l.step = 1
		if resp == nil {
			return []byte("Username:"), false, nil
		}
		fallthrough
	case 1:
		l.user, l.step = string(resp), 2
		return []byte("Password:"), false, nil
	}
	return nil, true, l.check(l.user, string(resp))
}
