package outbox

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/alert/pagerduty"
)

// TestRemovedOnStatusLine: the record leaves the disk as soon as the
// sink's status line says accepted, while the receiver still holds back
// the body of its answer. Waiting for the body first left a window (43 ms
// in the case that was reported) in which a kill -9 sent the event again.
func TestRemovedOnStatusLine(t *testing.T) {
	h := newHarness(t, "", nil, nil)
	const body = `{"status":"success","message":"Event processed","dedup_key":"x"}`
	release := make(chan struct{})
	var bodySent atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusAccepted)
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
			return
		}
		_, _ = w.Write([]byte(body))
		bodySent.Store(true)
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) }) // runs first: frees the handler
	pd, err := pagerduty.New(pagerduty.Config{Name: "pd", RoutingKey: pdKey, URL: srv.URL + "/v2/enqueue", Timeout: 10 * time.Minute},
		pagerduty.Options{Clock: h.clk})
	if err != nil {
		t.Fatal(err)
	}
	h.enqueue(alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1), "pd")
	h.run(pd)
	h.drive(time.Second, 1, isResult(ResultSent))
	if f := h.files(); len(f) != 0 {
		t.Errorf("records on disk once the sink's status line said accepted: %v", f)
	}
	if bodySent.Load() {
		t.Error("the receiver sent its body before the outbox settled: the test proves nothing")
	}
}
