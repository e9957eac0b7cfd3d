package fakenode_test

import (
	"bytes"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

const maxUint256Text = "115792089237316195423570985008687907853269984665640564039457584007913129639935"

type answer struct {
	status int
	ctype  string
	body   []byte
}

func start(t *testing.T, gen nodeapi.Generation, opts ...fakenode.Option) *fakenode.Node {
	t.Helper()
	n := fakenode.New(gen, opts...)
	if _, err := n.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(n.Close)
	return n
}

func do(t *testing.T, method, url string) answer {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return answer{resp.StatusCode, resp.Header.Get("Content-Type"), body}
}

func get(t *testing.T, n *fakenode.Node, path string) answer {
	t.Helper()
	return do(t, http.MethodGet, n.URL()+path)
}

// keys decodes a JSON object and returns its keys, sorted, and raw values.
func keys(t *testing.T, body []byte) ([]string, map[string]json.RawMessage) {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("not a JSON object: %v: %q", err, body)
	}
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks, m
}

func wantKeys(t *testing.T, got []string, want ...string) {
	t.Helper()
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("keys %v, want %v", got, want)
	}
}

func TestCurrentOrchestratorInfoShape(t *testing.T) {
	n := start(t, nodeapi.Current)
	a := get(t, n, "/orchestratorInfo")
	if a.status != 200 || a.ctype != "application/json" {
		t.Fatalf("status %d, content type %q", a.status, a.ctype)
	}
	top, topRaw := keys(t, a.body)
	wantKeys(t, top, "Transcoder", "PriceInfo")
	if string(topRaw["PriceInfo"]) != `"1200"` {
		t.Errorf("PriceInfo %s, want the JSON string \"1200\"", topRaw["PriceInfo"])
	}
	tk, tr := keys(t, topRaw["Transcoder"])
	wantKeys(t, tk, "Address", "ServiceURI", "LastRewardRound", "RewardCut", "FeeShare", "DelegatedStake",
		"ActivationRound", "DeactivationRound", "LastActiveStakeUpdateRound", "Active", "Status", "PricePerPixel")
	checks := map[string]string{
		"Address":           `"` + strings.ToLower(fakenode.DefaultAddress) + `"`,
		"DelegatedStake":    fakenode.DefaultStake,
		"DeactivationRound": maxUint256Text,
		"PricePerPixel":     "null",
		"Status":            `"Registered"`,
		"LastRewardRound":   "4253",
	}
	for k, want := range checks {
		if string(tr[k]) != want {
			t.Errorf("%s = %s, want %s", k, tr[k], want)
		}
	}

	n.SetPrice(big.NewRat(1, 3))
	n.SetRegistered(false)
	_, topRaw = keys(t, get(t, n, "/orchestratorInfo").body)
	if string(topRaw["PriceInfo"]) != `"1/3"` || !bytes.Contains(topRaw["Transcoder"], []byte(`"Status":"Not Registered"`)) {
		t.Errorf("after SetPrice(1/3), SetRegistered(false): %s", topRaw)
	}
}

func TestCurrentTextEndpoints(t *testing.T) {
	n := start(t, nodeapi.Current)
	tests := []struct {
		name   string
		setup  func()
		path   string
		status int
		body   string
		ctype  string
	}{
		{name: "checksummed ethAddr", path: "/ethAddr", status: 200, body: fakenode.DefaultAddress, ctype: "text/plain; charset=utf-8"},
		{name: "balance", path: "/ethBalance", status: 200, body: fakenode.DefaultBalance},
		{name: "round as text", path: "/currentRound", status: 200, body: "4253"},
		{name: "round initialized", path: "/roundInitialized", status: 200, body: "true"},
		{name: "not initialized", setup: func() { n.SetRound(4254, false) }, path: "/roundInitialized", status: 200, body: "false"},
		{name: "no max gas price", path: "/maxGasPrice", status: 200, body: ""},
		{name: "max gas price", setup: func() { n.SetMaxGasPrice(big.NewInt(60e9)) }, path: "/maxGasPrice", status: 200, body: "60000000000"},
		{name: "balance unknown", setup: func() { n.SetBalance(nil) }, path: "/ethBalance", status: 500,
			body: "could not query ETH balance\n", ctype: "text/plain; charset=utf-8"},
		{name: "current block binary", setup: func() { n.SetCurrentBlock(0x0102) }, path: "/currentBlock", status: 200, body: "\x01\x02"},
		{name: "chain id", path: "/EthChainID", status: 200, body: "42161"},
		{name: "unknown path", path: "/nope", status: 404, body: "404 page not found\n"},
		{name: "2018 path", path: "/transcoderInfo", status: 404, body: "404 page not found\n"},
		{name: "metrics off", path: "/metrics", status: 404, body: "404 page not found\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.setup != nil {
				tc.setup()
			}
			a := get(t, n, tc.path)
			if a.status != tc.status || string(a.body) != tc.body {
				t.Fatalf("%s: %d %q, want %d %q", tc.path, a.status, a.body, tc.status, tc.body)
			}
			if tc.ctype != "" && a.ctype != tc.ctype {
				t.Fatalf("content type %q, want %q", a.ctype, tc.ctype)
			}
		})
	}
}

func TestCurrentOtherReadOnlyEndpoints(t *testing.T) {
	n := start(t, nodeapi.Current)
	for _, path := range []string{"/status", "/contractAddresses", "/delegatorInfo", "/protocolParameters",
		"/senderInfo", "/ticketBrokerParams", "/registeredOrchestrators", "/orchestratorEarningPoolsForRound"} {
		a := get(t, n, path)
		if a.status != 200 || a.ctype != "application/json" || !json.Valid(a.body) {
			t.Errorf("%s: %d %q %q", path, a.status, a.ctype, a.body)
		}
	}
	ks, m := keys(t, get(t, n, "/contractAddresses").body)
	wantKeys(t, ks, "Controller", "LivepeerToken", "LivepeerTokenFaucet", "TicketBroker", "RoundsManager", "BondingManager", "Minter")
	if string(m["Controller"]) != `"0xd8e8328501e9645d16cf49539efc04f734606ee4"` {
		t.Errorf("Controller %s, want lowercase hex", m["Controller"])
	}
	_, status := keys(t, get(t, n, "/status").body)
	if string(status["Version"]) != `"`+fakenode.DefaultVersion+`"` {
		t.Errorf("Version %s", status["Version"])
	}
}

// getJSON gets path, which must answer 200 application/json with an
// object, and returns its sorted keys and raw values.
func getJSON(t *testing.T, n *fakenode.Node, path string) ([]string, map[string]json.RawMessage) {
	t.Helper()
	a := get(t, n, path)
	if a.status != 200 || a.ctype != "application/json" {
		t.Fatalf("%s: status %d, content type %q", path, a.status, a.ctype)
	}
	return keys(t, a.body)
}

// wantNotFound checks that none of paths is served.
func wantNotFound(t *testing.T, n *fakenode.Node, paths ...string) {
	t.Helper()
	for _, path := range paths {
		if a := do(t, http.MethodGet, n.URL()+path); a.status != 404 {
			t.Errorf("%s: %d, want 404", path, a.status)
		}
	}
}

// wantHiddenFailures checks that each of paths fails as the 2018 nodes
// did: 200, no content type, an empty body.
func wantHiddenFailures(t *testing.T, n *fakenode.Node, paths ...string) {
	t.Helper()
	for _, path := range paths {
		if a := get(t, n, path); a.status != 200 || len(a.body) != 0 || a.ctype != "" {
			t.Errorf("%s failing: %d %q %q, want 200 with an empty body", path, a.status, a.ctype, a.body)
		}
	}
}

func TestLegacyShapes(t *testing.T) {
	n := start(t, nodeapi.Legacy)
	ks, raw := getJSON(t, n, "/transcoderInfo")
	wantKeys(t, ks, "Address", "LastRewardRound", "RewardCut", "FeeShare", "PricePerSegment", "PendingRewardCut",
		"PendingFeeShare", "PendingPricePerSegment", "DelegatedStake", "Active", "Status")
	if string(raw["DelegatedStake"]) != fakenode.DefaultStake {
		t.Errorf("DelegatedStake %s", raw["DelegatedStake"])
	}
	ks, raw = keys(t, get(t, n, "/status").body)
	wantKeys(t, ks, "NodeID", "Manifests")
	if string(raw["NodeID"]) != `"`+fakenode.DefaultNodeID+`"` {
		t.Errorf("NodeID %s", raw["NodeID"])
	}
	if a := get(t, n, "/nodeID"); string(a.body) != fakenode.DefaultNodeID {
		t.Errorf("/nodeID %q", a.body)
	}
	if a := get(t, n, "/getAvailableTranscodingOptions"); !strings.HasPrefix(a.ctype, "text/plain") || !json.Valid(a.body) {
		t.Errorf("/getAvailableTranscodingOptions: %q %q", a.ctype, a.body)
	}
	n.SetMonitor(true)
	wantNotFound(t, n, "/orchestratorInfo", "/metrics", "/maxGasPrice", "/currentBlock")
	n.SetBalance(nil)
	n.SetStake(nil)
	wantHiddenFailures(t, n, "/ethBalance", "/transcoderInfo")
}

func TestMetricsEndpoint(t *testing.T) {
	n := start(t, nodeapi.Current)
	n.SetMonitor(true)
	a := get(t, n, "/metrics")
	if a.status != 200 || !bytes.Contains(a.body, []byte("# TYPE livepeer_current_sessions_total gauge\n")) ||
		bytes.Contains(a.body, []byte(nodeapi.MetricRewardCallErrors)) {
		t.Fatalf("default metrics: %d %s", a.status, a.body)
	}
	n.SetMetrics(map[string]float64{nodeapi.MetricRewardCallErrors: 3})
	a = get(t, n, "/metrics")
	if !bytes.Contains(a.body, []byte("# TYPE livepeer_reward_call_errors counter\nlivepeer_reward_call_errors{node_id=")) ||
		!bytes.HasSuffix(a.body, []byte("} 3\n")) {
		t.Fatalf("SetMetrics: %s", a.body)
	}
	n.SetMetricsText("custom 1\n")
	if a := get(t, n, "/metrics"); string(a.body) != "custom 1\n" {
		t.Fatalf("SetMetricsText: %q", a.body)
	}
}
