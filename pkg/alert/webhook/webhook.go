// Package webhook is the generic JSON webhook sink, and the HTTP plumbing
// the other HTTP sinks share: Options, a Poster that sends a JSON
// document under a timeout, bounds and drains the answer and classifies
// it as an *alert.DeliveryError, and the redaction of secret URLs and
// keys from every error.
package webhook

import (
	"context"
	"fmt"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// Notifier POSTs each notification as one Payload. It implements alert.Sink.
type Notifier struct {
	name   string
	poster *Poster
	log    logrus.FieldLogger
}

// New builds a webhook Notifier from a validated config.
func New(cfg Config, opts Options) (*Notifier, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	opts = opts.WithDefaults()
	p, err := NewPoster(opts, Endpoint{
		URL:     cfg.URL,
		Timeout: cfg.Timeout,
		Header:  cfg.Auth.Header(),
		Secrets: cfg.Auth.Secrets(),
	})
	if err != nil {
		return nil, fmt.Errorf("webhook sink %q: %w", cfg.Name, err)
	}
	return &Notifier{
		name:   cfg.Name,
		poster: p,
		log:    opts.Logger.WithFields(logrus.Fields{"sink": cfg.Name, "type": "webhook"}),
	}, nil
}

// Name implements alert.Sink.
func (w *Notifier) Name() string { return w.name }

// Type implements alert.Sink.
func (w *Notifier) Type() string { return "webhook" }

// String names the sink and its endpoint's scheme and host only.
func (w *Notifier) String() string { return fmt.Sprintf("webhook %q (%s)", w.name, w.poster) }

// GoString is String, so that %#v does not print secrets.
func (w *Notifier) GoString() string { return w.String() }

// Notify implements alert.Sink.
func (w *Notifier) Notify(ctx context.Context, n *alert.Notification) error {
	if err := ValidateNotification(n); err != nil {
		return InvalidNotification(err)
	}
	if err := w.poster.PostJSON(ctx, NewPayload(n)); err != nil {
		return err
	}
	w.log.WithFields(logrus.Fields{"alert": n.Alert, "target": n.Target, "status": n.Status, "seq": n.Seq}).Debug("webhook accepted notification")
	return nil
}
