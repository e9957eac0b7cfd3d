package nodeapi

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

func TestNew(t *testing.T) {
	tests := []struct {
		url     string
		opts    Options
		base    string
		wantErr string
	}{
		{url: "http://127.0.0.1:7935", base: "http://127.0.0.1:7935"},
		{url: "https://node.example:8935/", base: "https://node.example:8935"},
		{url: "http://127.0.0.1:7935/prefix/", base: "http://127.0.0.1:7935/prefix"},
		{url: "", wantErr: "empty"},
		{url: "127.0.0.1:7935", wantErr: "node url"},
		{url: "localhost:7935", wantErr: "scheme"},
		{url: "ftp://127.0.0.1", wantErr: "scheme"},
		{url: "http://", wantErr: "no host"},
		{url: "http://:7935", wantErr: "no host"},
		{url: "http://127.0.0.1:7935/?x=1", wantErr: "query"},
		{url: "http://127.0.0.1:7935/#frag", wantErr: "fragment"},
		{url: "http://[::1", wantErr: "node url"},
		{url: "http://127.0.0.1:7935", opts: Options{MaxBodyBytes: -1}, wantErr: "negative"},
	}
	for _, tc := range tests {
		t.Run(tc.url, func(t *testing.T) {
			c, err := New(tc.url, tc.opts)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("New(%q) error = %v, want one containing %q", tc.url, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.BaseURL() != tc.base || c.max != DefaultMaxBodyBytes {
				t.Fatalf("base %q max %d, want %q %d", c.BaseURL(), c.max, tc.base, DefaultMaxBodyBytes)
			}
		})
	}
}

func TestPathPrefix(t *testing.T) {
	var got atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.Store(r.URL.Path)
		_, _ = w.Write([]byte("0x5bE44e23041E93CDF9bCd5A0968524e104e38ae1"))
	}))
	defer srv.Close()
	c, err := New(srv.URL+"/lp/", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.getValue(t.Context(), PathEthAddr); err != nil {
		t.Fatal(err)
	}
	if got.Load() != "/lp/ethAddr" {
		t.Fatalf("requested %v, want /lp/ethAddr", got.Load())
	}
}

// TestActionPathsRefused proves the client cannot be made to GET an action
// path, and cannot POST any but /reward: nothing reaches the server.
func TestActionPathsRefused(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hits.Add(1) }))
	defer srv.Close()
	c, err := New(srv.URL, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ActionPaths() {
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			if method == http.MethodPost && p == PathReward {
				continue
			}
			_, err := c.roundTrip(t.Context(), method, p, "")
			if ReasonOf(err) != ReasonForbiddenPath {
				t.Errorf("%s %s: %v, want %s", method, p, err, ReasonForbiddenPath)
			}
		}
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("%d requests reached the server", n)
	}
}

// TestRedirectNotFollowed: a redirect from a read-only path to an action
// path must not be followed.
func TestRedirectNotFollowed(t *testing.T) {
	var rewarded atomic.Bool
	mux := http.NewServeMux()
	mux.HandleFunc("/status", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/reward", http.StatusFound)
	})
	mux.HandleFunc("/reward", func(http.ResponseWriter, *http.Request) { rewarded.Store(true) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for _, hc := range []*http.Client{nil, {}} {
		c, err := New(srv.URL, Options{HTTPClient: hc})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.getValue(t.Context(), PathStatus)
		if ReasonOf(err) != "http_302" {
			t.Fatalf("error %v, want reason http_302", err)
		}
	}
	if rewarded.Load() {
		t.Fatal("the redirect to /reward was followed")
	}
}

func TestContentLengthOverLimit(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Length", "2048")
		_, _ = w.Write(make([]byte, 2048))
	}))
	defer srv.Close()
	c, err := New(srv.URL, Options{MaxBodyBytes: 1024})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.get(t.Context(), PathStatus)
	if ReasonOf(err) != ReasonBodyTooLarge {
		t.Fatalf("error %v, want %s", err, ReasonBodyTooLarge)
	}
}

func TestStatusErrorMessage(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == PathEthAddr {
			http.Error(w, "missing ETH client", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte(strings.Repeat("x\x00", 400)))
	}))
	defer srv.Close()
	c, err := New(srv.URL, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.get(t.Context(), PathEthAddr)
	if err == nil || err.Error() != "node api /ethAddr: http_500: status 500: missing ETH client" {
		t.Fatalf("error %q", err)
	}
	_, err = c.get(t.Context(), PathStatus)
	if err == nil || len(err.Error()) > 400 || strings.ContainsRune(err.Error(), 0) {
		t.Fatalf("long binary error body not shortened and cleaned: %q", err)
	}
}

type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

func TestClassify(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancel2 := context.WithDeadline(context.Background(), time.Unix(0, 0))
	defer cancel2()
	tests := []struct {
		name string
		ctx  context.Context
		err  error
		want string
	}{
		{"canceled context", canceled, errors.New("any"), ReasonCanceled},
		{"expired context", expired, errors.New("any"), ReasonTimeout},
		{"net timeout", context.Background(), &net.OpError{Op: "read", Err: timeoutErr{}}, ReasonTimeout},
		{"refused", context.Background(), &net.OpError{Op: "dial", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}, ReasonConnectionRefused},
		{"other", context.Background(), errors.New("connection reset"), ReasonConnection},
	}
	for _, tc := range tests {
		if got := classify(tc.ctx, tc.err); got != tc.want {
			t.Errorf("%s: classify = %q, want %q", tc.name, got, tc.want)
		}
	}
}
