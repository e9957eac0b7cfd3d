package checks

import (
	"fmt"
	"math/big"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// BoundaryRaceBlocks is how close to a round boundary (in blockNum()
// blocks) a one-round difference between the node's view and the chain's
// is put down to the two being read a moment apart.
const BoundaryRaceBlocks = 10

// rewardChain is RewardNotCalled from the chain: the round is initialized,
// the node is active and its lastRewardRound is behind, with the round's
// position read in the RoundsManager's own blocks.
func rewardChain(in accountInput) Result {
	check, node, o, a, c := alert.RewardNotCalled, in.node.Name, in.obs, in.acct, in.cfg.Checks
	n := &need{o: o, addr: a.Address}
	v := readRound(n, o.Round, true)
	t := n.transcoder(a)
	active := n.flag(a.Active, "account.isActiveTranscoder")
	if !n.ok() {
		return unknown(check, node, n.why)
	}
	switch {
	case !v.initialized:
		return ok(check, node, fmt.Sprintf("round %d is not initialized: reward is not possible yet", v.round))
	case !active:
		return ok(check, node, "the transcoder is not active: no reward is due")
	case t.LastRewardRound >= v.round:
		return ok(check, node, fmt.Sprintf("reward called for round %d", v.round))
	}
	d := v.details()
	d["last_reward_round"] = u64s(t.LastRewardRound)
	where := fmt.Sprintf("round %d: %d of %d blocks elapsed, %d remaining; last reward round %d",
		v.round, v.elapsed, v.length, v.remaining, t.LastRewardRound)
	r := Result{Check: check, Target: node, Epoch: u64s(v.round), Details: d}
	switch {
	case float64(v.remaining) < c.RewardCriticalRemaining*float64(v.length):
		r.State, r.Reason = Critical, "reward not called and less than "+pct(c.RewardCriticalRemaining)+" of the round remains: "+where
	case float64(v.elapsed) >= c.RewardWarnAfter*float64(v.length):
		r.State, r.Reason = Warning, "reward not called "+pct(c.RewardWarnAfter)+" into the round: "+where
	default:
		r.State, r.Reason = OK, "reward not called yet, within the grace period: "+where
		r.Details, r.Epoch = nil, ""
	}
	return r
}

// roundNotInitialized is RoundNotInitialized: reward is impossible until
// someone initializes the round.
func roundNotInitialized(in chainInput) Result {
	check, target, o, c := alert.RoundNotInitialized, alert.ChainTarget, in.obs, in.cfg.Checks
	n := &need{o: o}
	v := readRound(n, o.Round, true)
	if !n.ok() {
		return unknown(check, target, n.why)
	}
	if v.initialized {
		return ok(check, target, fmt.Sprintf("round %d is initialized", v.round))
	}
	where := fmt.Sprintf("round %d is not initialized %d of %d blocks in", v.round, v.elapsed, v.length)
	if float64(v.elapsed) >= c.RoundInitWarnAfter*float64(v.length) {
		r := failing(check, target, Warning, where+": nobody has called initializeRound(), so no reward is possible", v.details())
		r.Epoch = u64s(v.round)
		return r
	}
	return ok(check, target, where+", within the grace period")
}

// disagreement is NodeChainDisagreement: the node's current round or last
// reward round differs from the chain's (its block watcher is stuck). A
// one-round difference within BoundaryRaceBlocks of a round boundary is a
// race between the two reads, not a disagreement.
func disagreement(in accountInput) Result {
	check, node, o, a, nv := alert.NodeChainDisagreement, in.node.Name, in.obs, in.acct, in.view
	if why := nodeViewWhy(nv); why != "" {
		return unknown(check, node, why)
	}
	s := nv.Snapshot
	n := &need{o: o, addr: a.Address}
	v := readRound(n, o.Round, false)
	t := n.transcoder(a)
	if !n.ok() {
		return unknown(check, node, n.why)
	}
	if s.CurrentRound == nil || s.Transcoder.LastRewardRound == nil {
		return unknown(check, node, "the node reported no round or last reward round")
	}
	near := v.elapsed < BoundaryRaceBlocks || v.remaining <= BoundaryRaceBlocks
	var diffs []string
	for _, f := range []struct {
		what       string
		node       *big.Int
		chainValue uint64
	}{{"current round", s.CurrentRound, v.round}, {"last reward round", s.Transcoder.LastRewardRound, t.LastRewardRound}} {
		d := new(big.Int).Sub(f.node, new(big.Int).SetUint64(f.chainValue))
		if d.Sign() == 0 || (near && d.CmpAbs(big.NewInt(1)) == 0) {
			continue
		}
		diffs = append(diffs, fmt.Sprintf("%s %s on the node, %d on the chain", f.what, f.node, f.chainValue))
	}
	if len(diffs) == 0 {
		return ok(check, node, fmt.Sprintf("the node agrees with the chain: round %d, last reward round %d", v.round, t.LastRewardRound))
	}
	reason := "the node's view disagrees with the chain (its block watcher may be stuck): " + diffs[0]
	if len(diffs) > 1 {
		reason += "; " + diffs[1]
	}
	return failing(check, node, Warning, reason, map[string]string{
		"node_round": s.CurrentRound.String(), "chain_round": u64s(v.round),
		"node_last_reward_round": s.Transcoder.LastRewardRound.String(), "chain_last_reward_round": u64s(t.LastRewardRound),
	})
}

// rewardUnknown derives RewardStatusUnknown: the reward check of a node
// could not be evaluated. Its alert waits reward_unknown_for.
func rewardUnknown(results []Result) []Result {
	var out []Result
	for _, r := range results {
		if r.Check != alert.RewardNotCalled {
			continue
		}
		if r.State == Unknown {
			out = append(out, failing(alert.RewardStatusUnknown, r.Target, Warning, "reward status unknown: "+r.Reason, nil))
		} else {
			out = append(out, ok(alert.RewardStatusUnknown, r.Target, "reward status is known"))
		}
	}
	return out
}

// nodeViewWhy says why the node's own view is missing ("" when it is there).
func nodeViewWhy(nv *observe.Node) string {
	switch {
	case nv == nil:
		return "the node has not been probed yet"
	case nv.Snapshot == nil:
		return "the node API does not answer"
	}
	return ""
}
