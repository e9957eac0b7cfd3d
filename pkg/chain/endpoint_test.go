package chain_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/lpwatch/lpwatch/pkg/chain"
)

// fakeEth is a JSON-RPC "eth" service whose head block is set by the test.
type fakeEth struct {
	block map[string]any
	err   error
}

func (f *fakeEth) ChainId() *hexutil.Big { return (*hexutil.Big)(hexutil.MustDecodeBig("0xa4b1")) }

func (f *fakeEth) GetBlockByNumber(tag string, full bool) (map[string]any, error) {
	return f.block, f.err
}

type codedError struct{}

func (codedError) Error() string  { return "query limit exceeded" }
func (codedError) ErrorCode() int { return -32005 }

func fakeNode(t *testing.T, svc *fakeEth) string {
	t.Helper()
	srv := rpc.NewServer()
	if err := srv.RegisterName("eth", svc); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(func() { ts.Close(); srv.Stop() })
	return ts.URL
}

func handlerNode(t *testing.T, h http.HandlerFunc) string {
	t.Helper()
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts.URL
}

// silentNode accepts requests and never answers them (until the test ends).
func silentNode(t *testing.T) string {
	t.Helper()
	release := make(chan struct{})
	url := handlerNode(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	t.Cleanup(func() { close(release) }) // runs before the server's Close
	return url
}

func TestHeadReadsArbitrumL1BlockNumber(t *testing.T) {
	ctx := testCtx(t)
	block := map[string]any{"number": "0x10", "hash": "0x" + strings.Repeat("ab", 32), "timestamp": "0x6553f100"}
	arb := map[string]any{"l1BlockNumber": "0x12d687"}
	for k, v := range block {
		arb[k] = v
	}
	tests := []struct {
		name   string
		block  map[string]any
		err    error
		l1     any
		reason string
	}{
		{"ethereum", block, nil, nil, ""},
		{"arbitrum", arb, nil, uint64(1234567), ""},
		{"no block", nil, nil, nil, chain.ReasonNotFound},
		{"no hash", map[string]any{"number": "0x10", "timestamp": "0x1"}, nil, nil, chain.ReasonDecode},
		{"bad number", map[string]any{"number": "ten", "hash": block["hash"], "timestamp": "0x1"}, nil, nil, chain.ReasonDecode},
		{"rpc error", nil, codedError{}, nil, "rpc_-32005"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := dial(t, fakeNode(t, &fakeEth{block: tt.block, err: tt.err}))
			h, err := e.Head(ctx)
			if r := chain.Reason(err); r != tt.reason {
				t.Fatalf("reason %q (%v), want %q", r, err, tt.reason)
			}
			if tt.reason != "" {
				if h != nil {
					t.Fatalf("head %+v returned with error", h)
				}
				return
			}
			if h.Number != 16 || h.Time != 0x6553f100 || h.Hash.Hex() != block["hash"] {
				t.Errorf("head %+v", h)
			}
			var l1 any
			if h.L1BlockNumber != nil {
				l1 = *h.L1BlockNumber
			}
			if l1 != tt.l1 {
				t.Errorf("l1BlockNumber %v, want %v", l1, tt.l1)
			}
			if age := h.Age(time.Unix(0x6553f100+90, 0)); age != 90*time.Second {
				t.Errorf("age %s, want 90s", age)
			}
		})
	}
}

// Errors that travel the real HTTP JSON-RPC path are classified.
func TestEndpointErrorReasons(t *testing.T) {
	ctx := testCtx(t)
	tests := []struct {
		name   string
		url    func(t *testing.T) string
		reason string
	}{
		{"connection refused", func(t *testing.T) string { return deadURL(t) }, chain.ReasonTransport},
		{"http 503", func(t *testing.T) string {
			return handlerNode(t, func(w http.ResponseWriter, r *http.Request) {
				http.Error(w, "upstream down", http.StatusServiceUnavailable)
			})
		}, "http_503"},
		{"http 429", func(t *testing.T) string {
			return handlerNode(t, func(w http.ResponseWriter, r *http.Request) {
				http.Error(w, "slow down", http.StatusTooManyRequests)
			})
		}, "http_429"},
		{"not json", func(t *testing.T) string {
			return handlerNode(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write([]byte("<html>proxy error</html>"))
			})
		}, chain.ReasonDecode},
		{"no answer before the deadline", func(t *testing.T) string { return silentNode(t) }, chain.ReasonTimeout},
		{"method missing", func(t *testing.T) string { return fakeNode(t, &fakeEth{}) }, "rpc_-32601"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := dial(t, tt.url(t), chain.WithCallTimeout(200*time.Millisecond))
			_, err := e.GasPrice(ctx)
			if r := chain.Reason(err); r != tt.reason {
				t.Fatalf("reason %q, want %q (err %v)", r, tt.reason, err)
			}
			var ce *chain.CallError
			if !errors.As(err, &ce) || ce.Method != "eth_gasPrice" || ce.Endpoint != e.Name() {
				t.Errorf("error %v is not a CallError naming the endpoint and method", err)
			}
		})
	}
}

func TestEndpointErrorsHideURLSecrets(t *testing.T) {
	ctx := testCtx(t)
	url := strings.Replace(deadURL(t), "http://", "http://user:hunter2@", 1) + "/v2/SECRETKEY?apikey=TOKEN"
	e := dial(t, url)
	_, err := e.ChainID(ctx)
	if err == nil {
		t.Fatal("dead endpoint answered")
	}
	for _, secret := range []string{"hunter2", "SECRETKEY", "TOKEN"} {
		if strings.Contains(err.Error(), secret) || strings.Contains(e.Name(), secret) {
			t.Errorf("%q leaks in error %q or name %q", secret, err, e.Name())
		}
	}
}

func TestEndpointOptionsAreValidated(t *testing.T) {
	tests := []struct {
		name string
		url  string
		opt  chain.EndpointOption
	}{
		{"zero timeout", "http://127.0.0.1:1", chain.WithCallTimeout(0)},
		{"empty name", "http://127.0.0.1:1", chain.WithName("")},
		{"nil http client", "http://127.0.0.1:1", chain.WithHTTPClient(nil)},
		{"bad url", "127.0.0.1:8545", chain.WithName("x")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := chain.DialEndpoint(tt.url, tt.opt); err == nil {
				t.Fatal("accepted")
			}
		})
	}
	if _, err := chain.NewEndpoint("x", nil); err == nil {
		t.Error("nil backend accepted")
	}
}

// The caller's cancellation is not a timeout.
func TestEndpointCanceled(t *testing.T) {
	e := dial(t, silentNode(t))
	ctx, cancel := context.WithCancel(testCtx(t))
	cancel()
	if _, err := e.ChainID(ctx); chain.Reason(err) != chain.ReasonCanceled {
		t.Fatalf("reason %q (%v), want canceled", chain.Reason(err), err)
	}
}
