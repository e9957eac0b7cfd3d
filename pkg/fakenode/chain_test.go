package fakenode_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// TestChainURL: connected to a chain, the fake node's paths that read the
// chain ask it first. While it answers they serve as usual; once it is
// down they fail as go-livepeer does (500 with a text message; 200 empty
// on the 2018 generations), and the paths that read no chain keep answering.
func TestChainURL(t *testing.T) {
	var down atomic.Bool
	var calls atomic.Int64
	rpc := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if body, _ := io.ReadAll(r.Body); !strings.Contains(string(body), `"eth_blockNumber"`) {
			t.Errorf("chain call %q", body)
		}
		if down.Load() {
			http.Error(w, "bad gateway", http.StatusBadGateway)
			return
		}
		_, _ = io.WriteString(w, `{"jsonrpc":"2.0","id":1,"result":"0x10"}`)
	}))
	t.Cleanup(rpc.Close)
	for _, gen := range nodeapi.Generations() {
		n := start(t, gen)
		n.SetChainURL(rpc.URL)
		down.Store(false)
		for _, p := range nodeapi.ChainBackedPaths(gen) {
			if a := get(t, n, p); a.status != http.StatusOK || len(a.body) == 0 {
				t.Errorf("%s %s with the chain up: %d %q", gen, p, a.status, a.body)
			}
		}
		down.Store(true)
		before := calls.Load()
		for _, p := range []string{nodeapi.PathCurrentRound, nodeapi.PathEthBalance} {
			a := get(t, n, p)
			hides := gen == nodeapi.Legacy || gen == nodeapi.V03
			switch {
			case !hides && (a.status != http.StatusInternalServerError || !strings.Contains(string(a.body), "502 Bad Gateway")):
				t.Errorf("%s %s with the chain down: %d %q, want a 500 naming the chain's answer", gen, p, a.status, a.body)
			case hides && (a.status != http.StatusOK || len(a.body) != 0):
				t.Errorf("%s %s with the chain down: %d %q, want 200 empty", gen, p, a.status, a.body)
			}
		}
		if calls.Load() == before {
			t.Errorf("%s: no chain call", gen)
		}
		before = calls.Load()
		for _, p := range []string{nodeapi.PathStatus, nodeapi.PathEthAddr} {
			if a := get(t, n, p); a.status != http.StatusOK || len(a.body) == 0 {
				t.Errorf("%s %s with the chain down: %d %q, want its usual answer", gen, p, a.status, a.body)
			}
		}
		if calls.Load() != before {
			t.Errorf("%s: paths that read no chain called it", gen)
		}
		n.SetChainURL("")
		if a := get(t, n, nodeapi.PathCurrentRound); a.status != http.StatusOK {
			t.Errorf("%s disconnected: %d", gen, a.status)
		}
	}
}
