package webhook

import (
	"errors"
	"fmt"
	"time"
)

// Config configures one generic webhook sink. URL and Auth are secrets
// (resolved from their *_file form by the config loader).
type Config struct {
	// Name is the sink's configured name.
	Name string `toml:"name"`
	// URL receives the POST; only its scheme and host are ever shown.
	URL string `toml:"url"`
	// Timeout bounds one attempt; 0 means DefaultTimeout (10s).
	Timeout time.Duration `toml:"timeout"`
	// Auth is optional basic auth or a bearer token.
	Auth
}

// Validate reports every problem at once. No error contains a secret.
func (c Config) Validate() error {
	var errs []error
	if c.Name == "" {
		errs = append(errs, errors.New("name is empty"))
	}
	if err := ValidateURL(c.URL); err != nil {
		errs = append(errs, err)
	}
	if c.Timeout < 0 {
		errs = append(errs, fmt.Errorf("timeout %s is negative", c.Timeout))
	}
	if err := c.Auth.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("webhook sink %q: %w", c.Name, err)
	}
	return nil
}

// String describes c without secrets.
func (c Config) String() string {
	return fmt.Sprintf("webhook %q url=%s auth=%s timeout=%s", c.Name, RedactURL(c.URL), c.Auth.Describe(), c.Timeout)
}

// GoString is String, so that %#v does not print secrets either.
func (c Config) GoString() string { return c.String() }
