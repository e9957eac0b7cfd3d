package status

import (
	"time"

	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
	"github.com/lpwatch/lpwatch/pkg/redact"
)

// Peer is one [[peer]], another lpwatch, in /status.
type Peer struct {
	Name string `json:"name"`
	// URL is the peer's scheme and host.
	URL string `json:"url"`
	// Up is true when its /health/live answered 200 at the last probe.
	Up bool `json:"up"`
	// Error is why it did not ("connection", "timeout", "http_503").
	Error string `json:"error,omitempty"`
	// Checked is when it was last probed (zero: not yet).
	Checked time.Time `json:"checked,omitzero"`
	LastOK  time.Time `json:"last_ok,omitzero"`
}

// peers is every configured peer's view from its latest observation.
func peers(cfg []config.Peer, snap observe.Snapshot) []Peer {
	var out []Peer
	for _, p := range cfg {
		v := Peer{Name: p.Name, URL: redact.URL(p.URL)}
		if o, ok := snap.Peer(p.Name); ok {
			v.Up, v.Checked, v.LastOK = o.Err == nil, o.At, o.LastOK
			if o.Err != nil {
				v.Error = o.Reason
			}
		}
		out = append(out, v)
	}
	return out
}
