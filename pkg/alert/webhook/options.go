package webhook

import (
	"io"
	"net/http"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/clock"
)

// Options carries the dependencies of an HTTP sink. The pagerduty, slack
// and alertmanager sinks use the same type.
type Options struct {
	// HTTPClient sends the requests; nil means a client of its own with
	// the default transport (the sink's timeout bounds every request).
	HTTPClient *http.Client
	// Logger receives per-attempt debug lines; nil discards them.
	Logger logrus.FieldLogger
	// Clock is used for Retry-After dates and Alertmanager's endsAt; nil
	// means the wall clock.
	Clock clock.Clock
}

// WithDefaults returns o with every nil dependency replaced by its
// documented default.
func (o Options) WithDefaults() Options {
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
