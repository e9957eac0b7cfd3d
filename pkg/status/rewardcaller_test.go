package status

import (
	"encoding/json"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/checks"
)

// callerInputs is fullInputs with tc001's orchestrator rewarded as s says.
func callerInputs(s checks.RewardSender) Inputs {
	in := fullInputs()
	f := in.Chain.Nodes["tc001"]
	f.Sender = s
	in.Chain.Nodes["tc001"] = f
	return in
}

func account(r Report, node string) Account {
	for _, a := range r.Chain.Accounts {
		if a.Node == node {
			return a
		}
	}
	return Account{}
}

// The report says who rewards: an account caller the node runs as (its
// balance and nonces shown), a contract (none shown), or the orchestrator.
func TestReportShowsRewardCaller(t *testing.T) {
	caller := common.HexToAddress("0x00000000000000000000000000000000Ca11e500")
	keeper := common.HexToAddress("0x000000000000000000000000000000000000bEEF")
	no := func(v bool) *bool { return &v }
	t.Run("runs as the caller", func(t *testing.T) {
		rc := &chain.RewardCaller{Address: caller, Contract: no(false)}
		acct := &chain.AccountInfo{Address: caller, Balance: big.NewInt(3e17), PendingNonce: u64(5), MinedNonce: u64(5)}
		r := Build(callerInputs(checks.RewardSender{Caller: rc, Account: acct, AsCaller: true}))
		a := account(r, "tc001")
		want := "runs as reward caller " + caller.Hex() + " of " + addr1
		if c := a.RewardCaller; c == nil || c.Kind != CallerAccount || c.Sender != caller.Hex() || c.Text != want {
			t.Fatalf("reward caller %+v", a.RewardCaller)
		}
		if a.BalanceEther == nil || *a.BalanceEther != 0.3 || *a.PendingNonce != 5 {
			t.Errorf("account shows balance %v, pending %v: want the caller's", a.BalanceEther, a.PendingNonce)
		}
		page := render(t, r)
		if !strings.Contains(page, `<div class="caller"><span class="k">reward caller</span> `+want+`</div>`) {
			t.Error("the page does not show the reward caller")
		}
		b, err := json.Marshal(r)
		if err != nil || !strings.Contains(string(b), `"reward_caller":{"address":"`+caller.Hex()+`","kind":"account"`) {
			t.Errorf("JSON %s (%v)", b, err)
		}
	})
	t.Run("a contract", func(t *testing.T) {
		rc := &chain.RewardCaller{Address: keeper, Contract: no(true)}
		r := Build(callerInputs(checks.RewardSender{Caller: rc, Contract: keeper}))
		a := account(r, "tc001")
		if c := a.RewardCaller; c == nil || c.Kind != CallerContract || c.Sender != "" || c.Text != "rewarded by contract "+keeper.Hex() {
			t.Fatalf("reward caller %+v", a.RewardCaller)
		}
		if a.BalanceEther != nil || a.PendingNonce != nil {
			t.Errorf("a contract's rewards show balance %v nonce %v", a.BalanceEther, a.PendingNonce)
		}
		if !strings.Contains(render(t, r), "rewarded by contract "+keeper.Hex()) {
			t.Error("the page does not say that a contract rewards")
		}
	})
	t.Run("none", func(t *testing.T) {
		r := Build(callerInputs(checks.RewardSender{Caller: &chain.RewardCaller{}, Account: &chain.AccountInfo{Address: common.HexToAddress(addr1)}}))
		a := account(r, "tc001")
		if c := a.RewardCaller; c == nil || c.Kind != CallerNone || c.Sender != addr1 {
			t.Fatalf("reward caller %+v", a.RewardCaller)
		}
		if *a.BalanceEther != 2 || strings.Contains(render(t, r), `class="caller"`) {
			t.Errorf("without a caller: balance %v, or a caller line on the page", *a.BalanceEther)
		}
	})
}
