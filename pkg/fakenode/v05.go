package fakenode

import (
	"net/http"

	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// v05Missing are the paths of the current profile that v0.6.0 does not have:
// action paths added in v0.7.0 and later.
func v05Missing() []string {
	return []string{"/setMaxSessions", "/voteOnProposal", "/setMaxPriceForCapability", "/registerLiveRunners"}
}

// v05Handlers serve the API of go-livepeer v0.6.0, the last release of the
// v0.5.0-v0.6.x line (nodeapi.V05): the current paths and shapes, errors
// written with http.Error, but /currentRound answers the raw big-endian
// bytes of the round (big.Int.Bytes: no bytes at all for round 0), which
// may look like text: round 2613 is "\n5".
func (n *Node) v05Handlers() map[string]handler {
	m := n.currentHandlers()
	for _, p := range v05Missing() {
		delete(m, p)
	}
	m[nodeapi.PathStatus] = statusHandler("go1.20.4")
	m[nodeapi.PathCurrentRound] = func(w http.ResponseWriter, _ *http.Request, s state) {
		writeRaw(w, s.round.Bytes())
	}
	return m
}
