package daemon

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/gethtest"
)

// newGethCallerWorld is a callerWorld on a real geth --dev that seals a
// block every second (a transaction under the base fee then stays pending).
func newGethCallerWorld(t *testing.T) *callerWorld {
	t.Helper()
	g := gethtest.StartT(t, 1)
	ctx, cancel := context.WithTimeout(context.Background(), chainTestTimeout)
	t.Cleanup(cancel)
	client, err := g.Client(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	d, err := g.Deploy(ctx, client, contracts.DeployConfig{RoundLength: callerRoundLength, RoundLockAmount: contracts.DefaultRoundLockAmount})
	if err != nil {
		t.Fatal(err)
	}
	w := &callerWorld{t: t, ctx: ctx, d: d, url: g.HTTP, start: time.Now(), headMaxAge: 24 * time.Hour}
	w.fund = func(wei *big.Int) *ecdsa.PrivateKey {
		k, err := g.FundedKey(ctx, client, wei)
		w.must(err)
		return k
	}
	w.stick = func(key *ecdsa.PrivateKey) {
		_, err := g.StuckTx(ctx, client, key)
		w.must(err)
	}
	return w
}

// TestRewardCallerAccountWithGeth is done-when (a) on a real geth --dev:
// the fake node runs as the orchestrator's account caller; no identity
// page, a reward by rewardForTranscoderWithHint resolves RewardNotCalled,
// and the caller's stuck transaction raises TxStalled.
func TestRewardCallerAccountWithGeth(t *testing.T) { accountCallerScenario(t, newGethCallerWorld(t)) }

// TestRewardCallerKeeperWithGeth is done-when (b) on a real geth --dev: a
// keeper contract rewards; no TxStalled, EthBalanceLow or identity alert.
func TestRewardCallerKeeperWithGeth(t *testing.T) { keeperScenario(t, newGethCallerWorld(t)) }

// TestRewardCallerChangedWithGeth is done-when (c) and (d) on a real geth
// --dev: setRewardCaller to another address raises RewardCallerChanged
// within one chain cycle, and RewardCallerUnauthorized for the node that
// still runs as the old caller.
func TestRewardCallerChangedWithGeth(t *testing.T) { changedScenario(t, newGethCallerWorld(t)) }
