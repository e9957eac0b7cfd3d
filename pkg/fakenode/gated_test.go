package fakenode_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// TestGatedRoutes: without -enableCliTxRoutes the transaction routes do
// not exist (404 to any method); with it they answer POST only (405
// otherwise); other action paths are POST-only always; reads are the
// current ones plus /rewardCaller.
func TestGatedRoutes(t *testing.T) {
	n := start(t, nodeapi.Gated)
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		for _, p := range []string{nodeapi.PathReward, "/bond", "/setRewardCaller", "/setMaxGasPrice", "/initializeRound"} {
			if a := do(t, m, n.URL()+p); a.status != http.StatusNotFound {
				t.Errorf("%s %s without the tx routes: %d, want 404", m, p, a.status)
			}
		}
	}
	if a := do(t, http.MethodGet, n.URL()+"/setMaxSessions"); a.status != http.StatusMethodNotAllowed {
		t.Errorf("GET /setMaxSessions: %d, want 405", a.status)
	}
	if a := do(t, http.MethodPost, n.URL()+"/setMaxSessions"); a.status != http.StatusOK {
		t.Errorf("POST /setMaxSessions: %d, want 200", a.status)
	}
	if a := get(t, n, nodeapi.PathRewardCaller); a.status != http.StatusOK || string(a.body) != (common.Address{}).Hex() {
		t.Errorf("/rewardCaller: %d %q, want the zero address", a.status, a.body)
	}
	if a := get(t, n, "/status"); !strings.Contains(string(a.body), `"Version":"`+fakenode.DefaultVersionGated+`"`) {
		t.Errorf("/status %s", a.body)
	}

	n.SetCliTxRoutes(true)
	n.SetLastRewardRound(fakenode.DefaultRound - 1)
	a := do(t, http.MethodGet, n.URL()+nodeapi.PathReward)
	if a.status != http.StatusMethodNotAllowed || n.LastRewardRound().Int64() != fakenode.DefaultRound-1 {
		t.Errorf("GET /reward with the tx routes: %d (last reward round %s), want 405 and no reward", a.status, n.LastRewardRound())
	}
	if a := do(t, http.MethodPost, n.URL()+nodeapi.PathReward); a.status != http.StatusOK || n.LastRewardRound().Int64() != fakenode.DefaultRound {
		t.Errorf("POST /reward: %d, last reward round %s", a.status, n.LastRewardRound())
	}

	// The current profile has neither route.
	cur := start(t, nodeapi.Current)
	wantNotFound(t, cur, nodeapi.PathRewardCaller, "/setRewardCaller")
	// WithCliTxRoutes starts the node with them.
	if a := do(t, http.MethodPost, start(t, nodeapi.Gated, fakenode.WithCliTxRoutes()).URL()+"/bond"); a.status != http.StatusOK {
		t.Errorf("POST /bond on a node started with the tx routes: %d", a.status)
	}
}

// TestGatedDelegatedMode: running as the orchestrator's reward caller,
// the node reports the caller's account and the orchestrator's record,
// and its reward works only while the chain's caller is its account.
func TestGatedDelegatedMode(t *testing.T) {
	orch, caller := common.HexToAddress(fakenode.DefaultAddress), common.HexToAddress("0x71562b71999873DB5b286dF957af199Ec94617F7")
	n := start(t, nodeapi.Gated, fakenode.WithCliTxRoutes())
	n.SetAddress(caller)
	n.SetOrchestrator(orch)
	n.SetLastRewardRound(fakenode.DefaultRound - 1)
	if a := get(t, n, nodeapi.PathEthAddr); string(a.body) != caller.Hex() {
		t.Errorf("/ethAddr %q, want the caller", a.body)
	}
	_, raw := getJSON(t, n, nodeapi.PathOrchestratorInfo)
	_, tr := keys(t, raw["Transcoder"])
	if string(tr["Address"]) != `"`+strings.ToLower(orch.Hex())+`"` {
		t.Errorf("orchestratorInfo Transcoder.Address %s, want the orchestrator", tr["Address"])
	}
	a := do(t, http.MethodPost, n.URL()+nodeapi.PathReward)
	if a.status != http.StatusInternalServerError || !strings.Contains(string(a.body), "caller must be a reward caller set by the transcoder") {
		t.Errorf("reward by an account that is not the caller: %d %q", a.status, a.body)
	}
	n.SetRewardCaller(caller)
	if a := get(t, n, nodeapi.PathRewardCaller); string(a.body) != caller.Hex() {
		t.Errorf("/rewardCaller %q", a.body)
	}
	if a := do(t, http.MethodPost, n.URL()+nodeapi.PathReward); a.status != http.StatusOK || n.LastRewardRound().Int64() != fakenode.DefaultRound {
		t.Errorf("reward as the caller: %d %q, last reward round %s", a.status, a.body, n.LastRewardRound())
	}
}
