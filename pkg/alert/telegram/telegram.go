// Package telegram is the Telegram sink: one Bot API sendMessage per
// notification to a chat (and, in a forum, a topic), HTML-formatted with
// everything from outside escaped; the later notifications of a firing
// episode, the resolve among them, reply to the message of its first
// (alert.Threader). The bot token is in the request path: it is scrubbed
// from every error and log line and never shown.
package telegram

import (
	"context"
	"net/http"
	"strconv"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// Type is the sink's type, as `type = "telegram"` names it.
const Type = "telegram"

// Options carries the sink's dependencies (HTTP client, logger, clock).
type Options = alert.SinkOptions

// Notifier sends messages through a bot. It implements alert.Sink and
// alert.Threader; its classification of answers is described at explain.
type Notifier struct {
	httpsink.Base
	cfg Config
	url string
}

var _ alert.Threader = (*Notifier)(nil)

// New builds a Telegram Notifier from a valid config.
func New(cfg Config, opts Options) (*Notifier, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	url := cfg.methodURL("sendMessage")
	b, err := httpsink.NewBase(Type, cfg.Name, opts, httpsink.Endpoint{URL: url, Timeout: cfg.Timeout,
		Secrets: []string{cfg.BotToken, "bot" + cfg.BotToken}, RetryAfter: retryAfter})
	if err != nil {
		return nil, err
	}
	return &Notifier{Base: b, cfg: cfg, url: url}, nil
}

// Notify implements alert.Sink.
func (s *Notifier) Notify(ctx context.Context, n *alert.Notification) error {
	return alert.NotifyUnthreaded(ctx, s, n)
}

// NotifyThread implements alert.Threader: n is sent as a reply to the
// message of thread when it names one of this chat. The receipt is the
// message_id the Bot API returned.
func (s *Notifier) NotifyThread(ctx context.Context, n *alert.Notification, thread string) (string, error) {
	if err := alert.ValidateNotification(n); err != nil {
		return "", alert.InvalidNotification(err)
	}
	replyTo, _ := strconv.ParseInt(httpsink.ReceiptMessage(thread, s.cfg.ChatID), 10, 64)
	msg := NewMessage(n, s.cfg.ChatID, s.cfg.MessageThreadID, replyTo)
	a, err := s.Poster().Send(ctx, http.MethodPost, s.url, msg)
	if err != nil {
		return "", s.explain(a, err)
	}
	var receipt string
	if ans, ok := readAnswer(a.Body); ok && ans.OK && ans.Result.MessageID != 0 {
		receipt = httpsink.NewReceipt(s.cfg.ChatID, strconv.FormatInt(ans.Result.MessageID, 10))
	}
	s.Log().WithFields(logrus.Fields{"alert": n.Alert, "target": n.Target, "status": n.Status, "seq": n.Seq,
		"reply_to": replyTo, "receipt": receipt}).Debug("notification accepted")
	return receipt, nil
}
