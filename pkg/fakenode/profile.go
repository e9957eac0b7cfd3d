package fakenode

import (
	"slices"

	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// profile is what the fake serves for one API generation: one real
// go-livepeer release of that generation.
type profile struct {
	// handlers builds the paths the release serves.
	handlers func(n *Node) map[string]handler
	// version is what /status reports, where it reports one.
	version string
}

// profileOf returns the profile of gen; ok is false for a generation the
// fake cannot serve (Auto or an unknown one).
func profileOf(gen nodeapi.Generation) (p profile, ok bool) {
	switch gen {
	case nodeapi.Gated:
		return profile{handlers: (*Node).gatedHandlers, version: DefaultVersionGated}, true
	case nodeapi.Current:
		return profile{handlers: (*Node).currentHandlers, version: DefaultVersion}, true
	case nodeapi.V05:
		return profile{handlers: (*Node).v05Handlers, version: DefaultVersionV05}, true
	case nodeapi.V03:
		return profile{handlers: (*Node).v03Handlers}, true
	case nodeapi.Legacy:
		return profile{handlers: (*Node).legacyHandlers}, true
	}
	return profile{}, false
}

// hidesErrors reports whether the generation answers a failure with 200
// and an empty body, as the 2018 releases (0.2.x and v0.3.x) did: their
// handlers only logged the error.
func (n *Node) hidesErrors() bool {
	return slices.Contains([]nodeapi.Generation{nodeapi.Legacy, nodeapi.V03}, n.gen)
}
