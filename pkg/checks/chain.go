package checks

import (
	"fmt"
	"math/big"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/alert"
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
	ledger    *ledger
	mem       map[string]*nodeMemory
	lastObs   time.Time
	events    *ChainEvents
	slashSeen map[string]uint64
	// unbondSeen is the round each unbond was first seen in.
	unbondSeen map[string]uint64
	errs       []error
}

func newChainState() *chainState {
	return &chainState{mem: make(map[string]*nodeMemory), slashSeen: make(map[string]uint64), unbondSeen: make(map[string]uint64)}
}

// nodeMemory is what the checks remember of one node between observations.
type nodeMemory struct {
	stakeRound uint64
	stakeMax   *big.Int
	minedNonce uint64
	stallSince time.Time // zero while no transaction is pending
}

// chainInput is what one evaluation knows of the chain.
type chainInput struct {
	now time.Time
	at  time.Time
	obs *chain.Observation
	// down says why nothing can be said about the chain at all ("" when obs is usable).
	down string
}

// chainChecks evaluates the checks that read the chain.
func (e *Evaluator) chainChecks(now time.Time, snap observe.Snapshot) []Result {
	st := e.chain
	e.openLedger(now)
	in := chainInputOf(now, snap.Chain, e.cfg.Chain)
	if in.down == "" && in.at.After(st.lastObs) {
		st.lastObs = in.at
		e.learn(in)
	}
	if in.down == "" {
		st.learnEvents(in.obs.Round.CurrentRound)
	}
	names := make(map[string]bool, len(e.cfg.Nodes))
	for _, n := range e.cfg.Nodes {
		names[n.Name] = true
	}
	st.ledger.retain(names)
	for name := range st.mem {
		if !names[name] {
			delete(st.mem, name)
		}
	}
	if err := st.ledger.flush(now); err != nil {
		st.errs = append(st.errs, err)
	}
	out := e.endpointChecks(in)
	for _, n := range e.cfg.Nodes {
		o, seen := snap.Node(n.Name)
		var nv *observe.Node
		if seen {
			nv = &o
		}
		out = append(out, e.nodeChainChecks(n, in, nv)...)
	}
	return out
}

// chainInputOf picks the usable observation out of the store's record.
func chainInputOf(now time.Time, c *observe.Chain, cfg config.Chain) chainInput {
	in := chainInput{now: now}
	if c == nil {
		in.down = "the chain has not been probed yet"
		return in
	}
	in.at = c.At
	obs, _ := c.Obs.(*chain.Observation)
	if obs == nil {
		in.down = "the chain probe recorded no observation"
		if c.Reason != "" {
			in.down += " (" + c.Reason + ")"
		}
		return in
	}
	if limit := 3*cfg.Interval + cfg.Timeout; cfg.Interval > 0 && now.Sub(c.At) > limit {
		in.down = fmt.Sprintf("the last chain observation is %s old: the chain probe is not completing", roundDur(now.Sub(c.At)))
		return in
	}
	in.obs = obs
	return in
}

// learn updates the history from a new observation.
func (e *Evaluator) learn(in chainInput) {
	o := in.obs
	for _, n := range e.cfg.Nodes {
		addr, ok := nodeAddress(n)
		if !ok {
			continue
		}
		a := o.Account(addr)
		if a == nil {
			continue
		}
		m := e.chain.memory(n.Name)
		m.learnStake(o.Round.CurrentRound, a)
		m.learnNonce(in.at, a)
		e.chain.ledger.learn(n.Name, addr, facts(o, a), in.at, a.Balance, e.cfg.Checks.RunwayWindow)
	}
}

// openLedger reads the durable history on first use.
func (e *Evaluator) openLedger(now time.Time) {
	if e.chain.ledger != nil {
		return
	}
	l, err := openLedger(filepath.Join(e.cfg.State.Dir, ChainStateFile), now)
	if err != nil {
		e.chain.errs = append(e.chain.errs, err)
	}
	e.chain.ledger = l
}

func (s *chainState) memory(node string) *nodeMemory {
	m := s.mem[node]
	if m == nil {
		m = &nodeMemory{}
		s.mem[node] = m
	}
	return m
}

// nodeAddress parses a node's expected address.
func nodeAddress(n config.Node) (common.Address, bool) {
	if !common.IsHexAddress(n.ExpectedAddress) {
		return common.Address{}, false
	}
	return common.HexToAddress(n.ExpectedAddress), true
}

// chainNodeChecks lists the per-node checks that read the chain.
func chainNodeChecks() []string {
	return []string{alert.RewardNotCalled, alert.RewardRoundMissed, alert.NodeChainDisagreement, alert.StakeDropped,
		alert.EthBalanceLow, alert.EthRunwayShort, alert.TxStalled, alert.GasPriceAboveNodeMax}
}

// nodeChainChecks evaluates the per-node chain checks of n.
func (e *Evaluator) nodeChainChecks(n config.Node, in chainInput, nv *observe.Node) []Result {
	var out []Result
	addr, okAddr := nodeAddress(n)
	var a *chain.AccountInfo
	why := in.down
	switch {
	case why != "":
	case !okAddr:
		why = fmt.Sprintf("expected_address %q is not an address", n.ExpectedAddress)
	default:
		if a = in.obs.Account(addr); a == nil {
			why = "the chain probe did not read " + addr.Hex()
			if in.obs.Endpoint == "" {
				why = noEndpoint(in.obs)
			}
		}
	}
	if why != "" {
		for _, c := range chainNodeChecks() {
			out = append(out, unknown(c, n.Name, why))
		}
		return out
	}
	c := e.cfg.Checks
	mem := e.chain.memory(n.Name)
	out = append(out,
		rewardChain(n.Name, in.obs, a, c),
		e.chain.ledger.missed(n.Name, in.obs, a),
		disagreement(n.Name, in.obs, a, nv),
		e.stakeDropped(n.Name, in.obs, a, mem),
		chainBalance(n.Name, in.obs, a, c),
		e.chain.ledger.runway(n.Name, in.now, a, c),
		txStalled(n.Name, in, a, mem, c.TxStalledFor),
		gasAboveMax(n.Name, in.obs, nv),
	)
	return out
}

// roundDur renders a duration to the second.
func roundDur(d time.Duration) string { return d.Round(time.Second).String() }
