package checks

import (
	"fmt"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
	"github.com/lpwatch/lpwatch/pkg/redact"
)

// peerInput is what a peer check reads: one configured [[peer]] and its
// latest observation (seen is false before the first probe ended).
type peerInput struct {
	peer config.Peer
	obs  observe.Peer
	seen bool
}

// peerChecks evaluates the checks of every configured peer.
func (e *Evaluator) peerChecks(defs []*Definition, snap observe.Snapshot) []Result {
	out := make([]Result, 0, len(defs)*len(e.cfg.Peers))
	for _, p := range e.cfg.Peers {
		o, seen := snap.Peer(p.Name)
		for _, d := range present(defs, e.cfg) {
			out = append(out, named(d, d.eval.peer(peerInput{peer: p, obs: o, seen: seen}))...)
		}
	}
	return out
}

// peerDown is PeerDown: another lpwatch's /health/live does not answer
// 200, so that lpwatch (or its host) can page no one, or its scheduler is
// stalled.
func peerDown(in peerInput) Result {
	check, p, o := alert.PeerDown, in.peer, in.obs
	url := redact.URL(p.URL)
	switch {
	case !in.seen:
		return unknown(check, p.Name, "not probed yet")
	case o.Err != nil:
		last := "never"
		if !o.LastOK.IsZero() {
			last = o.LastOK.UTC().Format(time.RFC3339)
		}
		why := o.Reason
		if o.Reason == "http_503" {
			why += ": its scheduler is stalled"
		}
		return failing(check, p.Name, Critical,
			fmt.Sprintf("lpwatch peer %s at %s does not answer %s (%s); last answered %s", p.Name, url, "/health/live", why, last),
			map[string]string{"url": url, "error": o.Reason, "last_ok": last})
	}
	return ok(check, p.Name, "lpwatch peer at "+url+" is alive")
}
