package chain_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

// The first healthy endpoint in order is used; a dead one is reported with its reason.
func TestObserveFailsOverAndReportsHealth(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{})
	dead := dial(t, deadURL(t), chain.WithName("dead"))
	ref := simEndpoint(t, sim, "reference")
	p := newProber(t, newPool(t, []*chain.Endpoint{dead, simEndpoint(t, sim, "sim")}),
		chain.ProberConfig{Controller: sim.Deployment().Controller, References: []*chain.Endpoint{ref}})
	obs, err := p.Observe(ctx, nil)
	must(t, err)
	if obs.Endpoint != "sim" {
		t.Errorf("used %q, want sim", obs.Endpoint)
	}
	if h := obs.Endpoints[0]; h.Healthy || h.Reason != chain.ReasonTransport || h.Head != nil || h.ChainID != nil {
		t.Errorf("dead endpoint health %+v", h)
	}
	if h := obs.Endpoints[1]; !h.Healthy || h.Reason != "" {
		t.Errorf("live endpoint health %+v", h)
	}
	if r := obs.References[0]; !r.Healthy || r.Head == nil || r.Head.Number != obs.Block.Number || r.Sync != nil {
		t.Errorf("reference %+v, want head %d and no sync read", r, obs.Block.Number)
	}
	if obs.Round.CurrentRound == nil {
		t.Errorf("round not read through the live endpoint: %+v", obs.Errors)
	}
}

func TestObserveWithoutUsableEndpoint(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{})
	tests := []struct {
		name   string
		eps    func() []*chain.Endpoint
		opts   []chain.PoolOption
		reason string
	}{
		{"all dead", func() []*chain.Endpoint { return []*chain.Endpoint{dial(t, deadURL(t))} }, nil, chain.ReasonTransport},
		{"wrong chain", func() []*chain.Endpoint { return []*chain.Endpoint{simEndpoint(t, sim, "sim")} },
			[]chain.PoolOption{chain.WithExpectedChainID(big.NewInt(42161))}, chain.ReasonChainIDMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newProber(t, newPool(t, tt.eps(), tt.opts...), chain.ProberConfig{Controller: sim.Deployment().Controller})
			obs, err := p.Observe(ctx, []common.Address{addr(1)})
			if !errors.Is(err, chain.ErrNoEndpoint) {
				t.Fatalf("error %v, want ErrNoEndpoint", err)
			}
			if obs == nil || len(obs.Endpoints) != 1 || obs.Endpoints[0].Healthy || obs.Endpoints[0].Reason != tt.reason {
				t.Fatalf("observation %+v", obs)
			}
			if obs.Endpoint != "" || obs.Round.CurrentRound != nil || len(obs.Accounts) != 0 {
				t.Errorf("reads made without an endpoint: %+v", obs)
			}
		})
	}
}
