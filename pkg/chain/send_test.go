package chain_test

import (
	"encoding/json"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/sirupsen/logrus"
	logtest "github.com/sirupsen/logrus/hooks/test"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

// manyAccounts returns n distinct addresses.
func manyAccounts(n int) []common.Address {
	out := make([]common.Address, n)
	for i := range out {
		out[i] = common.BigToAddress(big.NewInt(int64(0x10000 + i)))
	}
	return out
}

// warnings returns the warning entries hook caught and forgets them.
func warnings(hook *logtest.Hook) []*logrus.Entry {
	var out []*logrus.Entry
	for _, e := range hook.AllEntries() {
		if e.Level == logrus.WarnLevel {
			out = append(out, e)
		}
	}
	hook.Reset()
	return out
}

// A server that refuses batches above its limit as geth does ("batch too
// large" for the first call, nothing for the others) still gets every
// read of a cycle: the endpoint halves its chunks until they pass, with a
// warning, in a bounded number of round trips, and starts the next cycle
// at the size that passed, refused no more.
func TestSendHalvesRefusedBatches(t *testing.T) {
	ctx := testCtx(t)
	const limit = 50
	sim := newSim(t, simchain.Options{})
	proxy := newProxy(t, sim)
	proxy.setMaxBatch(limit)
	log, hook := logtest.NewNullLogger()
	e := proxy.endpoint(t, chain.WithBatchSize(1000), chain.WithLogger(log))
	p := newProber(t, newPool(t, []*chain.Endpoint{e}), chain.ProberConfig{Controller: sim.Deployment().Controller})
	addrs := manyAccounts(150)

	observe := func(cycle int) (*chain.Observation, []proxyRequest) {
		t.Helper()
		trips := e.RoundTrips()
		obs, err := p.Observe(ctx, addrs)
		must(t, err)
		if len(obs.Errors) != 0 {
			t.Fatalf("cycle %d: %d errors, first %+v", cycle, len(obs.Errors), obs.Errors[0])
		}
		for _, a := range obs.Accounts {
			if a.Balance == nil || a.MinedNonce == nil || a.PendingNonce == nil || a.Transcoder == nil ||
				a.Active == nil || a.Status == nil || a.TotalStake == nil || a.RewardCaller == nil {
				t.Fatalf("cycle %d: account %+v not read", cycle, a)
			}
		}
		reqs := proxy.take()
		if got := int(e.RoundTrips() - trips); got != obs.RoundTrips || got != len(reqs) {
			t.Fatalf("cycle %d: %d round trips counted by the endpoint, %d by the observation, %d requests received",
				cycle, got, obs.RoundTrips, len(reqs))
		}
		answered := 0
		for _, r := range reqs {
			if !r.refused {
				answered += len(r.calls)
			}
		}
		if obs.Calls != answered {
			t.Errorf("cycle %d: %d calls counted, %d answered", cycle, obs.Calls, answered)
		}
		return obs, reqs
	}

	obs, reqs := observe(0)
	refused, accepted, calls, size := 0, 0, 0, 0
	for _, r := range reqs {
		if r.refused {
			refused++
			continue
		}
		accepted++
		calls += len(r.calls)
		size = max(size, len(r.calls))
	}
	// Halving from 1000 at most, then chunks of more than limit/2.
	maxRefused := 0
	for n := 1000; n > limit; n /= 2 {
		maxRefused++
	}
	if refused < 1 || refused > maxRefused {
		t.Errorf("%d batches refused, want 1 to %d", refused, maxRefused)
	}
	if size > limit || size <= limit/2 {
		t.Errorf("largest batch sent %d, want at most %d and more than %d", size, limit, limit/2)
	}
	// Health and contract resolution go in their own round trips.
	if bound := refused + 2 + (calls+size-1)/size; obs.RoundTrips > bound {
		t.Errorf("%d round trips for %d calls in batches of %d, want at most %d", obs.RoundTrips, calls, size, bound)
	}
	if w := warnings(hook); len(w) != refused {
		t.Errorf("%d warnings for %d refused batches", len(w), refused)
	} else if w[len(w)-1].Data["batch_size"] != size {
		t.Errorf("last warning %v, want batch_size %d", w[len(w)-1].Data, size)
	}

	for cycle := 1; cycle < 3; cycle++ {
		_, reqs := observe(cycle)
		for i, r := range reqs {
			if r.refused {
				t.Errorf("cycle %d: request %d of %d calls refused", cycle, i, len(r.calls))
			}
		}
		// The health batch, then the head's reads in chunks of the kept size.
		for i, r := range reqs[1 : len(reqs)-1] {
			if len(r.calls) != size {
				t.Errorf("cycle %d: batch %d of %d calls, want %d", cycle, i+1, len(r.calls), size)
			}
		}
		if w := warnings(hook); len(w) != 0 {
			t.Errorf("cycle %d: %d warnings, first %q %v", cycle, len(w), w[0].Message, w[0].Data)
		}
	}
}

// minedNonceOf matches the mined nonce read of a (not the pending one).
func minedNonceOf(a common.Address) func(q rpcMsg) bool {
	return func(q rpcMsg) bool {
		var params []json.RawMessage
		if q.Method != "eth_getTransactionCount" || json.Unmarshal(q.Params, &params) != nil || len(params) != 2 {
			return false
		}
		to, _ := q.target()
		return to == a && string(params[1]) != `"pending"`
	}
}

// A batch answer that lacks some answers is never taken for zero values:
// the unanswered reads are sent again in smaller batches (down to a
// single call) and read right, with a warning, the batch size kept; a read the server never
// answers fails with an error that says so, the others are read.
func TestSendMissingAnswers(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{})
	from, other := sim.Driver().From(), addr(1)
	nonce, err := sim.Client().NonceAt(ctx, from, nil)
	must(t, err)
	if nonce == 0 {
		t.Fatal("the developer account has sent nothing")
	}
	for _, tt := range []struct {
		name string
		// alone: the server drops the answer of a single call too.
		alone bool
	}{
		{"in batches", false},
		{"always", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			proxy := newProxy(t, sim)
			drop := minedNonceOf(from)
			proxy.setIntercept(func(q rpcMsg, inBatch bool) (*rpcMsg, bool) {
				return nil, drop(q) && (inBatch || tt.alone)
			})
			log, hook := logtest.NewNullLogger()
			e := proxy.endpoint(t, chain.WithLogger(log))
			p := newProber(t, newPool(t, []*chain.Endpoint{e}), chain.ProberConfig{Controller: sim.Deployment().Controller})
			for cycle := range 2 {
				obs, err := p.Observe(ctx, []common.Address{from, other})
				must(t, err)
				reqs := proxy.take()
				dropped, single := 0, false
				for _, r := range reqs {
					dropped += r.dropped
					if !r.batch && drop(r.calls[0]) {
						single = true
					}
				}
				if cycle == 0 && (dropped == 0 || !single) {
					t.Errorf("cycle %d: %d answers dropped, the read sent alone %v: want both", cycle, dropped, single)
				}
				// Answers left out without a reason do not make the batches
				// smaller: only the unanswered calls are sent again alone.
				largest := 0
				for _, r := range reqs {
					largest = max(largest, len(r.calls))
				}
				if cycle == 1 && largest < 4 {
					t.Errorf("cycle %d: largest batch %d calls: the batch size shrank", cycle, largest)
				}
				a, b := obs.Account(from), obs.Account(other)
				if b.MinedNonce == nil || *b.MinedNonce != 0 || a.Balance == nil || a.PendingNonce == nil || *a.PendingNonce != nonce {
					t.Errorf("cycle %d: the other reads: %+v, %+v", cycle, a, b)
				}
				err = obs.Err("account.minedNonce", from)
				if !tt.alone {
					if len(obs.Errors) != 0 || a.MinedNonce == nil || *a.MinedNonce != nonce {
						t.Errorf("cycle %d: mined nonce %v, errors %+v; want %d and none", cycle, u64(a.MinedNonce), obs.Errors, nonce)
					}
					continue
				}
				var ce *chain.CallError
				if a.MinedNonce != nil || err == nil || !errors.As(err, &ce) || ce.Method != "eth_getTransactionCount" || chain.Reason(err) != chain.ReasonDecode {
					t.Errorf("cycle %d: mined nonce %v, error %v (reason %q); want none and a decode CallError of eth_getTransactionCount",
						cycle, u64(a.MinedNonce), err, chain.Reason(err))
				}
				if len(obs.Errors) != 1 {
					t.Errorf("cycle %d: errors %+v, want the mined nonce's only", cycle, obs.Errors)
				}
			}
			if len(warnings(hook)) == 0 {
				t.Error("no warning for the batches answered in part")
			}
		})
	}
}
