package discord

import (
	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// Section is what a discord sink adds to its [[alert.sink]] table.
// WebhookURL is a secret, read from webhook_url_file by the loader.
type Section struct {
	httpsink.WebhookSection
}

// Validate implements config.SinkSettings.
func (s *Section) Validate(r *config.SinkReport) { s.Check(r, checkWebhookURL) }

// MapURLs implements config.SinkSettings: the webhook URL is a Secret and
// never shown.
func (s *Section) MapURLs(func(string) string) config.SinkSettings {
	c := *s
	return &c
}

// Build makes the sink c describes, c.Settings being s.
func (s *Section) Build(c config.Sink, opts alert.SinkOptions) (alert.Sink, error) {
	return New(Config{Name: c.Name, WebhookURL: s.WebhookURL.Reveal(), Timeout: c.Timeout}, opts)
}
