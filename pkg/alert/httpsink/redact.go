package httpsink

import (
	"errors"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/lpwatch/lpwatch/pkg/redact"
)

// redacted replaces a secret in a text.
const redacted = redact.Placeholder

// minSecretLen is the shortest string the scrubber replaces: shorter ones
// would mangle ordinary words.
const minSecretLen = 4

// minSegmentLen is the shortest URL path segment treated as a secret
// (Slack's webhook token is 24 characters).
const minSegmentLen = 12

// RedactURL keeps only the scheme and host of raw, the part of a webhook
// URL that may be shown: Slack webhook paths, query strings and user info
// are secrets. It is redact.URL, the rule for every URL lpwatch prints.
func RedactURL(raw string) string { return redact.URL(raw) }

// Scrubber removes known secrets from texts before they reach an error,
// a log line or a status page.
type Scrubber struct {
	secrets []string
}

// NewScrubber builds a Scrubber for the given secrets and for the secret
// parts of each URL in urls (the URL itself, its path and query, its user
// info and long path segments).
func NewScrubber(urls []string, secrets ...string) *Scrubber {
	s := &Scrubber{}
	for _, raw := range urls {
		s.add(raw)
		u, err := url.Parse(raw)
		if err != nil {
			continue
		}
		s.add(u.RawQuery)
		s.add(u.EscapedPath() + "?" + u.RawQuery)
		s.add(u.EscapedPath())
		s.add(u.Path)
		if u.User != nil {
			s.add(u.User.String())
			p, _ := u.User.Password()
			s.add(p)
		}
		for _, seg := range strings.Split(u.Path, "/") {
			if len(seg) >= minSegmentLen {
				s.add(seg)
			}
		}
	}
	for _, v := range secrets {
		s.add(v)
	}
	return s
}

func (s *Scrubber) add(v string) {
	if len(v) < minSecretLen || v == "/" {
		return
	}
	for _, have := range s.secrets {
		if have == v {
			return
		}
	}
	// Longest first, so that a secret containing another is removed whole.
	i := 0
	for i < len(s.secrets) && len(s.secrets[i]) >= len(v) {
		i++
	}
	s.secrets = append(s.secrets, "")
	copy(s.secrets[i+1:], s.secrets[i:])
	s.secrets[i] = v
}

// Scrub returns text with every known secret replaced by "[redacted]".
func (s *Scrubber) Scrub(text string) string {
	for _, v := range s.secrets {
		text = strings.ReplaceAll(text, v, redacted)
	}
	return text
}

// Error returns err with secrets removed from its message. A *url.Error
// (whose message contains the full request URL) is rewritten to keep
// only the scheme and host. errors.Is and errors.As still see the
// underlying cause (for example context.DeadlineExceeded).
func (s *Scrubber) Error(err error) error {
	if err == nil {
		return nil
	}
	inner := err
	msg := err.Error()
	var ue *url.Error
	if errors.As(err, &ue) {
		inner = ue.Err
		msg = ue.Op + " " + RedactURL(ue.URL) + ": " + errText(ue.Err)
	}
	se := &scrubbedError{msg: s.Scrub(msg), cause: inner}
	if t := errText(inner); s.Scrub(t) == t {
		se.next = inner
	}
	return se
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

// scrubbedError carries a secret-free message. It unwraps to its cause
// only when the cause's own text is secret-free; errors.Is matches the
// cause either way.
type scrubbedError struct {
	msg   string
	cause error
	next  error
}

func (e *scrubbedError) Error() string        { return e.msg }
func (e *scrubbedError) Unwrap() error        { return e.next }
func (e *scrubbedError) Is(target error) bool { return errors.Is(e.cause, target) }

// Excerpt turns the start of a response body into a short, one-line,
// secret-free text of at most max bytes. body may have been cut at any
// byte: a secret's beginning left at its end is removed too.
func (s *Scrubber) Excerpt(body []byte, max int) string {
	text := s.Scrub(strings.Join(strings.Fields(string(body)), " "))
	for _, v := range s.secrets {
		for k := len(v) - 1; k >= minSecretLen; k-- {
			if strings.HasSuffix(text, v[:k]) {
				text = text[:len(text)-k] + redacted
				break
			}
		}
	}
	if len(text) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut] + "…"
	}
	return text
}
