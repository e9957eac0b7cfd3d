package chain_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

// On the 2018 contracts isActiveTranscoder takes the round, which a cycle
// guesses from the last one. In the first cycle of a new round that guess
// is the old round: the cycle reads isActiveTranscoder again with the new
// round, in one more round trip for all accounts, so a transcoder that
// joined the active set in the new round is active and one that left is
// not; the next cycle guesses right and needs no extra round trip.
func TestGuessFixesLegacyRound(t *testing.T) {
	ctx := testCtx(t)
	joining, leaving := addr(1), addr(2)
	sim := newSim(t, simchain.Options{Legacy: true, RoundLength: 20})
	d := sim.Driver()
	nextRound(ctx, t, sim)
	must(t, d.SetActive(ctx, leaving, true))
	p := newProber(t, newPool(t, []*chain.Endpoint{simEndpoint(t, sim, "sim")}), chain.ProberConfig{Controller: sim.Deployment().Controller})
	addrs := []common.Address{joining, leaving}

	observe := func(step string, wantTrips int, wantJoining, wantLeaving bool) *chain.Observation {
		t.Helper()
		obs, err := p.Observe(ctx, addrs)
		must(t, err)
		if len(obs.Errors) != 0 {
			t.Fatalf("%s: errors %+v", step, obs.Errors)
		}
		for _, a := range obs.Accounts {
			if a.Transcoder == nil || a.Transcoder.Layout != chain.LayoutLegacy {
				t.Fatalf("%s: transcoder %+v, want the 2018 layout", step, a.Transcoder)
			}
		}
		j, l := obs.Account(joining).Active, obs.Account(leaving).Active
		if j == nil || *j != wantJoining || l == nil || *l != wantLeaving {
			t.Errorf("%s: active %v and %v, want %v and %v", step, boolv(j), boolv(l), wantJoining, wantLeaving)
		}
		if obs.RoundTrips != wantTrips {
			t.Errorf("%s: %d round trips, want %d", step, obs.RoundTrips, wantTrips)
		}
		return obs
	}
	// The first cycle resolves the contracts and learns the layout and the
	// round from the answers: one round trip for each, and one to fix.
	first := observe("first cycle", 4, false, true)
	observe("same round", 2, false, true)

	nextRound(ctx, t, sim)
	must(t, d.SetActive(ctx, joining, true))
	obs := observe("new round", 3, true, false)
	if r := obs.Round.CurrentRound; r == nil || *r != *first.Round.CurrentRound+1 {
		t.Errorf("round %v, want %d", u64(r), *first.Round.CurrentRound+1)
	}
	observe("after the new round", 2, true, false)
}
