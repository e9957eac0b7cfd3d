package email

import (
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"os"
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// DefaultTimeout bounds one delivery (connect, TLS, AUTH, the message and
// its acceptance) of a Config without one: the timeout of every sink.
const DefaultTimeout = config.DefaultSinkTimeout

// TLSMode is how the sink protects its connection to the server.
type TLSMode string

// TLS modes, as the tls key names them.
const (
	// TLSStartTLS connects in plain text and upgrades with STARTTLS before
	// anything else is sent; a server that does not offer it is refused
	// (RFC 3207). Port 587 (submission) by default. The default mode.
	TLSStartTLS TLSMode = "starttls"
	// TLSImplicit speaks TLS from the first byte (RFC 8314 "implicit TLS",
	// submissions). Port 465 by default.
	TLSImplicit TLSMode = "implicit"
	// TLSNone sends everything, the password too, in clear text. It is
	// only allowed to a server on this host (a loopback address or
	// "localhost"), such as a local Postfix relay: on any other path
	// whoever can read the traffic reads the password (AUTH PLAIN and LOGIN
	// are base64, not encryption) and every alert. Port 25 by default.
	TLSNone TLSMode = "none"
)

// defaultPort is the port of a mode when the config sets none.
func (m TLSMode) defaultPort() int {
	switch m {
	case TLSImplicit:
		return 465
	case TLSNone:
		return 25
	}
	return 587
}

// Config configures one email sink, as New takes it (a configured sink's
// is made from its Section). Password is a secret: it never appears in an
// error, a log line or String.
type Config struct {
	// Name is the sink's configured name.
	Name string
	// Host is the SMTP server's host name or IP address (no port).
	Host string
	// Port is the server's port; 0 means the TLS mode's default.
	Port int
	// TLS is the TLS mode; "" means TLSStartTLS.
	TLS TLSMode
	// Username and Password authenticate (AUTH PLAIN or LOGIN, whichever
	// the server offers; SCRAM or CRAM-MD5 when it offers neither). Both
	// or neither.
	Username string
	Password string
	// From is the sender address, optionally with a display name
	// ("lpwatch <alerts@example.net>"). Its domain ends every Message-ID.
	From string
	// To lists the recipients; at least one.
	To []string
	// CAFile, when set, is a PEM file of the certificate authorities the
	// server's certificate must chain to, instead of the system's (for a
	// private CA).
	CAFile string
	// Timeout bounds one delivery; 0 means DefaultTimeout.
	Timeout time.Duration
}

// mode returns the TLS mode, the default filled in.
func (c Config) mode() TLSMode {
	if c.TLS == "" {
		return TLSStartTLS
	}
	return c.TLS
}

// port returns the port, the mode's default filled in.
func (c Config) port() int {
	if c.Port == 0 {
		return c.mode().defaultPort()
	}
	return c.Port
}

// Validate reports every problem at once. No error contains the password.
func (c Config) Validate() error {
	_, fromErr := parseFrom(c.From)
	_, toErr := parseTo(c.To)
	_, caErr := loadCA(c.CAFile)
	return httpsink.CheckConfig(Type, c.Name, c.Timeout,
		checkHost(c.Host), checkPort(c.Port), checkTLS(c.TLS, c.Host, c.CAFile),
		checkAuth(c.Username, c.Password != ""), fromErr, toErr, caErr)
}

// checkHost is the rule of host.
func checkHost(h string) error {
	switch {
	case h == "":
		return errors.New("host is empty")
	case strings.ContainsAny(h, " \t\r\n/@"):
		return fmt.Errorf("host %q is not a host name or IP address", h)
	case strings.Contains(h, ":") && net.ParseIP(h) == nil:
		return fmt.Errorf("host %q is not a host name or IP address (a port goes in port)", h)
	}
	return nil
}

// checkPort is the rule of port (0: the TLS mode's default).
func checkPort(p int) error {
	if p < 0 || p > 65535 {
		return fmt.Errorf("port %d is not a TCP port (1-65535, or 0 for the TLS mode's default)", p)
	}
	return nil
}

// checkTLS is the rule of tls and of what it allows with host and ca_file.
func checkTLS(m TLSMode, host, caFile string) error {
	switch m {
	case "", TLSStartTLS, TLSImplicit:
		return nil
	case TLSNone:
		var errs []error
		if host != "" && !loopback(host) {
			errs = append(errs, fmt.Errorf("tls = \"none\" is only allowed for a server on this host (localhost or a loopback address), not %q: "+
				"elsewhere the password and every alert would cross the network in clear text", host))
		}
		if caFile != "" {
			errs = append(errs, errors.New("ca_file needs tls = \"starttls\" or \"implicit\""))
		}
		return errors.Join(errs...)
	}
	return fmt.Errorf("tls %q is not starttls, implicit or none", string(m))
}

// loopback reports whether host names this host.
func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// checkAuth is the rule of username and password: both or neither.
func checkAuth(user string, hasPassword bool) error {
	switch {
	case user == "" && hasPassword:
		return errors.New("password is set without username")
	case user != "" && !hasPassword:
		return errors.New("username is set without password (or password_file)")
	case strings.ContainsAny(user, "\r\n\x00"):
		return errors.New("username contains a control character")
	}
	return nil
}

// parseFrom parses the sender address.
func parseFrom(from string) (*mail.Address, error) {
	if from == "" {
		return nil, errors.New("from is empty")
	}
	a, err := mail.ParseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("from %q is not an email address: %w", from, err)
	}
	return a, nil
}

// parseTo parses the recipient addresses.
func parseTo(to []string) ([]*mail.Address, error) {
	if len(to) == 0 {
		return nil, errors.New("to lists no recipient")
	}
	out := make([]*mail.Address, 0, len(to))
	var errs []error
	for i, raw := range to {
		a, err := mail.ParseAddress(raw)
		if err != nil {
			errs = append(errs, fmt.Errorf("to[%d] %q is not an email address: %w", i, raw, err))
			continue
		}
		out = append(out, a)
	}
	return out, errors.Join(errs...)
}

// maxCAFile bounds a ca_file.
const maxCAFile = 1 << 20

// loadCA reads the certificate authorities of path; nil without a path.
func loadCA(path string) (*x509.CertPool, error) {
	if path == "" {
		return nil, nil
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("ca_file: %w", err)
	}
	if !st.Mode().IsRegular() || st.Size() > maxCAFile {
		return nil, fmt.Errorf("ca_file %s is not a regular file of at most %d bytes", path, maxCAFile)
	}
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("ca_file: %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("ca_file %s holds no PEM certificate", path)
	}
	return pool, nil
}

// String describes c without the password.
func (c Config) String() string {
	pw := "<unset>"
	if c.Password != "" {
		pw = "<redacted>"
	}
	return fmt.Sprintf("email %q smtp=%s tls=%s username=%q password=%s from=%q to=%q timeout=%s",
		c.Name, net.JoinHostPort(c.Host, fmt.Sprint(c.port())), c.mode(), c.Username, pw, c.From, c.To, c.Timeout)
}

// GoString is String, so that %#v does not print the password either.
func (c Config) GoString() string { return c.String() }
