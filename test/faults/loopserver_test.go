package faults

import (
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// loopServer serves a handler on a loopback port, counts the requests in
// flight (so that the fake clock can stand still while real I/O happens),
// and can stop (connections refused) and serve again on the same port.
type loopServer struct {
	t        testing.TB
	h        http.Handler
	addr     string
	inflight atomic.Int64

	mu     sync.Mutex
	srv    *http.Server
	served chan struct{}
}

func newLoopServer(t testing.TB, h http.Handler) *loopServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &loopServer{t: t, h: h, addr: ln.Addr().String()}
	s.serve(ln)
	return s
}

// URL is the base URL.
func (s *loopServer) URL() string { return "http://" + s.addr }

func (s *loopServer) serve(ln net.Listener) {
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
	s.srv, s.served = srv, done
	s.mu.Unlock()
}

// busy reports whether a request is being served.
func (s *loopServer) busy() bool { return s.inflight.Load() > 0 }

// Stop closes the listener and every connection: new connections are refused.
func (s *loopServer) Stop() {
	s.mu.Lock()
	srv, done := s.srv, s.served
	s.srv = nil
	s.mu.Unlock()
	if srv == nil {
		return
	}
	_ = srv.Close()
	<-done
}

// Restart serves again on the same port.
func (s *loopServer) Restart() {
	s.t.Helper()
	s.Stop()
	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		s.t.Fatalf("listen again on %s: %v", s.addr, err)
	}
	s.serve(ln)
}
