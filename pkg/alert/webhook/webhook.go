// Package webhook is the generic JSON webhook sink: one documented JSON
// document (docs/webhook.md) per notification, with optional basic or
// bearer auth. The HTTP plumbing it shares with the other HTTP sinks is
// in pkg/alert/httpsink.
package webhook

import (
	"context"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// Type is the sink's type, as `type = "webhook"` names it.
const Type = "webhook"

// Options carries the sink's dependencies (HTTP client, logger, clock).
type Options = alert.SinkOptions

// Notifier POSTs each notification as one Payload. It implements alert.Sink.
type Notifier struct {
	httpsink.Base
}

// New builds a webhook Notifier from a validated config.
func New(cfg Config, opts Options) (*Notifier, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	b, err := httpsink.NewBase(Type, cfg.Name, opts, httpsink.Endpoint{
		URL:     cfg.URL,
		Timeout: cfg.Timeout,
		Header:  cfg.Auth.Header(),
		Secrets: cfg.Auth.Secrets(),
	})
	if err != nil {
		return nil, err
	}
	return &Notifier{Base: b}, nil
}

// Notify implements alert.Sink.
func (w *Notifier) Notify(ctx context.Context, n *alert.Notification) error {
	return w.Deliver(ctx, n, func(n *alert.Notification) (any, error) { return NewPayload(n), nil })
}
