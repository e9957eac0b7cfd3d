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
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// TestPeerProbe: a peer is up while its /health/live answers 200 and down
// otherwise, with the reason (the status, a refused connection, no answer
// within the timeout); the URL's credentials appear in no error.
func TestPeerProbe(t *testing.T) {
	hang := make(chan struct{})
	defer close(hang)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ok" + PeerLivePath:
			_, _ = w.Write([]byte("ok\n"))
		case "/stalled" + PeerLivePath:
			http.Error(w, "scheduler stalled", http.StatusServiceUnavailable)
		case "/hang" + PeerLivePath:
			select {
			case <-hang:
			case <-r.Context().Done():
			}
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := "http://" + ln.Addr().String()
	ln.Close()
	withCreds := strings.Replace(srv.URL, "://", "://op:peerpassw0rd@", 1)
	store := observe.NewStore()
	clk := clock.NewFake(time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC))
	for _, c := range []struct {
		name, url, reason string
	}{
		{"ok", withCreds + "/ok/", ""},
		{"stalled", withCreds + "/stalled", "http_503"},
		{"refused", refused, "connection"},
		{"hang", withCreds + "/hang", "timeout"},
		{"not lpwatch", withCreds + "/other", "http_404"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := NewPeerProbe(config.Peer{Name: c.name, URL: c.url, Interval: time.Minute, Timeout: time.Second}, srv.Client(), store, clk)
			if j := p.Job(); j.Probe != "peer" || j.Target != c.name || j.Timeout != time.Second {
				t.Errorf("job %+v", j)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond) // the scheduler's run deadline
			defer cancel()
			err := p.Run(ctx)
			o, ok := store.Snapshot().Peer(c.name)
			if !ok {
				t.Fatal("nothing recorded")
			}
			if o.Reason != c.reason || (err == nil) != (c.reason == "") || (o.Err == nil) != (c.reason == "") {
				t.Fatalf("reason %q err %v, want reason %q", o.Reason, err, c.reason)
			}
			if err != nil && strings.Contains(err.Error(), "peerpassw0rd") {
				t.Errorf("the error shows the URL's password: %v", err)
			}
			if c.reason == "" && !o.LastOK.Equal(clk.Now()) {
				t.Errorf("last ok %s", o.LastOK)
			}
		})
	}
	// A failing peer keeps the start of its failures and its last success.
	clk.Advance(time.Minute)
	p := NewPeerProbe(config.Peer{Name: "stalled", URL: withCreds + "/stalled", Interval: time.Minute, Timeout: time.Second}, srv.Client(), store, clk)
	_ = p.Run(context.Background())
	if o, _ := store.Snapshot().Peer("stalled"); !o.FailingSince.Equal(clk.Now().Add(-time.Minute)) || !o.LastOK.IsZero() {
		t.Errorf("failing since %s, last ok %s", o.FailingSince, o.LastOK)
	}
}
