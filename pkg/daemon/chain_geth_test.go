package daemon

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/gethtest"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// gethWorld is a real geth --dev with the test contracts, a funded account
// for the node and a fake node reporting that account and the chain's round.
type gethWorld struct {
	t      *testing.T
	ctx    context.Context
	geth   *gethtest.Geth
	client *ethclient.Client
	driver *contracts.Driver
	key    *ecdsa.PrivateKey
	node   *fakenode.Node
}

// newGethWorld starts geth with --dev.period period; rounds last a million
// blocks so that none ends during a test. The node's account is an active
// transcoder.
func newGethWorld(t *testing.T, period uint64) *gethWorld {
	t.Helper()
	g := gethtest.StartT(t, period)
	ctx, cancel := context.WithTimeout(context.Background(), chainTestTimeout)
	t.Cleanup(cancel)
	w := &gethWorld{t: t, ctx: ctx, geth: g, node: fakenode.New(nodeapi.Current)}
	var err error
	if w.client, err = g.Client(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.client.Close)
	if w.driver, err = g.Deploy(ctx, w.client, contracts.DeployConfig{RoundLength: 1_000_000, RoundLockAmount: contracts.DefaultRoundLockAmount}); err != nil {
		t.Fatal(err)
	}
	if w.key, err = g.FundedKey(ctx, w.client, big.NewInt(1e18)); err != nil {
		t.Fatal(err)
	}
	// A registered, active transcoder, as the fake node reports it: with a
	// chain, TranscoderInactive is judged from the chain.
	if err := w.driver.SetActive(ctx, crypto.PubkeyToAddress(w.key.PublicKey), true); err != nil {
		t.Fatal(err)
	}
	rs, err := w.driver.RoundState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.node.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.node.Close)
	w.node.SetAddress(crypto.PubkeyToAddress(w.key.PublicKey))
	w.node.SetRound(rs.CurrentRound, rs.Initialized)
	w.node.SetLastRewardRound(0)
	return w
}

// config watches the node's account on geth; the head may be at most
// headMaxAge old.
func (w *gethWorld) config(headMaxAge time.Duration) *config.Config {
	cfg := testConfig(w.t.TempDir(), nodeCfg("tc001", w.node.URL()))
	cfg.Nodes[0].ExpectedAddress = config.AddressOf(crypto.PubkeyToAddress(w.key.PublicKey))
	cfg.Chain.URLs = []string{w.geth.HTTP}
	cfg.Chain.Controller = w.driver.Deployment().Controller.Hex()
	cfg.Chain.ChainID = 1337
	cfg.Chain.Interval, cfg.Chain.Timeout = 10*time.Second, 5*time.Second
	cfg.Chain.HeadMaxAge = headMaxAge
	cfg.Chain.MaxLogRange = 1000
	return cfg
}

// TestTxStalledWithGeth: a transaction priced under the base fee stays
// pending on a real geth, the node account's pending nonce stays above its
// mined nonce, and TxStalled fires once tx_stalled_for has passed.
func TestTxStalledWithGeth(t *testing.T) {
	w := newGethWorld(t, 1)
	h, _ := runDaemon(t, w.config(24*time.Hour), time.Now())
	h.waitState(alert.TxStalled, "tc001", checks.OK)
	if _, err := w.geth.StuckTx(w.ctx, w.client, w.key); err != nil {
		t.Fatal(err)
	}
	h.waitObserved("a pending transaction", func(o *chain.Observation) bool {
		a := o.Account(crypto.PubkeyToAddress(w.key.PublicKey))
		gap, ok := a.NonceGap()
		return ok && gap == 1
	})
	stuck := h.clk.Now()
	n := h.expect(alert.TxStalled, alert.StatusFiring)
	if d := h.clk.Now().Sub(stuck); d < 10*time.Minute-15*time.Second {
		t.Errorf("TxStalled fired %s after the transaction got stuck, before tx_stalled_for (10m)", d)
	}
	if n.Severity != alert.SeverityCritical || n.Details["gap"] != "1" || !strings.Contains(n.Description, "transactions are stuck") {
		t.Errorf("notification: %s %q %v", n.Severity, n.Description, n.Details)
	}
	if got := metricValue(t, h, "lpwatch_tx_pending_nonce_gap", "node", "tc001"); got != 1 {
		t.Errorf("lpwatch_tx_pending_nonce_gap = %v, want 1", got)
	}
}

// TestHeadStaleThenKilledWithGeth: geth --dev.period 0 seals no block
// without a transaction, so its head ages; EthNodeHeadStale fires once it
// is older than chain.head_max_age. Killing geth then raises EthNodeDown
// after chain_down_for and leaves the reward checks unknown.
func TestHeadStaleThenKilledWithGeth(t *testing.T) {
	w := newGethWorld(t, 0)
	h, _ := runDaemon(t, w.config(2*time.Minute), time.Now())
	fresh := h.waitState(alert.EthNodeHeadStale, alert.ChainTarget, checks.OK)
	if !strings.Contains(fresh.Reason, "old") {
		t.Errorf("fresh head reason %q", fresh.Reason)
	}
	n := h.expect(alert.EthNodeHeadStale, alert.StatusFiring)
	if n.Severity != alert.SeverityCritical || !strings.Contains(n.Description, "older than 2m0s") {
		t.Errorf("notification: %s %q", n.Severity, n.Description)
	}
	if age := metricValue(t, h, "lpwatch_chain_head_age_seconds", "endpoint", w.geth.HTTP); age <= 120 {
		t.Errorf("lpwatch_chain_head_age_seconds{endpoint=%q} = %v with a stale head", w.geth.HTTP, age)
	}
	if code, _ := h.health(); code != http.StatusServiceUnavailable {
		t.Errorf("/health = %d with a stale head", code)
	}

	if err := w.geth.Kill(); err != nil {
		t.Fatal(err)
	}
	killed := h.clk.Now()
	down := h.expect(alert.EthNodeDown, alert.StatusFiring)
	if d := h.clk.Now().Sub(killed); d < time.Minute {
		t.Errorf("EthNodeDown fired %s after geth died, before chain_down_for", d)
	}
	if !strings.Contains(down.Description, "transport") {
		t.Errorf("EthNodeDown reason %q", down.Description)
	}
	for _, c := range []string{alert.RewardNotCalled, alert.RewardRoundMissed, alert.TxStalled, alert.EthBalanceLow} {
		if r, _ := h.result(c, "tc001"); r.State != checks.Unknown {
			t.Errorf("%s is %s (%s) with geth dead", c, r.State, r.Reason)
		}
	}
	if r, _ := h.result(alert.EthNodeHeadStale, alert.ChainTarget); r.State != checks.Unknown {
		t.Errorf("EthNodeHeadStale is %s (%s) with geth dead", r.State, r.Reason)
	}
}
