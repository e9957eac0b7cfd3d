package httpsink

import (
	"context"
	"fmt"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// Base is what every HTTP sink shares: its name and type, its Poster and
// its logger, and the validate-render-post-log sequence of Notify. The
// pagerduty, slack, alertmanager and webhook Notifiers embed it.
type Base struct {
	name   string
	kind   string
	poster *Poster
	log    logrus.FieldLogger
	opts   alert.SinkOptions
}

// NewBase builds the Base of a sink of the given kind ("slack", ...).
func NewBase(kind, name string, opts alert.SinkOptions, ep Endpoint) (Base, error) {
	opts = opts.WithDefaults()
	p, err := NewPoster(opts, ep)
	if err != nil {
		return Base{}, fmt.Errorf("%s sink %q: %w", kind, name, err)
	}
	return Base{
		name:   name,
		kind:   kind,
		poster: p,
		log:    opts.Logger.WithFields(logrus.Fields{"sink": name, "type": kind}),
		opts:   opts,
	}, nil
}

// Name implements alert.Sink.
func (b *Base) Name() string { return b.name }

// Type implements alert.Sink.
func (b *Base) Type() string { return b.kind }

// String names the sink and its endpoint's scheme and host, never a secret.
func (b *Base) String() string { return fmt.Sprintf("%s %q (%s)", b.kind, b.name, b.poster) }

// GoString is String, so that %#v does not print secrets either.
func (b *Base) GoString() string { return b.String() }

// Options returns the sink's dependencies, defaults applied.
func (b *Base) Options() alert.SinkOptions { return b.opts }

// Log returns the sink's logger, with its name and type.
func (b *Base) Log() logrus.FieldLogger { return b.log }

// Poster returns the sink's Poster.
func (b *Base) Poster() *Poster { return b.poster }

// Deliver checks n, renders it and posts the result. A notification that
// fails the check or cannot be rendered fails permanently.
func (b *Base) Deliver(ctx context.Context, n *alert.Notification, render func(*alert.Notification) (any, error)) error {
	if err := alert.ValidateNotification(n); err != nil {
		return alert.InvalidNotification(err)
	}
	doc, err := render(n)
	if err != nil {
		return alert.InvalidNotification(err)
	}
	if err := b.poster.PostJSON(ctx, doc); err != nil {
		return err
	}
	b.log.WithFields(logrus.Fields{"alert": n.Alert, "target": n.Target, "status": n.Status, "seq": n.Seq}).Debug("notification accepted")
	return nil
}
