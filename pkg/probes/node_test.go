package probes

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// deadChain returns the http URL of a loopback port nothing listens on.
func deadChain(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	u := "http://" + l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return u
}

// hangingChain is a JSON-RPC endpoint that never answers.
func hangingChain(t *testing.T) string {
	t.Helper()
	done := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-done:
		}
	}))
	t.Cleanup(func() { close(done); srv.Close() })
	return srv.URL
}

// probeOnce probes url once with api and returns what the probe stored.
func probeOnce(t *testing.T, url, api string) (observe.Node, *NodeProbe) {
	t.Helper()
	client, err := nodeapi.New(url, nodeapi.Options{})
	if err != nil {
		t.Fatal(err)
	}
	store := observe.NewStore()
	p, err := NewNodeProbe(config.Node{Name: "tc001", URL: url, API: api, Metrics: "off"}, client, store, clock.Real{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = p.Run(ctx)
	o, _ := store.Snapshot().Node("tc001")
	return o, p
}

func paths(errs []*nodeapi.Error) string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Path+" "+e.Reason)
	}
	return strings.Join(out, ", ")
}

// TestNodeProbeTellsChainFailuresFromADeadNode: a node whose chain is
// unreachable answers on /status and /ethAddr and fails only the paths
// that read the chain, with the generation's failure (500, or 200 empty on
// the 2018 API, or no answer while the chain hangs): the probe records
// them as ChainErrors and keeps the generation it detected. Under auto, a
// node that cannot be detected because /orchestratorInfo answers 500 has
// that failure as its chain error, and is detected once the chain is back.
// A node that is down, or that fails a path that reads no chain, has none.
func TestNodeProbeTellsChainFailuresFromADeadNode(t *testing.T) {
	current := "/orchestratorInfo http_500, /currentRound http_500, /roundInitialized http_500, /ethBalance http_500"
	cases := []struct {
		name    string
		gen     nodeapi.Generation
		api     string
		chain   func(t *testing.T) string
		fault   *fakenode.Fault
		stopped bool
		want    string
		wantGen nodeapi.Generation
	}{
		{"current, chain refused", nodeapi.Current, "current", deadChain, nil, false, current, nodeapi.Current},
		{"auto, chain refused from the first probe", nodeapi.Current, "auto", deadChain, nil, false, "/orchestratorInfo http_500", nodeapi.Auto},
		{"v0.5, chain refused", nodeapi.V05, "v0.5", deadChain, nil, false, current, nodeapi.V05},
		{"v0.3, chain refused", nodeapi.V03, "v0.3", deadChain, nil, false,
			"/transcoderInfo empty_body, /currentRound empty_body, /ethBalance empty_body, /roundInitialized empty_body", nodeapi.V03},
		{"legacy, chain refused", nodeapi.Legacy, "auto", deadChain, nil, false,
			"/transcoderInfo empty_body, /currentRound empty_body, /ethBalance empty_body", nodeapi.Legacy},
		{"current, chain hangs", nodeapi.Current, "current", hangingChain, nil, false,
			"/orchestratorInfo timeout, /currentRound timeout, /roundInitialized timeout, /ethBalance timeout", nodeapi.Current},
		{"every path 500", nodeapi.Current, "current", nil, &fakenode.Fault{Kind: fakenode.KindStatus, Code: 500, Message: "missing ETH client"},
			false, "", nodeapi.Current},
		{"node stopped", nodeapi.Current, "current", nil, nil, true, "", nodeapi.Current},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			node := fakenode.New(c.gen)
			url, err := node.Start()
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(node.Close)
			if c.chain != nil {
				node.SetChainURL(c.chain(t))
			}
			if c.fault != nil {
				node.SetFault(fakenode.AllPaths, *c.fault)
			}
			if c.stopped {
				node.Stop()
			}
			o, p := probeOnce(t, url, c.api)
			if o.Err == nil {
				t.Fatalf("probe succeeded: %+v", o)
			}
			if got := paths(o.ChainErrors); got != c.want {
				t.Errorf("ChainErrors = %q, want %q (err %v)", got, c.want, o.Err)
			}
			if g := p.Generation(); g != c.wantGen {
				t.Errorf("generation after the probe %q, want %q", g, c.wantGen)
			}
		})
	}
}
