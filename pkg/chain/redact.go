package chain

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/lpwatch/lpwatch/pkg/redact"
)

// describeURL validates an endpoint URL and returns its public name (scheme
// and host only) and a function that removes the URL's secret parts
// (credentials, path, query: hosted RPC providers put API keys there) from
// error messages.
func describeURL(raw string) (name string, clean func(string) string, err error) {
	if raw == "" {
		return "", nil, errors.New("endpoint url is empty")
	}
	if filepath.IsAbs(raw) {
		return raw, func(s string) string { return s }, nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", nil, fmt.Errorf("endpoint url is not a url: %s", redact.Reason(err))
	}
	switch u.Scheme {
	case "http", "https", "ws", "wss":
	case "":
		return "", nil, errors.New("endpoint url has no scheme: use http://, https://, ws://, wss:// or an absolute IPC path")
	default:
		return "", nil, fmt.Errorf("endpoint url scheme %q is not supported: use http, https, ws, wss or an absolute IPC path", u.Scheme)
	}
	if u.Host == "" {
		return "", nil, fmt.Errorf("endpoint url %s:// has no host", u.Scheme)
	}
	name = redact.URL(raw)
	// Whole URLs become the name; stray parts (as some errors quote them) become "<redacted>".
	pairs := []string{raw, name}
	if red := u.Redacted(); red != raw {
		pairs = append(pairs, red, name)
	}
	var parts []string
	if u.User != nil {
		parts = append(parts, u.User.String())
	}
	if p := u.EscapedPath(); p != "" && p != "/" {
		parts = append(parts, p, u.Path)
	}
	if u.RawQuery != "" {
		parts = append(parts, u.RawQuery)
	}
	for _, p := range parts {
		pairs = append(pairs, p, "<redacted>")
	}
	r := strings.NewReplacer(pairs...)
	return name, r.Replace, nil
}
