package pagerduty

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/webhook"
)

// DefaultURL is the Events API v2 endpoint.
// https://developer.pagerduty.com/docs/events-api-v2/trigger-events/
const DefaultURL = "https://events.pagerduty.com/v2/enqueue"

// routingKeyLen is the length of an Events API v2 integration key: "the
// 32 character Integration Key for an integration on a service".
// https://developer.pagerduty.com/docs/events-api-v2/trigger-events/
const routingKeyLen = 32

// Config configures one PagerDuty sink. RoutingKey is a secret (resolved
// from routing_key_file by the config loader).
type Config struct {
	// Name is the sink's configured name.
	Name string `toml:"name"`
	// RoutingKey is the service's Events API v2 integration key.
	RoutingKey string `toml:"routing_key"`
	// URL overrides DefaultURL (tests, proxies, EU service region).
	URL string `toml:"url"`
	// Timeout bounds one attempt; 0 means webhook.DefaultTimeout (10s).
	Timeout time.Duration `toml:"timeout"`
	// Group is the optional payload.group (a label "group" overrides it).
	Group string `toml:"group"`
}

// Validate reports every problem at once. No error contains the key.
func (c Config) Validate() error {
	var errs []error
	if c.Name == "" {
		errs = append(errs, errors.New("name is empty"))
	}
	switch {
	case c.RoutingKey == "":
		errs = append(errs, errors.New("routing_key is empty"))
	case len(c.RoutingKey) != routingKeyLen:
		errs = append(errs, fmt.Errorf("routing_key has %d characters, want the %d-character Events API v2 integration key", len(c.RoutingKey), routingKeyLen))
	case strings.ContainsAny(c.RoutingKey, " \t\r\n"):
		errs = append(errs, errors.New("routing_key contains white space"))
	}
	if c.URL != "" {
		if err := webhook.ValidateURL(c.URL); err != nil {
			errs = append(errs, err)
		}
	}
	if c.Timeout < 0 {
		errs = append(errs, fmt.Errorf("timeout %s is negative", c.Timeout))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("pagerduty sink %q: %w", c.Name, err)
	}
	return nil
}

// url returns the configured URL or DefaultURL.
func (c Config) url() string {
	if c.URL == "" {
		return DefaultURL
	}
	return c.URL
}

// String describes c without the routing key.
func (c Config) String() string {
	return fmt.Sprintf("pagerduty %q url=%s routing_key=%s timeout=%s", c.Name, webhook.RedactURL(c.url()), redactedIfSet(c.RoutingKey), c.Timeout)
}

// GoString is String, so that %#v does not print the key either.
func (c Config) GoString() string { return c.String() }

func redactedIfSet(s string) string {
	if s == "" {
		return "<unset>"
	}
	return "<redacted>"
}
