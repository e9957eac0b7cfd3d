package checks

import (
	"fmt"
	"math/big"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// ChainStateFile is the name, in state.dir, of the chain checks' durable
// history: rounds judged, missed rounds counted, balance samples.
const ChainStateFile = "chainchecks.json"

// chainState is the history the chain checks keep between evaluations:
// the durable ledger, and in memory the stake baseline of the round, nonce
// stalls and the slashes seen.
type chainState struct {
	ledger  *ledger
	history *rewardHistory
	// observed are the active set's unconfigured accounts, by name.
	observed  map[string]string
	mem       map[string]*nodeMemory
	lastObs   time.Time
	events    *observe.ChainEvents
	slashSeen map[string]uint64
	// unbondSeen is the round each unbond was first seen in.
	unbondSeen map[string]uint64
	// callerSeen is the round each RewardCallerSet was first seen in.
	callerSeen map[string]uint64
	errs       []error
}

func newChainState() *chainState {
	return &chainState{mem: make(map[string]*nodeMemory), slashSeen: make(map[string]uint64), unbondSeen: make(map[string]uint64),
		callerSeen: make(map[string]uint64)}
}

// nodeMemory is what the checks remember of one node between observations.
type nodeMemory struct {
	stakeRound uint64
	stakeMax   *big.Int
	minedNonce uint64
	stallSince time.Time // zero while no transaction is pending
	rc         callerMemory
}

// chainInput is what one evaluation knows of the chain.
type chainInput struct {
	now time.Time
	at  time.Time
	obs *chain.Observation
	// down says why nothing can be said about the chain at all ("" when obs is usable).
	down string
	cfg  *config.Config
}

// accountInput is what one evaluation knows of one node's account on the
// chain, for the checks that read it.
type accountInput struct {
	chainInput
	node config.Node
	acct *chain.AccountInfo
	// view is the node's own view (nil before its first probe).
	view *observe.Node
	mem  *nodeMemory
	st   *chainState
}

// chainChecks evaluates the checks that read the chain: those of the
// chain itself, and those of each target's account (the [[node]]s' and
// the [[orchestrator]]s'). The accounts of the active set are observed,
// their history kept, but judged by no check.
func (e *Evaluator) chainChecks(t *table, now time.Time, snap observe.Snapshot) []Result {
	st := e.chain
	e.openLedger(now)
	in := chainInput{now: now, cfg: e.cfg}
	in.obs, in.down = ChainObservation(now, snap.Chain, e.cfg.Chain)
	if snap.Chain != nil {
		in.at, st.events = snap.Chain.At, snap.Chain.Events
	}
	targets := watchedTargets(e.cfg, snap.Chain)
	if in.down == "" && in.at.After(st.lastObs) {
		st.lastObs = in.at
		e.learn(in, snap, targets)
	}
	if in.down == "" {
		st.learnEvents(in.obs.Round.CurrentRound)
	}
	names := make(map[string]bool, len(targets))
	st.observed = map[string]string{}
	for _, tg := range targets {
		names[tg.Name] = true
		if tg.observed {
			st.observed[tg.Name] = tg.Address.Addr().Hex()
		}
	}
	st.ledger.retain(names)
	st.history.retain(names)
	for name := range st.mem {
		if !names[name] {
			delete(st.mem, name)
		}
	}
	if err := st.ledger.flush(now); err != nil {
		st.errs = append(st.errs, err)
	}
	if err := st.history.flush(now); err != nil {
		st.errs = append(st.errs, err)
	}
	out := endpointChecks(present(t.chain, e.cfg), in)
	accounts := present(t.account, e.cfg)
	for _, tg := range targets {
		if !tg.observed {
			out = append(out, e.accountChecks(accounts, tg, in, tg.probe(snap))...)
		}
	}
	return out
}

// nodeProbe is the latest probe of the node named name (nil before the first).
func nodeProbe(snap observe.Snapshot, name string) *observe.Node {
	if o, seen := snap.Node(name); seen {
		return &o
	}
	return nil
}

// ChainObservation returns the observation of the chain record c that
// describes the chain at now, or says why there is none: the chain has not
// been probed, the probe recorded no observation, or the last one is older
// than three probe intervals and a timeout (the probe is not completing).
func ChainObservation(now time.Time, c *observe.Chain, cfg config.Chain) (*chain.Observation, string) {
	switch {
	case c == nil:
		return nil, "the chain has not been probed yet"
	case c.Obs == nil:
		why := "the chain probe recorded no observation"
		if c.Reason != "" {
			why += " (" + c.Reason + ")"
		}
		return nil, why
	}
	if limit := 3*cfg.Interval + cfg.Timeout; cfg.Interval > 0 && now.Sub(c.At) > limit {
		return nil, fmt.Sprintf("the last chain observation is %s old: the chain probe is not completing", roundDur(now.Sub(c.At)))
	}
	return c.Obs, ""
}

// learn updates the history from a new observation: each target's
// ledger and memory, the verdicts of the rounds judged, and the Reward
// events seen.
func (e *Evaluator) learn(in chainInput, snap observe.Snapshot, targets []target) {
	o, st := in.obs, e.chain
	byAddr := make(map[common.Address]string, len(targets))
	for _, tg := range targets {
		if !tg.Address.Valid() {
			continue
		}
		addr := tg.Address.Addr()
		byAddr[addr] = tg.Name
		a := o.Account(addr)
		if a == nil {
			continue
		}
		m := st.memory(tg.Name)
		m.learnStake(o.Round.CurrentRound, a)
		s := rewardSender(accountInput{chainInput: in, node: tg.node(e.cfg), acct: a, view: tg.probe(snap), mem: m})
		m.learnSender(in.at, s)
		length := uint64(0)
		if o.Round.Length != nil {
			length = *o.Round.Length
		}
		name := tg.Name
		st.ledger.learn(name, addr, facts(o, a), in.at, s.address(), s.balance(), e.cfg.Checks.RunwayWindow, func(round uint64, v verdict) {
			st.history.put(name, addr, verdictRecord(round, length, v))
		})
	}
	if g, ok := geometryOf(o); ok && st.events != nil {
		st.history.foldRewards(st.events.Rewards, g, byAddr)
	}
}

// openLedger reads the durable history (the ledger and the reward
// history) on first use.
func (e *Evaluator) openLedger(now time.Time) {
	if e.chain.ledger != nil {
		return
	}
	l, err := openLedger(filepath.Join(e.cfg.State.Dir, ChainStateFile), now)
	if err != nil {
		e.chain.errs = append(e.chain.errs, err)
	}
	e.chain.ledger = l
	h, err := openHistory(filepath.Join(e.cfg.State.Dir, RewardHistoryFile), now)
	if err != nil {
		e.chain.errs = append(e.chain.errs, err)
	}
	e.chain.history = h
}

func (s *chainState) memory(node string) *nodeMemory {
	m := s.mem[node]
	if m == nil {
		m = &nodeMemory{}
		s.mem[node] = m
	}
	return m
}

// accountChecks evaluates the checks of target tg's account on the
// chain: every account check for a node, those that judge an orchestrator
// for an [[orchestrator]].
func (e *Evaluator) accountChecks(defs []*Definition, tg target, in chainInput, nv *observe.Node) []Result {
	n := tg.node(e.cfg)
	if !tg.Node {
		defs = orchestratorChecks(defs)
	}
	var a *chain.AccountInfo
	why := in.down
	switch {
	case why != "":
	case !n.ExpectedAddress.Valid():
		why = fmt.Sprintf("address %q is not an address", n.ExpectedAddress.String())
	default:
		addr := n.ExpectedAddress.Addr()
		if a = in.obs.Account(addr); a == nil {
			why = "the chain probe did not read " + addr.Hex()
			if in.obs.Endpoint == "" {
				why = noEndpoint(in.obs)
			}
		}
	}
	out := make([]Result, 0, len(defs))
	if why != "" {
		for _, d := range defs {
			out = append(out, unknown(d.Name, n.Name, why))
		}
		return out
	}
	ai := accountInput{chainInput: in, node: n, acct: a, view: nv, mem: e.chain.memory(n.Name), st: e.chain}
	for _, d := range defs {
		out = append(out, named(d, d.eval.account(ai))...)
	}
	return out
}

// roundDur renders a duration to the second.
func roundDur(d time.Duration) string { return d.Round(time.Second).String() }
