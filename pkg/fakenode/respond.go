package fakenode

import (
	"encoding/json"
	"io"
	"math/big"
	"net/http"

	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// writeJSON answers v as JSON with Content-Type application/json, as the
// node's JSON handlers do.
func writeJSON(w http.ResponseWriter, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "fake node: marshal: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(data)
}

// writeRaw answers body without a Content-Type, so net/http sniffs one, as
// it does for the node's text endpoints.
func writeRaw(w http.ResponseWriter, body []byte) { _, _ = w.Write(body) }

// writeText is writeRaw for a string.
func writeText(w http.ResponseWriter, s string) { _, _ = io.WriteString(w, s) }

// text returns a handler that always answers s.
func text(s string) handler {
	return func(w http.ResponseWriter, _ *http.Request, _ state) { writeText(w, s) }
}

// jsonOf returns a handler that answers f's value as JSON.
func jsonOf(f func(s state) any) handler {
	return func(w http.ResponseWriter, _ *http.Request, s state) { writeJSON(w, f(s)) }
}

// fail answers a failed chain call the way the generation does: v0.5.0
// and later write a 500 text/plain message with http.Error; the 2018
// releases (0.2.x, v0.3.x) only logged the error and answered 200 with an
// empty body.
func (n *Node) fail(w http.ResponseWriter, msg string) {
	if n.hidesErrors() {
		w.WriteHeader(http.StatusOK)
		return
	}
	http.Error(w, msg, http.StatusInternalServerError)
}

// hideErrors wraps h so that its 500 answer becomes a 200 with an empty
// body, the way a 2018 handler answered after only logging the error.
func hideErrors(h handler) handler {
	return func(w http.ResponseWriter, r *http.Request, s state) {
		h(&errorHider{ResponseWriter: w}, r, s)
	}
}

// errorHider turns a 500 into an empty 200; other answers pass unchanged.
type errorHider struct {
	http.ResponseWriter
	hiding bool
}

// WriteHeader implements http.ResponseWriter.
func (e *errorHider) WriteHeader(code int) {
	if code == http.StatusInternalServerError {
		e.hiding = true
		e.Header().Del("Content-Type")
		e.Header().Del("X-Content-Type-Options")
		code = http.StatusOK
	}
	e.ResponseWriter.WriteHeader(code)
}

// Write implements http.ResponseWriter; the body of a hidden error is dropped.
func (e *errorHider) Write(b []byte) (int, error) {
	if e.hiding {
		return len(b), nil
	}
	return e.ResponseWriter.Write(b)
}

// stakeJSON returns a handler that answers f's value as JSON, or fails
// like the chain call behind the transcoder record when the stake is
// unknown (a 2018 node's empty 200).
func (n *Node) stakeJSON(f func(s state) any) handler {
	return func(w http.ResponseWriter, _ *http.Request, s state) {
		if s.stake == nil {
			n.fail(w, "")
			return
		}
		writeJSON(w, f(s))
	}
}

// decimal returns a handler that answers a number of the state as decimal
// text, or fails like a chain call when it is nil.
func (n *Node) decimal(get func(s state) *big.Int, what string) handler {
	return func(w http.ResponseWriter, _ *http.Request, s state) {
		v := get(s)
		if v == nil {
			n.fail(w, "could not query "+what)
			return
		}
		writeText(w, v.String())
	}
}

// addActions registers the action paths the generation serves. Each
// answers like a mined transaction; /reward runs the reward handler.
func (n *Node) addActions(m map[string]handler, paths []string) {
	for _, p := range paths {
		m[p] = serveAction
	}
	m[nodeapi.PathReward] = n.serveReward
}

func serveRoundInitialized(w http.ResponseWriter, _ *http.Request, s state) {
	if s.initialized {
		writeText(w, "true")
		return
	}
	writeText(w, "false")
}

// serveEthAddr answers the EIP-55 checksummed account, as /ethAddr does.
func serveEthAddr(w http.ResponseWriter, _ *http.Request, s state) {
	writeText(w, s.address.Hex())
}

// transcodingOptions is a plausible list of go-livepeer profile names.
func transcodingOptions() []string {
	return []string{"P144p30fps16x9", "P240p30fps16x9", "P360p30fps16x9", "P576p30fps16x9", "P720p30fps16x9"}
}

// transcodingOptionsHandler answers the JSON list without a Content-Type,
// so it is sniffed as text/plain, as on the node.
func transcodingOptionsHandler(w http.ResponseWriter, _ *http.Request, _ state) {
	data, err := json.Marshal(transcodingOptions())
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeRaw(w, data)
}
