package checks

import (
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// callerMemory is what the checks remember of a node's LIP-118 reward
// caller and of the account the node runs as, so that a failed read or a
// node that is down for a moment does not move the balance and nonce
// checks from one account to another.
type callerMemory struct {
	// caller is the orchestrator's reward caller as last read (nil: never).
	caller *chain.RewardCaller
	// nodeAddr is the account the node last reported (zero: never).
	nodeAddr common.Address
	// watched is the account whose nonces the stall timer follows.
	watched common.Address
	// last is the sender decided from the latest observation.
	last sender
}

// callerInfo is what one evaluation knows of a node's reward caller.
type callerInfo struct {
	// caller is the orchestrator's reward caller; nil when it has never
	// been read.
	caller *chain.RewardCaller
	// pending says why the caller is not known yet although the chain
	// may tell it soon (not probed yet, no usable observation); "" when
	// it is known, or when the chain could not read it (a contract
	// without reward callers answers no caller at all).
	pending string
}

// learnCaller returns what is known of n's reward caller at now: the
// current chain observation's reading, else the last one remembered. It
// also remembers the account the node reports.
func (e *Evaluator) learnCaller(now time.Time, snap observe.Snapshot, n config.Node) callerInfo {
	if !e.WithChain() || !n.ExpectedAddress.Valid() {
		return callerInfo{}
	}
	m := &e.chain.memory(n.Name).rc
	if o, seen := snap.Node(n.Name); seen && o.Snapshot != nil {
		if a, ok := nodeAccount(o.Snapshot); ok {
			m.nodeAddr = a
		}
	}
	obs, why := ChainObservation(now, snap.Chain, e.cfg.Chain)
	var a *chain.AccountInfo
	if why == "" {
		if a = obs.Account(n.ExpectedAddress.Addr()); a == nil {
			why = "the chain probe did not read " + n.ExpectedAddress.String()
		}
	}
	switch {
	case why == "" && a.RewardCaller != nil:
		c := *a.RewardCaller
		m.caller = &c
	case m.caller == nil && why != "":
		return callerInfo{pending: why}
	}
	return callerInfo{caller: m.caller}
}

// nodeAccount is the account the node reports: /ethAddr, or the address
// of its transcoder record.
func nodeAccount(s *nodeapi.Snapshot) (common.Address, bool) {
	addr := s.Address
	if addr == "" {
		addr = s.Transcoder.Address
	}
	if !common.IsHexAddress(addr) {
		return common.Address{}, false
	}
	return common.HexToAddress(addr), true
}

// sender is the account that sends the orchestrator's reward
// transactions, as the balance, runway, nonce and gas checks watch it.
type sender struct {
	// acct is that account's chain record; nil when a contract sends
	// them or the account could not be read (why).
	acct *chain.AccountInfo
	// contract is the keeper contract that calls reward (zero: none).
	contract common.Address
	// caller is set when the account is the orchestrator's reward caller.
	caller bool
	why    string
}

// rewardSender decides who sends the reward transactions of the account
// in in: a contract caller (nothing of the operator's), an account caller
// that the node runs as, or else the orchestrator itself.
func rewardSender(in accountInput) sender {
	a, m := in.acct, &in.mem.rc
	rc, fresh := a.RewardCaller, a.RewardCaller != nil
	if !fresh {
		rc = m.caller
	}
	if rc == nil || !rc.Set() {
		return sender{acct: a}
	}
	if rc.IsContract() {
		return sender{contract: rc.Address}
	}
	node := m.nodeAddr
	if in.view != nil && in.view.Snapshot != nil {
		if addr, ok := nodeAccount(in.view.Snapshot); ok {
			node = addr
		}
	}
	if node != rc.Address {
		return sender{acct: a}
	}
	switch {
	case !fresh:
		return sender{caller: true, why: fmt.Sprintf("the node runs as the reward caller %s, but the reward caller could not be read now (%s)",
			rc.Address.Hex(), missingWhy(in.obs, chain.FieldRewardCaller, a.Address))}
	case rc.Account == nil:
		return sender{caller: true, why: "the reward caller " + rc.Address.Hex() + "'s account was not read"}
	}
	return sender{acct: rc.Account, caller: true}
}

// byContract is the ok result of a check that watches the reward
// sender's account when a contract sends the reward.
func (s sender) byContract(check, node string) Result {
	return ok(check, node, fmt.Sprintf("rewarded by contract %s: no account of the operator sends the reward transaction, reward is watched on-chain only", s.contract.Hex()))
}

// of names the watched account in a result's text.
func (s sender) of() string {
	if s.caller {
		return " of reward caller " + s.acct.Address.Hex()
	}
	return ""
}

// senderAccount returns the account check watches, or the result to give
// instead: ok when a contract sends the reward, unknown when the account
// could not be read.
func senderAccount(in accountInput, check string) (sender, *Result) {
	s := rewardSender(in)
	switch {
	case s.contract != (common.Address{}):
		r := s.byContract(check, in.node.Name)
		return s, &r
	case s.acct == nil:
		r := unknown(check, in.node.Name, s.why)
		return s, &r
	}
	return s, nil
}

// learnSender follows the nonces and balance of the account that sends
// the reward transactions; the stall timer restarts when that account
// changes.
func (m *nodeMemory) learnSender(at time.Time, s sender) {
	m.rc.last = s
	if s.acct == nil {
		return
	}
	if m.rc.watched != s.acct.Address {
		m.rc.watched, m.stallSince = s.acct.Address, time.Time{}
	}
	m.learnNonce(at, s.acct)
}

// callerText describes an orchestrator's reward caller.
func callerText(rc *chain.RewardCaller) string {
	switch {
	case !rc.Set():
		return "none"
	case rc.IsContract():
		return rc.Address.Hex() + " (a contract)"
	case rc.IsAccount():
		return rc.Address.Hex() + " (an account)"
	}
	return rc.Address.Hex()
}

// balance is the balance the runway samples: nil when a contract sends
// the reward or the account was not read.
func (s sender) balance() *big.Int {
	if s.acct == nil {
		return nil
	}
	return s.acct.Balance
}

// address is the watched account (zero when there is none).
func (s sender) address() common.Address {
	if s.acct == nil {
		return common.Address{}
	}
	return s.acct.Address
}

// learnCallerEvents notes the round in which each RewardCallerSet was
// first seen.
func (s *chainState) learnCallerEvents(round uint64) {
	metas := make([]chain.EventMeta, 0, len(s.events.RewardCallers))
	for _, ev := range s.events.RewardCallers {
		metas = append(metas, ev.EventMeta)
	}
	learnSeen(s.callerSeen, round, metas)
}

// recentCallerSet returns the latest RewardCallerSet of addr seen in this
// round or the previous one.
func (s *chainState) recentCallerSet(addr common.Address, round *uint64) *chain.RewardCallerSetEvent {
	if s.events == nil {
		return nil
	}
	return latestRecent(s.events.RewardCallers, s.callerSeen, round, func(ev chain.RewardCallerSetEvent) (chain.EventMeta, bool) {
		return ev.EventMeta, ev.Transcoder == addr
	})
}

// callerEvents names the events the reward caller checks scan.
const callerEvents = "RewardCallerSet"

// rewardCallerChanged is RewardCallerChanged: a RewardCallerSet event for
// the orchestrator (critical for the round it was seen in and the next;
// one that sets the configured expected_reward_caller is expected), or its
// reward caller on-chain differs from expected_reward_caller: the cold key
// was used, or something else set it.
func rewardCallerChanged(in accountInput) Result {
	check, n, o, a, st := alert.RewardCallerChanged, in.node, in.obs, in.acct, in.st
	exp, configured := n.ExpectedRewardCaller.Addr(), n.ExpectedRewardCaller.String() != ""
	orch := a.Address.Hex()
	if ev := st.recentCallerSet(a.Address, o.Round.CurrentRound); ev != nil && (!configured || ev.RewardCaller != exp) {
		to := "set to " + ev.RewardCaller.Hex()
		if ev.RewardCaller == (common.Address{}) {
			to = "unset"
		}
		r := failing(check, n.Name, Critical,
			fmt.Sprintf("RewardCallerSet in tx %s at block %d: the reward caller of %s was %s; only the orchestrator's key can do that",
				ev.TxHash.Hex(), ev.BlockNumber, orch, to),
			map[string]string{"cause": "event", "orchestrator": orch, "reward_caller": ev.RewardCaller.Hex(), "tx": ev.TxHash.Hex(), "block": u64s(ev.BlockNumber)})
		r.Epoch = ev.TxHash.Hex()
		return r
	}
	rc := a.RewardCaller
	if rc == nil {
		return unknown(check, n.Name, missingWhy(o, chain.FieldRewardCaller, a.Address))
	}
	if configured && rc.Address != exp {
		if behind := st.scanBehindOf(callerEvents, o.Block); behind != "" {
			// The event that set it is judged with the mapping, next time.
			return unknown(check, n.Name, fmt.Sprintf("the reward caller of %s is %s, expected %s, but %s", orch, callerText(rc), exp.Hex(), behind))
		}
		r := failing(check, n.Name, Critical,
			fmt.Sprintf("the reward caller of %s is %s, expected %s (expected_reward_caller)", orch, callerText(rc), n.ExpectedRewardCaller.String()),
			map[string]string{"cause": "mapping", "orchestrator": orch, "reward_caller": rc.Address.Hex(), "expected": exp.Hex()})
		r.Epoch = rc.Address.Hex()
		return r
	}
	desc := fmt.Sprintf("reward caller of %s: %s", orch, callerText(rc))
	if configured {
		return ok(check, n.Name, desc+", as expected")
	}
	if problem := st.scanProblemOf(callerEvents); problem != "" {
		return unknown(check, n.Name, desc+", but "+problem)
	}
	return ok(check, n.Name, desc+", not changed recently")
}

// rewardCallerUnauthorized is RewardCallerUnauthorized: the node runs as
// an account that is neither the orchestrator nor its reward caller, so
// every reward it sends reverts ("caller must be a reward caller set by
// the transcoder") and its reward service fails every round.
func rewardCallerUnauthorized(in accountInput) Result {
	check, n, o, a, nv := alert.RewardCallerUnauthorized, in.node, in.obs, in.acct, in.view
	if why := nodeViewWhy(nv); why != "" {
		return unknown(check, n.Name, why)
	}
	node, known := nodeAccount(nv.Snapshot)
	if !known {
		return unknown(check, n.Name, "the node reported no ETH address")
	}
	rc := a.RewardCaller
	if rc == nil {
		return unknown(check, n.Name, missingWhy(o, chain.FieldRewardCaller, a.Address))
	}
	orch := a.Address.Hex()
	switch node {
	case a.Address:
		return ok(check, n.Name, fmt.Sprintf("the node runs as the orchestrator %s (reward caller: %s)", orch, callerText(rc)))
	case rc.Address:
		return ok(check, n.Name, fmt.Sprintf("the node runs as the reward caller %s of %s", node.Hex(), orch))
	}
	r := failing(check, n.Name, Critical,
		fmt.Sprintf("the node runs as %s, which is neither the orchestrator %s nor its reward caller (%s): every reward it sends reverts, its reward service fails every round",
			node.Hex(), orch, callerText(rc)),
		map[string]string{"address": node.Hex(), "orchestrator": orch, "reward_caller": rc.Address.Hex()})
	r.Epoch = node.Hex() + "/" + rc.Address.Hex()
	return r
}

// RewardSender says who sends a node's reward transactions, as the chain
// checks decided it from the latest observation.
type RewardSender struct {
	// Caller is the orchestrator's reward caller as last read (nil: never).
	Caller *chain.RewardCaller
	// Account is the account the balance, runway and nonce checks watch
	// (nil when a contract rewards, or nothing is known); only its
	// address, balance and nonces are set.
	Account *chain.AccountInfo
	// Contract is the contract that calls reward (zero: none).
	Contract common.Address
	// AsCaller is set when Account is the reward caller the node runs as.
	AsCaller bool
}

// senderFacts is what memory m says of the reward sender.
func (m *nodeMemory) senderFacts() RewardSender {
	return RewardSender{Caller: m.rc.caller, Account: m.rc.last.acct, Contract: m.rc.last.contract, AsCaller: m.rc.last.caller}
}
