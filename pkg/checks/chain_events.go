package checks

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
)

// ChainEvents is what the chain probe's log scans found: the recent
// TranscoderSlashed events of the monitored accounts, and how the scans go.
type ChainEvents struct {
	Slashes []chain.SlashEvent
	// Scanned is true once a scan has succeeded.
	Scanned bool
	// Err is the latest scan's error (nil when it succeeded).
	Err error
}

// SetChainEvents hands the evaluator the latest scan results; call it
// before Evaluate. Without it, StakeDropped judges the stake alone.
func (e *Evaluator) SetChainEvents(ev ChainEvents) { e.chain.events = &ev }

func slashKey(ev chain.SlashEvent) string { return fmt.Sprintf("%s#%d", ev.TxHash.Hex(), ev.LogIndex) }

// learnSlashes notes the round in which each slash was first seen.
func (s *chainState) learnSlashes(round *uint64) {
	if s.events == nil || round == nil {
		return
	}
	present := make(map[string]bool, len(s.events.Slashes))
	for _, ev := range s.events.Slashes {
		if ev.Removed {
			continue
		}
		k := slashKey(ev)
		present[k] = true
		if _, seen := s.slashSeen[k]; !seen {
			s.slashSeen[k] = *round
		}
	}
	for k := range s.slashSeen {
		if !present[k] {
			delete(s.slashSeen, k)
		}
	}
}

// recentSlash returns the latest slash of addr seen in this round or the
// previous one.
func (s *chainState) recentSlash(addr common.Address, round *uint64) *chain.SlashEvent {
	if s.events == nil || round == nil {
		return nil
	}
	var latest *chain.SlashEvent
	for i, ev := range s.events.Slashes {
		seen, ok := s.slashSeen[slashKey(ev)]
		if ev.Removed || ev.Transcoder != addr || !ok || *round > seen+1 || ev.Penalty == nil {
			continue
		}
		if latest == nil || ev.BlockNumber > latest.BlockNumber {
			latest = &s.events.Slashes[i]
		}
	}
	return latest
}

// slashScanProblem says why slashes may have gone unseen ("" when the
// scans work, or when no scanning is wired in).
func (s *chainState) slashScanProblem() string {
	switch {
	case s.events == nil:
		return ""
	case s.events.Err != nil:
		return "TranscoderSlashed events could not be read (" + chain.Reason(s.events.Err) + ")"
	case !s.events.Scanned:
		return "TranscoderSlashed events have not been scanned yet"
	}
	return ""
}
