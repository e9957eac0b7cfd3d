package status

import (
	"fmt"
	"time"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// Chain is the chain section of /status. It holds endpoint names (never
// URLs) and read failure reasons (never raw errors).
type Chain struct {
	ObservedAt  time.Time        `json:"observed_at"`
	Error       string           `json:"error,omitempty"`
	InUse       string           `json:"endpoint_in_use,omitempty"`
	Endpoints   []Endpoint       `json:"endpoints"`
	References  []Endpoint       `json:"references,omitempty"`
	Contracts   *chain.Contracts `json:"contracts,omitempty"`
	Round       *uint64          `json:"round,omitempty"`
	Initialized *bool            `json:"round_initialized,omitempty"`
	BlocksLeft  *uint64          `json:"round_blocks_remaining,omitempty"`
	RoundLength *uint64          `json:"round_length,omitempty"`
	GasPriceWei string           `json:"gas_price_wei,omitempty"`
	// BlockSeconds is the time a round block (blockNum(), L1 on Arbitrum)
	// takes, estimated from the heads observed recently.
	BlockSeconds *float64  `json:"block_seconds,omitempty"`
	Accounts     []Account `json:"accounts"`
	// RPCCalls, RPCRoundTrips and RPCBytes are the latest cycle's calls,
	// the requests they went in and their JSON size; Multicall says
	// whether its contract reads went in Multicall3 aggregate3 calls.
	RPCCalls      int      `json:"rpc_calls"`
	RPCRoundTrips int      `json:"rpc_round_trips"`
	RPCBytes      int      `json:"rpc_bytes"`
	Multicall     bool     `json:"multicall"`
	FailedReads   []string `json:"failed_reads,omitempty"`
	SlashesFound  int      `json:"slashes_found"`
}

// ReadsText says how the latest cycle read the chain: "42 calls in 2
// round trips (3.1 kB), Multicall3".
func (c *Chain) ReadsText() string {
	s := fmt.Sprintf("%d calls in %d round trips (%.1f kB)", c.RPCCalls, c.RPCRoundTrips, float64(c.RPCBytes)/1000)
	if c.Multicall {
		s += ", Multicall3"
	}
	return s
}

// Endpoint is one chain endpoint in /status.
type Endpoint struct {
	Name       string   `json:"name"`
	Healthy    bool     `json:"healthy"`
	ChainID    string   `json:"chain_id,omitempty"`
	Head       *uint64  `json:"head,omitempty"`
	HeadAgeSec *float64 `json:"head_age_seconds,omitempty"`
	Syncing    *bool    `json:"syncing,omitempty"`
	Peers      *uint64  `json:"peers,omitempty"`
	Reason     string   `json:"reason,omitempty"`
}

// Account kinds.
const (
	KindNode         = "node"
	KindOrchestrator = "orchestrator"
	// KindActiveSet is an orchestrator of the active set that is not
	// configured: observed, no alert.
	KindActiveSet = "active_set"
)

// Account is one monitored account in /status.
type Account struct {
	Node            string   `json:"node"`
	Kind            string   `json:"kind"`
	Address         string   `json:"address"`
	Registered      *bool    `json:"registered,omitempty"`
	StakeLPT        *float64 `json:"stake_lpt,omitempty"`
	LastRewardRound *uint64  `json:"last_reward_round,omitempty"`
	Active          *bool    `json:"active,omitempty"`
	BalanceEther    *float64 `json:"balance_ether,omitempty"`
	PendingNonce    *uint64  `json:"pending_nonce,omitempty"`
	MinedNonce      *uint64  `json:"mined_nonce,omitempty"`
	MissedRounds    uint64   `json:"missed_rounds_total"`
	RunwayDays      *float64 `json:"runway_days,omitempty"`
	// RewardCaller is the orchestrator's reward caller (nil until read).
	RewardCaller *RewardCaller `json:"reward_caller,omitempty"`
	// Rounds is the reward history, oldest first.
	Rounds []checks.RoundRecord `json:"rounds,omitempty"`
}

// ChainFacts is what chain monitoring knows beyond the latest
// observation: the chain checks' per-node facts.
type ChainFacts struct {
	Nodes map[string]checks.NodeChainFacts
}

// InUseEndpoint returns the endpoint the observation was read from (nil
// when none was).
func (c *Chain) InUseEndpoint() *Endpoint {
	for i, e := range c.Endpoints {
		if e.Name == c.InUse {
			return &c.Endpoints[i]
		}
	}
	return nil
}

// buildChain builds the chain section (nil without a chain).
func buildChain(now time.Time, cfg *config.Config, snap observe.Snapshot, facts ChainFacts) *Chain {
	if len(cfg.Chain.URLs) == 0 {
		return nil
	}
	st := &Chain{Endpoints: []Endpoint{}, Accounts: []Account{}}
	var o *chain.Observation
	if c := snap.Chain; c != nil {
		st.ObservedAt, st.Error, o = c.At, c.Reason, c.Obs
		if c.Events != nil {
			st.SlashesFound = len(c.Events.Slashes)
		}
		if c.BlockTime > 0 {
			secs := c.BlockTime.Seconds()
			st.BlockSeconds = &secs
		}
	}
	if o != nil {
		st.InUse, st.Contracts = o.Endpoint, o.Contracts
		st.RPCCalls, st.RPCRoundTrips, st.RPCBytes, st.Multicall = o.Calls, o.RoundTrips, o.Bytes, o.Multicall
		st.Round, st.Initialized, st.RoundLength = o.Round.CurrentRound, o.Round.Initialized, o.Round.Length
		if rem, ok := o.Round.Remaining(); ok {
			st.BlocksLeft = &rem
		}
		if o.GasPrice != nil {
			st.GasPriceWei = o.GasPrice.String()
		}
		st.Endpoints = endpoints(now, o.Endpoints)
		st.References = endpoints(now, o.References)
		for _, e := range o.Errors {
			st.FailedReads = append(st.FailedReads, e.Endpoint+" "+e.Field+": "+e.Reason)
		}
	}
	for _, t := range accountTargets(cfg, facts) {
		st.Accounts = append(st.Accounts, accountOf(t, facts.Nodes[t.name], o))
	}
	return st
}

func endpoints(now time.Time, hs []chain.EndpointHealth) []Endpoint {
	out := make([]Endpoint, 0, len(hs))
	for _, h := range hs {
		es := Endpoint{Name: h.Name, Healthy: h.Healthy, Peers: h.Peers, Reason: h.Reason}
		if h.ChainID != nil {
			es.ChainID = h.ChainID.String()
		}
		if h.Head != nil {
			n := h.Head.Number
			age := h.Head.Age(now).Seconds()
			es.Head, es.HeadAgeSec = &n, &age
		}
		if h.Sync != nil {
			s := h.Sync.BlockSyncing()
			es.Syncing = &s
		}
		out = append(out, es)
	}
	return out
}
