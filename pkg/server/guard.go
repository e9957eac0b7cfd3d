package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/lpwatch/lpwatch/pkg/config"
)

// Access is what a state-changing request must satisfy beside coming from
// the daemon's own origin. The backend returns it per request, so that a
// reload applies a new token at once.
type Access struct {
	// Token, when set, must come as "Authorization: Bearer <token>".
	Token config.Secret
	// Hosts are further names the daemon answers to in Host, Origin and
	// Referer (the configured listen address, the host of
	// server.external_url), beside the listener's own address and the
	// loopback names with its port: "host:port", or "host" for any port.
	Hosts []string
}

// guard wraps a state-changing route. A web page open in the operator's
// browser can send it a request (cross-site, or through a DNS name
// rebound to 127.0.0.1) but cannot read the answer, so the request is
// refused with 403 unless its Host is the listener's and its Origin (or,
// without one, its Referer) the daemon's own; then with 401 unless it
// bears the configured token; then with 415 if it has a body that is not
// application/json. A request with no Origin, no Referer and no body is
// what curl and lpwatch send, and passes.
// Each 403 is logged: it is a page trying what it should not.
func guard(o Options, needsBody bool, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		a := o.Backend.Access()
		if why := foreign(r, a); why != "" {
			if o.Logger != nil {
				o.Logger.WithField("method", r.Method).WithField("path", r.URL.Path).Warn(why)
			}
			writeJSON(w, http.StatusForbidden, map[string]string{"error": why})
			return
		}
		if !bearer(r, a.Token) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="lpwatch"`)
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "this API needs the token of server.api_token_file as \"Authorization: Bearer <token>\""})
			return
		}
		if !jsonBody(r, needsBody) {
			writeJSON(w, http.StatusUnsupportedMediaType, map[string]string{"error": "the body must be Content-Type: application/json"})
			return
		}
		next(w, r)
	}
}

// foreign says why r does not come from the daemon's own origin, "" when
// it does.
func foreign(r *http.Request, a Access) string {
	own := ownHosts(r, a)
	if !own.has(r.Host, "http") {
		return "refused: Host is not this listener's (use the listen address, 127.0.0.1, localhost or [::1] with its port, or the host of server.external_url)"
	}
	// Browsers send Sec-Fetch-Site on every request; "none" is one the
	// user typed.
	if s := r.Header.Get("Sec-Fetch-Site"); s != "" && s != "same-origin" && s != "none" {
		return "refused: a cross-site request"
	}
	src, name := r.Header.Get("Origin"), "Origin"
	if src == "" {
		src, name = r.Header.Get("Referer"), "Referer"
	}
	if src == "" {
		return ""
	}
	u, err := url.Parse(src)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !own.has(u.Host, u.Scheme) {
		return "refused: " + name + " is not this daemon's"
	}
	return ""
}

// hostSet holds the daemon's names: host:port pairs, and hosts named
// without a port, which match on any port (a reverse proxy's name).
type hostSet struct{ exact, anyPort map[string]bool }

// ownHosts returns the daemon's names for r: the address the connection
// came to, the loopback names with its port, and a.Hosts.
func ownHosts(r *http.Request, a Access) hostSet {
	own := hostSet{exact: make(map[string]bool), anyPort: make(map[string]bool)}
	if la, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		if host, port, err := net.SplitHostPort(la.String()); err == nil {
			for _, h := range []string{host, "127.0.0.1", "localhost", "::1"} {
				own.exact[strings.ToLower(net.JoinHostPort(h, port))] = true
			}
		}
	}
	for _, h := range a.Hosts {
		h = strings.ToLower(h)
		if _, _, err := net.SplitHostPort(h); err == nil {
			own.exact[h] = true
		} else if h != "" {
			own.anyPort[strings.Trim(h, "[]")] = true
		}
	}
	return own
}

// has reports whether h (a Host header or a URL's host) names the daemon;
// without a port, h means the scheme's default one.
func (s hostSet) has(h, scheme string) bool {
	h = strings.ToLower(h)
	host, port, err := net.SplitHostPort(h)
	if err != nil {
		host, port = strings.Trim(h, "[]"), "80"
		if scheme == "https" {
			port = "443"
		}
	}
	return host != "" && (s.exact[net.JoinHostPort(host, port)] || s.anyPort[host])
}

// bearer reports whether r carries token (always true without one). The
// comparison takes the same time whatever the guess.
func bearer(r *http.Request, token config.Secret) bool {
	if token == "" {
		return true
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return false
	}
	want := sha256.Sum256([]byte(token.Reveal()))
	have := sha256.Sum256([]byte(strings.TrimSpace(got)))
	return subtle.ConstantTimeCompare(want[:], have[:]) == 1
}

// jsonBody reports whether r's body, if any, is declared JSON. A route
// that needs a body always needs the declaration.
func jsonBody(r *http.Request, needsBody bool) bool {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return !needsBody && r.ContentLength == 0
	}
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && mt == "application/json"
}
