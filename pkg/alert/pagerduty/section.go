package pagerduty

import (
	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// group is the payload.group of the events of a configured sink.
const group = "livepeer"

// Section is what a pagerduty sink adds to its [[alert.sink]] table.
// RoutingKey is a secret, read from routing_key_file by the loader.
type Section struct {
	// URL overrides DefaultURL.
	URL            string        `toml:"url"`
	RoutingKey     config.Secret `toml:"routing_key"`
	RoutingKeyFile string        `toml:"routing_key_file"`
}

// Validate implements config.SinkSettings.
func (s *Section) Validate(r *config.SinkReport) {
	if s.RoutingKey == "" {
		r.NeedSecret("routing_key")
	} else {
		r.Bad("routing_key", checkRoutingKey(s.RoutingKey.Reveal()))
	}
	if s.URL != "" {
		httpsink.CheckURL(r, "url", s.URL)
	}
}

// MapURLs implements config.SinkSettings.
func (s *Section) MapURLs(f func(string) string) config.SinkSettings {
	c := *s
	c.URL = f(c.URL)
	return &c
}

// Build makes the sink c describes, c.Settings being s.
func (s *Section) Build(c config.Sink, opts alert.SinkOptions) (alert.Sink, error) {
	return New(Config{Name: c.Name, RoutingKey: s.RoutingKey.Reveal(), URL: s.URL, Timeout: c.Timeout, Group: group}, opts)
}
