// Package pagerduty is the PagerDuty Events API v2 sink: a trigger event
// while an alert fires and a resolve event when it ends, both carrying
// the alert identity's dedup_key.
package pagerduty

import (
	"context"
	"fmt"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/webhook"
)

// Options carries the sink's dependencies (HTTP client, logger, clock).
type Options = webhook.Options

// Notifier sends Events API v2 events. It implements alert.Sink.
//
// Retry classification: 2xx (202 Accepted) is success; 5xx and 429 are
// retried. PagerDuty answers 429 when the integration is rate limited
// and asks clients to back off and retry; 400 means an invalid event and
// is permanent.
// https://developer.pagerduty.com/docs/events-api-v2/overview/#response-codes--retry-logic
type Notifier struct {
	name       string
	routingKey string
	group      string
	poster     *webhook.Poster
	log        logrus.FieldLogger
}

// New builds a PagerDuty Notifier from a validated config.
func New(cfg Config, opts Options) (*Notifier, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	opts = opts.WithDefaults()
	p, err := webhook.NewPoster(opts, webhook.Endpoint{
		URL:     cfg.url(),
		Timeout: cfg.Timeout,
		Secrets: []string{cfg.RoutingKey},
	})
	if err != nil {
		return nil, fmt.Errorf("pagerduty sink %q: %w", cfg.Name, err)
	}
	return &Notifier{
		name:       cfg.Name,
		routingKey: cfg.RoutingKey,
		group:      cfg.Group,
		poster:     p,
		log:        opts.Logger.WithFields(logrus.Fields{"sink": cfg.Name, "type": "pagerduty"}),
	}, nil
}

// Name implements alert.Sink.
func (p *Notifier) Name() string { return p.name }

// Type implements alert.Sink.
func (p *Notifier) Type() string { return "pagerduty" }

// String names the sink and its endpoint's host, never the routing key.
func (p *Notifier) String() string { return fmt.Sprintf("pagerduty %q (%s)", p.name, p.poster) }

// GoString is String, so that %#v does not print the routing key.
func (p *Notifier) GoString() string { return p.String() }

// Notify implements alert.Sink.
func (p *Notifier) Notify(ctx context.Context, n *alert.Notification) error {
	if err := webhook.ValidateNotification(n); err != nil {
		return webhook.InvalidNotification(err)
	}
	ev, err := NewEvent(p.routingKey, p.group, n)
	if err != nil {
		return webhook.InvalidNotification(err)
	}
	if err := p.poster.PostJSON(ctx, ev); err != nil {
		return err
	}
	p.log.WithFields(logrus.Fields{"alert": n.Alert, "target": n.Target, "action": ev.EventAction, "dedup_key": ev.DedupKey}).Debug("pagerduty accepted event")
	return nil
}
