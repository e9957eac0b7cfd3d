package faults

import (
	"context"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
)

// chainRig is a simulated chain serving JSON-RPC behind two fault
// proxies, a and b: the chain.urls of a row, in that order.
type chainRig struct {
	t    *testing.T
	ctx  context.Context
	sim  *simchain.Chain
	a, b *rpcProxy
	// aSrv and bSrv serve the proxies; Stop one to take that URL down.
	aSrv, bSrv *loopServer
}

// nodeAccount is the fake node's account, the one the chain checks watch.
func nodeAccount() common.Address { return common.HexToAddress(fakenode.DefaultAddress) }

// newChainRig starts the chain with the node's transcoder active and its
// reward called in a fresh, initialized round, and makes node say the same.
func newChainRig(t *testing.T, node *fakenode.Node) *chainRig {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	sim, err := simchain.New(ctx, simchain.Options{HTTP: true, Fund: []common.Address{nodeAccount()}})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	c := &chainRig{t: t, ctx: ctx, sim: sim, a: newRPCProxy(sim.URL()), b: newRPCProxy(sim.URL())}
	c.aSrv, c.bSrv = newLoopServer(t, c.a), newLoopServer(t, c.b)
	t.Cleanup(cancel)
	d := sim.Driver()
	round, err := sim.AdvanceRounds(ctx, 1)
	c.must(err)
	c.must(d.InitializeRound(ctx))
	c.must(d.SetActive(ctx, nodeAccount(), true))
	c.must(d.SetLastRewardRound(ctx, nodeAccount(), round))
	c.syncNode(node)
	return c
}

func (c *chainRig) must(err error) {
	c.t.Helper()
	if err != nil {
		c.t.Fatal(err)
	}
}

// syncNode makes the fake node report the chain's round, and a reward
// called in it.
func (c *chainRig) syncNode(node *fakenode.Node) {
	c.t.Helper()
	s, err := c.sim.Driver().RoundState(c.ctx)
	c.must(err)
	node.SetRound(s.CurrentRound, s.Initialized)
	node.SetLastRewardRound(s.CurrentRound)
}

// round returns the chain's current round.
func (c *chainRig) round() uint64 {
	c.t.Helper()
	s, err := c.sim.Driver().RoundState(c.ctx)
	c.must(err)
	return s.CurrentRound
}

// busy reports whether a call is in flight through a proxy.
func (c *chainRig) busy() bool { return c.aSrv.busy() || c.bSrv.busy() }

// toml is the [chain] section's keys for urls proxies (1: a, 2: a and b).
func (c *chainRig) toml(urls int) string {
	list := fmt.Sprintf("%q", c.aSrv.URL())
	if urls > 1 {
		list += fmt.Sprintf(", %q", c.bSrv.URL())
	}
	return fmt.Sprintf("urls = [%s]\ncontroller = %q\nchain_id = %d\ninterval = \"10s\"\ntimeout = \"2s\"\nmax_log_range = 1000",
		list, c.sim.Deployment().Controller.Hex(), simchain.ChainID)
}

// close stops the proxies and the chain.
func (c *chainRig) close() {
	c.aSrv.Stop()
	c.bSrv.Stop()
	c.a.close()
	c.b.close()
	if err := c.sim.Close(); err != nil {
		c.t.Errorf("close simulated chain: %v", err)
	}
}

// rewardFor records a reward of the node in the current round on-chain.
func (c *chainRig) rewardFor() {
	c.t.Helper()
	c.must(c.sim.Driver().RewardFor(c.ctx, nodeAccount(), big.NewInt(1e18)))
}
