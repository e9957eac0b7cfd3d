package chain

import "time"

// BlockRateSamples is how many head observations the block rate is
// estimated over.
const BlockRateSamples = 32

// BlockRate estimates the time a block of the RoundsManager's blockNum()
// takes (an L1 block on Arbitrum) from recent observations of the chain:
// pairs of a head's timestamp and the blockNum() read at that head. It is
// the moving average over the last BlockRateSamples observations; the
// zero value is ready to use. Not safe for concurrent use.
type BlockRate struct {
	samples []blockSample
}

type blockSample struct {
	at    uint64 // head timestamp, Unix seconds
	block uint64 // blockNum() at that head
}

// Add records one observation: the head's timestamp (Unix seconds) and
// blockNum() at it. A sample that goes back (a reorganisation, another
// endpoint behind) restarts the estimate.
func (r *BlockRate) Add(headTime, blockNum uint64) {
	if k := len(r.samples); k > 0 {
		last := r.samples[k-1]
		switch {
		case headTime == last.at && blockNum == last.block:
			return
		case headTime < last.at || blockNum < last.block:
			r.samples = r.samples[:0]
		}
	}
	r.samples = append(r.samples, blockSample{at: headTime, block: blockNum})
	if n := len(r.samples); n > BlockRateSamples {
		r.samples = append(r.samples[:0], r.samples[n-BlockRateSamples:]...)
	}
}

// Estimate returns the average time per block over the samples; ok is
// false until they span at least two blocks and a second.
func (r *BlockRate) Estimate() (perBlock time.Duration, ok bool) {
	if len(r.samples) < 2 {
		return 0, false
	}
	first, last := r.samples[0], r.samples[len(r.samples)-1]
	blocks, secs := last.block-first.block, last.at-first.at
	if blocks < 2 || secs == 0 {
		return 0, false
	}
	return time.Duration(secs) * time.Second / time.Duration(blocks), true
}
