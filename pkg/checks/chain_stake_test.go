package checks

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// TestStakeDroppedByUnbond: a drop within the round says whether
// delegators' Unbond events account for it. A voluntary unbond is a
// warning that says so, never a slash; a drop they do not explain says
// that too; a slash is critical whatever else happened. A drop seen before
// the events of its block are scanned waits for them (unknown), so that
// the first notification of a slash is already the critical one.
func TestStakeDroppedByUnbond(t *testing.T) {
	unbond := func(tx string, delegate common.Address, amount int64) chain.UnbondEvent {
		return chain.UnbondEvent{EventMeta: chain.EventMeta{BlockNumber: 490, TxHash: common.HexToHash(tx)},
			Delegate: delegate, Delegator: common.HexToAddress("0xde1e"), LockID: big.NewInt(0), Amount: big.NewInt(amount), WithdrawRound: big.NewInt(107)}
	}
	slash := chain.SlashEvent{EventMeta: chain.EventMeta{BlockNumber: 495, TxHash: common.HexToHash("0x5a")},
		Transcoder: tAddr(), Finder: common.HexToAddress("0xf1"), Penalty: big.NewInt(50), FinderReward: big.NewInt(5)}
	type step struct {
		round   uint64
		stake   int64
		ev      observe.ChainEvents
		state   State
		cause   string
		words   []string
		context string
	}
	mine, other := unbond("0x01", tAddr(), 300), unbond("0x02", common.HexToAddress("0x99"), 600)
	cases := map[string][]step{
		"voluntary unbond": {
			{tRound, 1000, observe.ChainEvents{Scanned: true, ScannedTo: 500}, OK, "", nil, "baseline"},
			{tRound, 700, observe.ChainEvents{Scanned: true, ScannedTo: 500, Unbonds: []chain.UnbondEvent{mine, other}}, Warning, "unbond",
				[]string{"fell 30% within round 100: from 1000 to 700 LPT wei; ", "delegators unbonded 300 LPT wei (1 Unbond event(s)): a voluntary unbond, not a slash"}, "an unbond of 300"},
		},
		"drop the unbonds do not explain": {
			{tRound, 1000, observe.ChainEvents{Scanned: true, ScannedTo: 500}, OK, "", nil, "baseline"},
			{tRound, 600, observe.ChainEvents{Scanned: true, ScannedTo: 500, Unbonds: []chain.UnbondEvent{mine}}, Warning, "unexplained",
				[]string{"delegators unbonded 300 LPT wei", "no Unbond or TranscoderSlashed event explains the other 100 LPT wei"}, "400 fell, 300 unbonded"},
		},
		"no event": {
			{tRound, 1000, observe.ChainEvents{Scanned: true, ScannedTo: 500}, OK, "", nil, "baseline"},
			{tRound, 800, observe.ChainEvents{Scanned: true, ScannedTo: 500}, Warning, "unexplained", []string{"no Unbond or TranscoderSlashed event explains it"}, "a bare drop"},
		},
		"slash and unbond": {
			{tRound, 1000, observe.ChainEvents{Scanned: true, ScannedTo: 500}, OK, "", nil, "baseline"},
			{tRound, 650, observe.ChainEvents{Scanned: true, ScannedTo: 500, Unbonds: []chain.UnbondEvent{mine}, Slashes: []chain.SlashEvent{slash}}, Critical, "slash",
				[]string{"TranscoderSlashed: penalty 50"}, "both"},
		},
		"a slash seen before its scan": {
			{tRound, 1000, observe.ChainEvents{Scanned: true, ScannedTo: 500}, OK, "", nil, "baseline"},
			{tRound, 500, observe.ChainEvents{Scanned: true, ScannedTo: 499}, Unknown, "",
				[]string{"fell 50%", "events up to block 500 are not scanned yet"}, "the drop, before the scan of its block"},
			{tRound, 500, observe.ChainEvents{Scanned: true, ScannedTo: 500, Slashes: []chain.SlashEvent{slash}}, Critical, "slash",
				[]string{"TranscoderSlashed: penalty 50"}, "the drop with its slash"},
		},
		"a drop while the scans fail": {
			{tRound, 1000, observe.ChainEvents{Scanned: true, ScannedTo: 500}, OK, "", nil, "baseline"},
			{tRound, 800, observe.ChainEvents{Scanned: true, ScannedTo: 499, Err: errTimeout()}, Warning, "unknown",
				[]string{"no Unbond event explains it, and TranscoderSlashed and Unbond events could not be read (timeout)"}, "a drop, scans failing"},
		},
		"an unbond of the previous round": {
			{tRound, 1000, observe.ChainEvents{Scanned: true, ScannedTo: 500, Unbonds: []chain.UnbondEvent{mine}}, OK, "", nil, "the unbond, seen in round 100"},
			{tRound + 1, 1000, observe.ChainEvents{Scanned: true, ScannedTo: 500, Unbonds: []chain.UnbondEvent{mine}}, OK, "", nil, "round 101 baseline"},
			{tRound + 1, 800, observe.ChainEvents{Scanned: true, ScannedTo: 500, Unbonds: []chain.UnbondEvent{mine}}, Warning, "unexplained",
				[]string{"no Unbond or TranscoderSlashed event explains it"}, "a drop in round 101"},
		},
	}
	for name, steps := range cases {
		t.Run(name, func(t *testing.T) {
			e := NewEvaluator(chainConfig(t))
			now := tTime()
			for _, s := range steps {
				now = now.Add(time.Minute)
				o := atRound(healthyObs(now, 0, s.round-1), s.round, 5)
				o.Accounts[0].TotalStake = big.NewInt(s.stake)
				r := find(t, e.Evaluate(now, withEvents(snapshot(now, o, nil), s.ev)).Results, alert.StakeDropped, tNode)
				t.Logf("%s: %s %s", s.context, r.State, r.Reason)
				want(t, r, s.state, s.words...)
				if r.Details["cause"] != s.cause {
					t.Errorf("%s: cause detail %q, want %q", s.context, r.Details["cause"], s.cause)
				}
			}
		})
	}
}
