package checks

import (
	"fmt"
	"math/big"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// chainBalance is EthBalanceLow from the chain's balance of the account.
// It watches the account that sends the reward transactions (rewardSender).
func chainBalance(in accountInput) Result {
	node, o, c := in.node.Name, in.obs, in.cfg.Checks
	snd, done := senderAccount(in, alert.EthBalanceLow)
	if done != nil {
		return *done
	}
	a := snd.acct
	if a.Balance == nil {
		return unknown(alert.EthBalanceLow, node, missingWhy(o, "account.balance", a.Address))
	}
	r := balance(node, a.Balance, c, "chain")
	if snd.caller {
		r.Reason += snd.of()
		if r.Details != nil {
			r.Details["account"] = a.Address.Hex()
		}
	}
	return r
}

// learnNonce follows the account's nonces: a stall begins when a
// transaction is pending and restarts whenever the mined nonce moves.
func (m *nodeMemory) learnNonce(at time.Time, a *chain.AccountInfo) {
	gap, ok := a.NonceGap()
	switch {
	case !ok:
	case gap == 0:
		m.stallSince = time.Time{}
	case m.stallSince.IsZero() || *a.MinedNonce != m.minedNonce:
		m.stallSince, m.minedNonce = at, *a.MinedNonce
	}
}

// txStalled is TxStalled: transactions have been pending behind the same
// mined nonce for limit. The check times the stall itself (the mined nonce
// moving restarts it), so its alert fires without a further wait. It
// watches the account that sends the reward transactions (rewardSender).
func txStalled(in accountInput) Result {
	check, node, m, limit := alert.TxStalled, in.node.Name, in.mem, in.cfg.Checks.TxStalledFor
	snd, done := senderAccount(in, check)
	if done != nil {
		return *done
	}
	a := snd.acct
	gap, known := a.NonceGap()
	if !known {
		why := missingWhy(in.obs, "account.pendingNonce", a.Address)
		if a.PendingNonce != nil {
			why = missingWhy(in.obs, "account.minedNonce", a.Address)
			if a.MinedNonce != nil {
				why = fmt.Sprintf("pending nonce %d is below mined nonce %d (the endpoint's pool is behind its head)", *a.PendingNonce, *a.MinedNonce)
			}
		}
		return unknown(check, node, why)
	}
	if gap == 0 || m.stallSince.IsZero() || m.rc.watched != a.Address {
		return ok(check, node, fmt.Sprintf("no transaction pending (nonce %d%s)", *a.MinedNonce, snd.of()))
	}
	d := in.now.Sub(m.stallSince)
	desc := fmt.Sprintf("%d transaction(s)%s pending behind mined nonce %d for %s", gap, snd.of(), *a.MinedNonce, roundDur(d))
	if d < limit {
		return ok(check, node, desc+", under the "+limit.String()+" limit")
	}
	r := failing(check, node, Critical, desc+": transactions are stuck", map[string]string{
		"pending_nonce": u64s(*a.PendingNonce), "mined_nonce": u64s(*a.MinedNonce), "gap": u64s(gap), "stalled_for": roundDur(d),
		"account": a.Address.Hex(),
	})
	r.Epoch = u64s(*a.MinedNonce)
	return r
}

// gasAboveMax is GasPriceAboveNodeMax: the chain's gas price is above the
// node's -maxGasPrice, so the node will not send reward.
func gasAboveMax(in accountInput) Result {
	check, node, o, nv := alert.GasPriceAboveNodeMax, in.node.Name, in.obs, in.view
	if snd := rewardSender(in); snd.contract != (common.Address{}) {
		return snd.byContract(check, node)
	}
	if why := nodeViewWhy(nv); why != "" {
		return unknown(check, node, why)
	}
	s := nv.Snapshot
	if err := s.Optional[nodeapi.PathMaxGasPrice]; err != nil {
		return unknown(check, node, "the node's "+nodeapi.PathMaxGasPrice+" could not be read: "+nodeapi.ReasonOf(err))
	}
	if s.MaxGasPrice == nil {
		return ok(check, node, "the node has no -maxGasPrice")
	}
	if o.GasPrice == nil {
		return unknown(check, node, missingWhy(o, "gas_price", common.Address{}))
	}
	gp, most := gwei(o.GasPrice), gwei(s.MaxGasPrice)
	if o.GasPrice.Cmp(s.MaxGasPrice) > 0 {
		return failing(check, node, Warning,
			fmt.Sprintf("gas price %s gwei is above the node's -maxGasPrice %s gwei: it will not send reward", gp, most),
			map[string]string{"gas_price_gwei": gp, "max_gas_price_gwei": most})
	}
	return ok(check, node, fmt.Sprintf("gas price %s gwei is within the node's -maxGasPrice %s gwei", gp, most))
}

// gwei renders wei as gwei with up to 3 decimals.
func gwei(wei *big.Int) string {
	return new(big.Rat).SetFrac(wei, big.NewInt(1e9)).FloatString(3)
}

// learnStake keeps the highest stake seen in the current round.
func (m *nodeMemory) learnStake(round *uint64, a *chain.AccountInfo) {
	if round == nil || a.TotalStake == nil {
		return
	}
	if m.stakeMax == nil || m.stakeRound != *round || a.TotalStake.Cmp(m.stakeMax) > 0 {
		m.stakeRound, m.stakeMax = *round, new(big.Int).Set(a.TotalStake)
	}
}

// stakeDropped is StakeDropped: a TranscoderSlashed event (critical, for
// the round it was seen in and the next), or total stake down by more than
// stake_drop_fraction from its high within the round (warning), saying
// whether delegators' Unbond events in the round account for the drop: a
// voluntary unbond is never more than a warning.
func stakeDropped(in accountInput) Result {
	check, node, o, a, m, st := alert.StakeDropped, in.node.Name, in.obs, in.acct, in.mem, in.st
	if s := st.recentSlash(a.Address, o.Round.CurrentRound); s != nil {
		r := failing(check, node, Critical,
			fmt.Sprintf("TranscoderSlashed: penalty %s LPT wei (finder %s) in tx %s at block %d", s.Penalty, s.Finder.Hex(), s.TxHash.Hex(), s.BlockNumber),
			map[string]string{"cause": "slash", "penalty": s.Penalty.String(), "finder": s.Finder.Hex(), "tx": s.TxHash.Hex(), "block": u64s(s.BlockNumber)})
		r.Epoch = s.TxHash.Hex()
		return r
	}
	n := &need{o: o, addr: a.Address}
	round := n.u64(o.Round.CurrentRound, "round.currentRound")
	stake := n.num(a.TotalStake, "account.transcoderTotalStake")
	if !n.ok() {
		return unknown(check, node, n.why)
	}
	problem := st.slashScanProblem()
	if m.stakeMax != nil && m.stakeRound == round && m.stakeMax.Sign() > 0 {
		fell := new(big.Int).Sub(m.stakeMax, stake)
		drop := new(big.Rat).SetFrac(fell, m.stakeMax)
		limit := new(big.Rat).SetFloat64(in.cfg.Checks.StakeDropFraction)
		if limit != nil && drop.Cmp(limit) > 0 {
			f, _ := drop.Float64()
			if behind := st.scanBehind(o.Block); behind != "" {
				return unknown(check, node, fmt.Sprintf("total stake fell %s within round %d, but %s", pct(f), round, behind))
			}
			unbonded, count := st.unbondsIn(a.Address, round)
			details := map[string]string{"round": u64s(round), "stake_high": m.stakeMax.String(), "stake": stake.String(),
				"unbonded": unbonded.String(), "unbonds": strconv.Itoa(count)}
			why := fmt.Sprintf("total stake fell %s within round %d: from %s to %s LPT wei; ", pct(f), round, m.stakeMax, stake)
			switch {
			case count > 0 && unbonded.Cmp(fell) >= 0:
				why += fmt.Sprintf("delegators unbonded %s LPT wei (%d Unbond event(s)): a voluntary unbond, not a slash", unbonded, count)
				details["cause"] = "unbond"
			case count > 0:
				why += fmt.Sprintf("delegators unbonded %s LPT wei (%d Unbond event(s)); no Unbond or TranscoderSlashed event explains the other %s LPT wei",
					unbonded, count, new(big.Int).Sub(fell, unbonded))
				details["cause"] = "unexplained"
			case st.events == nil:
				why += "Unbond and TranscoderSlashed events are not scanned"
				details["cause"] = "unknown"
			case problem != "":
				why += "no Unbond event explains it, and " + problem
				details["cause"] = "unknown"
			default:
				why += "no Unbond or TranscoderSlashed event explains it"
				details["cause"] = "unexplained"
			}
			r := failing(check, node, Warning, why, details)
			r.Epoch = u64s(round)
			return r
		}
	}
	if problem != "" {
		return unknown(check, node, "stake "+stake.String()+" LPT wei has not dropped, but "+problem)
	}
	return ok(check, node, fmt.Sprintf("total stake %s LPT wei, no drop within round %d", stake, round))
}
