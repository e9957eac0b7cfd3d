package logsink

import (
	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// Section is what a log sink adds to its [[alert.sink]] table: nothing.
type Section struct{}

// Validate implements config.SinkSettings.
func (*Section) Validate(*config.SinkReport) {}

// MapURLs implements config.SinkSettings.
func (s *Section) MapURLs(func(string) string) config.SinkSettings { return s }

// Build makes the sink c describes; it logs to opts.Logger.
func (*Section) Build(c config.Sink, opts alert.SinkOptions) (alert.Sink, error) {
	return New(Config{Name: c.Name}, Options{Logger: opts.Logger})
}
