// Package alertmanager is the Prometheus Alertmanager sink (API v2). It
// posts each notification as an alert and, like Prometheus, re-posts the
// firing ones on a fixed interval with an endsAt a few intervals ahead,
// so that a fleet of lpwatch instances can feed one Alertmanager cluster
// for fleet-wide dedup, grouping and routing.
package alertmanager

import (
	"context"
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// alertsPath is the API v2 endpoint under the base URL.
const alertsPath = "/api/v2/alerts"

// validityFactor is how many resend intervals a firing alert stays valid
// without being re-posted: Prometheus sets endsAt to 4x its resend delay.
const validityFactor = 4

// maxBatch caps the alerts of one Resend request.
const maxBatch = 64

// Type is the sink's type, as `type = "alertmanager"` names it.
const Type = "alertmanager"

// Options carries the sink's dependencies (HTTP client, logger, clock).
type Options = alert.SinkOptions

// Notifier posts alerts to Alertmanager. It implements alert.Sink and
// alert.Resender.
//
// Retry classification: Alertmanager answers 200 when it accepted the
// alerts and 400 for alerts it rejects as invalid (permanent); 5xx and
// 429 (from a proxy in front of it) are retried.
type Notifier struct {
	httpsink.Base
	resend    time.Duration
	generator string
}

var _ alert.Resender = (*Notifier)(nil)

// New builds an Alertmanager Notifier from a validated config.
func New(cfg Config, opts Options) (*Notifier, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	b, err := httpsink.NewBase(Type, cfg.Name, opts, httpsink.Endpoint{
		URL:     endpoint(cfg.URL),
		Timeout: cfg.Timeout,
		Header:  cfg.Auth.Header(),
		Secrets: cfg.Auth.Secrets(),
	})
	if err != nil {
		return nil, err
	}
	return &Notifier{Base: b, resend: cfg.resendInterval(), generator: cfg.GeneratorURL}, nil
}

// endpoint joins the base URL and the alerts path, keeping any query.
func endpoint(base string) string {
	path, query, found := strings.Cut(base, "?")
	u := strings.TrimRight(path, "/") + alertsPath
	if found {
		u += "?" + query
	}
	return u
}

// ResendInterval implements alert.Resender.
func (a *Notifier) ResendInterval() time.Duration { return a.resend }

// Notify implements alert.Sink.
func (a *Notifier) Notify(ctx context.Context, n *alert.Notification) error {
	return a.post(ctx, []*alert.Notification{n})
}

// Resend implements alert.Resender: it re-posts every firing notification, in
// batches of at most 64 alerts, and returns the first failure. Resolved
// notifications in firing are skipped: a resolve is sent once, through
// the outbox.
func (a *Notifier) Resend(ctx context.Context, firing []*alert.Notification) error {
	var batch []*alert.Notification
	for _, n := range firing {
		if n != nil && n.Status == alert.StatusResolved {
			continue
		}
		batch = append(batch, n)
		if len(batch) == maxBatch {
			if err := a.post(ctx, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if len(batch) == 0 {
		return nil
	}
	return a.post(ctx, batch)
}

func (a *Notifier) post(ctx context.Context, ns []*alert.Notification) error {
	now := a.Options().Clock.Now()
	body := make([]PostableAlert, 0, len(ns))
	for _, n := range ns {
		if err := alert.ValidateNotification(n); err != nil {
			return alert.InvalidNotification(err)
		}
		body = append(body, NewAlert(n, now, validityFactor*a.resend, a.generator))
	}
	return a.Poster().PostJSON(ctx, body)
}
