package faults

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/webhook"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/soak"
)

// sinkMode is how a sinkServer answers.
type sinkMode struct {
	// status is the answer; 0 means 200.
	status int
	// retryAfter is sent as Retry-After when set.
	retryAfter string
	// hang never answers: the request ends when the client gives up.
	hang bool
	// delay answers 200 after this much real time (a slow receiver).
	delay time.Duration
	// holdBody sends the status line, then holds the body back until the
	// client gives up: the receiver accepted, the sender has not read all.
	holdBody bool
}

// delivery is one request a sinkServer received.
type delivery struct {
	p webhook.Payload
	// at is the fake time the request arrived.
	at time.Time
	// status is what was answered; 0 when the client gave up first.
	status int
}

// accepted reports whether the receiver took the notification.
func (d delivery) accepted() bool { return d.status >= 200 && d.status < 300 }

// sinkServer is a webhook receiver on a loopback port whose behaviour a
// row scripts. Stop makes it refuse connections; Restart serves again.
type sinkServer struct {
	*soak.Server
	clk     clock.Clock
	release chan struct{}

	mu      sync.Mutex
	mode    sinkMode
	got     []delivery
	changed chan struct{}
	closed  bool
}

func newSinkServer(t testing.TB, clk clock.Clock) *sinkServer {
	t.Helper()
	s := &sinkServer{clk: clk, release: make(chan struct{}), changed: make(chan struct{})}
	s.Server = soak.MustServe(t, s)
	return s
}

// URL is the webhook URL.
func (s *sinkServer) URL() string { return s.Server.URL() + "/hook" }

// setMode changes how later requests are answered.
func (s *sinkServer) setMode(m sinkMode) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mode = m
}

// Close stops the server for good and frees hanging requests.
func (s *sinkServer) Close() {
	s.mu.Lock()
	if !s.closed {
		s.closed = true
		close(s.release)
	}
	s.mu.Unlock()
	s.Stop()
}

func (s *sinkServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	var d delivery
	if err == nil {
		err = json.Unmarshal(body, &d.p)
	}
	if err != nil {
		http.Error(w, "not a webhook payload: "+err.Error(), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	m := s.mode
	d.at = s.clk.Now()
	s.mu.Unlock()
	d.status = s.answer(w, r.Context(), m)
	s.record(d)
}

// answer writes m's answer, or none when the client gave up first, and
// returns the status written (0 for none).
func (s *sinkServer) answer(w http.ResponseWriter, ctx context.Context, m sinkMode) int {
	if m.hang || m.delay > 0 {
		var wait <-chan time.Time
		if !m.hang {
			t := time.NewTimer(m.delay)
			defer t.Stop()
			wait = t.C
		}
		select {
		case <-ctx.Done():
			return 0
		case <-s.release:
			return 0
		case <-wait:
		}
	}
	code := m.status
	if code == 0 {
		code = http.StatusOK
	}
	if m.retryAfter != "" {
		w.Header().Set("Retry-After", m.retryAfter)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len("{}")))
	w.WriteHeader(code)
	if m.holdBody {
		w.(http.Flusher).Flush()
		select {
		case <-ctx.Done():
		case <-s.release:
		}
		return code
	}
	_, _ = w.Write([]byte("{}"))
	return code
}

func (s *sinkServer) record(d delivery) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.got = append(s.got, d)
	close(s.changed)
	s.changed = make(chan struct{})
}

// deliveries returns every request received so far, in arrival order.
func (s *sinkServer) deliveries() []delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]delivery(nil), s.got...)
}

// acceptedList returns the notifications the receiver accepted, in order.
func (s *sinkServer) acceptedList() []webhook.Payload {
	var out []webhook.Payload
	for _, d := range s.deliveries() {
		if d.accepted() {
			out = append(out, d.p)
		}
	}
	return out
}

// has reports whether a notification of alert/target with status was accepted.
func (s *sinkServer) has(alertName, target, status string) bool {
	for _, p := range s.acceptedList() {
		if p.Alert == alertName && (target == "" || p.Target == target) && string(p.Status) == status {
			return true
		}
	}
	return false
}

// attemptsOf returns the requests that carried notification id.
func (s *sinkServer) attemptsOf(id string) []delivery {
	var out []delivery
	for _, d := range s.deliveries() {
		if d.p.ID == id {
			out = append(out, d)
		}
	}
	return out
}
