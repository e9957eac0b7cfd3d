// Package webhook is the generic JSON webhook sink, and the HTTP plumbing
// the other HTTP sinks share: Options, a Poster that sends a JSON
// document under a timeout, bounds and drains the answer and classifies
// it as an *alert.DeliveryError, the redaction of secret URLs and keys
// from every error, and the Base every HTTP Notifier embeds.
package webhook

import (
	"context"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// Notifier POSTs each notification as one Payload. It implements alert.Sink.
type Notifier struct {
	Base
}

// New builds a webhook Notifier from a validated config.
func New(cfg Config, opts Options) (*Notifier, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	b, err := NewBase("webhook", cfg.Name, opts, Endpoint{
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
