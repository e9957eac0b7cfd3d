// Package alerttest holds test helpers shared by the sinks and the
// outbox: a scriptable loopback HTTP receiver that records what it gets,
// a table over every HTTP status code with the expected retry decision,
// no-secret-leak checks and notification fixtures.
package alerttest

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/clock"
)

// WaitLimit bounds every wait of this package. Waiting never decides an
// outcome: reaching it fails the test.
const WaitLimit = 20 * time.Second

// Request is one request the Receiver got.
type Request struct {
	Method string
	Path   string
	Header http.Header
	Body   []byte
	// At is the receiver clock's time when the request arrived.
	At time.Time
	// Status is the status code the receiver answered (0 for a hang).
	Status int
}

// Response scripts one answer of the Receiver.
type Response struct {
	// Status is the HTTP status code; 0 means 200.
	Status int
	// Body is the response body.
	Body string
	// RetryAfter, when set, is sent as the Retry-After header.
	RetryAfter string
	// Header holds further headers of the answer (a vendor's rate-limit
	// headers).
	Header map[string]string
	// Hang makes the handler block until the client gives up or the
	// receiver closes.
	Hang bool
	// Echo sends back the request URL, Authorization header and body,
	// as a careless server might: it checks that sinks scrub secrets.
	Echo bool
}

// Receiver is an httptest server on 127.0.0.1 that records every request
// and answers from a script, then from a decider, then with a default.
type Receiver struct {
	srv      *httptest.Server
	hang     chan struct{}
	stopOnce sync.Once

	mu      sync.Mutex
	clock   clock.Clock
	reqs    []Request
	script  []Response
	decide  func(Request) Response
	def     Response
	changed chan struct{}
}

// NewReceiver starts a Receiver answering def unless scripted otherwise.
// It is closed when the test ends.
func NewReceiver(t testing.TB, def Response) *Receiver {
	t.Helper()
	r := &Receiver{hang: make(chan struct{}), clock: clock.Real{}, def: def, changed: make(chan struct{})}
	r.srv = httptest.NewServer(http.HandlerFunc(r.serve))
	t.Cleanup(r.Close)
	return r
}

// URL is the receiver's base URL (http://127.0.0.1:port).
func (r *Receiver) URL() string { return r.srv.URL }

// SetClock sets the clock that stamps Request.At.
func (r *Receiver) SetClock(c clock.Clock) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clock = c
}

// Script queues answers used, in order, before the decider and default.
func (r *Receiver) Script(rs ...Response) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.script = append(r.script, rs...)
}

// SetDecider sets a function choosing the answer once the script is used up.
func (r *Receiver) SetDecider(f func(Request) Response) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.decide = f
}

// Requests returns a copy of what was received so far.
func (r *Receiver) Requests() []Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Request(nil), r.reqs...)
}

// WaitRequests waits until at least n requests have been received and
// returns them; it fails the test after WaitLimit.
func (r *Receiver) WaitRequests(t testing.TB, n int) []Request {
	t.Helper()
	limit := time.NewTimer(WaitLimit)
	defer limit.Stop()
	for {
		r.mu.Lock()
		got, ch := len(r.reqs), r.changed
		r.mu.Unlock()
		if got >= n {
			return r.Requests()
		}
		select {
		case <-ch:
		case <-limit.C:
			t.Fatalf("receiver got %d requests, want %d", got, n)
		}
	}
}

// Close releases hanging handlers and stops the server.
func (r *Receiver) Close() {
	r.stopOnce.Do(func() {
		close(r.hang)
		r.srv.Close()
	})
}

func (r *Receiver) serve(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(req.Body, 1<<20))
	r.mu.Lock()
	rec := Request{Method: req.Method, Path: req.URL.RequestURI(), Header: req.Header.Clone(), Body: body, At: r.clock.Now()}
	resp := r.def
	switch {
	case len(r.script) > 0:
		resp, r.script = r.script[0], r.script[1:]
	case r.decide != nil:
		resp = r.decide(rec)
	}
	r.mu.Unlock()
	if resp.Hang {
		select {
		case <-req.Context().Done():
		case <-r.hang:
		}
		r.record(rec)
		return
	}
	rec.Status = resp.Status
	if rec.Status == 0 {
		rec.Status = http.StatusOK
	}
	r.record(rec)
	if resp.RetryAfter != "" {
		w.Header().Set("Retry-After", resp.RetryAfter)
	}
	for k, v := range resp.Header {
		w.Header().Set(k, v)
	}
	out := []byte(resp.Body)
	if resp.Echo {
		out = bytes.Join([][]byte{[]byte(req.URL.String()), []byte(req.Header.Get("Authorization")), body}, []byte(" "))
	}
	if !bodyAllowed(rec.Status) {
		w.WriteHeader(rec.Status)
		return
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(out)))
	w.WriteHeader(rec.Status)
	_, _ = w.Write(out)
}

func (r *Receiver) record(rec Request) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reqs = append(r.reqs, rec)
	close(r.changed)
	r.changed = make(chan struct{})
}

// bodyAllowed reports whether a response with this status may carry a body.
func bodyAllowed(code int) bool {
	return code >= 200 && code != http.StatusNoContent && code != http.StatusNotModified
}
