package fakenode_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// TestV05Shapes checks the v0.6.0 profile: the current shapes, but
// /currentRound as the round's raw big-endian bytes, whatever they look
// like, and none of the paths v0.7.0 and later added.
func TestV05Shapes(t *testing.T) {
	n := start(t, nodeapi.V05)
	rounds := []struct {
		round uint64
		body  string
	}{
		{4253, "\x10\x9d"},
		{2613, "\n5"},
		{32, " "},
		{0x3132, "12"},
		{0, ""},
	}
	for _, r := range rounds {
		n.SetRound(r.round, true)
		if a := get(t, n, "/currentRound"); a.status != 200 || string(a.body) != r.body {
			t.Errorf("round %d: %d %q, want 200 %q", r.round, a.status, a.body, r.body)
		}
	}
	_, status := keys(t, get(t, n, "/status").body)
	if string(status["Version"]) != `"`+fakenode.DefaultVersionV05+`"` || string(status["GolangRuntimeVersion"]) != `"go1.20.4"` {
		t.Errorf("/status Version %s, GolangRuntimeVersion %s", status["Version"], status["GolangRuntimeVersion"])
	}
	a := get(t, n, "/orchestratorInfo")
	top, raw := keys(t, a.body)
	wantKeys(t, top, "Transcoder", "PriceInfo")
	tk, _ := keys(t, raw["Transcoder"])
	wantKeys(t, tk, "Address", "ServiceURI", "LastRewardRound", "RewardCut", "FeeShare", "DelegatedStake",
		"ActivationRound", "DeactivationRound", "LastActiveStakeUpdateRound", "Active", "Status", "PricePerPixel")
	for _, path := range []string{"/setMaxSessions", "/voteOnProposal", "/transcoderInfo", "/nodeID"} {
		if a := do(t, http.MethodGet, n.URL()+path); a.status != 404 {
			t.Errorf("%s: %d, want 404 on v0.6.0", path, a.status)
		}
	}
	n.SetBalance(nil)
	if a := get(t, n, "/ethBalance"); a.status != 500 || !strings.HasPrefix(a.ctype, "text/plain") {
		t.Errorf("failing /ethBalance: %d %q, want a 500 text/plain", a.status, a.ctype)
	}
}

// TestV03Shapes checks the v0.3.3 profile: the bare 2018 transcoder
// struct with ServiceURI, /status with only the manifests, no /nodeID,
// decimal /currentRound, and failures as 200 with an empty body.
func TestV03Shapes(t *testing.T) {
	n := start(t, nodeapi.V03)
	a := get(t, n, "/transcoderInfo")
	if a.status != 200 || a.ctype != "application/json" {
		t.Fatalf("status %d, content type %q", a.status, a.ctype)
	}
	ks, raw := keys(t, a.body)
	wantKeys(t, ks, "Address", "ServiceURI", "LastRewardRound", "RewardCut", "FeeShare", "PricePerSegment",
		"PendingRewardCut", "PendingFeeShare", "PendingPricePerSegment", "DelegatedStake", "Active", "Status")
	if string(raw["DelegatedStake"]) != fakenode.DefaultStake || string(raw["Address"]) != `"`+strings.ToLower(fakenode.DefaultAddress)+`"` {
		t.Errorf("DelegatedStake %s, Address %s", raw["DelegatedStake"], raw["Address"])
	}
	a = get(t, n, "/status")
	ks, _ = keys(t, a.body)
	wantKeys(t, ks, "Manifests")
	if a.ctype != "application/json" {
		t.Errorf("/status content type %q", a.ctype)
	}
	n.SetRound(2613, false)
	for path, want := range map[string]string{"/currentRound": "2613", "/roundInitialized": "false",
		"/ethAddr": fakenode.DefaultAddress, "/EthNetworkID": "1"} {
		if a := get(t, n, path); a.status != 200 || string(a.body) != want {
			t.Errorf("%s: %d %q, want 200 %q", path, a.status, a.body, want)
		}
	}
	n.SetMonitor(true)
	for _, path := range []string{"/nodeID", "/nodeAddrs", "/peersCount", "/orchestratorInfo", "/metrics", "/maxGasPrice", "/currentBlock", "/transcode"} {
		if a := do(t, http.MethodGet, n.URL()+path); a.status != 404 {
			t.Errorf("%s: %d, want 404 on v0.3.3", path, a.status)
		}
	}
	if a := get(t, n, "/registeredTranscoders"); a.status != 200 || !json.Valid(a.body) {
		t.Errorf("/registeredTranscoders: %d %q", a.status, a.body)
	}
	n.SetBalance(nil)
	n.SetStake(nil)
	for _, path := range []string{"/ethBalance", "/transcoderInfo", "/registeredTranscoders"} {
		if a := get(t, n, path); a.status != 200 || len(a.body) != 0 || a.ctype != "" {
			t.Errorf("%s failing: %d %q %q, want 200 with an empty body", path, a.status, a.ctype, a.body)
		}
	}
}
