package httpsink_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// TestPostJSONAcceptsOnStatusLine checks that a 2xx answer is reported as
// soon as its status line arrives, while the receiver still holds back the
// body: the outbox then removes the record at once instead of after a
// stalled body (a crash in between would send it again).
func TestPostJSONAcceptsOnStatusLine(t *testing.T) {
	const body = `{"status":"success","message":"Event processed"}`
	release := make(chan struct{})
	wrote := make(chan error, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(http.StatusAccepted)
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
			wrote <- r.Context().Err()
			return
		}
		_, err := w.Write([]byte(body))
		wrote <- err
	}))
	defer srv.Close()
	p, err := httpsink.NewPoster(alert.SinkOptions{}, httpsink.Endpoint{URL: srv.URL, Timeout: 10 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.PostJSON(ctx, map[string]string{"event_action": "trigger"}) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("PostJSON: %v", err)
		}
	case <-time.After(alerttest.WaitLimit):
		close(release)
		t.Fatalf("PostJSON did not return within %s of a 202 status line whose body is held back", alerttest.WaitLimit)
	}
	cancel() // the caller is done with the attempt, as the outbox is
	close(release)
	if err := <-wrote; err != nil {
		t.Errorf("the receiver could not finish its body: %v", err)
	}
}
