package heartbeat_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

// waitLimit bounds how long a test waits for something that must happen;
// it is a deadline for a failure report, never a delay before an assertion.
const waitLimit = 10 * time.Second

// ping is one request the receiver got.
type ping struct {
	method, path, body, contentType string
}

// receiver is a heartbeat service stand-in: it records every request and
// answers with the status the test sets (200 by default).
type receiver struct {
	srv  *httptest.Server
	got  chan ping
	mu   sync.Mutex
	code int
}

func newReceiver(t *testing.T) *receiver {
	t.Helper()
	r := &receiver{got: make(chan ping, 100), code: http.StatusOK}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		b, _ := io.ReadAll(io.LimitReader(req.Body, 1<<16))
		r.mu.Lock()
		code := r.code
		r.mu.Unlock()
		w.WriteHeader(code)
		_, _ = io.WriteString(w, "OK")
		r.got <- ping{method: req.Method, path: req.URL.RequestURI(), body: string(b), contentType: req.Header.Get("Content-Type")}
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) answer(code int) {
	r.mu.Lock()
	r.code = code
	r.mu.Unlock()
}

// next returns the next request, failing the test if none comes in time.
func (r *receiver) next(t *testing.T) ping {
	t.Helper()
	select {
	case p := <-r.got:
		return p
	case <-time.After(waitLimit):
		t.Fatal("no heartbeat request arrived")
		return ping{}
	}
}

// none fails if a request arrived that was not read. Call it only once
// the pinger has finished the ticks in question.
func (r *receiver) none(t *testing.T) {
	t.Helper()
	select {
	case p := <-r.got:
		t.Fatalf("unexpected heartbeat request %+v", p)
	default:
	}
}

// pingCount sums lpwatch_heartbeat_pings_total over the labels matching
// want (result=withheld, ping=fail, ...), or over all with no want.
func pingCount(t *testing.T, reg *prometheus.Registry, want ...string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	sum := 0.0
	for _, mf := range mfs {
		if mf.GetName() != "lpwatch_heartbeat_pings_total" {
			continue
		}
		for _, m := range mf.GetMetric() {
			if matches(m.GetLabel(), want) {
				sum += m.GetCounter().GetValue()
			}
		}
	}
	return sum
}

func matches(labels []*dto.LabelPair, want []string) bool {
	for _, w := range want {
		k, v, _ := strings.Cut(w, "=")
		found := false
		for _, l := range labels {
			if l.GetName() == k && l.GetValue() == v {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// waitTicks waits until the pinger has made n decisions in all (pings
// sent or not, and withheld ticks).
func waitTicks(t *testing.T, reg *prometheus.Registry, n float64) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for pingCount(t, reg) < n {
		if time.Now().After(deadline) {
			t.Fatalf("the pinger made %v decisions, want %v", pingCount(t, reg), n)
		}
		time.Sleep(time.Millisecond) // pacing between polls of the condition
	}
}
