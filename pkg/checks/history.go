package checks

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/statefile"
)

// RewardHistoryFile is the name, in state.dir, of the reward history: per
// target and round, whether reward was called, when, by which transaction
// and at what cost.
const RewardHistoryFile = "rewardhistory.json"

// HistoryRounds is how many rounds of history are kept per target.
const HistoryRounds = 90

// historyVersion is the format version of RewardHistoryFile written.
const historyVersion = 1

// RewardHistoryFormat is the format of the reward history file.
func RewardHistoryFormat() statefile.Format {
	return statefile.Format{Name: RewardHistoryFile, Version: historyVersion}
}

// Round outcomes of a RoundRecord.
const (
	// OutcomeRewarded: reward was called for the round.
	OutcomeRewarded = "rewarded"
	// OutcomeMissed: the round ended, initialized, with the transcoder
	// active and no reward.
	OutcomeMissed = "missed"
	// OutcomeNotDue: no reward was due (not initialized, or not active).
	OutcomeNotDue = "not_due"
)

// RoundRecord is one round of a target's reward history.
type RoundRecord struct {
	Round   uint64 `json:"round"`
	Outcome string `json:"outcome"`
	// Length is the round's length in blockNum() blocks (0: unknown).
	Length uint64 `json:"round_length,omitempty"`
	// Block is how many blocks into the round the reward landed (nil:
	// unknown, or no reward).
	Block *uint64 `json:"block_in_round,omitempty"`
	// Tx, Sender and Function describe the reward transaction, when it was
	// seen; Function is reward, rewardWithHint, rewardForTranscoder,
	// rewardForTranscoderWithHint or other.
	Tx       string `json:"tx,omitempty"`
	Sender   string `json:"sender,omitempty"`
	Function string `json:"function,omitempty"`
	// CostWei is the transaction's gas used × effective gas price;
	// MintedWei the LPT of the Reward event (both decimal wei).
	CostWei   string `json:"cost_wei,omitempty"`
	MintedWei string `json:"minted_wei,omitempty"`
}

// Timing says how a round went at a glance: "early" (rewarded before
// warnAfter of the round had passed), "late" (after), "rewarded" (when
// the block is unknown), "missed" or "not_due".
func (r RoundRecord) Timing(warnAfter float64) string {
	if r.Outcome != OutcomeRewarded {
		return r.Outcome
	}
	if r.Block == nil || r.Length == 0 {
		return OutcomeRewarded
	}
	if float64(*r.Block) >= warnAfter*float64(r.Length) {
		return "late"
	}
	return "early"
}

// historyFile is the content of RewardHistoryFile.
type historyFile struct {
	Version int                       `json:"version"`
	Targets map[string]*targetHistory `json:"targets"`
}

// targetHistory is one target's rounds, oldest first.
type targetHistory struct {
	Address string        `json:"address"`
	Rounds  []RoundRecord `json:"rounds"`
}

// rewardHistory is the durable reward history, written like the ledger.
type rewardHistory struct {
	path     string
	file     historyFile
	dirty    bool
	failedAt time.Time
	newer    bool
	// folded are the Reward events already recorded, by event key.
	folded map[string]bool
}

// openHistory reads the history at path, as openLedger does the ledger.
func openHistory(path string, now time.Time) (*rewardHistory, error) {
	h := &rewardHistory{path: path, folded: map[string]bool{}}
	h.file = historyFile{Version: historyVersion, Targets: map[string]*targetHistory{}}
	if _, err := statefile.ReadVersioned(path, RewardHistoryFormat(), &h.file, now); err != nil {
		h.file = historyFile{Version: historyVersion, Targets: map[string]*targetHistory{}}
		h.newer = errors.Is(err, statefile.ErrNewer)
		return h, fmt.Errorf("reward history: %w", err)
	}
	if h.file.Targets == nil {
		h.file.Targets = map[string]*targetHistory{}
	}
	for name, t := range h.file.Targets {
		if t == nil {
			delete(h.file.Targets, name)
		}
	}
	return h, nil
}

// flush writes the history when it changed; after a failure it waits
// ledgerRetry before trying again.
func (h *rewardHistory) flush(now time.Time) error {
	if !h.dirty || h.newer || (!h.failedAt.IsZero() && now.Sub(h.failedAt) < ledgerRetry) {
		return nil
	}
	if err := statefile.WriteJSON(h.path, &h.file); err != nil {
		h.failedAt = now
		return fmt.Errorf("reward history: %w", err)
	}
	h.dirty, h.failedAt = false, time.Time{}
	return nil
}

// retain forgets targets that are no longer watched.
func (h *rewardHistory) retain(names map[string]bool) {
	for name := range h.file.Targets {
		if !names[name] {
			delete(h.file.Targets, name)
			h.dirty = true
		}
	}
}

// target returns the history of name for addr, started afresh when the
// address changed.
func (h *rewardHistory) target(name string, addr common.Address) *targetHistory {
	t := h.file.Targets[name]
	if t == nil || t.Address != addr.Hex() {
		t = &targetHistory{Address: addr.Hex()}
		h.file.Targets[name] = t
		h.dirty = true
	}
	return t
}

// put records rec, merged with what is known of its round: a reward is
// never replaced by a verdict, and a reward seen without its transaction
// keeps the transaction seen before. Only the last HistoryRounds rounds
// are kept.
func (h *rewardHistory) put(name string, addr common.Address, rec RoundRecord) {
	t := h.target(name, addr)
	i, found := slices.BinarySearchFunc(t.Rounds, rec.Round, func(r RoundRecord, round uint64) int { return cmpU64(r.Round, round) })
	if found {
		old := t.Rounds[i]
		switch {
		case old.Outcome == OutcomeRewarded && rec.Outcome != OutcomeRewarded:
			return
		case old.Outcome == OutcomeRewarded && rec.Tx == "":
			return
		}
		if rec.Length == 0 {
			rec.Length = old.Length
		}
		if old == rec || (old.Tx == rec.Tx && old.Outcome == rec.Outcome && sameBlock(old.Block, rec.Block) &&
			old.Length == rec.Length && old.CostWei == rec.CostWei && old.Function == rec.Function && old.MintedWei == rec.MintedWei) {
			return
		}
		t.Rounds[i] = rec
	} else {
		t.Rounds = slices.Insert(t.Rounds, i, rec)
	}
	if newest := t.Rounds[len(t.Rounds)-1].Round; newest >= HistoryRounds {
		cut, _ := slices.BinarySearchFunc(t.Rounds, newest-HistoryRounds+1, func(r RoundRecord, round uint64) int { return cmpU64(r.Round, round) })
		t.Rounds = slices.Delete(t.Rounds, 0, cut)
	}
	h.dirty = true
}

func sameBlock(a, b *uint64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func cmpU64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// rounds returns a copy of name's rounds, oldest first.
func (h *rewardHistory) rounds(name string) []RoundRecord {
	t := h.file.Targets[name]
	if t == nil {
		return nil
	}
	out := make([]RoundRecord, len(t.Rounds))
	for i, r := range t.Rounds {
		if r.Block != nil {
			b := *r.Block
			r.Block = &b
		}
		out[i] = r
	}
	return out
}

// verdictRecord is the history entry of a judged round.
func verdictRecord(round, length uint64, v verdict) RoundRecord {
	rec := RoundRecord{Round: round, Length: length, Outcome: OutcomeNotDue}
	switch v {
	case verdictRewarded:
		rec.Outcome = OutcomeRewarded
	case verdictMissed:
		rec.Outcome = OutcomeMissed
	}
	return rec
}

// roundGeometry places blocks in rounds from one observation: the
// current round, its start block and length, and the offset of the
// chain's block numbers from blockNum() (0 on Ethereum).
type roundGeometry struct {
	round, start, length uint64
	offset               int64
	// l1 is set on Arbitrum, where blockNum() is the L1 block number and
	// only a receipt's l1BlockNumber places a transaction.
	l1 bool
}

// geometryOf reads the round geometry of o; ok is false when a read is missing.
func geometryOf(o *chain.Observation) (roundGeometry, bool) {
	r := o.Round
	if r.CurrentRound == nil || r.StartBlock == nil || r.Length == nil || *r.Length == 0 || r.BlockNum == nil || o.Block == nil {
		return roundGeometry{}, false
	}
	g := roundGeometry{round: *r.CurrentRound, start: *r.StartBlock, length: *r.Length, l1: o.Block.L1BlockNumber != nil}
	if !g.l1 {
		g.offset = int64(*r.BlockNum) - int64(o.Block.Number)
	}
	return g, true
}

// place returns the round of contract block b and how far into it b is.
func (g roundGeometry) place(b uint64) (round, into uint64, ok bool) {
	if b >= g.start {
		k := (b - g.start) / g.length
		return g.round + k, (b - g.start) % g.length, true
	}
	back := (g.start - b + g.length - 1) / g.length
	if back > g.round {
		return 0, 0, false
	}
	roundStart := g.start - back*g.length
	return g.round - back, b - roundStart, true
}

// rewardRecord is the history entry of a Reward event: the round its
// block falls in (ok false when it cannot be placed). On Arbitrum only
// the receipt's l1BlockNumber places it.
func rewardRecord(ev chain.RewardTx, g roundGeometry) (RoundRecord, bool) {
	if g.l1 && ev.L1BlockNumber == nil {
		return RoundRecord{}, false
	}
	b, ok := ev.ContractBlock(g.offset)
	if !ok {
		return RoundRecord{}, false
	}
	round, into, ok := g.place(b)
	if !ok {
		return RoundRecord{}, false
	}
	rec := RoundRecord{Round: round, Outcome: OutcomeRewarded, Length: g.length, Block: &into, Tx: ev.TxHash.Hex()}
	if ev.Amount != nil {
		rec.MintedWei = ev.Amount.String()
	}
	if ev.Err == nil {
		rec.Sender, rec.Function = ev.From.Hex(), string(ev.Function)
		if c := ev.CostWei(); c != nil {
			rec.CostWei = c.String()
		}
	}
	return rec, true
}

// foldRewards records the Reward events not recorded yet of the targets
// in addrs (by address), placed in rounds by g.
func (h *rewardHistory) foldRewards(events []chain.RewardTx, g roundGeometry, addrs map[common.Address]string) {
	present := make(map[string]bool, len(events))
	for _, ev := range events {
		k := ev.Key()
		present[k] = true
		name, watched := addrs[ev.Transcoder]
		if h.folded[k] || ev.Removed || !watched {
			continue
		}
		// An event that cannot be placed is given up: the round's verdict
		// still records the reward, without its transaction.
		if rec, ok := rewardRecord(ev, g); ok {
			h.put(name, ev.Transcoder, rec)
		}
		h.folded[k] = true
	}
	for k := range h.folded {
		if !present[k] {
			delete(h.folded, k)
		}
	}
}

// ParseWei parses a decimal wei amount of a RoundRecord (nil when empty
// or not a number).
func ParseWei(s string) *big.Int {
	if s == "" {
		return nil
	}
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return nil
	}
	return v
}

// historyFacts adds each target's reward history to its facts, and the
// observed accounts of the active set.
func (e *Evaluator) historyFacts(out map[string]NodeChainFacts) {
	st := e.chain
	if st.history == nil {
		return
	}
	for name := range st.history.file.Targets {
		f := out[name]
		f.Rounds = st.history.rounds(name)
		out[name] = f
	}
	for name, addr := range st.observed {
		f := out[name]
		f.Observed, f.Address = true, addr
		out[name] = f
	}
}
