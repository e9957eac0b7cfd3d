// Package server serves lpwatch's HTTP endpoints: /metrics, /health,
// /health/live, /status, the status page, POST /-/reload and the silence
// API. Everything is answered from cached state; nothing waits on a probe.
// Only POST /-/reload and the silence API's POST and DELETE change state,
// and guard admits only the daemon's own origin to them.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// MaxBodyBytes bounds a request body (silences, reload).
const MaxBodyBytes = 64 << 10

// Backend is what the server needs from the daemon.
type Backend interface {
	// HealthJSON returns whether the node is healthy and the JSON body of
	// the health report, both computed when the checks last ran.
	HealthJSON() (healthy bool, body []byte)
	// Live reports whether the process and its scheduler are alive.
	Live() bool
	// Status returns everything, secrets redacted.
	Status() status.Report
	// Reload re-reads the configuration; the running one is kept on error.
	Reload(ctx context.Context) error
	// AddSilence, Silences and ExpireSilence manage maintenance windows.
	AddSilence(s alert.Silence) (alert.Silence, error)
	Silences() []alert.Silence
	ExpireSilence(id string) error
	// Access returns what the state-changing routes require now.
	Access() Access
}

// Options configures the server.
type Options struct {
	Backend      Backend
	Gatherer     prometheus.Gatherer
	Logger       logrus.FieldLogger
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
	// Page renders the human status page at "/".
	Page http.Handler
}

// Handler returns the main listener's handler.
func Handler(o Options) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(o.Gatherer, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError}))
	mux.HandleFunc("GET /health", healthHandler(o.Backend))
	mux.HandleFunc("GET /health/live", liveHandler(o.Backend))
	mux.HandleFunc("GET /status", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, o.Backend.Status())
	})
	mux.HandleFunc("POST /-/reload", guard(o, false, func(w http.ResponseWriter, r *http.Request) {
		if err := o.Backend.Reload(r.Context()); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"status": "error", "error": err.Error()})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "reloaded"})
	}))
	silenceRoutes(mux, o)
	if o.Page != nil {
		mux.Handle("GET /{$}", o.Page)
	}
	return limitBody(mux)
}

// HealthHandler returns the handler of the health-only listener.
func HealthHandler(b Backend) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", healthHandler(b))
	// Another lpwatch's [[peer]] probe reads /health/live here.
	mux.HandleFunc("GET /health/live", liveHandler(b))
	return limitBody(mux)
}

// liveHandler answers /health/live: 200 while the scheduler's loops are
// all progressing, 503 otherwise.
func liveHandler(b Backend) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		if !b.Live() {
			http.Error(w, "scheduler stalled\n", http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte("ok\n"))
	}
}

func healthHandler(b Backend) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		healthy, body := b.HealthJSON()
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		if !healthy {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		_, _ = w.Write(body)
	}
}

func limitBody(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		h.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// Serve runs an HTTP server with timeouts on ln until ctx ends, then shuts
// it down gracefully.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, o Options) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: o.ReadTimeout,
		ReadTimeout:       o.ReadTimeout,
		WriteTimeout:      o.WriteTimeout,
		IdleTimeout:       2 * o.ReadTimeout,
		MaxHeaderBytes:    16 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		_ = srv.Close()
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
