package soak

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Server serves a handler on a free 127.0.0.1 port. Stop makes it refuse
// connections and Restart serves again on the same port, as a restarted
// process would. It counts the requests in flight, so that a test on a
// fake clock can hold the clock while real I/O happens. The soak and the
// fault matrix (test/faults) share it.
type Server struct {
	h        http.Handler
	addr     string
	inflight atomic.Int64

	mu   sync.Mutex
	srv  *http.Server
	done chan struct{}
}

// NewServer starts serving h.
func NewServer(h http.Handler) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	s := &Server{h: h, addr: ln.Addr().String()}
	s.serve(ln)
	return s, nil
}

// MustServe is NewServer for a test: it fails the test when it cannot listen.
func MustServe(t testing.TB, h http.Handler) *Server {
	t.Helper()
	s, err := NewServer(h)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// URL is the base URL (http://127.0.0.1:port), also while stopped.
func (s *Server) URL() string { return "http://" + s.addr }

func (s *Server) serve(ln net.Listener) {
	srv := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.inflight.Add(1)
		defer s.inflight.Add(-1)
		s.h.ServeHTTP(w, r)
	})}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = srv.Serve(ln)
	}()
	s.mu.Lock()
	s.srv, s.done = srv, done
	s.mu.Unlock()
}

// Busy reports whether a request is being served.
func (s *Server) Busy() bool { return s.inflight.Load() > 0 }

// Stop closes the listener and every connection; later connections are
// refused. Stop on a stopped server does nothing.
func (s *Server) Stop() {
	s.mu.Lock()
	srv, done := s.srv, s.done
	s.srv = nil
	s.mu.Unlock()
	if srv != nil {
		_ = srv.Close()
		<-done
	}
}

// Restart serves again on the same port; it fails when the port was
// taken meanwhile.
func (s *Server) Restart() error {
	s.Stop()
	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		return fmt.Errorf("listen again on %s: %w", s.addr, err)
	}
	s.serve(ln)
	return nil
}

// MustRestart is Restart for a test: it fails the test on error.
func MustRestart(t testing.TB, s *Server) {
	t.Helper()
	if err := s.Restart(); err != nil {
		t.Fatal(err)
	}
}

// LockedBuffer collects output written from many goroutines (a log).
type LockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write implements io.Writer.
func (l *LockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// String returns everything written so far.
func (l *LockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// PollUntil reports whether cond held within limit of real time, looking
// every millisecond: for conditions that have no channel to wait on.
func PollUntil(limit time.Duration, cond func() bool) bool {
	if cond() {
		return true
	}
	deadline := time.NewTimer(limit)
	defer deadline.Stop()
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-deadline.C:
			return cond()
		case <-tick.C:
			if cond() {
				return true
			}
		}
	}
}
