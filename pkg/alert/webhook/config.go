package webhook

import (
	"fmt"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// Config configures one generic webhook sink, as New takes it (a
// configured sink's is made from its Section). URL and Auth are secrets.
type Config struct {
	// Name is the sink's configured name.
	Name string
	// URL receives the POST; only its scheme and host are ever shown.
	URL string
	// Timeout bounds one attempt; 0 means DefaultTimeout (10s).
	Timeout time.Duration
	// Auth is optional basic auth or a bearer token.
	httpsink.Auth
}

// Validate reports every problem at once. No error contains a secret.
func (c Config) Validate() error {
	return httpsink.CheckConfig(Type, c.Name, c.Timeout, httpsink.ValidateURL(c.URL), c.Auth.Validate())
}

// String describes c without secrets.
func (c Config) String() string {
	return fmt.Sprintf("webhook %q url=%s auth=%s timeout=%s", c.Name, httpsink.RedactURL(c.URL), c.Auth.Describe(), c.Timeout)
}

// GoString is String, so that %#v does not print secrets either.
func (c Config) GoString() string { return c.String() }
