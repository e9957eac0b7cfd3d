// Package pagerduty is the PagerDuty Events API v2 sink: a trigger event
// while an alert fires and a resolve event when it ends, both carrying
// the alert identity's dedup_key.
package pagerduty

import (
	"context"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// Type is the sink's type, as `type = "pagerduty"` names it.
const Type = "pagerduty"

// Options carries the sink's dependencies (HTTP client, logger, clock).
type Options = alert.SinkOptions

// Notifier sends Events API v2 events. It implements alert.Sink.
//
// Retry classification: 2xx (202 Accepted) is success; 5xx and 429 are
// retried. PagerDuty answers 429 when the integration is rate limited
// and asks clients to back off and retry; 400 means an invalid event and
// is permanent.
// https://developer.pagerduty.com/docs/events-api-v2/overview/#response-codes--retry-logic
type Notifier struct {
	httpsink.Base
	routingKey string
	group      string
}

// New builds a PagerDuty Notifier from a validated config.
func New(cfg Config, opts Options) (*Notifier, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	b, err := httpsink.NewBase(Type, cfg.Name, opts, httpsink.Endpoint{
		URL:     cfg.url(),
		Timeout: cfg.Timeout,
		Secrets: []string{cfg.RoutingKey},
	})
	if err != nil {
		return nil, err
	}
	return &Notifier{Base: b, routingKey: cfg.RoutingKey, group: cfg.Group}, nil
}

// Notify implements alert.Sink.
func (p *Notifier) Notify(ctx context.Context, n *alert.Notification) error {
	return p.Deliver(ctx, n, func(n *alert.Notification) (any, error) { return NewEvent(p.routingKey, p.group, n) })
}
