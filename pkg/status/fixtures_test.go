package status

import (
	"errors"
	"math"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
	"github.com/lpwatch/lpwatch/pkg/alert/outbox"
	"github.com/lpwatch/lpwatch/pkg/alert/pagerduty"
	"github.com/lpwatch/lpwatch/pkg/alert/webhook"
	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/observe"
	"github.com/lpwatch/lpwatch/pkg/remediation"
)

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

const (
	addr1 = "0x71562b71999873DB5b286dF957af199Ec94617F7"
	addr2 = "0x000000000000000000000000000000000000bEEF"
)

func u64(v uint64) *uint64 { return &v }
func flag(v bool) *bool    { return &v }

// fleetConfig watches tc001 (answering) and tc002 (down), optionally with a chain.
func fleetConfig(withChain bool) *config.Config {
	cfg := config.Default()
	cfg.Nodes = []config.Node{
		{Name: "tc001", URL: "http://10.0.0.1:7935", API: "auto", ExpectedAddress: config.ParseAddress(addr1)},
		{Name: "tc002", URL: "http://10.0.0.2:7935", API: "legacy", ExpectedAddress: config.ParseAddress(addr2)},
	}
	cfg.Alert.Sinks = []config.Sink{
		{Name: "pd", Type: "pagerduty", Settings: &pagerduty.Section{RoutingKey: "pd-routing-key"}},
		{Name: "hook", Type: "webhook", Settings: &webhook.Section{EndpointSection: httpsink.EndpointSection{
			URL: "https://hooks.example.com/T0/secret-path?token=secret-query"}}},
	}
	cfg.Chain.URLs = nil
	if withChain {
		cfg.Chain.URLs = []string{"https://arb.example.com/v2/api-key-123"}
		cfg.Chain.ReferenceURLs = []string{"https://ref.example.com"}
	}
	return cfg
}

// nodeSnapshot has tc001 answering with its view and tc002 failing.
func nodeSnapshot() observe.Snapshot {
	return observe.Snapshot{Nodes: []observe.Node{
		{Name: "tc001", At: t0, LastOK: t0.Add(-5 * time.Second), Snapshot: &nodeapi.Snapshot{
			Generation: nodeapi.Current, Address: addr1, Version: "0.8.5", CurrentRound: big.NewInt(4253),
			RoundInitialized: flag(true), EthBalance: new(big.Int).Mul(big.NewInt(15), big.NewInt(1e17)),
			Transcoder: nodeapi.Transcoder{LastRewardRound: big.NewInt(4252), Active: true},
		}},
		{Name: "tc002", At: t0, LastOK: t0.Add(-10 * time.Minute), Err: errors.New("dial tcp: connection refused"), Reason: "connection_refused"},
	}}
}

// chainObservation is a cycle read from the first endpoint at block 100,
// 30 s old, in round 4253 with 24 blocks left.
func chainObservation() *chain.Observation {
	head := &chain.Head{Number: 100, Time: uint64(t0.Add(-30 * time.Second).Unix())}
	return &chain.Observation{
		Endpoint: "https://arb.example.com", Block: head,
		Endpoints: []chain.EndpointHealth{{Name: "https://arb.example.com", ChainID: big.NewInt(42161), Head: head, Healthy: true,
			Sync: &chain.SyncStatus{}, Peers: u64(7)}},
		References: []chain.EndpointHealth{{Name: "https://ref.example.com", Reason: "timeout"}},
		Contracts:  &chain.Contracts{Controller: common.HexToAddress("0x1"), RoundsManager: common.HexToAddress("0x2"), BondingManager: common.HexToAddress("0x3")},
		Round:      chain.RoundInfo{CurrentRound: u64(4253), Initialized: flag(true), Length: u64(60), StartBlock: u64(1000), BlockNum: u64(1036)},
		GasPrice:   big.NewInt(10_000_000),
		Accounts: []chain.AccountInfo{{Address: common.HexToAddress(addr1), Transcoder: &chain.Transcoder{LastRewardRound: 4253},
			Active: flag(true), Balance: big.NewInt(2e18), PendingNonce: u64(12), MinedNonce: u64(10)}},
		Errors: []chain.ReadError{{Endpoint: "https://arb.example.com", Field: "account.stake", Reason: "timeout"}},
		Calls:  17, RoundTrips: 2, Bytes: 3100, Multicall: true,
	}
}

// restarts is a ledger of seven restarts, one a day apart from t0 back,
// given oldest last to check the page sorts them.
func restarts() *remediation.Status {
	st := &remediation.Status{Activity: map[string]remediation.Activity{"ladder": {What: "restarting geth.service", Since: t0}}}
	for i := 0; i < 7; i++ {
		at := t0.Add(-time.Duration(i)*24*time.Hour - time.Hour)
		st.Restarts = append(st.Restarts, remediation.Entry{Unit: "geth.service", Target: "chain", At: at, Result: "recovered", Why: "EthNodeHeadStale"})
	}
	return st
}

// fullInputs is every input set, with a chain.
func fullInputs() Inputs {
	return Inputs{
		Now: t0, Version: "v1.2.3", StartedAt: t0.Add(-time.Hour), Config: fleetConfig(true),
		Checks: []Check{
			{Result: checks.Result{Check: alert.LivepeerNodeDown, Target: "tc001", State: checks.OK, Reason: "answering"}, Since: t0.Add(-time.Hour)},
			{Result: checks.Result{Check: alert.RewardNotCalled, Target: "tc001", State: checks.Warning, Reason: "reward not called 60% into the round"}, Since: t0.Add(-time.Minute)},
			{Result: checks.Result{Check: alert.LivepeerNodeDown, Target: "tc002", State: checks.Warning, Reason: "down for 10m"}, Since: t0.Add(-10 * time.Minute)},
		},
		Alerts: []alert.View{
			{Alert: alert.RewardNotCalled, Target: "tc001", Phase: alert.PhaseFiring, Severity: alert.SeverityWarning, Reason: "reward not called",
				PendingSince: t0.Add(-3 * time.Minute), FiringSince: t0.Add(-90 * time.Second), Cause: "EthNodeHeadStale"},
			{Alert: alert.LivepeerNodeDown, Target: "tc002", Phase: alert.PhasePending, Severity: alert.SeverityCritical, Reason: "down", PendingSince: t0.Add(-40 * time.Second)},
		},
		Silences: []alert.Silence{{ID: "s1", Alert: alert.DiskSpaceLow, Comment: "resizing the volume", StartsAt: t0, EndsAt: t0.Add(2 * time.Hour)}},
		Sinks: []outbox.SinkHealth{
			{Sink: "pd", FailingSince: t0.Add(-2 * time.Minute), ConsecutiveFailures: 3, LastReason: "http_500", QueueDepth: 2},
			{Sink: "hook", QueueDepth: 0},
		},
		Pending:  2,
		Snapshot: withChain(nodeSnapshot(), chainObservation()),
		Chain: ChainFacts{Nodes: map[string]checks.NodeChainFacts{
			"tc001": {MissedTotal: 3, RunwayKnown: true, RunwaySeconds: 5 * 86400},
			"tc002": {RunwayKnown: true, RunwaySeconds: math.Inf(1)},
		}},
		Remediation: restarts(),
	}
}

// withChain adds the chain record of o, whose scans found one slash.
func withChain(s observe.Snapshot, o *chain.Observation) observe.Snapshot {
	s.Chain = &observe.Chain{At: t0.Add(-2 * time.Second), Obs: o, BlockTime: 12 * time.Second, Events: &observe.ChainEvents{
		Scanned: true, ScannedTo: 100, Slashes: []chain.SlashEvent{{EventMeta: chain.EventMeta{BlockNumber: 90}}}}}
	return s
}
