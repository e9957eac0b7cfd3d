package chain_test

import (
	"context"
	"encoding/json"
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

// scanChain is a simulated chain whose blocks [from, to] hold, for orch,
// two reward transactions, a slash, an unbond and a reward caller change,
// with a reward and an unbond of other among them; and whose blocks
// [quietFrom, quietTo] hold a slash, an unbond and a reward caller
// change of orch and a reward of other, but no reward of orch.
type scanChain struct {
	sim                                *simchain.Chain
	orch, other, caller                common.Address
	rewards                            []sentReward
	from, to, quietFrom, quietTo, head uint64
}

func newScanChain(ctx context.Context, t *testing.T) *scanChain {
	t.Helper()
	sim := newSim(t, simchain.Options{RoundLength: 20, HTTP: true})
	d := sim.Driver()
	key, err := sim.FundedKey(ctx, eth(1))
	must(t, err)
	c := &scanChain{sim: sim, orch: crypto.PubkeyToAddress(key.PublicKey), other: addr(7), caller: addr(0x10)}
	bm, bmc := sim.Deployment().BondingManager, contracts.NewBondingManager()
	nextRound(ctx, t, sim)
	must(t, d.SetActive(ctx, c.orch, true))
	must(t, d.SetActive(ctx, c.other, true))
	must(t, d.SetTotalStake(ctx, c.orch, eth(10)))
	c.from = headBlock(ctx, t, sim) + 1
	r1, err := d.SendAs(ctx, key, bm, bmc.PackRewardWithHint(common.Address{}, common.Address{}))
	must(t, err)
	must(t, d.RewardFor(ctx, c.other, big.NewInt(5)))
	must(t, d.Slash(ctx, c.orch, addr(3), eth(4), eth(1)))
	must(t, d.Unbond(ctx, c.orch, addr(4), eth(2)))
	must(t, d.Unbond(ctx, c.other, addr(4), eth(1)))
	must(t, d.SetRewardCallerOf(ctx, c.orch, c.caller))
	nextRound(ctx, t, sim)
	r2, err := d.SendAs(ctx, key, bm, bmc.PackReward())
	must(t, err)
	c.rewards = []sentReward{{chain.FnRewardWithHint, r1}, {chain.FnReward, r2}}
	c.to = headBlock(ctx, t, sim)
	c.quietFrom = c.to + 1
	must(t, d.Slash(ctx, c.orch, addr(3), eth(1), eth(0)))
	must(t, d.Unbond(ctx, c.orch, addr(5), eth(1)))
	must(t, d.SetRewardCallerOf(ctx, c.orch, common.Address{}))
	must(t, d.RewardFor(ctx, c.other, big.NewInt(6)))
	c.quietTo = headBlock(ctx, t, sim)
	c.head = c.quietTo
	return c
}

// prober returns a prober over e with log queries of at most 3 blocks,
// the contracts resolved (outside the counts).
func (c *scanChain) prober(ctx context.Context, t *testing.T, e *chain.Endpoint) *chain.Prober {
	t.Helper()
	p := newProber(t, newPool(t, []*chain.Endpoint{e}), chain.ProberConfig{Controller: c.sim.Deployment().Controller, MaxLogRange: 3})
	_, err := p.Contracts(ctx)
	must(t, err)
	return p
}

// scan runs p.Scan and checks that it cost trips round trips of e, as
// its result says too.
func scan(ctx context.Context, t *testing.T, p *chain.Prober, e *chain.Endpoint, from, to uint64, transcoders, rewardTranscoders []common.Address, trips uint64) chain.ScanResult {
	t.Helper()
	before, calls := e.RoundTrips(), e.Calls()
	res, err := p.Scan(ctx, from, to, transcoders, rewardTranscoders)
	must(t, err)
	if got := e.RoundTrips() - before; got != trips || res.RoundTrips != got || res.Calls != e.Calls()-calls {
		t.Errorf("scan of blocks %d-%d: %d round trips (%d counted in the result, %d calls), want %d", from, to, got, res.RoundTrips, res.Calls, trips)
	}
	return res
}

// checkSameAsPerKind checks that res holds what the per-kind reads of
// the same blocks return.
func checkSameAsPerKind(ctx context.Context, t *testing.T, p *chain.Prober, res chain.ScanResult, from, to uint64, transcoders, rewardTranscoders []common.Address) {
	t.Helper()
	stake, err := p.StakeEvents(ctx, from, to, transcoders...)
	must(t, err)
	callers, err := p.RewardCallerEvents(ctx, from, to, transcoders...)
	must(t, err)
	rewards, err := p.RewardTxs(ctx, from, to, rewardTranscoders...)
	must(t, err)
	if !reflect.DeepEqual(res.Slashes, stake.Slashes) || !reflect.DeepEqual(res.Unbonds, stake.Unbonds) {
		t.Errorf("scan's stake events %+v %+v, StakeEvents %+v", res.Slashes, res.Unbonds, stake)
	}
	if !reflect.DeepEqual(res.RewardCallers, callers) {
		t.Errorf("scan's reward caller events %+v, RewardCallerEvents %+v", res.RewardCallers, callers)
	}
	if !reflect.DeepEqual(res.Rewards, rewards) {
		t.Errorf("scan's rewards %+v, RewardTxs %+v", res.Rewards, rewards)
	}
}

// A scan of every event kind over many log ranges costs one round trip,
// and one more for the transactions of its Reward logs; it finds what
// the per-kind reads find.
func TestScanRoundTrips(t *testing.T) {
	ctx := testCtx(t)
	c := newScanChain(ctx, t)
	proxy := newProxy(t, c.sim)
	orch := []common.Address{c.orch}
	proxied := proxy.endpoint(t)
	for _, e := range []*chain.Endpoint{simEndpoint(t, c.sim, "ipc"), dial(t, c.sim.URL()), proxied} {
		t.Run(e.Name(), func(t *testing.T) {
			p := c.prober(ctx, t, e)
			proxy.take()
			res := scan(ctx, t, p, e, c.from, c.to, orch, orch, 2)
			if len(res.Slashes) != 1 || len(res.Unbonds) != 1 || res.Unbonds[0].Delegate != c.orch ||
				len(res.RewardCallers) != 1 || res.RewardCallers[0].RewardCaller != c.caller || len(res.Rewards) != 2 {
				t.Fatalf("scan %+v", res)
			}
			for i, w := range c.rewards {
				if r := res.Rewards[i]; r.Err != nil || r.Function != w.fn || r.TxHash != w.r.TxHash || r.GasUsed != w.r.GasUsed || r.From != c.orch {
					t.Errorf("reward %d: %+v (err %v), want %s of %s", i, r, r.Err, w.fn, w.r.TxHash)
				}
			}
			if e == proxied {
				// One batch of one query per 3 blocks (every kind filters
				// on orch), then the two transactions and receipts.
				reqs := proxy.take()
				chunks := int(c.to-c.from)/3 + 1
				if len(reqs) != 2 || methodCount(reqs[:1], "eth_getLogs") != chunks || len(reqs[0].calls) != chunks ||
					methodCount(reqs[1:], "eth_getTransactionByHash") != 2 || methodCount(reqs[1:], "eth_getTransactionReceipt") != 2 || len(reqs[1].calls) != 4 {
					t.Errorf("requests %+v, want a batch of %d eth_getLogs, then one of 2 transactions and 2 receipts", reqs, chunks)
				}
			}
			checkSameAsPerKind(ctx, t, p, res, c.from, c.to, orch, orch)

			quiet := scan(ctx, t, p, e, c.quietFrom, c.quietTo, orch, orch, 1)
			if len(quiet.Slashes) != 1 || len(quiet.Unbonds) != 1 || len(quiet.RewardCallers) != 1 || len(quiet.Rewards) != 0 {
				t.Errorf("scan without rewards of %s: %+v", c.orch.Hex(), quiet)
			}
			checkSameAsPerKind(ctx, t, p, quiet, c.quietFrom, c.quietTo, orch, orch)

			// Every transcoder's rewards: a query of its own, in the same batch.
			all := scan(ctx, t, p, e, c.from, c.head, orch, nil, 2)
			if len(all.Rewards) != 4 || len(all.Slashes) != 2 || len(all.Unbonds) != 2 {
				t.Errorf("scan with every transcoder's rewards: %+v", all)
			}
			checkSameAsPerKind(ctx, t, p, all, c.from, c.head, orch, nil)
		})
	}
}

// Without raw JSON-RPC access every read is made alone through the
// backend's typed methods, with the same results.
func TestScanWithoutRawJSONRPC(t *testing.T) {
	ctx := testCtx(t)
	c := newScanChain(ctx, t)
	plain, err := chain.NewEndpoint("plain", plainClient{c.sim.Client()})
	must(t, err)
	ipc := simEndpoint(t, c.sim, "ipc")
	pp, pi := c.prober(ctx, t, plain), c.prober(ctx, t, ipc)
	orch := []common.Address{c.orch}
	for _, r := range [][2]uint64{{c.from, c.to}, {c.quietFrom, c.quietTo}, {c.from, c.head}} {
		got, err := pp.Scan(ctx, r[0], r[1], orch, nil)
		must(t, err)
		want, err := pi.Scan(ctx, r[0], r[1], orch, nil)
		must(t, err)
		if got.Calls == 0 || got.RoundTrips != got.Calls {
			t.Errorf("blocks %d-%d: %d calls in %d round trips, want each alone", r[0], r[1], got.Calls, got.RoundTrips)
		}
		got.Calls, got.RoundTrips, got.Bytes = 0, 0, 0
		want.Calls, want.RoundTrips, want.Bytes = 0, 0, 0
		if !reflect.DeepEqual(got, want) {
			t.Errorf("blocks %d-%d: typed reads %+v, JSON-RPC %+v", r[0], r[1], got, want)
		}
		checkSameAsPerKind(ctx, t, pp, got, r[0], r[1], orch, nil)
	}
}

// A failed log query fails the scan, with no events; a reward
// transaction that cannot be read leaves its entry's Err set.
func TestScanFailedRead(t *testing.T) {
	ctx := testCtx(t)
	c := newScanChain(ctx, t)
	proxy := newProxy(t, c.sim)
	e := proxy.endpoint(t)
	p := c.prober(ctx, t, e)
	orch := []common.Address{c.orch}

	second := hexutil.EncodeUint64(c.from + 3)
	proxy.setIntercept(func(q rpcMsg, _ bool) (*rpcMsg, bool) {
		if q.Method == "eth_getLogs" && strings.Contains(string(q.Params), `"fromBlock":"`+second+`"`) {
			return q.fail(-32005, "query returned more than 10000 results"), true
		}
		return nil, false
	})
	res, err := p.Scan(ctx, c.from, c.to, orch, orch)
	if err == nil || chain.Reason(err) != "rpc_-32005" || !strings.Contains(err.Error(), "logs of blocks") {
		t.Fatalf("scan with a failed log query: error %v (reason %s)", err, chain.Reason(err))
	}
	if res.Slashes != nil || res.Unbonds != nil || res.RewardCallers != nil || res.Rewards != nil || res.RoundTrips != 1 {
		t.Errorf("failed scan returned %+v", res)
	}

	failed := c.rewards[1].r.TxHash
	proxy.setIntercept(func(q rpcMsg, _ bool) (*rpcMsg, bool) {
		var params []common.Hash
		if q.Method == "eth_getTransactionReceipt" && json.Unmarshal(q.Params, &params) == nil && len(params) == 1 && params[0] == failed {
			return q.fail(-32000, "receipt not available"), true
		}
		return nil, false
	})
	res = scan(ctx, t, p, e, c.from, c.to, orch, orch, 2)
	if len(res.Rewards) != 2 || res.Rewards[0].Err != nil || res.Rewards[0].Function != chain.FnRewardWithHint ||
		chain.Reason(res.Rewards[1].Err) != "rpc_-32000" || res.Rewards[1].Amount == nil || res.Rewards[1].CostWei() != nil {
		t.Errorf("rewards with a receipt that cannot be read: %+v", res.Rewards)
	}
}
