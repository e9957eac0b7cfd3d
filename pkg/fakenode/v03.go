package fakenode

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// v03Transcoder is types.Transcoder of go-livepeer v0.3.x, served bare by
// /transcoderInfo: the 0.2.x struct with ServiceURI after Address (the
// embedded Address is shadowed, so JSON writes the fields in the node's
// order).
type v03Transcoder struct {
	Address    common.Address
	ServiceURI string
	legacyTranscoder
}

func v03TranscoderOf(s state) v03Transcoder {
	return v03Transcoder{Address: s.address, ServiceURI: s.serviceURI, legacyTranscoder: legacyTranscoderOf(s)}
}

// v03Removed are the 0.2.4 paths that v0.3.3 does not have: the libp2p
// ones that 0.3.0 removed, and /transcode.
func v03Removed() []string {
	return []string{nodeapi.PathNodeID, "/nodeAddrs", "/peersCount", "/transcode"}
}

// v03Handlers serve the API of go-livepeer v0.3.3, the last v0.3.x release
// (nodeapi.V03): the 0.2.4 paths on the CLI port's own mux, without /nodeID
// and the other libp2p paths, with /rebond and /unbondingLocks; /status
// holds only the manifests. Every failure is a 200 with an empty body,
// /reward's included.
func (n *Node) v03Handlers() map[string]handler {
	m := n.legacyHandlers()
	for _, p := range v03Removed() {
		delete(m, p)
	}
	m[nodeapi.PathTranscoderInfo] = n.stakeJSON(func(s state) any { return v03TranscoderOf(s) })
	m["/registeredTranscoders"] = n.stakeJSON(func(s state) any { return []v03Transcoder{v03TranscoderOf(s)} })
	m[nodeapi.PathStatus] = jsonOf(func(state) any {
		return struct{ Manifests map[string]string }{map[string]string{}}
	})
	m["/delegatorInfo"] = jsonOf(currentDelegator)
	m["/unbondingLocks"] = jsonOf(func(state) any { return []struct{}{} })
	m["/rebond"] = serveAction
	m[nodeapi.PathReward] = hideErrors(m[nodeapi.PathReward])
	return m
}
