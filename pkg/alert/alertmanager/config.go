package alertmanager

import (
	"errors"
	"fmt"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/webhook"
)

// DefaultResendInterval is how often firing alerts are re-posted when the
// config sets no interval: Prometheus' --rules.alert.resend-delay default.
const DefaultResendInterval = time.Minute

// Config configures one Alertmanager sink. Auth is secret; the URL may
// carry user info, so it is shown by scheme and host only.
type Config struct {
	// Name is the sink's configured name.
	Name string `toml:"name"`
	// URL is the Alertmanager base URL, e.g. http://127.0.0.1:9093; the
	// sink posts to {URL}/api/v2/alerts.
	URL string `toml:"url"`
	// Timeout bounds one attempt; 0 means webhook.DefaultTimeout (10s).
	Timeout time.Duration `toml:"timeout"`
	// ResendInterval is how often the engine re-posts firing alerts;
	// 0 means DefaultResendInterval.
	ResendInterval time.Duration `toml:"resend_interval"`
	// GeneratorURL, when set, is sent as each alert's generatorURL (for
	// example lpwatch's status page).
	GeneratorURL string `toml:"generator_url"`
	// Auth is optional basic auth or a bearer token.
	webhook.Auth
}

// Validate reports every problem at once. No error contains a secret.
func (c Config) Validate() error {
	var errs []error
	if c.Name == "" {
		errs = append(errs, errors.New("name is empty"))
	}
	if err := webhook.ValidateURL(c.URL); err != nil {
		errs = append(errs, err)
	}
	if c.Timeout < 0 {
		errs = append(errs, fmt.Errorf("timeout %s is negative", c.Timeout))
	}
	if c.ResendInterval < 0 {
		errs = append(errs, fmt.Errorf("resend_interval %s is negative", c.ResendInterval))
	}
	if c.GeneratorURL != "" {
		if err := webhook.ValidateURL(c.GeneratorURL); err != nil {
			errs = append(errs, fmt.Errorf("generator_url: %w", err))
		}
	}
	if err := c.Auth.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("alertmanager sink %q: %w", c.Name, err)
	}
	return nil
}

// resendInterval returns the configured interval or its default.
func (c Config) resendInterval() time.Duration {
	if c.ResendInterval == 0 {
		return DefaultResendInterval
	}
	return c.ResendInterval
}

// String describes c without secrets.
func (c Config) String() string {
	return fmt.Sprintf("alertmanager %q url=%s auth=%s resend_interval=%s timeout=%s",
		c.Name, webhook.RedactURL(c.URL), c.Auth.Describe(), c.ResendInterval, c.Timeout)
}

// GoString is String, so that %#v does not print secrets either.
func (c Config) GoString() string { return c.String() }
