package checks

import (
	"fmt"
	"math/big"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// MaxBackfillRounds bounds how many ended rounds one observation judges
// after lpwatch was away (their outcome comes from lastRewardRound and the
// activation rounds, as nothing watched them).
const MaxBackfillRounds = 30

// verdict is the outcome of one ended round.
type verdict int

const (
	verdictRewarded verdict = iota
	verdictNotInitialized
	verdictInactive
	verdictActivityUnknown
	verdictMissed
)

// advance judges the rounds that ended since the last judgment and records
// what the observation says of the current one; judged, when not nil, is
// told each verdict. It reports whether the ledger changed. Nothing is
// judged while lastRewardRound or lastInitializedRound could not be read:
// the judgment waits for them.
func (n *nodeLedger) advance(f roundFacts, judged func(round uint64, v verdict)) bool {
	r := *f.round
	changed := false
	if r > 0 && n.Judged < r-1 && f.lastReward != nil && f.lastInit != nil {
		from := n.Judged + 1
		if r > MaxBackfillRounds && from < r-MaxBackfillRounds {
			from = r - MaxBackfillRounds
		}
		for k := from; k < r; k++ {
			v := n.judge(k, f)
			if judged != nil {
				judged(k, v)
			}
			if v == verdictMissed {
				n.MissedTotal++
				n.Streak++
				n.StreakLast = k
			}
		}
		n.Judged = r - 1
		kept := n.Watches[:0]
		for _, w := range n.Watches {
			if w.Round > n.Judged {
				kept = append(kept, w)
			}
		}
		n.Watches = kept
		changed = true
	}
	if n.watch(r, f) {
		changed = true
	}
	// A reward after the last missed round, or leaving the active set (no
	// reward is due any more), ends the streak.
	if n.StreakLast > 0 && ((f.lastReward != nil && *f.lastReward > n.StreakLast) || (f.active != nil && !*f.active)) {
		n.StreakLast, n.Streak = 0, 0
		changed = true
	}
	return changed
}

// watch records what an observation of round r saw.
func (n *nodeLedger) watch(r uint64, f roundFacts) bool {
	var w *roundWatch
	for i := range n.Watches {
		if n.Watches[i].Round == r {
			w = &n.Watches[i]
		}
	}
	changed := false
	if w == nil {
		n.Watches = append(n.Watches, roundWatch{Round: r})
		w = &n.Watches[len(n.Watches)-1]
		changed = true
	}
	if f.initialized != nil && *f.initialized && !w.Initialized {
		w.Initialized, changed = true, true
	}
	if f.active != nil && (!w.ActiveKnown || (*f.active && !w.Active)) {
		w.ActiveKnown, w.Active, changed = true, w.Active || *f.active, true
	}
	return changed
}

// judge decides round k, which has ended. A round is missed when it was
// initialized, the node was active in it, and lastRewardRound is below it.
// A lastRewardRound at or above k counts as rewarded, even when it is a
// later round and k's own outcome can no longer be read (never a false
// alarm). Rounds lpwatch did not watch count as initialized when a later
// round was initialized, and as active per the transcoder's activation and
// deactivation rounds; when those are unknown (2018 contracts) the round
// is not counted.
func (n *nodeLedger) judge(k uint64, f roundFacts) verdict {
	if *f.lastReward >= k {
		return verdictRewarded
	}
	var w *roundWatch
	for i := range n.Watches {
		if n.Watches[i].Round == k {
			w = &n.Watches[i]
		}
	}
	initialized := *f.lastInit >= k
	if w != nil {
		initialized = w.Initialized || *f.lastInit == k
	}
	if !initialized {
		return verdictNotInitialized
	}
	switch {
	case w != nil && w.ActiveKnown:
		if !w.Active {
			return verdictInactive
		}
	case f.activation != nil && f.deactivation != nil:
		kk := new(big.Int).SetUint64(k)
		if f.activation.Cmp(kk) > 0 || f.deactivation.Cmp(kk) <= 0 {
			return verdictInactive
		}
	default:
		return verdictActivityUnknown
	}
	return verdictMissed
}

// roundMissed is RewardRoundMissed: firing while a streak of rounds that ended
// without reward lasts; its epoch is the latest missed round, so a further
// missed round notifies again.
func roundMissed(in accountInput) Result {
	check, node, o, a, l := alert.RewardRoundMissed, in.node.Name, in.obs, in.acct, in.st.ledger
	nd := &need{o: o, addr: a.Address}
	nd.u64(o.Round.CurrentRound, "round.currentRound")
	nd.transcoder(a)
	nd.u64(o.Round.LastInitializedRound, "round.lastInitializedRound")
	n := l.file.Nodes[node]
	switch {
	case !nd.ok():
		return unknown(check, node, nd.why)
	case n == nil || n.Judged < saturatingSub(*o.Round.CurrentRound, 1):
		return unknown(check, node, "the previous round has not been judged yet")
	case n.StreakLast == 0:
		return ok(check, node, fmt.Sprintf("no missed round outstanding (rounds judged up to %d; %d missed in total)", n.Judged, n.MissedTotal))
	}
	r := failing(check, node, Critical,
		fmt.Sprintf("round %d ended without a reward call (%d round(s) missed in a row, %d in total); last reward round %d",
			n.StreakLast, n.Streak, n.MissedTotal, a.Transcoder.LastRewardRound),
		map[string]string{"missed_round": u64s(n.StreakLast), "streak": u64s(n.Streak), "missed_total": u64s(n.MissedTotal),
			"last_reward_round": u64s(a.Transcoder.LastRewardRound)})
	r.Epoch = u64s(n.StreakLast)
	return r
}
