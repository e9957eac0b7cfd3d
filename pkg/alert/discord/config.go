package discord

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// Config configures one Discord webhook sink, as New takes it (a
// configured sink's is made from its Section). WebhookURL is a secret:
// whoever has it can post to the channel. It is never shown, not even its
// host.
type Config struct {
	// Name is the sink's configured name.
	Name string
	// WebhookURL is the channel webhook's URL,
	// https://discord.com/api/webhooks/<id>/<token>, optionally with
	// ?thread_id=<id> to post in a thread or a forum post.
	WebhookURL string
	// Timeout bounds one request; 0 means httpsink.DefaultTimeout (10s).
	Timeout time.Duration
}

// pathRE is the path of a webhook URL: /api[/v<N>]/webhooks/<id>/<token>
// (https://discord.com/developers/docs/resources/webhook#execute-webhook).
var pathRE = regexp.MustCompile(`^/api(/v[0-9]+)?/webhooks/[0-9]+/[A-Za-z0-9_.-]+$`)

// threadRE is a thread_id.
var threadRE = regexp.MustCompile(`^[0-9]+$`)

// Validate reports every problem at once. No error contains the URL.
func (c Config) Validate() error {
	return httpsink.CheckConfig(Type, c.Name, c.Timeout, checkWebhookURL(c.WebhookURL))
}

// checkWebhookURL is the rule of webhook_url. Its messages show no part
// of the URL.
func checkWebhookURL(raw string) error {
	if err := httpsink.ValidateURL(raw); err != nil {
		return fmt.Errorf("webhook_url: %w", err)
	}
	u, _ := url.Parse(raw)
	if !pathRE.MatchString(u.Path) {
		return errors.New("webhook_url: the path is not /api/webhooks/<id>/<token> (copy the URL Discord shows under Integrations, Webhooks)")
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return errors.New("webhook_url: the query does not parse")
	}
	for k, vs := range q {
		if k != "thread_id" || len(vs) != 1 || !threadRE.MatchString(vs[0]) {
			return errors.New("webhook_url: the only query parameter allowed is one numeric thread_id")
		}
	}
	if u.User != nil {
		return errors.New("webhook_url: must have no user info")
	}
	return nil
}

// webhook is a valid webhook URL taken apart.
type webhook struct {
	base   string // scheme://host/api/webhooks/<id>/<token>
	token  string
	thread string // thread_id, or ""
}

func parseWebhook(raw string) webhook {
	u, _ := url.Parse(raw)
	w := webhook{base: u.Scheme + "://" + u.Host + u.EscapedPath(), thread: u.Query().Get("thread_id")}
	w.token = u.Path[len(path.Dir(u.Path))+1:]
	return w
}

// executeURL is the URL that posts a message and answers it (wait=true).
func (w webhook) executeURL() string {
	q := url.Values{"wait": {"true"}}
	if w.thread != "" {
		q.Set("thread_id", w.thread)
	}
	return w.base + "?" + q.Encode()
}

// messageURL is the URL that edits the webhook's message id.
func (w webhook) messageURL(id string) string {
	u := w.base + "/messages/" + url.PathEscape(id)
	if w.thread != "" {
		u += "?" + url.Values{"thread_id": {w.thread}}.Encode()
	}
	return u
}

// String describes c without the webhook URL.
func (c Config) String() string {
	set := "<unset>"
	if c.WebhookURL != "" {
		set = "<redacted>"
	}
	return fmt.Sprintf("discord %q webhook_url=%s timeout=%s", c.Name, set, c.Timeout)
}

// GoString is String, so that %#v does not print the URL either.
func (c Config) GoString() string { return c.String() }
