package slack

import (
	"errors"
	"fmt"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/webhook"
)

// Config configures one Slack incoming-webhook sink. WebhookURL is a
// secret: whoever has it can post to the channel. It is resolved from
// webhook_url_file by the config loader and never shown, not even its
// host.
type Config struct {
	// Name is the sink's configured name.
	Name string `toml:"name"`
	// WebhookURL is the incoming webhook URL.
	WebhookURL string `toml:"webhook_url"`
	// Timeout bounds one attempt; 0 means webhook.DefaultTimeout (10s).
	Timeout time.Duration `toml:"timeout"`
}

// Validate reports every problem at once. No error contains the URL.
func (c Config) Validate() error {
	var errs []error
	if c.Name == "" {
		errs = append(errs, errors.New("name is empty"))
	}
	if err := webhook.ValidateURL(c.WebhookURL); err != nil {
		errs = append(errs, fmt.Errorf("webhook_url: %w", err))
	}
	if c.Timeout < 0 {
		errs = append(errs, fmt.Errorf("timeout %s is negative", c.Timeout))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("slack sink %q: %w", c.Name, err)
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
