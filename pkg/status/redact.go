package status

import (
	"net/url"
	"strings"

	"github.com/lpwatch/lpwatch/pkg/config"
)

// Redact returns a copy of cfg fit for /status: secrets print as
// "<secret>" by themselves, and every URL that may carry a token (sink
// URLs, chain endpoints with an API key) keeps only its scheme and host.
func Redact(cfg *config.Config) *config.Config {
	c := *cfg
	c.Alert.Sinks = append([]config.Sink(nil), cfg.Alert.Sinks...)
	for i := range c.Alert.Sinks {
		c.Alert.Sinks[i].URL = schemeHost(c.Alert.Sinks[i].URL)
	}
	c.Chain.URLs = mapStrings(cfg.Chain.URLs, schemeHost)
	c.Chain.ReferenceURLs = mapStrings(cfg.Chain.ReferenceURLs, schemeHost)
	return &c
}

// schemeHost keeps the scheme and host of a URL ("" stays ""; an IPC path
// stays as it is).
func schemeHost(raw string) string {
	u, err := url.Parse(raw)
	if raw == "" || err != nil || u.Host == "" {
		if strings.HasPrefix(raw, "/") {
			return raw
		}
		if raw == "" {
			return ""
		}
		return "<redacted>"
	}
	if u.Path == "" && u.RawQuery == "" && u.User == nil {
		return raw
	}
	return u.Scheme + "://" + u.Host + "/<redacted>"
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
