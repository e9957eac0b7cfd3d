// Package slack is the Slack incoming-webhook sink: one message when an
// alert fires and one when it resolves, coloured by severity, with a
// plain-text fallback and the alert id that ties the two together.
package slack

import (
	"context"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// Type is the sink's type, as `type = "slack"` names it.
const Type = "slack"

// Options carries the sink's dependencies (HTTP client, logger, clock).
type Options = alert.SinkOptions

// Notifier posts messages to an incoming webhook. It implements alert.Sink.
//
// Retry classification: Slack answers 200 "ok". Errors come back as 4xx
// with a short body such as "invalid_payload" (400), "invalid_token"
// (403), "no_service" (404) or "channel_is_archived" (410): all permanent
// (https://api.slack.com/messaging/webhooks#handling_errors). 5xx is
// retried. Incoming webhooks allow about one message per second and
// answer bursts with 429 and a Retry-After header in seconds, after which
// the request may be retried (https://api.slack.com/apis/rate-limits):
// lpwatch retries 429 and honours Retry-After.
type Notifier struct {
	httpsink.Base
}

// New builds a Slack Notifier from a validated config.
func New(cfg Config, opts Options) (*Notifier, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	b, err := httpsink.NewBase(Type, cfg.Name, opts, httpsink.Endpoint{URL: cfg.WebhookURL, Timeout: cfg.Timeout})
	if err != nil {
		return nil, err
	}
	return &Notifier{Base: b}, nil
}

// Notify implements alert.Sink.
func (s *Notifier) Notify(ctx context.Context, n *alert.Notification) error {
	return s.Deliver(ctx, n, func(n *alert.Notification) (any, error) { return NewMessage(n), nil })
}
