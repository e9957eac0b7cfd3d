package chain_test

import (
	"bytes"
	"encoding/json"
	"maps"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

// bondingFields are the BondingManager reads of an account in the 2026
// layout: what fails, and only that, when the BondingManager cannot be read.
var bondingFields = []string{
	"account.getTranscoder", "account.transcoderStatus", "account.transcoderTotalStake",
	"account.isActiveTranscoder", chain.FieldRewardCaller,
}

// errorSet maps "field address" to the reason of every read error of obs.
func errorSet(obs *chain.Observation) map[string]string {
	m := make(map[string]string, len(obs.Errors))
	for _, re := range obs.Errors {
		m[re.Field+" "+re.Address.Hex()] = re.Reason
	}
	return m
}

// sameJSON fails t unless a and b encode alike (big.Ints compare by value).
func sameJSON(t *testing.T, what string, a, b any) {
	t.Helper()
	ja, err := json.Marshal(a)
	must(t, err)
	jb, err := json.Marshal(b)
	must(t, err)
	if !bytes.Equal(ja, jb) {
		t.Errorf("%s differ:\n multicall %s\n plain     %s", what, ja, jb)
	}
}

// A contract read that fails inside aggregate3 (a revert, or a call to an
// address without code) fails only its own field, with the Reason the
// same read has as a plain eth_call: the other reads of the same
// aggregate3 call (the round, the balances) are read as without Multicall3.
func TestMulticallSubCallFailsAlone(t *testing.T) {
	ctx := testCtx(t)
	orch, idle := addr(1), addr(2)
	sim := newSim(t, simchain.Options{Fund: []common.Address{orch}})
	dep := sim.Deployment()
	must(t, sim.Driver().SetActive(ctx, orch, true))
	for _, tt := range []struct {
		name   string
		bm     common.Address
		reason string
	}{
		// The Controller has none of the BondingManager's functions and no fallback.
		{"reverts", dep.Controller, "rpc_3"},
		{"no code", common.HexToAddress("0x00000000000000000000000000000000000b0b0b"), chain.ReasonDecode},
	} {
		t.Run(tt.name, func(t *testing.T) {
			observe := func(noMulticall bool) *chain.Observation {
				t.Helper()
				p := newProber(t, newPool(t, []*chain.Endpoint{simEndpoint(t, sim, "sim")}),
					chain.ProberConfig{RoundsManager: dep.RoundsManager, BondingManager: tt.bm, NoMulticall: noMulticall})
				obs, err := p.Observe(ctx, []common.Address{orch, idle})
				must(t, err)
				return obs
			}
			folded, plain := observe(false), observe(true)
			if !folded.Multicall || plain.Multicall {
				t.Fatalf("multicall %v and %v, want true and false", folded.Multicall, plain.Multicall)
			}
			if folded.Calls >= plain.Calls {
				t.Errorf("%d calls with multicall, %d without: the contract reads were not folded", folded.Calls, plain.Calls)
			}
			want := map[string]string{}
			for _, a := range []common.Address{orch, idle} {
				for _, f := range bondingFields {
					want[f+" "+a.Hex()] = tt.reason
				}
			}
			if got := errorSet(folded); !maps.Equal(got, want) {
				t.Errorf("multicall errors %v, want %v", got, want)
			}
			if got := errorSet(plain); !maps.Equal(got, want) {
				t.Errorf("plain errors %v, want %v", got, want)
			}
			if folded.Round.CurrentRound == nil || folded.Round.Length == nil || folded.Round.Locked == nil {
				t.Errorf("round %+v not read next to the failing reads", folded.Round)
			}
			if a := folded.Account(orch); a.Balance == nil || a.Balance.Cmp(simchain.FundAmount()) != 0 || a.Transcoder != nil || a.Active != nil {
				t.Errorf("account %+v: want the balance read and the BondingManager fields nil", a)
			}
			sameJSON(t, "rounds", folded.Round, plain.Round)
			sameJSON(t, "accounts", folded.Accounts, plain.Accounts)
		})
	}
}

// When the aggregate3 call fails as a whole but the endpoint answers (it
// errs, or no Multicall3 is deployed though the endpoint said there was),
// the reads it carried are sent again as plain calls in the same cycle:
// the observation is complete, with the values a prober without
// Multicall3 reads.
func TestMulticallAggregateFailureResendsPlain(t *testing.T) {
	ctx := testCtx(t)
	mc := chain.Multicall3Address()
	aggregate3 := contracts.NewMulticall3().PackAggregate3(nil)[:4]
	for _, tt := range []struct {
		name        string
		noMulticall bool
		intercept   interceptFunc
	}{
		{"aggregate3 errs", false, func(q rpcMsg, _ bool) (*rpcMsg, bool) {
			if q.isCallTo(mc) {
				return q.fail(-32000, "out of gas"), true
			}
			return nil, false
		}},
		// The chain has no Multicall3, but its code is reported: aggregate3
		// answers nothing, which does not decode.
		{"no multicall deployed", true, func(q rpcMsg, _ bool) (*rpcMsg, bool) {
			if to, _ := q.target(); q.Method == "eth_getCode" && to == mc {
				return q.result("0x6001"), true
			}
			return nil, false
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			orch, caller, idle := addr(1), addr(0x10), addr(2)
			sim := newSim(t, simchain.Options{RoundLength: 20, NoMulticall: tt.noMulticall, Fund: []common.Address{orch, caller}})
			d := sim.Driver()
			round, err := sim.AdvanceRounds(ctx, 1)
			must(t, err)
			must(t, d.InitializeRound(ctx))
			must(t, d.SetActive(ctx, orch, true))
			must(t, d.SetTotalStake(ctx, orch, eth(5000)))
			must(t, d.SetLastRewardRound(ctx, orch, round-1))
			must(t, d.SetRewardCallerOf(ctx, orch, caller))

			proxy := newProxy(t, sim)
			proxy.setIntercept(tt.intercept)
			cfg := chain.ProberConfig{Controller: sim.Deployment().Controller}
			folded := newProber(t, newPool(t, []*chain.Endpoint{proxy.endpoint(t)}), cfg)
			cfg.NoMulticall = true
			plain := newProber(t, newPool(t, []*chain.Endpoint{simEndpoint(t, sim, "sim")}), cfg)
			addrs := []common.Address{orch, idle}
			for cycle := range 2 {
				proxy.take()
				got, err := folded.Observe(ctx, addrs)
				must(t, err)
				want, err := plain.Observe(ctx, addrs)
				must(t, err)
				if len(got.Errors) != 0 || len(want.Errors) != 0 {
					t.Fatalf("cycle %d: errors %+v, without multicall %+v", cycle, got.Errors, want.Errors)
				}
				if !got.Multicall {
					t.Fatalf("cycle %d: multicall not used", cycle)
				}
				// The aggregate3 call was made, then the same reads plain.
				var aggregated, plainBonding int
				for _, r := range proxy.take() {
					for _, q := range r.calls {
						if q.isCallTo(mc) && bytes.HasPrefix(q.callData(), aggregate3) {
							aggregated++
						}
						if q.isCallTo(sim.Deployment().BondingManager) {
							plainBonding++
						}
					}
				}
				if aggregated == 0 || plainBonding == 0 {
					t.Errorf("cycle %d: %d aggregate3 calls, %d plain BondingManager calls; want both", cycle, aggregated, plainBonding)
				}
				a := got.Account(orch)
				if a.Transcoder == nil || a.Active == nil || !*a.Active || a.Status == nil || a.TotalStake == nil || a.TotalStake.Cmp(eth(5000)) != 0 ||
					a.Balance == nil || a.Balance.Cmp(simchain.FundAmount()) != 0 || a.MinedNonce == nil || a.PendingNonce == nil ||
					a.RewardCaller == nil || a.RewardCaller.Address != caller || a.RewardCaller.Account == nil ||
					a.RewardCaller.Account.Balance == nil || a.RewardCaller.Account.Balance.Cmp(simchain.FundAmount()) != 0 {
					t.Errorf("cycle %d: account %+v is not complete", cycle, a)
				}
				if got.Round.CurrentRound == nil || *got.Round.CurrentRound != round || got.Round.Initialized == nil || !*got.Round.Initialized {
					t.Errorf("cycle %d: round %+v", cycle, got.Round)
				}
				sameJSON(t, "rounds", got.Round, want.Round)
				sameJSON(t, "accounts", got.Accounts, want.Accounts)
			}
		})
	}
}
