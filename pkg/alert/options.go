package alert

import (
	"io"
	"net/http"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/clock"
)

// SinkOptions carries what a sink is built with besides its own config:
// its dependencies and the few settings of other sections it may use.
// Every sink package takes the same type (the log sink uses only Logger).
type SinkOptions struct {
	// HTTPClient sends the requests of an HTTP sink; nil means a client of
	// its own with the default transport (the sink's timeout bounds every
	// request).
	HTTPClient *http.Client
	// Logger receives per-attempt debug lines; nil discards them.
	Logger logrus.FieldLogger
	// Clock is used for Retry-After dates and Alertmanager's endsAt; nil
	// means the wall clock.
	Clock clock.Clock
	// ExternalURL is how people reach lpwatch's status page
	// (server.external_url), for links back from a notification; "" when
	// unset.
	ExternalURL string
}

// WithDefaults returns o with every nil dependency replaced by its
// documented default.
func (o SinkOptions) WithDefaults() SinkOptions {
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{}
	}
	if o.Logger == nil {
		l := logrus.New()
		l.SetOutput(io.Discard)
		o.Logger = l
	}
	if o.Clock == nil {
		o.Clock = clock.Real{}
	}
	return o
}
