package webhook

import (
	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// Section is what a webhook sink adds to its [[alert.sink]] table: the
// URL it posts to and optional auth.
type Section struct {
	httpsink.EndpointSection
}

// Validate implements config.SinkSettings.
func (s *Section) Validate(r *config.SinkReport) { s.EndpointSection.Validate(r) }

// MapURLs implements config.SinkSettings.
func (s *Section) MapURLs(f func(string) string) config.SinkSettings {
	c := *s
	c.URL = f(c.URL)
	return &c
}

// Build makes the sink c describes, c.Settings being s.
func (s *Section) Build(c config.Sink, opts alert.SinkOptions) (alert.Sink, error) {
	return New(Config{Name: c.Name, URL: s.URL, Timeout: c.Timeout, Auth: s.Auth()}, opts)
}
