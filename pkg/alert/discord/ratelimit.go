package discord

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

// Rate limits (https://discord.com/developers/docs/topics/rate-limits).
// Every answer carries the state of the route's bucket in headers:
// X-RateLimit-Remaining requests until X-RateLimit-Reset-After seconds
// have passed ("Total time (in seconds) of when the current rate limit
// bucket will reset. Can have decimals to match previous millisecond
// ratelimit precision"). A request beyond the bucket is answered 429 with
// a JSON body whose retry_after is "the number of seconds to wait before
// submitting another request" (fractional), and a Retry-After header.
//
// lpwatch honours both: a 429's wait is the longest of retry_after,
// X-RateLimit-Reset-After and Retry-After (the outbox waits it out); and
// once a 2xx answer says the bucket is empty, the next request waits on the
// sink's clock until the bucket resets, or, when that is past the
// attempt's deadline, fails at once as retryable ("rate_limited") with the
// wait as its RetryAfter, sending nothing. One bucket is kept per sink:
// executing and editing are paced together, which errs on the safe side.
type bucket struct {
	clock clock.Clock

	mu      sync.Mutex
	resetAt time.Time // no request before, when the bucket is empty
}

// observe records the bucket state an answer reports.
func (b *bucket) observe(h http.Header) {
	if h == nil || h.Get("X-RateLimit-Remaining") != "0" {
		return
	}
	after := httpsink.ParseSeconds(h.Get("X-RateLimit-Reset-After"))
	if after <= 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if at := b.clock.Now().Add(after); at.After(b.resetAt) {
		b.resetAt = at
	}
}

// wait blocks until the bucket allows a request, within ctx.
func (b *bucket) wait(ctx context.Context) error {
	b.mu.Lock()
	d := b.resetAt.Sub(b.clock.Now())
	b.mu.Unlock()
	if d <= 0 {
		return nil
	}
	// A context's deadline is on the wall clock, whatever the sink's is.
	if dl, ok := ctx.Deadline(); ok && d > time.Until(dl) {
		return &alert.DeliveryError{Retryable: true, RetryAfter: d, Reason: "rate_limited",
			Err: fmt.Errorf("discord rate limit: the webhook's bucket resets in %s, past this attempt's deadline", d)}
	}
	if err := clock.Sleep(ctx, b.clock, d); err != nil {
		return &alert.DeliveryError{Retryable: true, RetryAfter: d, Reason: "canceled", Err: fmt.Errorf("waiting for discord's rate limit: %w", err)}
	}
	return nil
}

// retryAfter reads the wait of a 429 answer: the JSON retry_after or
// X-RateLimit-Reset-After, whichever is longer (Poster adds Retry-After).
func retryAfter(a *httpsink.Answer, _ time.Time) time.Duration {
	d := httpsink.ParseSeconds(a.Header.Get("X-RateLimit-Reset-After"))
	d = max(d, httpsink.ParseSeconds(a.Header.Get("Retry-After")))
	if ans, ok := readAnswer(a.Body); ok {
		d = max(d, httpsink.ParseSeconds(ans.RetryAfter.String()))
	}
	return d
}
