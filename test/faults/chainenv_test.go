package faults

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/soak"
)

// chainRig is a simulated chain serving JSON-RPC behind two fault
// proxies, a and b: the chain.urls of a row, in that order.
type chainRig struct {
	t    *testing.T
	ctx  context.Context
	sim  *simchain.Chain
	a, b *rpcProxy
	// aSrv and bSrv serve the proxies; Stop one to take that URL down.
	aSrv, bSrv *soak.Server
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
	c.aSrv, c.bSrv = soak.MustServe(t, c.a), soak.MustServe(t, c.b)
	t.Cleanup(cancel)
	d := sim.Driver()
	round, err := sim.AdvanceRounds(ctx, 1)
	c.must(err)
	c.must(d.InitializeRound(ctx))
	c.must(d.SetActive(ctx, nodeAccount(), true))
	// A stake large enough that a reward (1 LPT) coming or going is no drop.
	c.must(d.SetTotalStake(ctx, nodeAccount(), new(big.Int).Mul(big.NewInt(1e6), big.NewInt(1e18))))
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
func (c *chainRig) busy() bool { return c.aSrv.Busy() || c.bSrv.Busy() }

// chainInterval is the chain probe's interval in a row.
const chainInterval = 10 * time.Second

// toml is the [chain] section's keys for urls proxies (1: a, 2: a and b)
// and a probe timeout.
func (c *chainRig) toml(urls int, timeout time.Duration) string {
	list := fmt.Sprintf("%q", c.aSrv.URL())
	if urls > 1 {
		list += fmt.Sprintf(", %q", c.bSrv.URL())
	}
	return fmt.Sprintf("urls = [%s]\ncontroller = %q\nchain_id = %d\ninterval = %q\ntimeout = %q\nmax_log_range = 1000",
		list, c.sim.Deployment().Controller.Hex(), simchain.ChainID, chainInterval.String(), timeout.String())
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

// lastReward reads the node's last reward round from the chain.
func (c *chainRig) lastReward() uint64 {
	c.t.Helper()
	e, err := c.sim.Endpoint("check")
	c.must(err)
	p, err := chain.NewPool([]*chain.Endpoint{e})
	c.must(err)
	defer p.Close()
	dep := c.sim.Deployment()
	pr, err := chain.NewProber(p, chain.ProberConfig{RoundsManager: dep.RoundsManager, BondingManager: dep.BondingManager})
	c.must(err)
	o, err := pr.Observe(c.ctx, []common.Address{nodeAccount()})
	c.must(err)
	if a := o.Account(nodeAccount()); a != nil && a.Transcoder != nil {
		return a.Transcoder.LastRewardRound
	}
	c.t.Fatal("no transcoder record on the simulated chain")
	return 0
}

// reorgWithout replaces the chain from the block after parent with one
// where the developer account's transaction of nonce (the reward) is
// replaced by a plain transfer, blocks blocks long: the reward is gone.
func (c *chainRig) reorgWithout(parent common.Hash, nonce uint64, blocks int) {
	c.t.Helper()
	c.must(c.sim.Backend().Fork(parent))
	// The fork put the reward back in the pool; a transfer with its nonce
	// and a far higher fee takes its place.
	// The pool catches up with the fork in the background: until then it
	// refuses the nonce as too low.
	fee := big.NewInt(100e9)
	var err error
	if !soak.PollUntil(waitLimit, func() bool {
		_, err = contracts.Transfer(c.ctx, c.sim.Client(), contracts.TransferTx{Key: c.sim.DevKey(), To: nodeAccount(),
			Value: big.NewInt(1), Nonce: &nonce, FeeCap: fee})
		return err == nil || !strings.Contains(err.Error(), "nonce too low")
	}) || err != nil {
		c.t.Fatalf("replace the reward in the fork: %v", err)
	}
	c.sim.CommitBlocks(blocks)
}

// devNonce is the developer account's next nonce at the head.
func (c *chainRig) devNonce() uint64 {
	c.t.Helper()
	n, err := c.sim.Client().NonceAt(c.ctx, crypto.PubkeyToAddress(c.sim.DevKey().PublicKey), nil)
	c.must(err)
	return n
}
