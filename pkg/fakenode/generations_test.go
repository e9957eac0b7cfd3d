package fakenode_test

import (
	"encoding/json"
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
	top, raw := getJSON(t, n, "/orchestratorInfo")
	wantKeys(t, top, "Transcoder", "PriceInfo")
	tk, _ := keys(t, raw["Transcoder"])
	wantKeys(t, tk, "Address", "ServiceURI", "LastRewardRound", "RewardCut", "FeeShare", "DelegatedStake",
		"ActivationRound", "DeactivationRound", "LastActiveStakeUpdateRound", "Active", "Status", "PricePerPixel")
	wantNotFound(t, n, "/setMaxSessions", "/voteOnProposal", "/transcoderInfo", "/nodeID")
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
	ks, raw := getJSON(t, n, "/transcoderInfo")
	wantKeys(t, ks, "Address", "ServiceURI", "LastRewardRound", "RewardCut", "FeeShare", "PricePerSegment",
		"PendingRewardCut", "PendingFeeShare", "PendingPricePerSegment", "DelegatedStake", "Active", "Status")
	if string(raw["DelegatedStake"]) != fakenode.DefaultStake || string(raw["Address"]) != `"`+strings.ToLower(fakenode.DefaultAddress)+`"` {
		t.Errorf("DelegatedStake %s, Address %s", raw["DelegatedStake"], raw["Address"])
	}
	ks, _ = getJSON(t, n, "/status")
	wantKeys(t, ks, "Manifests")
	n.SetRound(2613, false)
	for path, want := range map[string]string{"/currentRound": "2613", "/roundInitialized": "false",
		"/ethAddr": fakenode.DefaultAddress, "/EthNetworkID": "1"} {
		if a := get(t, n, path); a.status != 200 || string(a.body) != want {
			t.Errorf("%s: %d %q, want 200 %q", path, a.status, a.body, want)
		}
	}
	n.SetMonitor(true)
	wantNotFound(t, n, "/nodeID", "/nodeAddrs", "/peersCount", "/orchestratorInfo", "/metrics", "/maxGasPrice", "/currentBlock", "/transcode")
	if a := get(t, n, "/registeredTranscoders"); a.status != 200 || !json.Valid(a.body) {
		t.Errorf("/registeredTranscoders: %d %q", a.status, a.body)
	}
	n.SetBalance(nil)
	n.SetStake(nil)
	wantHiddenFailures(t, n, "/ethBalance", "/transcoderInfo", "/registeredTranscoders")
}
