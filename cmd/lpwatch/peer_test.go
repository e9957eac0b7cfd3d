package main

import (
	"fmt"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// peerTable is what one of two lpwatch instances that watch each other
// adds to kill9Config's: its source, PagerDuty, and the other as a peer.
func peerTable(pd *pdReceiver, source, peer, peerListen string) string {
	return fmt.Sprintf("source = %q\n%s[[peer]]\nname = %q\nurl = \"http://%s\"\ninterval = \"500ms\"\ntimeout = \"400ms\"\n",
		source, pd.table(), peer, peerListen)
}

// peerUp reads whether the daemon at listen sees its peer up (false when
// it cannot be read).
func peerUp(t *testing.T, listen, peer string) bool {
	t.Helper()
	var st status.Report
	if err := (daemonAPI{addr: "http://" + listen}).call(t.Context(), "GET", "/status", nil, &st); err != nil {
		return false
	}
	for _, p := range st.Peers {
		if p.Name == peer {
			return p.Up
		}
	}
	return false
}

// TestPeersPageWhenTheOtherDies runs two lpwatch processes that watch
// each other as peers. kill -9 of B makes A page PeerDown for B through
// PagerDuty (its `for` is 2s, its interval 500ms; the wait is only a
// deadline); B's restart resolves it, with the same dedup key, which is
// the key any instance watching B sends (it names no source).
func TestPeersPageWhenTheOtherDies(t *testing.T) {
	pd := &pdReceiver{healthy: true, changed: make(chan struct{}, 1)}
	srv := httptest.NewServer(pd)
	defer srv.Close()
	var nodes []*fakenode.Node
	for range 2 {
		n := fakenode.New(nodeapi.Current)
		if _, err := n.Start(); err != nil {
			t.Fatal(err)
		}
		defer n.Close()
		nodes = append(nodes, n)
	}
	pd.url = srv.URL
	// Each names the other's address: B's peer URL is filled in once A's
	// configuration, which names B's, has its own.
	const aAddr = "A-LISTEN-ADDRESS"
	cfgB, listenB := kill9Config(t, nodes[1], peerTable(pd, "host-b", "host-a", aAddr))
	cfgA, listenA := kill9Config(t, nodes[0], peerTable(pd, "host-a", "host-b", listenB))
	text, err := os.ReadFile(cfgB)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfgB, []byte(strings.Replace(string(text), aAddr, listenA, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	startChild(t, cfgA)
	b := startChild(t, cfgB)
	waitUntil(t, "each instance sees the other up", func() bool { return peerUp(t, listenA, "host-b") && peerUp(t, listenB, "host-a") })
	// One that started much later than the other was paged and resolved
	// at once: only what follows the kill counts.
	waitUntil(t, "every page of the start resolved", func() bool {
		_, acc := pd.snapshot()
		return countPrefix(acc, "trigger") == countPrefix(acc, "resolve")
	})
	_, before := pd.snapshot()
	baseline := len(before)

	if err := b.Process.Kill(); err != nil { // SIGKILL: B's host is gone, as far as A can tell
		t.Fatal(err)
	}
	_ = b.Wait()
	key := alert.SharedDedupKey(alert.PeerDown, "host-b")
	pd.waitFor(t, "A pages PeerDown for B", func(_, acc []string) bool { return slices.Contains(acc[baseline:], "trigger "+key) })
	if peerUp(t, listenA, "host-b") {
		t.Error("A's /status shows B up while it is dead")
	}

	startChild(t, cfgB)
	pd.waitFor(t, "B's restart resolves PeerDown", func(_, acc []string) bool { return slices.Contains(acc[baseline:], "resolve "+key) })
	_, acc := pd.snapshot()
	acc = acc[baseline:]
	for _, a := range acc {
		if !strings.HasSuffix(a, " "+key) {
			t.Errorf("PagerDuty got %q: want only PeerDown for host-b", a)
		}
	}
	if countPrefix(acc, "trigger") != 1 || countPrefix(acc, "resolve") != 1 {
		t.Errorf("PagerDuty accepted %v: want one trigger and one resolve", acc)
	}
}
