package alertmanager

import (
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// Section is what an alertmanager sink adds to its [[alert.sink]] table:
// the base URL, how often firing alerts are re-posted, optional auth.
type Section struct {
	httpsink.EndpointSection
	ResendInterval time.Duration `toml:"resend_interval"`
}

// NewSection returns a section with its defaults.
func NewSection() *Section { return &Section{ResendInterval: DefaultResendInterval} }

// Validate implements config.SinkSettings. resend_interval, once in the
// file, must be positive: its default is already filled in.
func (s *Section) Validate(r *config.SinkReport) {
	s.EndpointSection.Validate(r)
	r.Positive("resend_interval", s.ResendInterval)
}

// MapURLs implements config.SinkSettings.
func (s *Section) MapURLs(f func(string) string) config.SinkSettings {
	c := *s
	c.URL = f(c.URL)
	return &c
}

// Build makes the sink c describes, c.Settings being s. Each alert's
// generatorURL is lpwatch's external URL.
func (s *Section) Build(c config.Sink, opts alert.SinkOptions) (alert.Sink, error) {
	return New(Config{Name: c.Name, URL: s.URL, Timeout: c.Timeout, ResendInterval: s.ResendInterval,
		GeneratorURL: opts.ExternalURL, Auth: s.Auth()}, opts)
}
