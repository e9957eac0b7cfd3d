package faults

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"sync"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert/webhook"
	"github.com/lpwatch/lpwatch/pkg/soak"
)

// holdMode is where a holdSink stops in its answer.
type holdMode int

const (
	// answerAll answers 200 and its body at once.
	answerAll holdMode = iota
	// holdBody sends the 200 status line and headers, then holds the
	// body back: the receiver has accepted, the sender has not read the
	// whole answer.
	holdBody
	// holdStatus reads the request and answers nothing: the receiver
	// has the notification, the sender does not know it.
	holdStatus
)

// heldRequest is one request a holdSink received.
type heldRequest struct {
	raw []byte
	p   webhook.Payload
	// accepted is set once the 200 status line went out.
	accepted bool
}

// holdSink is a webhook receiver on a loopback port that can stop in the
// middle of its answer, for kill -9 at the worst moment. A held answer is
// never completed: it ends when the client goes away (or at Close).
type holdSink struct {
	*soak.Server
	closed chan struct{}

	mu   sync.Mutex
	mode holdMode
	got  []heldRequest
}

func newHoldSink(t testing.TB) *holdSink {
	t.Helper()
	s := &holdSink{closed: make(chan struct{})}
	s.Server = soak.MustServe(t, s)
	return s
}

// URL is the webhook URL.
func (s *holdSink) URL() string { return s.Server.URL() + "/held" }

// setMode answers later requests in m.
func (s *holdSink) setMode(m holdMode) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mode = m
}

// Close ends held answers and stops the server.
func (s *holdSink) Close() {
	close(s.closed)
	s.Stop()
}

func (s *holdSink) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	raw, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	var req heldRequest
	if err == nil {
		err = json.Unmarshal(raw, &req.p)
	}
	if err != nil {
		http.Error(w, "not a webhook payload", http.StatusBadRequest)
		return
	}
	req.raw = raw
	s.mu.Lock()
	mode := s.mode
	i := len(s.got)
	s.got = append(s.got, req)
	s.mu.Unlock()
	hold := func() {
		select {
		case <-s.closed:
		case <-r.Context().Done():
		}
	}
	if mode == holdStatus {
		hold()
		return
	}
	w.Header().Set("Content-Length", strconv.Itoa(len("{}")))
	w.WriteHeader(http.StatusOK)
	w.(http.Flusher).Flush()
	s.mu.Lock()
	s.got[i].accepted = true
	s.mu.Unlock()
	if mode == holdBody {
		hold()
		return
	}
	_, _ = w.Write([]byte("{}"))
}

// requests returns every request of alert/target with status, in order.
func (s *holdSink) requests(alertName, target, status string) []heldRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []heldRequest
	for _, r := range s.got {
		if r.p.Alert == alertName && r.p.Target == target && string(r.p.Status) == status {
			out = append(out, r)
		}
	}
	return out
}

// deliveries returns what the receiver got as the fault matrix's
// deliveries, accepted when the status line went out, for ledgerOf.
func (s *holdSink) deliveries() []delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []delivery
	for _, r := range s.got {
		d := delivery{p: r.p}
		if r.accepted {
			d.status = http.StatusOK
		}
		out = append(out, d)
	}
	return out
}
