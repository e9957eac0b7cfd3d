// Package logsink is the log sink: one structured logrus line per
// notification, at warn for a firing critical or warning alert and at
// info otherwise. It is what `lpwatch demo` prints and a fallback that
// cannot fail over the network.
package logsink

import (
	"context"
	"errors"
	"fmt"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// Type is the sink's type, as `type = "log"` names it.
const Type = "log"

// Config configures one log sink.
type Config struct {
	// Name is the sink's configured name.
	Name string
}

// Validate reports a missing name.
func (c Config) Validate() error {
	if c.Name == "" {
		return errors.New("log sink: name is empty")
	}
	return nil
}

// Options carries the sink's dependency: the logger it writes to.
type Options struct {
	// Logger receives the lines; it is required (usually the root logger,
	// writing to stderr).
	Logger logrus.FieldLogger
}

// Notifier writes notifications as log lines. It implements alert.Sink.
type Notifier struct {
	name string
	log  logrus.FieldLogger
}

// New builds a log Notifier.
func New(cfg Config, opts Options) (*Notifier, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if opts.Logger == nil {
		return nil, fmt.Errorf("log sink %q: a logger is required", cfg.Name)
	}
	return &Notifier{name: cfg.Name, log: opts.Logger.WithField("sink", cfg.Name)}, nil
}

// Name implements alert.Sink.
func (l *Notifier) Name() string { return l.name }

// Type implements alert.Sink.
func (l *Notifier) Type() string { return Type }

// String names the sink.
func (l *Notifier) String() string { return fmt.Sprintf("log %q", l.name) }

// Notify implements alert.Sink. It fails only for an invalid
// notification (permanently) or an ended context (retryably).
func (l *Notifier) Notify(ctx context.Context, n *alert.Notification) error {
	if err := alert.ValidateNotification(n); err != nil {
		return alert.InvalidNotification(err)
	}
	if err := ctx.Err(); err != nil {
		return &alert.DeliveryError{Retryable: true, Reason: "canceled", Err: err}
	}
	f := logrus.Fields{
		"alert":     n.Alert,
		"target":    n.Target,
		"severity":  n.Severity.String(),
		"status":    string(n.Status),
		"summary":   n.Summary,
		"since":     n.StartsAt.UTC().Format("2006-01-02T15:04:05Z07:00"),
		"dedup_key": n.DedupKey(),
		"seq":       n.Seq,
	}
	if n.Cause != "" {
		f["cause"] = n.Cause
	}
	if n.Status == alert.StatusResolved && !n.EndsAt.IsZero() {
		f["ended"] = n.EndsAt.UTC().Format("2006-01-02T15:04:05Z07:00")
	}
	if n.Test {
		f["test"] = true
	}
	entry := l.log.WithFields(f)
	if n.Status == alert.StatusFiring && n.Severity >= alert.SeverityWarning {
		entry.Warn("alert " + string(n.Status))
	} else {
		entry.Info("alert " + string(n.Status))
	}
	return nil
}
