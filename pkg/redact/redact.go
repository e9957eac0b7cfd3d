// Package redact is lpwatch's one rule for showing a URL that may carry a
// secret. Node, chain and sink URLs hold credentials in their user info
// (http://user:password@host), their path (a Slack webhook, a hosted RPC
// provider's /v3/KEY) or their query (?token=...), so every output (logs,
// errors, /status, the status page, command output, validation messages)
// shows only a URL's scheme and host.
package redact

import (
	"errors"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Placeholder stands for a URL, or a part of one, that cannot be shown.
const Placeholder = "[redacted]"

// minPartLen is the shortest part of a URL (query, path, user info) that
// Error replaces on its own: shorter ones would mangle ordinary words.
const minPartLen = 4

// quoted matches a Go-quoted string ("..." with backslash escapes), as
// url.Parse and the TOML decoder quote a piece of their input.
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// URL returns what of raw may be shown: "scheme://host[:port]". An empty
// raw stays empty; anything that does not parse as a URL with a scheme and
// a host gives Placeholder.
func URL(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return Placeholder
	}
	return u.Scheme + "://" + u.Host
}

// Endpoint is URL for an RPC endpoint, which may also be the absolute path
// of an IPC socket: such a path holds no secret and is shown as it is.
func Endpoint(raw string) string {
	if filepath.IsAbs(raw) && !strings.HasPrefix(raw, "//") {
		return raw
	}
	return URL(raw)
}

// Quoted replaces every quoted fragment of msg with "…". Parsers quote the
// piece of input they refused (url.Parse an invalid port, the TOML
// decoder a bare word), and that piece may be a secret.
func Quoted(msg string) string {
	return quoted.ReplaceAllString(msg, `"…"`)
}

// Reason returns why url.Parse refused a URL, without the URL (which a
// *url.Error quotes whole) and without any fragment of it.
func Reason(err error) string {
	if err == nil {
		return ""
	}
	var ue *url.Error
	if errors.As(err, &ue) && ue.Err != nil {
		err = ue.Err
	}
	return strings.TrimPrefix(Quoted(err.Error()), "net/url: ")
}

// Error returns err with each of urls replaced by what URL shows of it:
// as given, as Go quotes it and as url.URL prints it, and their user info,
// path and query wherever they appear alone. A *url.Error in err's chain
// (url.Parse's and net/http's, both quoting the whole URL) is rewritten
// the same way. errors.Is still matches err and its causes; the result
// does not unwrap, since a cause's own text may hold the URL.
func Error(err error, urls ...string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	var ue *url.Error
	if errors.As(err, &ue) {
		msg = strings.ReplaceAll(msg, ue.Error(), ue.Op+" "+URL(ue.URL)+": "+Reason(ue.Err))
	}
	// Whole URLs first: the replacer tries its pairs in order.
	var whole, parts []string
	for _, raw := range urls {
		if raw == "" {
			continue
		}
		shown := URL(raw)
		whole = append(whole, strconv.Quote(raw), strconv.Quote(shown), raw, shown)
		u, perr := url.Parse(raw)
		if perr != nil {
			continue
		}
		whole = append(whole, strconv.Quote(u.String()), strconv.Quote(shown), u.String(), shown, u.Redacted(), shown)
		secret := []string{u.EscapedPath(), u.Path, u.RawQuery}
		if u.User != nil {
			p, _ := u.User.Password()
			secret = append(secret, u.User.String(), p)
		}
		for _, p := range secret {
			if len(p) >= minPartLen {
				parts = append(parts, p, Placeholder)
			}
		}
	}
	if pairs := append(whole, parts...); len(pairs) > 0 {
		msg = strings.NewReplacer(pairs...).Replace(msg)
	}
	return &redactedError{msg: msg, cause: err}
}

// redactedError carries a message without secrets; errors.Is matches its
// cause.
type redactedError struct {
	msg   string
	cause error
}

func (e *redactedError) Error() string        { return e.msg }
func (e *redactedError) Is(target error) bool { return errors.Is(e.cause, target) }
