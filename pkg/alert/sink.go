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
	// Type is the sink's kind: pagerduty, slack, webhook, alertmanager,
	// log, email, telegram or discord.
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

// Threader is an optional capability of a Sink whose destination gives
// each message an id that a later message can refer to (Telegram's
// message_id, Discord's message id), so that the later notifications of a
// firing episode (reminders, the resolve) reply to, or edit, the message
// of its first. The outbox keeps the receipt of that first message per
// sink and alert identity on disk, and passes it to the later ones, also
// after a restart.
type Threader interface {
	// NotifyThread delivers n as Notify does. thread is the receipt of the
	// message that started n's firing episode, or "" when there is none (n
	// starts the episode, or the receipt was lost): n is then sent as a
	// message of its own, never dropped. On success it returns the receipt
	// of the message it posted, "" when the destination named none. A
	// receipt is not a secret.
	NotifyThread(ctx context.Context, n *Notification, thread string) (receipt string, err error)
}

// NotifyUnthreaded is Notify of a Threader: n sent as a message of its
// own, its receipt dropped.
func NotifyUnthreaded(ctx context.Context, th Threader, n *Notification) error {
	_, err := th.NotifyThread(ctx, n, "")
	return err
}

// StartsEpisode reports whether n is the first notification of its
// alert's firing episode: a firing one sent because the alert is new (or
// by something other than the engine, which leaves Why unset).
func StartsEpisode(n *Notification) bool {
	return n.Status == StatusFiring && (n.Why == ReasonNew || n.Why == ReasonNone)
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
