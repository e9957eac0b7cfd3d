package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestStatusLive: the container HEALTHCHECK's command exits 0 only on a
// 200 from /health/live.
func TestStatusLive(t *testing.T) {
	answer := func(code int) string {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/health/live" {
				http.NotFound(w, r)
				return
			}
			w.WriteHeader(code)
			_, _ = w.Write([]byte("scheduler stalled\n"))
		}))
		t.Cleanup(srv.Close)
		return srv.URL
	}
	cases := []struct {
		name, addr string
		code       int
		stderr     string
	}{
		{"alive", answer(http.StatusOK), 0, ""},
		{"stalled", answer(http.StatusServiceUnavailable), 1, "503 Service Unavailable scheduler stalled"},
		{"no daemon", "http://127.0.0.1:1", 1, "is lpwatch running at http://127.0.0.1:1?"},
	}
	for _, c := range cases {
		var out, errb bytes.Buffer
		code := run([]string{"status", "-live", "-addr", c.addr}, &out, &errb)
		if code != c.code || !strings.Contains(errb.String(), c.stderr) {
			t.Errorf("%s: exit %d, stderr %q; want %d, %q", c.name, code, errb.String(), c.code, c.stderr)
		}
	}
}
