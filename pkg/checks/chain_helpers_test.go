package checks

import (
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// Round geometry of the test observations: round 100 starts at block
// 10000 and lasts 100 blocks.
const (
	tRound  = 100
	tLength = 100
	tStart  = 10000
	tNode   = "tc001"
	tHex    = "0x5bE44e23041E93CDF9bCd5A0968524e104e38ae1"
	tLocal  = "http://127.0.0.1:8545"
)

func tAddr() common.Address { return common.HexToAddress(tHex) }

func tTime() time.Time { return time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC) }

// chainConfig watches one node and one chain endpoint with the defaults.
func chainConfig(t *testing.T) *config.Config {
	cfg := config.Default()
	cfg.State.Dir = t.TempDir()
	cfg.Host.Enabled = false
	cfg.Chain.URLs = []string{tLocal}
	cfg.Chain.ChainID = 1337
	cfg.Nodes = []config.Node{{Name: tNode, URL: "http://127.0.0.1:7935", API: "current", ExpectedAddress: config.ParseAddress(tHex),
		Interval: 15 * time.Second, Timeout: 5 * time.Second, Metrics: "off"}}
	return cfg
}

func u64p(v uint64) *uint64 { return &v }

func boolp(v bool) *bool { return &v }

func ether(milli int64) *big.Int { return new(big.Int).Mul(big.NewInt(milli), big.NewInt(1e15)) }

// healthyObs is a good observation at now: round tRound initialized,
// elapsed blocks into it, the node active with lastRewardRound last.
func healthyObs(now time.Time, elapsed, last uint64) *chain.Observation {
	head := &chain.Head{Number: 500, Time: uint64(now.Add(-10 * time.Second).Unix())}
	return &chain.Observation{
		Started: now, Finished: now, Endpoint: tLocal, Block: head,
		Endpoints: []chain.EndpointHealth{{Name: tLocal, ChainID: big.NewInt(1337), Head: head,
			Sync: &chain.SyncStatus{}, Peers: u64p(5), Healthy: true}},
		Contracts: &chain.Contracts{},
		Round: chain.RoundInfo{CurrentRound: u64p(tRound), Initialized: boolp(true), Length: u64p(tLength),
			StartBlock: u64p(tStart), BlockNum: u64p(tStart + elapsed), Locked: boolp(false), LastInitializedRound: u64p(tRound)},
		GasPrice: big.NewInt(2e9),
		Accounts: []chain.AccountInfo{{
			Address: tAddr(), Active: boolp(true), TotalStake: ether(1000000), Balance: ether(1000),
			PendingNonce: u64p(7), MinedNonce: u64p(7),
			Transcoder: &chain.Transcoder{Layout: chain.LayoutCurrent, LastRewardRound: last,
				ActivationRound: big.NewInt(50), DeactivationRound: new(big.Int).Lsh(big.NewInt(1), 255)},
		}},
	}
}

// atRound moves an observation to round r, elapsed blocks in.
func atRound(o *chain.Observation, r, elapsed uint64) *chain.Observation {
	start := tStart + (r-tRound)*tLength
	o.Round.CurrentRound, o.Round.StartBlock, o.Round.BlockNum = u64p(r), u64p(start), u64p(start+elapsed)
	o.Round.LastInitializedRound = u64p(r)
	return o
}

// fail removes a read from an observation and records its error.
func fail(o *chain.Observation, field string, addr common.Address, err error) {
	o.Errors = append(o.Errors, chain.ReadError{Endpoint: tLocal, Address: addr, Field: field, Reason: chain.Reason(err), Err: err})
}

// nodeView is the node's own view: round and last reward round.
func nodeView(round, last uint64) *observe.Node {
	return &observe.Node{Name: tNode, Snapshot: &nodeapi.Snapshot{
		Generation: nodeapi.Current, Address: tHex, CurrentRound: new(big.Int).SetUint64(round),
		RoundInitialized: boolp(true), Optional: map[string]error{},
		Transcoder: nodeapi.Transcoder{Address: strings.ToLower(tHex), LastRewardRound: new(big.Int).SetUint64(last),
			Active: true, Status: nodeapi.StatusRegistered},
	}}
}

// snapshot is a store snapshot with a chain observation taken at now.
func snapshot(now time.Time, o *chain.Observation, n *observe.Node) observe.Snapshot {
	s := observe.Snapshot{Chain: &observe.Chain{At: now, Obs: o}}
	if o != nil && o.Endpoint == "" {
		s.Chain.Err, s.Chain.Reason = chain.ErrNoEndpoint, chain.ReasonNoEndpoint
	}
	if n != nil {
		s.Nodes = []observe.Node{*n}
	}
	return s
}

// withEvents gives the chain record of snap what the log scans found.
func withEvents(snap observe.Snapshot, ev observe.ChainEvents) observe.Snapshot {
	snap.Chain.Events = &ev
	return snap
}

// want checks a result's state and that its reason mentions each of words.
func want(t *testing.T, r Result, s State, words ...string) {
	t.Helper()
	if r.State != s {
		t.Errorf("%s/%s = %s (%s), want %s", r.Check, r.Target, r.State, r.Reason, s)
	}
	for _, w := range words {
		if !strings.Contains(r.Reason, w) {
			t.Errorf("%s/%s reason %q lacks %q", r.Check, r.Target, r.Reason, w)
		}
	}
}

// errTimeout is a read that timed out.
func errTimeout() error { return &timeoutErr{} }

type timeoutErr struct{}

func (*timeoutErr) Error() string   { return "i/o timeout" }
func (*timeoutErr) Timeout() bool   { return true }
func (*timeoutErr) Temporary() bool { return true }

// syncingAt is an eth_syncing answer behind by some blocks.
func syncingAt(current, highest uint64) *chain.SyncStatus {
	return &chain.SyncStatus{Progress: &ethereum.SyncProgress{CurrentBlock: current, HighestBlock: highest}}
}
