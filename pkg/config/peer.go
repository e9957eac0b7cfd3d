package config

import (
	"strconv"
	"time"
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
		v.uniqueName(p+".name", "peer", pr.Name, seen)
		v.baseURL(p+".url", "peer", pr.URL)
		v.interval(p, pr.Interval, pr.Timeout)
	}
}
