package chain_test

import (
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/gethtest"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

// gethClient starts geth --dev (skipping without a binary) and dials it.
func gethClient(t *testing.T, period uint64) (*gethtest.Geth, *ethclient.Client) {
	t.Helper()
	g := gethtest.StartT(t, period)
	c, err := g.Client(testCtx(t))
	must(t, err)
	t.Cleanup(c.Close)
	return g, c
}

// gethChain starts geth --dev and deploys the test contracts.
func gethChain(t *testing.T, period uint64) (*gethtest.Geth, *ethclient.Client, *contracts.Driver) {
	t.Helper()
	g, c := gethClient(t, period)
	d, err := g.Deploy(testCtx(t), c, contracts.DeployConfig{RoundLength: 5, RoundLockAmount: contracts.DefaultRoundLockAmount})
	must(t, err)
	return g, c, d
}

func transports(g *gethtest.Geth) map[string]string {
	return map[string]string{"http": g.HTTP, "ws": g.WS, "ipc": g.IPC}
}

// Reads, logs, a stalled head, failover and a wrong chain against a real
// geth, through the real JSON-RPC transports.
func TestGeth(t *testing.T) {
	g, _, d := gethChain(t, 0)
	ctx := testCtx(t)
	orch := addr(9)
	must(t, d.SetBlockNumOffset(ctx, 20_000_000))
	must(t, d.SetActive(ctx, orch, true))
	must(t, d.SetTotalStake(ctx, orch, eth(700)))
	must(t, d.SetLastRewardRound(ctx, orch, 3))
	must(t, d.RewardFor(ctx, orch, eth(2)))
	dep := d.Deployment()
	cfg := chain.ProberConfig{Controller: dep.Controller, Peers: true}
	gethID := big.NewInt(1337)

	t.Run("reads over every transport", func(t *testing.T) {
		var round *uint64
		for name, url := range transports(g) {
			t.Run(name, func(t *testing.T) {
				p := newProber(t, newPool(t, []*chain.Endpoint{dial(t, url)}, chain.WithExpectedChainID(gethID)), cfg)
				obs, err := p.Observe(ctx, []common.Address{orch})
				must(t, err)
				if len(obs.Errors) != 0 {
					t.Fatalf("errors: %+v", obs.Errors)
				}
				a, r := obs.Accounts[0], obs.Round
				if a.Transcoder.Layout != chain.LayoutCurrent || a.Transcoder.LastRewardRound != *r.CurrentRound ||
					a.TotalStake.Cmp(eth(702)) != 0 || boolv(a.Active) != true || *a.Status != chain.Registered {
					t.Errorf("account %+v transcoder %+v round %d", a, a.Transcoder, *r.CurrentRound)
				}
				if *r.BlockNum != obs.Block.Number+20_000_000 || *r.Length != 5 || *r.StartBlock > *r.BlockNum {
					t.Errorf("round %+v at head %d", r, obs.Block.Number)
				}
				if h := obs.Endpoints[0]; h.Peers == nil || *h.Peers != 0 || h.Sync == nil || h.Sync.BlockSyncing() {
					t.Errorf("health %+v", h)
				}
				if round != nil && *round != *r.CurrentRound {
					t.Errorf("round %d differs from another transport's %d", *r.CurrentRound, *round)
				}
				round = r.CurrentRound
			})
		}
	})

	t.Run("logs", func(t *testing.T) {
		e := dial(t, g.HTTP)
		p := newProber(t, newPool(t, []*chain.Endpoint{e}), chain.ProberConfig{Controller: dep.Controller, MaxLogRange: 2})
		h, err := e.Head(ctx)
		must(t, err)
		rewards, err := p.RewardEvents(ctx, 0, h.Number, orch)
		must(t, err)
		if len(rewards) != 1 || rewards[0].Amount.Cmp(eth(2)) != 0 || rewards[0].Transcoder != orch {
			t.Fatalf("rewards %+v", rewards)
		}
	})

	t.Run("stalled head", func(t *testing.T) {
		// --dev.period 0 and no transactions: the head stays where it is
		// while time passes; a transaction moves it again.
		clk := clock.NewFake(time.Now())
		p := newProber(t, newPool(t, []*chain.Endpoint{dial(t, g.HTTP)}), chain.ProberConfig{Controller: dep.Controller, Clock: clk})
		first, err := p.Observe(ctx, nil)
		must(t, err)
		clk.Set(first.Block.Timestamp().Add(5 * time.Minute))
		second, err := p.Observe(ctx, nil)
		must(t, err)
		if second.Block.Number != first.Block.Number || second.Block.Hash != first.Block.Hash {
			t.Fatalf("head moved without transactions: %+v -> %+v", first.Block, second.Block)
		}
		if age, ok := second.Endpoints[0].HeadAge(second.Started); !ok || age != 5*time.Minute {
			t.Errorf("head age %s,%v, want 5m", age, ok)
		}
		must(t, d.SetTotalStake(ctx, orch, eth(702)))
		third, err := p.Observe(ctx, nil)
		must(t, err)
		if third.Block.Number <= second.Block.Number {
			t.Errorf("head %d did not move after a transaction (was %d)", third.Block.Number, second.Block.Number)
		}
	})

	t.Run("failover from a dead url", func(t *testing.T) {
		dead := dial(t, deadURL(t), chain.WithName("dead"))
		p := newProber(t, newPool(t, []*chain.Endpoint{dead, dial(t, g.HTTP)}, chain.WithExpectedChainID(gethID)), cfg)
		obs, err := p.Observe(ctx, []common.Address{orch})
		must(t, err)
		if obs.Endpoint == "dead" || obs.Endpoints[0].Reason != chain.ReasonTransport || obs.Accounts[0].Transcoder == nil {
			t.Errorf("used %q, dead endpoint %+v, account %+v", obs.Endpoint, obs.Endpoints[0], obs.Accounts[0])
		}
	})

	t.Run("chain id mismatch", func(t *testing.T) {
		p := newProber(t, newPool(t, []*chain.Endpoint{dial(t, g.HTTP)}, chain.WithExpectedChainID(big.NewInt(42161))), cfg)
		obs, err := p.Observe(ctx, []common.Address{orch})
		if !errors.Is(err, chain.ErrNoEndpoint) || obs.Endpoints[0].Reason != chain.ReasonChainIDMismatch {
			t.Fatalf("err %v, health %+v", err, obs.Endpoints[0])
		}
		if obs.Endpoints[0].ChainID.Cmp(gethID) != 0 || obs.Err("chain_id", common.Address{}) == nil {
			t.Errorf("chain id %v, errors %+v", obs.Endpoints[0].ChainID, obs.Errors)
		}
	})
}

// A transaction priced under the base fee stays pending while geth seals
// blocks: the pending nonce stays above the mined one.
func TestGethNonceGap(t *testing.T) {
	g, c := gethClient(t, 1)
	ctx := testCtx(t)
	key, err := g.FundedKey(ctx, c, eth(1))
	must(t, err)
	who := crypto.PubkeyToAddress(key.PublicKey)
	// No contracts needed: nonces are read whatever the protocol reads say.
	p := newProber(t, newPool(t, []*chain.Endpoint{dial(t, g.HTTP)}), chain.ProberConfig{RoundsManager: addr(1), BondingManager: addr(2)})
	before, err := p.Observe(ctx, []common.Address{who})
	must(t, err)
	if gap, ok := before.Accounts[0].NonceGap(); !ok || gap != 0 {
		t.Fatalf("gap before %d,%v", gap, ok)
	}
	if _, err := g.StuckTx(ctx, c, key); err != nil {
		t.Fatal(err)
	}
	// Wait (polling, bounded by the test context) until two more blocks are sealed.
	var obs *chain.Observation
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for obs == nil || obs.Block.Number < before.Block.Number+2 {
		select {
		case <-ctx.Done():
			t.Fatalf("no new blocks: %v", ctx.Err())
		case <-tick.C:
		}
		obs, err = p.Observe(ctx, []common.Address{who})
		must(t, err)
	}
	a := obs.Accounts[0]
	if gap, ok := a.NonceGap(); !ok || gap != 1 || *a.MinedNonce != 0 {
		t.Fatalf("pending %v mined %v at block %d, want a gap of 1", u64(a.PendingNonce), u64(a.MinedNonce), obs.Block.Number)
	}
}

func TestGethStuckTxNeedsPeriod(t *testing.T) {
	g, c := gethClient(t, 0)
	ctx := testCtx(t)
	key, err := crypto.GenerateKey()
	must(t, err)
	if _, err := g.StuckTx(ctx, c, key); err == nil {
		t.Fatal("stuck tx accepted with --dev.period 0")
	}
}

// When geth dies every transport reports a transport error, and no
// endpoint is left.
func TestGethKilled(t *testing.T) {
	g, _, d := gethChain(t, 0)
	ctx := testCtx(t)
	cfg := chain.ProberConfig{Controller: d.Deployment().Controller}
	probers := map[string]*chain.Prober{}
	for name, url := range transports(g) {
		p := newProber(t, newPool(t, []*chain.Endpoint{dial(t, url)}), cfg)
		if _, err := p.Observe(ctx, nil); err != nil {
			t.Fatalf("%s before kill: %v", name, err)
		}
		probers[name] = p
	}
	must(t, g.Kill())
	select {
	case <-g.Done():
	case <-ctx.Done():
		t.Fatal("geth did not exit")
	}
	for name, p := range probers {
		t.Run(name, func(t *testing.T) {
			obs, err := p.Observe(ctx, nil)
			if !errors.Is(err, chain.ErrNoEndpoint) {
				t.Fatalf("err %v, want ErrNoEndpoint", err)
			}
			if h := obs.Endpoints[0]; h.Reason != chain.ReasonTransport || h.Head != nil {
				t.Errorf("health %+v (err %v), want a transport failure", h, h.Err)
			}
		})
	}
}
