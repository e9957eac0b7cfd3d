package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// request is one call of the guard table.
type request struct {
	name, method, path, body string
	header                   map[string]string
	host                     string // Host header; "" keeps the listener's
	code                     int
}

func send(t *testing.T, base string, rq request) (int, string) {
	t.Helper()
	req, err := http.NewRequest(rq.method, base+rq.path, strings.NewReader(rq.body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range rq.header {
		req.Header.Set(k, v)
	}
	if rq.host != "" {
		req.Host = rq.host
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestStateChangesNeedTheDaemonsOrigin sends what a web page in the
// operator's browser can send (cross-site, or through a DNS name rebound
// to 127.0.0.1) to the routes that change state: each is refused before
// it reaches the backend, while curl's and lpwatch's own requests pass.
func TestStateChangesNeedTheDaemonsOrigin(t *testing.T) {
	b := &stubBackend{healthy: true, access: Access{Hosts: []string{"status.example", "lpwatch.lan:9717"}}}
	srv := serve(t, b)
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]
	const sil = `{"all":true,"comment":"x","ends_at":"2099-01-01T00:00:00Z"}`
	js := map[string]string{"Content-Type": "application/json"}
	with := func(kv ...string) map[string]string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	refused := []request{
		{name: "cross-site text/plain silence", method: "POST", path: "/api/v1/silences", body: sil, header: with("Content-Type", "text/plain", "Origin", "http://evil.example"), code: 403},
		{name: "cross-site text/plain reload", method: "POST", path: "/-/reload", body: "{}", header: with("Content-Type", "text/plain", "Origin", "http://evil.example"), code: 403},
		{name: "cross-site JSON silence", method: "POST", path: "/api/v1/silences", body: sil, header: with("Content-Type", "application/json", "Origin", "http://evil.example"), code: 403},
		{name: "cross-site bodiless reload", method: "POST", path: "/-/reload", header: with("Origin", "http://evil.example"), code: 403},
		{name: "cross-site expire", method: "DELETE", path: "/api/v1/silences/abc", header: with("Origin", "https://evil.example"), code: 403},
		{name: "opaque origin", method: "POST", path: "/-/reload", header: with("Origin", "null"), code: 403},
		{name: "another local port", method: "POST", path: "/-/reload", header: with("Origin", "http://127.0.0.1:8080"), code: 403},
		{name: "referer of another site", method: "POST", path: "/api/v1/silences", body: sil, header: with("Content-Type", "application/json", "Referer", "http://evil.example/page"), code: 403},
		{name: "fetch metadata", method: "POST", path: "/-/reload", header: with("Sec-Fetch-Site", "cross-site"), code: 403},
		{name: "DNS rebinding", method: "POST", path: "/api/v1/silences", body: sil, header: js, host: "evil.example:" + port, code: 403},
		{name: "DNS rebinding, same-origin request", method: "POST", path: "/-/reload", header: with("Origin", "http://evil.example:"+port), host: "evil.example:" + port, code: 403},
		{name: "DNS rebinding expire", method: "DELETE", path: "/api/v1/silences/abc", host: "evil.example", code: 403},
		{name: "text/plain without origin", method: "POST", path: "/api/v1/silences", body: sil, header: with("Content-Type", "text/plain"), code: 415},
		{name: "silence without content type", method: "POST", path: "/api/v1/silences", body: sil, code: 415},
		{name: "form reload", method: "POST", path: "/-/reload", body: "a=b", header: with("Content-Type", "application/x-www-form-urlencoded"), code: 415},
	}
	for _, rq := range refused {
		code, body := send(t, srv.URL, rq)
		if code != rq.code {
			t.Errorf("%s: %d %s, want %d", rq.name, code, body, rq.code)
		}
	}
	if b.changes != 0 || len(b.silences) != 0 {
		t.Fatalf("refused requests reached the backend: %d calls, %d silences", b.changes, len(b.silences))
	}

	good := `{"alert":"DiskSpaceLow","comment":"resize","ends_at":"2030-01-01T00:00:00Z"}`
	accepted := []request{
		{name: "curl reload", method: "POST", path: "/-/reload", code: 200},
		{name: "curl silence", method: "POST", path: "/api/v1/silences", body: good, header: js, code: 201},
		{name: "charset parameter", method: "POST", path: "/api/v1/silences", body: good, header: with("Content-Type", "application/json; charset=utf-8"), code: 201},
		{name: "own origin", method: "POST", path: "/api/v1/silences", body: good, header: with("Content-Type", "application/json", "Origin", "http://127.0.0.1:"+port), code: 201},
		{name: "localhost", method: "DELETE", path: "/api/v1/silences/abc", header: with("Origin", "http://localhost:"+port), host: "localhost:" + port, code: 200},
		{name: "own referer", method: "POST", path: "/-/reload", header: with("Referer", "http://127.0.0.1:"+port+"/"), code: 200},
		{name: "typed by the user", method: "POST", path: "/-/reload", header: with("Sec-Fetch-Site", "none"), code: 200},
		{name: "external name, any port", method: "POST", path: "/-/reload", header: with("Origin", "https://status.example"), host: "status.example", code: 200},
		{name: "configured listen name", method: "POST", path: "/-/reload", host: "LPWATCH.lan:9717", code: 200},
	}
	for _, rq := range accepted {
		if code, body := send(t, srv.URL, rq); code != rq.code {
			t.Errorf("%s: %d %s, want %d", rq.name, code, body, rq.code)
		}
	}
	// Reading stays open to any Host and Origin: Prometheus scrapes by name.
	for _, path := range []string{"/metrics", "/health", "/status", "/api/v1/silences"} {
		if code, _ := send(t, srv.URL, request{method: "GET", path: path, host: "orch1.example:" + port, header: with("Origin", "http://evil.example")}); code != 200 {
			t.Errorf("GET %s by name: %d", path, code)
		}
	}
}

// TestStateChangesNeedTheToken: with server.api_token_file set, a state
// change needs the token; the answer never shows it.
func TestStateChangesNeedTheToken(t *testing.T) {
	const token = "0123456789abcdef-token"
	b := &stubBackend{healthy: true, access: Access{Token: config.Secret(token)}}
	srv := serve(t, b)
	for _, auth := range []string{"", "Bearer", "Bearer wrong", "Basic " + token, "Bearer " + token + "x", "Bearer " + token[:len(token)-1]} {
		code, body := send(t, srv.URL, request{method: "POST", path: "/-/reload", header: map[string]string{"Authorization": auth}})
		if code != http.StatusUnauthorized || strings.Contains(body, "0123456789") {
			t.Errorf("Authorization %q: %d %s, want 401 without the token", auth, code, body)
		}
	}
	if b.changes != 0 {
		t.Fatalf("%d unauthorized calls reached the backend", b.changes)
	}
	if code, _ := send(t, srv.URL, request{method: "POST", path: "/-/reload", header: map[string]string{"Authorization": "Bearer " + token}}); code != 200 {
		t.Errorf("the right token: %d", code)
	}
	if code, _ := send(t, srv.URL, request{method: "GET", path: "/api/v1/silences"}); code != 200 {
		t.Errorf("listing silences needs no token: %d", code)
	}
	// The origin check comes first: a forged request learns nothing of the token.
	if code, _ := send(t, srv.URL, request{method: "POST", path: "/-/reload", header: map[string]string{"Origin": "http://evil.example"}}); code != 403 {
		t.Errorf("foreign origin with a token configured: %d, want 403", code)
	}
}

func TestHostSet(t *testing.T) {
	s := hostSet{exact: map[string]bool{"127.0.0.1:9717": true, "[::1]:9717": true, "h:80": true}, anyPort: map[string]bool{"status.example": true}}
	for _, c := range []struct {
		host, scheme string
		want         bool
	}{
		{"127.0.0.1:9717", "http", true}, {"[::1]:9717", "http", true}, {"[::1]", "http", false},
		{"h", "http", true}, {"h", "https", false}, {"H:80", "http", true},
		{"status.example", "https", true}, {"status.example:8443", "http", true},
		{"127.0.0.1:9718", "http", false}, {"", "http", false}, {":9717", "http", false},
	} {
		if got := s.has(c.host, c.scheme); got != c.want {
			t.Errorf("has(%q, %s) = %v, want %v", c.host, c.scheme, got, c.want)
		}
	}
}

// TestRefusalIsLogged: a forged request leaves a warning in the journal.
func TestRefusalIsLogged(t *testing.T) {
	log, hook := alerttest.NewLogger()
	srv := httptest.NewServer(Handler(Options{Backend: &stubBackend{}, Gatherer: prometheus.NewRegistry(), Logger: log}))
	defer srv.Close()
	if code, _ := send(t, srv.URL, request{method: "POST", path: "/-/reload", header: map[string]string{"Origin": "http://evil.example"}}); code != 403 {
		t.Fatalf("forged reload: %d", code)
	}
	e := hook.LastEntry()
	if e == nil || e.Level != logrus.WarnLevel || !strings.Contains(alerttest.EntryText(e), "Origin is not this daemon's method=POST path=/-/reload") {
		t.Errorf("log after a forged reload: %v", alerttest.LogTexts(hook))
	}
}
