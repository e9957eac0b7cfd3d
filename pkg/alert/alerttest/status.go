package alerttest

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// StatusCase is the expected outcome of a delivery answered with Code.
type StatusCase struct {
	Code  int
	OK    bool
	Retry bool
}

// StatusTable lists every status code from 200 to 599 that net/http
// knows, with the contract of SPEC §5: 2xx accepted, 5xx and 429
// retryable, every other code permanent.
func StatusTable() []StatusCase {
	var out []StatusCase
	for code := 200; code < 600; code++ {
		if http.StatusText(code) == "" {
			continue
		}
		out = append(out, StatusCase{
			Code:  code,
			OK:    code < 300,
			Retry: code >= 500 || code == http.StatusTooManyRequests,
		})
	}
	return out
}

// RunStatusTable makes rcv answer each code of StatusTable in turn and
// checks that s.Notify(n) succeeds, or fails with an *alert.DeliveryError
// of the expected class and reason. It also checks that a 429's
// Retry-After (seconds and HTTP-date forms) reaches the error.
func RunStatusTable(t *testing.T, rcv *Receiver, s alert.Sink, n *alert.Notification) {
	t.Helper()
	for _, tc := range StatusTable() {
		t.Run(strconv.Itoa(tc.Code), func(t *testing.T) {
			rcv.Script(Response{Status: tc.Code, Body: "status " + strconv.Itoa(tc.Code)})
			err := s.Notify(context.Background(), n)
			if tc.OK {
				if err != nil {
					t.Fatalf("status %d: got error %v, want success", tc.Code, err)
				}
				return
			}
			checkDeliveryError(t, err, tc.Retry, "http_"+strconv.Itoa(tc.Code))
		})
	}
	for _, ra := range []struct {
		header string
		want   time.Duration
	}{
		{"7", 7 * time.Second},
		{time.Now().Add(time.Hour).UTC().Format(http.TimeFormat), 59 * time.Minute},
	} {
		rcv.Script(Response{Status: http.StatusTooManyRequests, RetryAfter: ra.header})
		err := s.Notify(context.Background(), n)
		_, after, _ := alert.Classify(err)
		if after < ra.want || after > ra.want+time.Minute {
			t.Errorf("Retry-After %q: got wait %s, want about %s", ra.header, after, ra.want)
		}
	}
}

// RunTransportTable checks the classification of failures without an
// HTTP answer: a refused connection, a server that does not answer in
// time and a cancelled context are all retryable. build returns a sink
// that posts to baseURL.
func RunTransportTable(t *testing.T, build func(baseURL string) alert.Sink, n *alert.Notification) {
	t.Helper()
	hang := NewReceiver(t, Response{Hang: true})
	closed := NewReceiver(t, Response{})
	closed.Close()
	t.Run("connection refused", func(t *testing.T) {
		checkDeliveryError(t, build(closed.URL()).Notify(context.Background(), n), true, "connection")
	})
	t.Run("timeout", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		err := build(hang.URL()).Notify(ctx, n)
		checkDeliveryError(t, err, true, "timeout")
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("timeout error %v does not match context.DeadlineExceeded", err)
		}
	})
	t.Run("canceled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		checkDeliveryError(t, build(hang.URL()).Notify(ctx, n), true, "canceled")
	})
}

func checkDeliveryError(t *testing.T, err error, retry bool, reason string) {
	t.Helper()
	var de *alert.DeliveryError
	if !errors.As(err, &de) {
		t.Fatalf("got %v (%T), want *alert.DeliveryError", err, err)
	}
	if de.Retryable != retry || de.Reason != reason {
		t.Errorf("got retryable=%v reason=%q, want retryable=%v reason=%q (%v)", de.Retryable, de.Reason, retry, reason, err)
	}
}
