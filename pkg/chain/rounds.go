package chain

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// RoundInfo is the RoundsManager's view of the current round. Block numbers
// are in the contract's own blockNum() units: the L1 block number on
// Arbitrum. A nil field could not be read (see Observation.Errors).
type RoundInfo struct {
	CurrentRound         *uint64
	Initialized          *bool
	Length               *uint64
	StartBlock           *uint64
	BlockNum             *uint64
	Locked               *bool
	LastInitializedRound *uint64
}

// Elapsed returns the blocks elapsed in the current round (BlockNum - StartBlock).
// ok is false when an input is missing or inconsistent.
func (r RoundInfo) Elapsed() (blocks uint64, ok bool) {
	if r.BlockNum == nil || r.StartBlock == nil || *r.BlockNum < *r.StartBlock {
		return 0, false
	}
	return *r.BlockNum - *r.StartBlock, true
}

// Remaining returns the blocks left in the current round (StartBlock + Length - BlockNum).
// ok is false when an input is missing or inconsistent.
func (r RoundInfo) Remaining() (blocks uint64, ok bool) {
	elapsed, ok := r.Elapsed()
	if !ok || r.Length == nil || elapsed > *r.Length {
		return 0, false
	}
	return *r.Length - elapsed, true
}

// readRound queues the RoundsManager reads into ph.
func (bd bindings) readRound(ph *phase, rm common.Address, block *big.Int, r *RoundInfo) {
	c := bd.rounds
	u64 := func(fn string, dst **uint64, data []byte, unpack func([]byte) (*big.Int, error)) {
		ph.add(common.Address{}, "round."+fn, contractCall(rm, block, fn+"()", data, unpack, intoU64(fn+"()", dst)))
	}
	flag := func(fn string, dst **bool, data []byte, unpack func([]byte) (bool, error)) {
		ph.add(common.Address{}, "round."+fn, contractCall(rm, block, fn+"()", data, unpack, into(dst)))
	}
	u64("currentRound", &r.CurrentRound, c.PackCurrentRound(), c.UnpackCurrentRound)
	u64("roundLength", &r.Length, c.PackRoundLength(), c.UnpackRoundLength)
	u64("currentRoundStartBlock", &r.StartBlock, c.PackCurrentRoundStartBlock(), c.UnpackCurrentRoundStartBlock)
	u64("blockNum", &r.BlockNum, c.PackBlockNum(), c.UnpackBlockNum)
	u64("lastInitializedRound", &r.LastInitializedRound, c.PackLastInitializedRound(), c.UnpackLastInitializedRound)
	flag("currentRoundInitialized", &r.Initialized, c.PackCurrentRoundInitialized(), c.UnpackCurrentRoundInitialized)
	flag("currentRoundLocked", &r.Locked, c.PackCurrentRoundLocked(), c.UnpackCurrentRoundLocked)
}
