package checks

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
)

// learnEvents notes the round in which each slash, each unbond and each
// RewardCallerSet was first seen.
func (s *chainState) learnEvents(round *uint64) {
	if s.events == nil || round == nil {
		return
	}
	slashes := make([]chain.EventMeta, 0, len(s.events.Slashes))
	for _, ev := range s.events.Slashes {
		slashes = append(slashes, ev.EventMeta)
	}
	unbonds := make([]chain.EventMeta, 0, len(s.events.Unbonds))
	for _, ev := range s.events.Unbonds {
		unbonds = append(unbonds, ev.EventMeta)
	}
	learnSeen(s.slashSeen, *round, slashes)
	learnSeen(s.unbondSeen, *round, unbonds)
	s.learnCallerEvents(*round)
}

// learnSeen records round for each event not seen before and forgets
// events that are gone (or were undone by a reorganisation).
func learnSeen(seen map[string]uint64, round uint64, events []chain.EventMeta) {
	present := make(map[string]bool, len(events))
	for _, m := range events {
		if m.Removed {
			continue
		}
		k := m.Key()
		present[k] = true
		if _, ok := seen[k]; !ok {
			seen[k] = round
		}
	}
	for k := range seen {
		if !present[k] {
			delete(seen, k)
		}
	}
}

// unbondsIn sums the unbonds from addr first seen in round, and counts them.
func (s *chainState) unbondsIn(addr common.Address, round uint64) (*big.Int, int) {
	sum, n := new(big.Int), 0
	if s.events == nil {
		return sum, 0
	}
	for _, ev := range s.events.Unbonds {
		seen, ok := s.unbondSeen[ev.Key()]
		if ev.Removed || ev.Delegate != addr || !ok || seen != round || ev.Amount == nil {
			continue
		}
		sum.Add(sum, ev.Amount)
		n++
	}
	return sum, n
}

// recentSlash returns the latest slash of addr seen in this round or the
// previous one.
func (s *chainState) recentSlash(addr common.Address, round *uint64) *chain.SlashEvent {
	if s.events == nil {
		return nil
	}
	return latestRecent(s.events.Slashes, s.slashSeen, round, func(ev chain.SlashEvent) (chain.EventMeta, bool) {
		return ev.EventMeta, ev.Transcoder == addr && ev.Penalty != nil
	})
}

// latestRecent returns the latest of events (by block, then log index)
// that match and were first seen (seen) in round or the one before.
func latestRecent[T any](events []T, seen map[string]uint64, round *uint64, match func(T) (chain.EventMeta, bool)) *T {
	if round == nil {
		return nil
	}
	var latest *T
	var at chain.EventMeta
	for i, ev := range events {
		m, ok := match(ev)
		first, known := seen[m.Key()]
		if !ok || m.Removed || !known || *round > first+1 {
			continue
		}
		if latest == nil || m.BlockNumber > at.BlockNumber || (m.BlockNumber == at.BlockNumber && m.LogIndex > at.LogIndex) {
			latest, at = &events[i], m
		}
	}
	return latest
}

// scanBehind says, when the latest scan succeeded but has not reached
// block yet, that the events explaining a change seen at block are still
// being read ("" otherwise): a stake drop is then judged on the next
// evaluation, together with its events.
func (s *chainState) scanBehind(block *chain.Head) string {
	return s.scanBehindOf("TranscoderSlashed and Unbond", block)
}

// scanBehindOf is scanBehind for the events named what.
func (s *chainState) scanBehindOf(what string, block *chain.Head) string {
	if s.events == nil || s.events.Err != nil || !s.events.Scanned || block == nil || s.events.ScannedTo >= block.Number {
		return ""
	}
	return fmt.Sprintf("the %s events up to block %d are not scanned yet", what, block.Number)
}

// slashScanProblem says why slashes may have gone unseen ("" when the
// scans work, or when no scanning is wired in).
func (s *chainState) slashScanProblem() string {
	return s.scanProblemOf("TranscoderSlashed and Unbond")
}

// scanProblemOf says why the events named what may have gone unseen.
func (s *chainState) scanProblemOf(what string) string {
	switch {
	case s.events == nil:
		return ""
	case s.events.Err != nil:
		return what + " events could not be read (" + chain.Reason(s.events.Err) + ")"
	case !s.events.Scanned:
		return what + " events have not been scanned yet"
	}
	return ""
}
