package slack

import (
	"fmt"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// Config configures one Slack incoming-webhook sink, as New takes it (a
// configured sink's is made from its Section). WebhookURL is a secret:
// whoever has it can post to the channel. It is never shown, not even its
// host.
type Config struct {
	// Name is the sink's configured name.
	Name string
	// WebhookURL is the incoming webhook URL.
	WebhookURL string
	// Timeout bounds one attempt; 0 means httpsink.DefaultTimeout (10s).
	Timeout time.Duration
}

// Validate reports every problem at once. No error contains the URL.
func (c Config) Validate() error {
	return httpsink.CheckConfig(Type, c.Name, c.Timeout, checkWebhookURL(c.WebhookURL))
}

// checkWebhookURL is the rule of webhook_url.
func checkWebhookURL(u string) error {
	if err := httpsink.ValidateURL(u); err != nil {
		return fmt.Errorf("webhook_url: %w", err)
	}
	return nil
}

// String describes c without the webhook URL.
func (c Config) String() string {
	set := "<unset>"
	if c.WebhookURL != "" {
		set = "<redacted>"
	}
	return fmt.Sprintf("slack %q webhook_url=%s timeout=%s", c.Name, set, c.Timeout)
}

// GoString is String, so that %#v does not print the URL either.
func (c Config) GoString() string { return c.String() }
