package config

import (
	"net/url"
	"strconv"
	"time"

	"github.com/lpwatch/lpwatch/pkg/redact"
)

// Defaults of a [[peer]].
const (
	DefaultPeerInterval = 15 * time.Second
	DefaultPeerTimeout  = 5 * time.Second
)

// Peer is another lpwatch instance this one watches, [[peer]]: PeerDown
// fires when its /health/live stops answering, so that two hosts cover
// each other when one of them dies with its lpwatch.
type Peer struct {
	Name string `toml:"name"`
	// URL is the peer's base URL: its server.health_listen (or
	// server.listen) address; lpwatch reads URL + "/health/live".
	URL      string        `toml:"url"`
	Interval time.Duration `toml:"interval"`
	Timeout  time.Duration `toml:"timeout"`
}

func peerDefaults() Peer {
	return Peer{Interval: DefaultPeerInterval, Timeout: DefaultPeerTimeout}
}

func (v *validator) peers(peers []Peer) {
	seen := make(map[string]bool)
	for i, pr := range peers {
		p := "peer[" + strconv.Itoa(i) + "]"
		switch {
		case !nameRe.MatchString(pr.Name):
			v.bad(p+".name", "%q is not a valid name (letters, digits, '.', '_', '-'; at most 63)", pr.Name)
		case seen[pr.Name]:
			v.bad(p+".name", "duplicate peer name %q", pr.Name)
		}
		seen[pr.Name] = true
		if v.httpURL(p+".url", pr.URL) {
			if u, err := url.Parse(pr.URL); err == nil && (u.RawQuery != "" || u.ForceQuery || u.Fragment != "") {
				v.bad(p+".url", "%s: a peer URL must not have a query or fragment", redact.URL(pr.URL))
			}
		}
		v.interval(p, pr.Interval, pr.Timeout)
	}
}
