package outbox

import (
	"context"
	"fmt"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// SendResult is the outcome of SendNow.
type SendResult struct {
	Sink string
	Type string
	// Err is nil when the sink accepted the notification.
	Err error
	// Retryable, RetryAfter and Reason classify Err (see alert.Classify).
	Retryable  bool
	RetryAfter time.Duration
	Reason     string
}

// SendNow makes one direct attempt of n through s, without the queue,
// for `lpwatch test-alert`: the result says whether the sink accepted it
// and, if not, why.
func SendNow(ctx context.Context, s alert.Sink, n *alert.Notification) SendResult {
	if s == nil {
		return SendResult{Err: fmt.Errorf("send now: no sink"), Reason: "invalid_sink"}
	}
	r := SendResult{Sink: s.Name(), Type: s.Type()}
	if err := validateNotification(n); err != nil {
		r.Err, r.Reason = fmt.Errorf("send now: %w", err), "invalid_notification"
		return r
	}
	if err := s.Notify(ctx, n); err != nil {
		r.Err = err
		r.Retryable, r.RetryAfter, r.Reason = alert.Classify(err)
	}
	return r
}
