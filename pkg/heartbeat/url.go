package heartbeat

import (
	"net/url"
	"strings"

	"github.com/lpwatch/lpwatch/pkg/config"
)

// The healthchecks.io path suffixes of the start and fail pings.
const (
	startSuffix = "/start"
	failSuffix  = "/fail"
)

// pingURL returns the URL of a ping for the configuration h: the success
// URL itself, its /start, and fail_url or else its /fail.
func pingURL(h config.Heartbeat, ping string) string {
	switch ping {
	case PingStart:
		return withSuffix(h.URL.Reveal(), startSuffix)
	case PingFail:
		if h.FailURL != "" {
			return h.FailURL.Reveal()
		}
		return withSuffix(h.URL.Reveal(), failSuffix)
	}
	return h.URL.Reveal()
}

// withSuffix adds suffix to the path of raw, keeping its query.
func withSuffix(raw, suffix string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw + suffix // validated by config: not reached
	}
	u.Path = strings.TrimRight(u.Path, "/") + suffix
	if u.RawPath != "" {
		u.RawPath = strings.TrimRight(u.RawPath, "/") + suffix
	}
	return u.String()
}
