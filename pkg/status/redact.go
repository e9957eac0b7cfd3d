package status

import (
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/redact"
)

// Redact returns a copy of cfg fit for /status: secrets print as
// "<secret>" by themselves (the heartbeat's URLs among them), and every URL, which may carry a token or a
// password, keeps only its scheme and host (redact.URL).
func Redact(cfg *config.Config) *config.Config {
	c := *cfg
	c.Server.ExternalURL = redact.URL(cfg.Server.ExternalURL)
	c.Alert.RunbookBaseURL = redact.URL(cfg.Alert.RunbookBaseURL)
	c.Nodes = append([]config.Node(nil), cfg.Nodes...)
	for i := range c.Nodes {
		c.Nodes[i].URL = redact.URL(c.Nodes[i].URL)
	}
	c.Alert.Sinks = append([]config.Sink(nil), cfg.Alert.Sinks...)
	for i, s := range c.Alert.Sinks {
		if s.Settings != nil {
			c.Alert.Sinks[i].Settings = s.Settings.MapURLs(redact.URL)
		}
	}
	c.Peers = append([]config.Peer(nil), cfg.Peers...)
	for i := range c.Peers {
		c.Peers[i].URL = redact.URL(c.Peers[i].URL)
	}
	c.Chain.URLs = mapStrings(cfg.Chain.URLs, redact.Endpoint)
	c.Chain.ReferenceURLs = mapStrings(cfg.Chain.ReferenceURLs, redact.Endpoint)
	return &c
}

func mapStrings(in []string, f func(string) string) []string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = f(s)
	}
	return out
}
