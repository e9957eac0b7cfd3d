package chain_test

import (
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

// Dial names endpoints by scheme and host, tells colliding ones apart with
// a "#n" suffix, and does not connect: a chain that is down still dials.
func TestDialNamesEndpointsWithoutConnecting(t *testing.T) {
	dead := deadURL(t)
	c, err := chain.Dial(chain.DialConfig{
		URLs:          []string{dead + "/key-one", dead + "/key-two", "/run/geth.ipc"},
		ReferenceURLs: []string{dead + "/ref-key", dead},
		CallTimeout:   time.Second, ChainID: 42161,
		Prober: chain.ProberConfig{Controller: common.HexToAddress("0x1"), Clock: clock.NewFake(time.Unix(0, 0))},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var names []string
	for _, e := range c.Pool.Endpoints() {
		names = append(names, e.Name())
	}
	for _, e := range c.References {
		names = append(names, e.Name())
	}
	want := []string{dead, dead + "#2", "/run/geth.ipc", dead, dead + "#2"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("endpoint names %q, want %q", names, want)
	}
	if id := c.Pool.ExpectedChainID(); id == nil || id.Uint64() != 42161 {
		t.Errorf("expected chain ID %v, want 42161", id)
	}
	if c.Prober == nil || c.Prober.Pool() != c.Pool {
		t.Error("the prober does not read through the dialed pool")
	}
}

// A bad URL is reported by its position and list, without the URL itself
// (it may carry an API key).
func TestDialErrors(t *testing.T) {
	ctrl := chain.ProberConfig{Controller: common.HexToAddress("0x1")}
	cases := []struct {
		name string
		cfg  chain.DialConfig
		want string
	}{
		{"bad endpoint", chain.DialConfig{URLs: []string{"http://a", "ftp://secret-key@b"}, Prober: ctrl}, `url 1: endpoint url scheme "ftp" is not supported`},
		{"bad reference", chain.DialConfig{URLs: []string{"http://a"}, ReferenceURLs: []string{"no-scheme/secret-key"}, Prober: ctrl}, "reference url 0: endpoint url has no scheme"},
		{"no endpoint", chain.DialConfig{Prober: ctrl}, "endpoint"},
		{"no controller", chain.DialConfig{URLs: []string{"http://a"}}, "controller address"},
	}
	for _, c := range cases {
		cl, err := chain.Dial(c.cfg)
		if err == nil {
			cl.Close()
			t.Errorf("%s: no error", c.name)
			continue
		}
		if !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "secret-key") {
			t.Errorf("%s: %v, want %q and no secret", c.name, err, c.want)
		}
	}
}
