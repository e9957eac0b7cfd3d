package alertmanager

import (
	"fmt"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// DefaultResendInterval is how often firing alerts are re-posted when the
// config sets no interval: Prometheus' --rules.alert.resend-delay default.
const DefaultResendInterval = time.Minute

// Config configures one Alertmanager sink, as New takes it (a configured
// sink's is made from its Section). Auth is secret; the URL may carry
// user info, so it is shown by scheme and host only.
type Config struct {
	// Name is the sink's configured name.
	Name string
	// URL is the Alertmanager base URL, e.g. http://127.0.0.1:9093; the
	// sink posts to {URL}/api/v2/alerts.
	URL string
	// Timeout bounds one attempt; 0 means httpsink.DefaultTimeout (10s).
	Timeout time.Duration
	// ResendInterval is how often the engine re-posts firing alerts;
	// 0 means DefaultResendInterval.
	ResendInterval time.Duration
	// GeneratorURL, when set, is sent as each alert's generatorURL (for
	// example lpwatch's status page).
	GeneratorURL string
	// Auth is optional basic auth or a bearer token.
	httpsink.Auth
}

// Validate reports every problem at once. No error contains a secret.
func (c Config) Validate() error {
	var generator error
	if c.GeneratorURL != "" {
		if err := httpsink.ValidateURL(c.GeneratorURL); err != nil {
			generator = fmt.Errorf("generator_url: %w", err)
		}
	}
	return httpsink.CheckConfig(Type, c.Name, c.Timeout, httpsink.ValidateURL(c.URL), checkResend(c.ResendInterval), generator, c.Auth.Validate())
}

// checkResend is the rule of ResendInterval, where 0 means the default.
func checkResend(d time.Duration) error {
	if d < 0 {
		return fmt.Errorf("resend_interval %s is negative", d)
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
		c.Name, httpsink.RedactURL(c.URL), c.Auth.Describe(), c.ResendInterval, c.Timeout)
}

// GoString is String, so that %#v does not print secrets either.
func (c Config) GoString() string { return c.String() }
