package checks

import (
	"errors"
	"math"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// accountStep is one observation of an account scenario, at offset from
// the start, and what check says afterwards.
type accountStep struct {
	at    time.Duration
	edit  func(o *chain.Observation)
	state State
	words []string
}

// playAccount feeds the steps to one evaluator and checks check after each.
func playAccount(t *testing.T, e *Evaluator, check string, steps []accountStep) {
	t.Helper()
	for i, s := range steps {
		now := tTime().Add(s.at)
		o := healthyObs(now, 50, tRound)
		if s.edit != nil {
			s.edit(o)
		}
		r := find(t, e.Evaluate(now, snapshot(now, o, nodeView(tRound, tRound))).Results, check, tNode)
		if r.State != s.state {
			t.Fatalf("step %d at %s: %s (%s), want %s", i, s.at, r.State, r.Reason, s.state)
		}
		want(t, r, s.state, s.words...)
	}
}

func nonces(pending, mined uint64) func(o *chain.Observation) {
	return func(o *chain.Observation) {
		o.Accounts[0].PendingNonce, o.Accounts[0].MinedNonce = u64p(pending), u64p(mined)
	}
}

func TestTxStalled(t *testing.T) {
	cases := []struct {
		name  string
		steps []accountStep
	}{
		{"stuck behind the same nonce", []accountStep{
			{0, nonces(7, 7), OK, []string{"no transaction pending"}},
			{time.Minute, nonces(8, 7), OK, []string{"1 transaction(s) pending behind mined nonce 7 for 0s"}},
			{10*time.Minute + 59*time.Second, nonces(8, 7), OK, []string{"9m59s, under the 10m0s limit"}},
			{11 * time.Minute, nonces(8, 7), Critical, []string{"for 10m0s: transactions are stuck"}},
		}},
		{"a mined nonce that moves restarts the clock", []accountStep{
			{0, nonces(9, 7), OK, nil},
			{9 * time.Minute, nonces(9, 8), OK, []string{"for 0s"}},
			{18 * time.Minute, nonces(9, 8), OK, []string{"for 9m0s"}},
			{19 * time.Minute, nonces(9, 8), Critical, nil},
			{20 * time.Minute, nonces(9, 9), OK, []string{"no transaction pending"}},
		}},
		{"nonce unreadable", []accountStep{
			{0, func(o *chain.Observation) {
				o.Accounts[0].PendingNonce = nil
				fail(o, "account.pendingNonce", tAddr(), errTimeout())
			}, Unknown, []string{"account.pendingNonce could not be read (timeout)"}},
		}},
		{"pool behind the head", []accountStep{{0, nonces(6, 7), Unknown, []string{"pending nonce 6 is below mined nonce 7"}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			playAccount(t, NewEvaluator(chainConfig(t)), alert.TxStalled, c.steps)
		})
	}
}

func TestGasPriceAboveNodeMax(t *testing.T) {
	cases := []struct {
		name   string
		max    *big.Int
		optErr error
		gas    *big.Int
		state  State
		words  []string
	}{
		{"no max", nil, nil, big.NewInt(2e9), OK, []string{"no -maxGasPrice"}},
		{"under", big.NewInt(3e9), nil, big.NewInt(2e9), OK, []string{"2.000 gwei is within", "3.000 gwei"}},
		{"equal", big.NewInt(2e9), nil, big.NewInt(2e9), OK, nil},
		{"above", big.NewInt(1e9), nil, big.NewInt(2e9), Warning, []string{"2.000 gwei is above the node's -maxGasPrice 1.000 gwei"}},
		{"max unreadable", nil, errors.New("boom"), big.NewInt(2e9), Unknown, []string{"/maxGasPrice could not be read"}},
		{"gas price unreadable", big.NewInt(1e9), nil, nil, Unknown, []string{"gas_price could not be read (timeout)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			now := tTime()
			o := healthyObs(now, 50, tRound)
			o.GasPrice = c.gas
			if c.gas == nil {
				fail(o, "gas_price", common.Address{}, errTimeout())
			}
			nv := nodeView(tRound, tRound)
			nv.Snapshot.MaxGasPrice = c.max
			if c.optErr != nil {
				nv.Snapshot.Optional[nodeapi.PathMaxGasPrice] = c.optErr
			}
			want(t, find(t, NewEvaluator(chainConfig(t)).Evaluate(now, snapshot(now, o, nv)).Results, alert.GasPriceAboveNodeMax, tNode), c.state, c.words...)
		})
	}
}

func stake(v int64) func(o *chain.Observation) {
	return func(o *chain.Observation) { o.Accounts[0].TotalStake = big.NewInt(v) }
}

func TestStakeDropped(t *testing.T) {
	playAccount(t, NewEvaluator(chainConfig(t)), alert.StakeDropped, []accountStep{
		{0, stake(1000), OK, []string{"no drop within round 100"}},
		{time.Minute, stake(1200), OK, nil},
		{2 * time.Minute, stake(1080), OK, nil},
		{3 * time.Minute, stake(1079), Warning, []string{"fell 10.1% within round 100: from 1200 to 1079"}},
		{4 * time.Minute, func(o *chain.Observation) { atRound(o, tRound+1, 1); stake(1079)(o) }, OK, []string{"round 101"}},
		{5 * time.Minute, func(o *chain.Observation) { atRound(o, tRound+1, 2); o.Accounts[0].TotalStake = nil }, Unknown, nil},
	})
}

func TestStakeDroppedBySlash(t *testing.T) {
	slash := chain.SlashEvent{EventMeta: chain.EventMeta{BlockNumber: 480, TxHash: common.HexToHash("0xabc")},
		Transcoder: tAddr(), Finder: common.HexToAddress("0xf1"), Penalty: big.NewInt(500), FinderReward: big.NewInt(5)}
	other := slash
	other.Transcoder, other.TxHash = common.HexToAddress("0x99"), common.HexToHash("0xdef")
	e := NewEvaluator(chainConfig(t))
	step := func(ev observe.ChainEvents, round uint64, s State, words ...string) {
		t.Helper()
		now := tTime().Add(time.Duration(round) * time.Hour)
		o := atRound(healthyObs(now, 0, round-1), round, 5)
		r := find(t, e.Evaluate(now, withEvents(snapshot(now, o, nil), ev)).Results, alert.StakeDropped, tNode)
		want(t, r, s, words...)
		if s == Critical && r.Epoch != slash.TxHash.Hex() {
			t.Errorf("epoch %q, want the slash transaction", r.Epoch)
		}
	}
	step(observe.ChainEvents{}, 100, Unknown, "have not been scanned yet")
	step(observe.ChainEvents{Scanned: true, Err: errTimeout()}, 100, Unknown, "could not be read (timeout)")
	step(observe.ChainEvents{Scanned: true, Slashes: []chain.SlashEvent{other}}, 100, OK)
	step(observe.ChainEvents{Scanned: true, Slashes: []chain.SlashEvent{other, slash}}, 100, Critical, "TranscoderSlashed: penalty 500")
	step(observe.ChainEvents{Scanned: true, Slashes: []chain.SlashEvent{other, slash}}, 101, Critical)
	step(observe.ChainEvents{Scanned: true, Slashes: []chain.SlashEvent{other, slash}}, 102, OK)
}

func TestEthBalanceLowFromChain(t *testing.T) {
	cases := []struct {
		milli int64
		state State
	}{{60, OK}, {49, Warning}, {9, Critical}}
	for _, c := range cases {
		now := tTime()
		o := healthyObs(now, 50, tRound)
		o.Accounts[0].Balance = ether(c.milli)
		r := find(t, NewEvaluator(chainConfig(t)).Evaluate(now, snapshot(now, o, nil)).Results, alert.EthBalanceLow, tNode)
		want(t, r, c.state)
		if r.State != OK && r.Details["source"] != "chain" {
			t.Errorf("balance from %q, want the chain", r.Details["source"])
		}
	}
}

func balanceOf(milli int64) func(o *chain.Observation) {
	return func(o *chain.Observation) { o.Accounts[0].Balance = ether(milli) }
}

func TestEthRunwayShort(t *testing.T) {
	day := 24 * time.Hour
	cfg := chainConfig(t)
	cfg.Checks.RunwayWindow, cfg.Checks.RunwayWarn = 4*day, 20*day
	playAccount(t, NewEvaluator(cfg), alert.EthRunwayShort, []accountStep{
		{0, balanceOf(1000), Unknown, []string{"collecting balance history"}},
		{day, balanceOf(900), Unknown, []string{"24h0m0s of the 48h0m0s needed"}},
		// A top-up is not spending: 100 + 200 milli-ETH are spent in 2 days.
		{day + time.Hour, balanceOf(2900), Unknown, nil},
		{2 * day, balanceOf(2700), Warning, []string{"lasts 18.0 days at the spend rate of the last 48h0m0s"}},
		{3 * day, balanceOf(2700), OK, []string{"lasts 27.0 days"}},
		// All the spending leaves the 4-day window.
		{6*day + 2*time.Hour, balanceOf(2700), OK, []string{"no ETH spent"}},
		{6*day + 3*time.Hour, func(o *chain.Observation) { o.Accounts[0].Balance = nil }, Unknown, []string{"could not be read"}},
	})
	f := NewEvaluator(cfg).Evaluate(tTime().Add(6*day+3*time.Hour), observe.Snapshot{}).Facts
	if len(f) != 1 || !f[tNode].RunwayKnown || !math.IsInf(f[tNode].RunwaySeconds, 1) {
		t.Errorf("facts of a fresh evaluator on the same history: %+v", f)
	}
}
