// Package discord is the Discord webhook sink: one message with an embed
// (title, description, severity colour, fields, timestamp) per
// notification, posted with ?wait=true so that Discord answers the
// message's id. When an alert resolves, its first message is edited to
// show the resolve (green) and a short message follows it; the webhook
// API cannot post a reply (message_reference is not a field of Execute
// Webhook), so the follow-up names the alert and points at the edited
// message. Discord's rate limits are honoured (ratelimit.go). The webhook
// URL is a secret: it is scrubbed from every error and never shown.
package discord

import (
	"context"
	"errors"
	"net/http"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// Type is the sink's type, as `type = "discord"` names it.
const Type = "discord"

// Options carries the sink's dependencies (HTTP client, logger, clock).
type Options = alert.SinkOptions

// Notifier posts to a channel webhook. It implements alert.Sink and
// alert.Threader; its classification of answers is described at explain.
type Notifier struct {
	httpsink.Base
	hook   webhook
	bucket *bucket
}

var _ alert.Threader = (*Notifier)(nil)

// New builds a Discord Notifier from a valid config.
func New(cfg Config, opts Options) (*Notifier, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	hook := parseWebhook(cfg.WebhookURL)
	b, err := httpsink.NewBase(Type, cfg.Name, opts, httpsink.Endpoint{URL: hook.executeURL(), Timeout: cfg.Timeout,
		Secrets: []string{cfg.WebhookURL, hook.base, hook.token}, RetryAfter: retryAfter})
	if err != nil {
		return nil, err
	}
	return &Notifier{Base: b, hook: hook, bucket: &bucket{clock: b.Options().Clock}}, nil
}

// Notify implements alert.Sink.
func (s *Notifier) Notify(ctx context.Context, n *alert.Notification) error {
	return alert.NotifyUnthreaded(ctx, s, n)
}

// NotifyThread implements alert.Threader. A resolve whose thread names a
// message of this webhook edits that message and posts a short follow-up;
// when the message is gone, or there is none, the resolve is posted in
// full. Every other notification is posted in full. The receipt is the id
// of the message posted.
func (s *Notifier) NotifyThread(ctx context.Context, n *alert.Notification, thread string) (string, error) {
	if err := alert.ValidateNotification(n); err != nil {
		return "", alert.InvalidNotification(err)
	}
	msg := NewMessage(n)
	edited := ""
	if id := httpsink.ReceiptMessage(thread, s.hook.base); id != "" && n.Status == alert.StatusResolved {
		ok, err := s.edit(ctx, id, msg)
		if err != nil {
			return "", err
		}
		if ok {
			edited, msg = id, NewFollowUp(n)
		}
	}
	a, err := s.send(ctx, http.MethodPost, s.hook.executeURL(), msg)
	if err != nil {
		return "", err
	}
	var receipt string
	if ans, ok := readAnswer(a.Body); ok && ans.ID != "" {
		receipt = httpsink.NewReceipt(s.hook.base, ans.ID)
	}
	s.Log().WithFields(logrus.Fields{"alert": n.Alert, "target": n.Target, "status": n.Status, "seq": n.Seq,
		"edited": edited, "receipt": receipt}).Debug("notification accepted")
	return receipt, nil
}

// edit shows the resolve msg in the message id. It reports false when the
// message is gone, or Discord refuses the edit permanently (the resolve is
// then posted in full), and an error when the attempt should be retried.
func (s *Notifier) edit(ctx context.Context, id string, msg Message) (bool, error) {
	_, err := s.send(ctx, http.MethodPatch, s.hook.messageURL(id), msg)
	if err == nil {
		return true, nil
	}
	var de *alert.DeliveryError
	if errors.As(err, &de) && !de.Retryable {
		s.Log().WithError(err).WithField("message", id).Info("cannot edit the alert's first message; posting the resolve in full")
		return false, nil
	}
	return false, err
}

// send makes one request once the rate limit allows it, and records what
// an accepted request's answer says of the limit (a refused one's wait is
// the error's RetryAfter, which the outbox waits out).
func (s *Notifier) send(ctx context.Context, method, url string, msg Message) (*httpsink.Answer, error) {
	if err := s.bucket.wait(ctx); err != nil {
		return nil, err
	}
	a, err := s.Poster().Send(ctx, method, url, msg)
	if err != nil {
		return a, s.explain(a, err)
	}
	s.bucket.observe(a.Header)
	return a, nil
}
