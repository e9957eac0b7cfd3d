package pagerduty

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// DefaultURL is the Events API v2 endpoint.
// https://developer.pagerduty.com/docs/events-api-v2/trigger-events/
const DefaultURL = "https://events.pagerduty.com/v2/enqueue"

// routingKeyLen is the length of an Events API v2 integration key: "the
// 32 character Integration Key for an integration on a service".
// https://developer.pagerduty.com/docs/events-api-v2/trigger-events/
const routingKeyLen = 32

// Config configures one PagerDuty sink, as New takes it (a configured
// sink's is made from its Section). RoutingKey is a secret.
type Config struct {
	// Name is the sink's configured name.
	Name string
	// RoutingKey is the service's Events API v2 integration key.
	RoutingKey string
	// URL overrides DefaultURL (tests, proxies, EU service region).
	URL string
	// Timeout bounds one attempt; 0 means httpsink.DefaultTimeout (10s).
	Timeout time.Duration
	// Group is the optional payload.group (a label "group" overrides it).
	Group string
}

// Validate reports every problem at once. No error contains the key.
func (c Config) Validate() error {
	return httpsink.CheckConfig(Type, c.Name, c.Timeout, checkRoutingKey(c.RoutingKey), checkURL(c.URL))
}

// checkRoutingKey is the rule of routing_key.
func checkRoutingKey(key string) error {
	switch {
	case key == "":
		return errors.New("routing_key is empty")
	case len(key) != routingKeyLen:
		return fmt.Errorf("routing_key has %d characters, want the %d-character Events API v2 integration key", len(key), routingKeyLen)
	case strings.ContainsAny(key, " \t\r\n"):
		return errors.New("routing_key contains white space")
	}
	return nil
}

// checkURL is the rule of url, which is optional.
func checkURL(u string) error {
	if u == "" {
		return nil
	}
	return httpsink.ValidateURL(u)
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
	return fmt.Sprintf("pagerduty %q url=%s routing_key=%s timeout=%s", c.Name, httpsink.RedactURL(c.url()), redactedIfSet(c.RoutingKey), c.Timeout)
}

// GoString is String, so that %#v does not print the key either.
func (c Config) GoString() string { return c.String() }

func redactedIfSet(s string) string {
	if s == "" {
		return "<unset>"
	}
	return "<redacted>"
}
