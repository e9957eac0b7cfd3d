package alert

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// Sink delivers notifications to one destination (PagerDuty, Slack, ...).
type Sink interface {
	// Name is the sink's configured name.
	Name() string
	// Type is the sink's kind: pagerduty, slack, webhook, alertmanager or log.
	Type() string
	// Notify delivers n. A nil error means the destination accepted it.
	// A *DeliveryError tells the caller whether and when to retry; any other
	// error is treated as retryable.
	Notify(ctx context.Context, n *Notification) error
}

// DeliveryError is a failed delivery with its retry classification.
type DeliveryError struct {
	// Retryable is true for 5xx, 429, timeouts and connection errors.
	Retryable bool
	// RetryAfter is the wait the destination asked for (429 Retry-After), or 0.
	RetryAfter time.Duration
	// Reason is a short machine-friendly class: "http_500", "timeout", "connection", ...
	Reason string
	// Err is the underlying error; it never contains a secret.
	Err error
}

// Error implements error.
func (e *DeliveryError) Error() string {
	kind := "permanent"
	if e.Retryable {
		kind = "retryable"
	}
	return fmt.Sprintf("%s delivery failure (%s): %v", kind, e.Reason, e.Err)
}

// Unwrap returns the underlying error.
func (e *DeliveryError) Unwrap() error { return e.Err }

// Classify returns whether err may be retried, the wait the destination
// asked for, and a short reason. Errors that are not *DeliveryError are
// retryable with reason "error".
func Classify(err error) (retry bool, after time.Duration, reason string) {
	var de *DeliveryError
	if errors.As(err, &de) {
		return de.Retryable, de.RetryAfter, de.Reason
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return true, 0, "timeout"
	}
	return true, 0, "error"
}

// HTTPStatusError builds the DeliveryError for a non-2xx HTTP answer:
// 5xx and 429 are retryable (429 honours Retry-After), other statuses are
// permanent. body is a short, secret-free excerpt of the answer.
func HTTPStatusError(resp *http.Response, now time.Time, body string) *DeliveryError {
	code := resp.StatusCode
	de := &DeliveryError{
		Reason: "http_" + strconv.Itoa(code),
		Err:    fmt.Errorf("unexpected status %d: %s", code, body),
	}
	switch {
	case code == http.StatusTooManyRequests:
		de.Retryable = true
		de.RetryAfter = ParseRetryAfter(resp.Header.Get("Retry-After"), now)
	case code >= 500:
		de.Retryable = true
	}
	return de
}

// ParseRetryAfter reads a Retry-After header in seconds or HTTP-date form.
// It returns 0 when the header is absent or invalid.
func ParseRetryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s < 0 {
			return 0
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}
