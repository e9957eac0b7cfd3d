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

// RateLimit is a 429 answer in one of a destination's forms and the wait
// it asks for.
type RateLimit struct {
	Name     string
	Response Response
	Want     time.Duration
}

// Answers describes how a destination words its answers, for
// RunStatusTableOf.
type Answers struct {
	// Body returns the body of an answer with the status code; nil means
	// "status <code>".
	Body func(code int) string
	// RateLimits are its 429 answers; nil means DefaultRateLimits.
	RateLimits []RateLimit
}

// DefaultRateLimits are 429 answers with a Retry-After header in seconds
// and in HTTP-date form.
func DefaultRateLimits() []RateLimit {
	return []RateLimit{
		{Name: "Retry-After seconds", Response: Response{RetryAfter: "7"}, Want: 7 * time.Second},
		{Name: "Retry-After date", Response: Response{RetryAfter: time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)}, Want: 59 * time.Minute},
	}
}

// RunStatusTable is RunStatusTableOf with plain answers and
// DefaultRateLimits.
func RunStatusTable(t *testing.T, rcv *Receiver, s alert.Sink, n *alert.Notification) {
	t.Helper()
	RunStatusTableOf(t, rcv, s, n, Answers{})
}

// RunStatusTableOf makes rcv answer each code of StatusTable in turn, with
// a body in the destination's words, and checks that s.Notify(n)
// succeeds, or fails with an *alert.DeliveryError of the expected class
// and reason. It also checks that the wait each of its rate-limit answers
// asks for reaches the error, give or take a minute.
func RunStatusTableOf(t *testing.T, rcv *Receiver, s alert.Sink, n *alert.Notification, a Answers) {
	t.Helper()
	body := a.Body
	if body == nil {
		body = func(code int) string { return "status " + strconv.Itoa(code) }
	}
	limits := a.RateLimits
	if limits == nil {
		limits = DefaultRateLimits()
	}
	for _, tc := range StatusTable() {
		t.Run(strconv.Itoa(tc.Code), func(t *testing.T) {
			rcv.Script(Response{Status: tc.Code, Body: body(tc.Code)})
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
	for _, rl := range limits {
		t.Run(rl.Name, func(t *testing.T) {
			r := rl.Response
			r.Status = http.StatusTooManyRequests
			rcv.Script(r)
			err := s.Notify(context.Background(), n)
			checkDeliveryError(t, err, true, "http_429")
			if _, after, _ := alert.Classify(err); after < rl.Want || after > rl.Want+time.Minute {
				t.Errorf("got wait %s, want about %s", after, rl.Want)
			}
		})
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
