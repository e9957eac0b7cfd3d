// Package slack is the Slack incoming-webhook sink: one message when an
// alert fires and one when it resolves, coloured by severity, with a
// plain-text fallback and the alert id that ties the two together.
package slack

import (
	"context"
	"fmt"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/webhook"
)

// Options carries the sink's dependencies (HTTP client, logger, clock).
type Options = webhook.Options

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
	name   string
	poster *webhook.Poster
	log    logrus.FieldLogger
}

// New builds a Slack Notifier from a validated config.
func New(cfg Config, opts Options) (*Notifier, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	opts = opts.WithDefaults()
	p, err := webhook.NewPoster(opts, webhook.Endpoint{URL: cfg.WebhookURL, Timeout: cfg.Timeout})
	if err != nil {
		return nil, fmt.Errorf("slack sink %q: %w", cfg.Name, err)
	}
	return &Notifier{
		name:   cfg.Name,
		poster: p,
		log:    opts.Logger.WithFields(logrus.Fields{"sink": cfg.Name, "type": "slack"}),
	}, nil
}

// Name implements alert.Sink.
func (s *Notifier) Name() string { return s.name }

// Type implements alert.Sink.
func (s *Notifier) Type() string { return "slack" }

// String names the sink only: the webhook URL, host included, is secret.
func (s *Notifier) String() string { return fmt.Sprintf("slack %q", s.name) }

// GoString is String, so that %#v does not print the URL.
func (s *Notifier) GoString() string { return s.String() }

// Notify implements alert.Sink.
func (s *Notifier) Notify(ctx context.Context, n *alert.Notification) error {
	if err := webhook.ValidateNotification(n); err != nil {
		return webhook.InvalidNotification(err)
	}
	if err := s.poster.PostJSON(ctx, NewMessage(n)); err != nil {
		return err
	}
	s.log.WithFields(logrus.Fields{"alert": n.Alert, "target": n.Target, "status": n.Status, "dedup_key": n.DedupKey()}).Debug("slack accepted message")
	return nil
}
