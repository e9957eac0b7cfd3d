package server

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/pagerduty"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/status"
)

type stubBackend struct {
	healthy  bool
	body     []byte
	silences []alert.Silence
	reload   error
	access   Access
	// changes counts the calls that change state.
	changes int
}

func (s *stubBackend) HealthJSON() (bool, []byte)   { return s.healthy, s.body }
func (s *stubBackend) Live() bool                   { return s.healthy }
func (s *stubBackend) Reload(context.Context) error { s.changes++; return s.reload }
func (s *stubBackend) Access() Access               { return s.access }
func (s *stubBackend) AddSilence(sil alert.Silence) (alert.Silence, error) {
	s.changes++
	if sil.Comment == "" {
		return alert.Silence{}, errors.New("a comment is required")
	}
	sil.ID = "abc"
	s.silences = append(s.silences, sil)
	return sil, nil
}
func (s *stubBackend) Silences() []alert.Silence { return s.silences }
func (s *stubBackend) ExpireSilence(id string) error {
	s.changes++
	if id != "abc" {
		return errors.New("no silence with id")
	}
	return nil
}

func (s *stubBackend) Status() status.Report {
	cfg := &config.Config{Alert: config.Alert{Sinks: []config.Sink{{Name: "pd", Type: "pagerduty", Settings: &pagerduty.Section{RoutingKey: "k"}}}}}
	return status.Report{Version: "test", Config: cfg}
}

func serve(t *testing.T, b Backend) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(Handler(Options{Backend: b, Gatherer: prometheus.NewRegistry()}))
	t.Cleanup(srv.Close)
	return srv
}

// do sends method url with body, as JSON when there is one.
func do(t *testing.T, method, url, body string) (int, string) {
	t.Helper()
	rq := request{method: method, body: body}
	if body != "" {
		rq.header = map[string]string{"Content-Type": "application/json"}
	}
	return send(t, url, rq)
}

func TestEndpoints(t *testing.T) {
	b := &stubBackend{healthy: true, body: []byte(`{"status":"ok"}`)}
	srv := serve(t, b)
	cases := []struct {
		method, path, body string
		code               int
		want               string
	}{
		{"GET", "/health", "", 200, `{"status":"ok"}`},
		{"GET", "/health/live", "", 200, "ok"},
		{"GET", "/status", "", 200, `"<secret>"`},
		{"GET", "/metrics", "", 200, ""},
		{"POST", "/-/reload", "", 200, "reloaded"},
		{"GET", "/-/reload", "", 405, ""},
		{"POST", "/api/v1/silences", `{"alert":"DiskSpaceLow","comment":"resize","ends_at":"2030-01-01T00:00:00Z"}`, 201, `"id": "abc"`},
		{"POST", "/api/v1/silences", `{"alert":"DiskSpaceLow"}`, 400, "a comment is required"},
		{"POST", "/api/v1/silences", `{"bogus":1}`, 400, "unknown field"},
		{"POST", "/api/v1/silences", strings.Repeat("x", MaxBodyBytes+10), 400, "invalid silence"},
		{"GET", "/api/v1/silences", "", 200, "DiskSpaceLow"},
		{"DELETE", "/api/v1/silences/abc", "", 200, "expired"},
		{"DELETE", "/api/v1/silences/zzz", "", 404, "no silence"},
	}
	for _, c := range cases {
		code, body := do(t, c.method, srv.URL+c.path, c.body)
		if code != c.code || !strings.Contains(body, c.want) {
			t.Errorf("%s %s: %d %q, want %d containing %q", c.method, c.path, code, body, c.code, c.want)
		}
	}
	b.healthy = false
	b.reload = errors.New("reload refused: bad key")
	if code, _ := do(t, "GET", srv.URL+"/health", ""); code != 503 {
		t.Errorf("/health unhealthy: %d", code)
	}
	if code, body := do(t, "POST", srv.URL+"/-/reload", ""); code != 400 || !strings.Contains(body, "bad key") {
		t.Errorf("failed reload: %d %s", code, body)
	}
	health := httptest.NewServer(HealthHandler(b))
	defer health.Close()
	if code, _ := do(t, "GET", health.URL+"/status", ""); code != 404 {
		t.Errorf("the health listener serves /status: %d", code)
	}
	if code, _ := do(t, "GET", health.URL+"/health/live", ""); code != 503 {
		t.Errorf("the health listener's /health/live of a stalled scheduler: %d", code)
	}
	b.healthy = true
	if code, body := do(t, "GET", health.URL+"/health/live", ""); code != 200 || body != "ok\n" {
		t.Errorf("the health listener's /health/live (a peer reads it): %d %q", code, body)
	}
}

// BenchmarkHealth measures /health served from the cached report.
func BenchmarkHealth(b *testing.B) {
	h := Handler(Options{Backend: &stubBackend{healthy: true, body: []byte(`{"status":"ok","checks":[]}` + "\n")}, Gatherer: prometheus.NewRegistry()})
	req := httptest.NewRequest("GET", "/health", nil)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}
