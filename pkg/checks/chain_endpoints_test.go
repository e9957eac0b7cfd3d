package checks

import (
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

const tRemote = "https://rpc.example.org"

// downObs is an observation in which no endpoint could be used.
func downObs(now time.Time) *chain.Observation {
	err := errors.New("connection refused")
	return &chain.Observation{Started: now, Finished: now, Endpoints: []chain.EndpointHealth{
		{Name: tLocal, Reason: chain.ReasonTransport, Err: err},
	}, Errors: []chain.ReadError{{Endpoint: tLocal, Field: "head", Reason: chain.ReasonTransport, Err: err}}}
}

func TestEndpointChecks(t *testing.T) {
	ref := func(head uint64) chain.EndpointHealth {
		return chain.EndpointHealth{Name: tRemote, ChainID: big.NewInt(1337), Head: &chain.Head{Number: head}, Healthy: true}
	}
	cases := []struct {
		name   string
		config func(c *config.Config)
		edit   func(o *chain.Observation, now time.Time)
		check  string
		state  State
		words  []string
	}{
		{"up", nil, nil, alert.EthNodeDown, OK, []string{"1 of 1 chain endpoints answer", "reading from " + tLocal}},
		{"down", nil, func(o *chain.Observation, now time.Time) { *o = *downObs(now) }, alert.EthNodeDown, Critical, []string{tLocal + " (transport)"}},
		{"wrong chain answers", nil, func(o *chain.Observation, _ time.Time) {
			o.Endpoints[0].ChainID, o.Endpoints[0].Healthy = big.NewInt(42161), false
		}, alert.EthNodeDown, OK, nil},
		{"wrong chain", nil, func(o *chain.Observation, _ time.Time) { o.Endpoints[0].ChainID = big.NewInt(42161) },
			alert.EthChainMismatch, Critical, []string{"serves chain 42161, expected chain 1337"}},
		{"wrong reference chain", func(c *config.Config) { c.Chain.ReferenceURLs = []string{tRemote} },
			func(o *chain.Observation, _ time.Time) {
				r := ref(500)
				r.ChainID = big.NewInt(1)
				o.References = append(o.References, r)
			},
			alert.EthChainMismatch, Critical, []string{tRemote + " serves chain 1"}},
		{"right chain", nil, nil, alert.EthChainMismatch, OK, nil},
		{"no chain id read", nil, func(o *chain.Observation, now time.Time) { *o = *downObs(now) }, alert.EthChainMismatch, Unknown, nil},
		{"syncing", nil, func(o *chain.Observation, _ time.Time) { o.Endpoints[0].Sync = syncingAt(400, 900) },
			alert.EthNodeSyncing, Critical, []string{"at block 400 of 900"}},
		{"indexing at the head", nil, func(o *chain.Observation, _ time.Time) { o.Endpoints[0].Sync = syncingAt(900, 900) },
			alert.EthNodeSyncing, OK, nil},
		{"sync unsupported", nil, func(o *chain.Observation, _ time.Time) {
			o.Endpoints[0].Sync = nil
			o.Errors = append(o.Errors, chain.ReadError{Endpoint: tLocal, Field: "syncing", Reason: chain.ReasonUnsupported, Err: chain.ErrUnsupported})
		}, alert.EthNodeSyncing, Unknown, []string{tLocal + ": unsupported"}},
		{"head fresh", nil, nil, alert.EthNodeHeadStale, OK, []string{"10s old"}},
		{"head stale", nil, func(o *chain.Observation, now time.Time) {
			o.Endpoints[0].Head.Time = uint64(now.Add(-121 * time.Second).Unix())
		},
			alert.EthNodeHeadStale, Critical, []string{"older than 2m0s", "2m1s old"}},
		{"head limit per chain", func(c *config.Config) { c.Chain.HeadMaxAge = 5 * time.Second }, nil, alert.EthNodeHeadStale, Critical, nil},
		{"no head", nil, func(o *chain.Observation, now time.Time) { *o = *downObs(now) }, alert.EthNodeHeadStale, Unknown, nil},
		{"within reach of the reference", func(c *config.Config) { c.Chain.ReferenceURLs = []string{tRemote} },
			func(o *chain.Observation, _ time.Time) { o.References = []chain.EndpointHealth{ref(520)} }, alert.EthNodeBehindReference, OK, nil},
		{"behind the reference", func(c *config.Config) { c.Chain.ReferenceURLs = []string{tRemote} },
			func(o *chain.Observation, _ time.Time) { o.References = []chain.EndpointHealth{ref(521)} },
			alert.EthNodeBehindReference, Warning, []string{"21 blocks behind " + tRemote}},
		{"reference unreadable", func(c *config.Config) { c.Chain.ReferenceURLs = []string{tRemote} },
			func(o *chain.Observation, _ time.Time) { o.References = []chain.EndpointHealth{{Name: tRemote}} }, alert.EthNodeBehindReference, Unknown, nil},
		{"peers", func(c *config.Config) { c.Chain.CheckPeers = true }, nil, alert.EthNodePeersLow, OK, nil},
		{"peers low", func(c *config.Config) { c.Chain.CheckPeers, c.Chain.MinPeers = true, 6 }, nil,
			alert.EthNodePeersLow, Warning, []string{"has 5 peers, fewer than 6"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			now := tTime()
			cfg := chainConfig(t)
			if c.config != nil {
				c.config(cfg)
			}
			o := healthyObs(now, 50, tRound)
			if c.edit != nil {
				c.edit(o, now)
			}
			want(t, find(t, NewEvaluator(cfg).Evaluate(now, snapshot(now, o, nil)).Results, c.check, alert.ChainTarget), c.state, c.words...)
		})
	}
}

// TestOptionalChainChecks: checks a configuration turns off are not
// reported at all (rather than as a check that can never fail).
func TestOptionalChainChecks(t *testing.T) {
	cfg := chainConfig(t)
	cfg.Chain.ChainID = 0
	now := tTime()
	for _, r := range NewEvaluator(cfg).Evaluate(now, snapshot(now, healthyObs(now, 50, tRound), nil)).Results {
		switch r.Check {
		case alert.EthChainMismatch, alert.EthNodeBehindReference, alert.EthNodePeersLow:
			t.Errorf("%s reported although it is not configured", r.Check)
		}
	}
}

// TestChainUnreadable: whenever the chain cannot be read, every check that
// depends on it is unknown: never ok, never an alarm.
func TestChainUnreadable(t *testing.T) {
	now := tTime()
	cfg := chainConfig(t)
	cfg.Chain.Interval, cfg.Chain.Timeout = 15*time.Second, 10*time.Second
	cases := []struct {
		name string
		snap observe.Snapshot
		why  string
	}{
		{"not probed", observe.Snapshot{}, "not been probed"},
		{"no observation", observe.Snapshot{Chain: &observe.Chain{At: now, Reason: "canceled"}}, "no observation (canceled)"},
		{"stale observation", snapshot(now.Add(-56*time.Second), healthyObs(now, 50, tRound), nil), "56s old"},
		{"no endpoint", snapshot(now, downObs(now), nil), "no chain endpoint is usable"},
	}
	perNode := []string{alert.RewardStatusUnknown}
	for _, d := range shared().account {
		perNode = append(perNode, d.Name)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			results := NewEvaluator(cfg).Evaluate(now, c.snap).Results
			for _, check := range perNode {
				r := find(t, results, check, tNode)
				if check == alert.RewardStatusUnknown {
					want(t, r, Warning, c.why)
					continue
				}
				want(t, r, Unknown, c.why)
			}
			for _, check := range []string{alert.RoundNotInitialized} {
				want(t, find(t, results, check, alert.ChainTarget), Unknown)
			}
		})
	}
}
