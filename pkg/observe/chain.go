package observe

import (
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
)

// MaxRecentEvents bounds the slash events, and the unbond events, a
// chain record keeps.
const MaxRecentEvents = 64

// MaxRecentRewards bounds the Reward events a chain record keeps: enough
// for every orchestrator of an active set to reward in several rounds
// between two evaluations.
const MaxRecentRewards = 1024

// Chain is what one probe of the chain saw, with what the log scans have
// found so far.
type Chain struct {
	At     time.Time
	Err    error
	Reason string
	// Obs is the chain prober's observation; nil when the probe recorded
	// none.
	Obs *chain.Observation
	// Events is what the scans of TranscoderSlashed and Unbond logs found,
	// kept from one observation to the next; nil when the probe does not
	// scan.
	Events *ChainEvents
	// BlockTime is the time a blockNum() block takes, estimated from the
	// heads observed recently (0 while unknown).
	BlockTime time.Duration
	// Pool is the transcoder pool (the active set) the probe watches with
	// chain.watch_active_set, as of PoolRound; nil when it does not.
	Pool      []common.Address
	PoolRound uint64
}

// ChainEvents is what the chain probe's log scans found: the recent
// TranscoderSlashed events of the monitored accounts and Unbond events of
// their delegators, and how the scans go.
type ChainEvents struct {
	Slashes []chain.SlashEvent
	Unbonds []chain.UnbondEvent
	// Rewards are the Reward events of the watched accounts, with their
	// transactions, the latest MaxRecentRewards.
	Rewards []chain.RewardTx
	// RewardCallers are the RewardCallerSet events of the monitored
	// accounts: their reward caller was set or unset.
	RewardCallers []chain.RewardCallerSetEvent
	// Scanned is true once a scan has succeeded.
	Scanned bool
	// ScannedTo is the last block of the latest successful scan: the
	// events of an observation's head are known once it reaches the head.
	ScannedTo uint64
	// Err is the latest scan's error (nil when it succeeded).
	Err error
	// Last is the latest scan (nil before the first).
	Last *ChainScan
}

// ChainScan is one scan of TranscoderSlashed and Unbond logs.
type ChainScan struct {
	// From and To are the blocks scanned (To is the head read this cycle).
	From, To uint64
	Slashes  []chain.SlashEvent
	// Unbonds are delegators' unbonds from the monitored accounts.
	Unbonds []chain.UnbondEvent
	// Rewards are the Reward events of the watched accounts.
	Rewards []chain.RewardTx
	// RewardCallers are the monitored accounts' RewardCallerSet events.
	RewardCallers []chain.RewardCallerSetEvent
	// Calls is the number of RPC calls the scan made, RoundTrips the
	// requests they went in and Bytes the JSON size of their parameters
	// and results.
	Calls, RoundTrips, Bytes uint64
	Err                      error
}

// add records a scan: its error, and when it succeeded how far it read
// and the events it found that are not known yet, keeping the latest
// MaxRecentEvents of each kind.
func (ev *ChainEvents) add(s ChainScan) {
	ev.Last, ev.Err = &s, s.Err
	if s.Err != nil {
		return
	}
	ev.Scanned, ev.ScannedTo = true, s.To
	ev.Slashes = addEvents(ev.Slashes, s.Slashes, func(e chain.SlashEvent) chain.EventMeta { return e.EventMeta }, MaxRecentEvents)
	ev.Unbonds = addEvents(ev.Unbonds, s.Unbonds, func(e chain.UnbondEvent) chain.EventMeta { return e.EventMeta }, MaxRecentEvents)
	ev.Rewards = addEvents(ev.Rewards, s.Rewards, func(e chain.RewardTx) chain.EventMeta { return e.EventMeta }, MaxRecentRewards)
	ev.RewardCallers = addEvents(ev.RewardCallers, s.RewardCallers, func(e chain.RewardCallerSetEvent) chain.EventMeta { return e.EventMeta }, MaxRecentEvents)
}

// clone returns a copy that shares nothing mutable with ev.
func (ev *ChainEvents) clone() *ChainEvents {
	c := *ev
	c.Slashes = append([]chain.SlashEvent(nil), ev.Slashes...)
	c.Unbonds = append([]chain.UnbondEvent(nil), ev.Unbonds...)
	c.Rewards = append([]chain.RewardTx(nil), ev.Rewards...)
	c.RewardCallers = append([]chain.RewardCallerSetEvent(nil), ev.RewardCallers...)
	return &c
}

// addEvents appends the events of found that known lacks, keeping the
// latest limit.
func addEvents[T any](known, found []T, meta func(T) chain.EventMeta, limit int) []T {
	seen := make(map[string]bool, len(known))
	for _, ev := range known {
		seen[meta(ev).Key()] = true
	}
	for _, ev := range found {
		if !seen[meta(ev).Key()] {
			known = append(known, ev)
		}
	}
	return keepLatest(known, limit)
}

// keepLatest returns the last limit elements of list.
func keepLatest[T any](list []T, limit int) []T {
	if n := len(list); n > limit {
		return append([]T(nil), list[n-limit:]...)
	}
	return list
}
