package alert

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Sink delivers notifications to one destination (PagerDuty, Slack, ...).
type Sink interface {
	// Name is the sink's configured name.
	Name() string
	// Type is the sink's kind: pagerduty, slack, webhook, alertmanager, log or email.
	Type() string
	// Notify delivers n. A nil error means the destination accepted it.
	// A *DeliveryError tells the caller whether and when to retry; any other
	// error is treated as retryable.
	Notify(ctx context.Context, n *Notification) error
}

// Resender is an optional capability of a Sink whose destination forgets
// a firing alert unless it is re-posted (Alertmanager). The daemon calls
// Resend with every currently firing notification of the sink once per
// ResendInterval.
type Resender interface {
	Resend(ctx context.Context, firing []*Notification) error
	ResendInterval() time.Duration
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
