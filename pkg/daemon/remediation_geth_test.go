package daemon

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/gethtest"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/remediation"
	"github.com/lpwatch/lpwatch/pkg/watchdog/systemdtest"
)

// TestRemediationStuckTxWithGeth runs the whole daemon against a real
// geth --dev and the fake systemd manager on a private D-Bus: the node's
// account has a transaction stuck below the base fee, TxStalled fires, and
// lpwatch restarts geth.service, waits for a healthy head, then restarts
// livepeer.service and verifies the node. The restart of geth is played by
// replacing the stuck transaction, as a restarted geth that dropped it
// would let the node do.
func TestRemediationStuckTxWithGeth(t *testing.T) {
	bus := systemdtest.Start(t)
	g := gethtest.StartT(t, 1)
	ctx, cancel := context.WithTimeout(context.Background(), chainTestTimeout)
	defer cancel()
	c, err := g.Client(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	drv, err := g.Deploy(ctx, c, contracts.DeployConfig{RoundLength: 1_000_000, RoundLockAmount: contracts.DefaultRoundLockAmount})
	if err != nil {
		t.Fatal(err)
	}
	key, err := g.FundedKey(ctx, c, big.NewInt(1e18))
	if err != nil {
		t.Fatal(err)
	}
	addr := crypto.PubkeyToAddress(key.PublicKey)
	rs, err := drv.RoundState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	node := fakenode.New(nodeapi.Current)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	defer node.Close()
	node.SetAddress(addr)
	node.SetRound(rs.CurrentRound, rs.Initialized)
	node.SetLastRewardRound(0)

	stuck, err := g.StuckTx(ctx, c, key)
	if err != nil {
		t.Fatal(err)
	}
	hooks := make(chan error, 4)
	bus.AddUnit("geth.service", systemdtest.Running(100))
	bus.AddUnit("livepeer.service", systemdtest.Running(200))
	bus.OnRestart("geth.service", func(string) {
		nonce := stuck.Nonce()
		_, err := contracts.Transfer(ctx, c, contracts.TransferTx{Key: key, To: common.HexToAddress("0x000000000000000000000000000000000000dEaD"), Value: big.NewInt(1), Nonce: &nonce})
		hooks <- err
	})
	bus.OnRestart("livepeer.service", func(string) { hooks <- node.Restart() })

	cfg := testConfig(t.TempDir(), nodeCfg("tc001", node.URL()))
	cfg.Nodes[0].ExpectedAddress = config.AddressOf(addr)
	cfg.Chain.URLs = []string{g.HTTP}
	cfg.Chain.Controller = drv.Deployment().Controller.Hex()
	cfg.Chain.ChainID = 1337
	cfg.Chain.Interval, cfg.Chain.Timeout = 10*time.Second, 5*time.Second
	cfg.Chain.MaxLogRange = 1000
	// The daemon's clock is fake and runs ahead of geth's block times.
	cfg.Chain.HeadMaxAge = 24 * time.Hour
	cfg.Checks.TxStalledFor = 30 * time.Second
	cfg.Remediation.Enabled, cfg.Remediation.DryRun = true, false
	h, _ := runDaemon(t, cfg, time.Now())

	h.pacedWait("the ladder", func() bool {
		st := h.d.Remediation().Status()
		return len(st.Restarts) == 2 && st.Restarts[1].Result != "started"
	})
	for i := 0; i < 2; i++ {
		if err := <-hooks; err != nil {
			t.Fatalf("restart hook: %v", err)
		}
	}
	restarts := bus.Restarts()
	if len(restarts) != 2 || restarts[0].Unit != "geth.service" || restarts[1].Unit != "livepeer.service" {
		t.Fatalf("restarts over D-Bus = %+v, want geth.service then livepeer.service", restarts)
	}
	st := h.d.Remediation().Status()
	chainStep, nodeStep := st.Restarts[0], st.Restarts[1]
	if chainStep.Result != remediation.ResultSuccess || !strings.Contains(chainStep.Outcome, "the chain is healthy again") ||
		!strings.Contains(chainStep.Why, "TxStalled on tc001") {
		t.Errorf("chain step = %+v", chainStep)
	}
	if nodeStep.Result != remediation.ResultSuccess || !strings.Contains(nodeStep.Outcome, "agrees with the chain on round "+fmt.Sprint(rs.CurrentRound)) {
		t.Errorf("node step = %+v", nodeStep)
	}
	h.waitState(alert.TxStalled, "tc001", checks.OK)
	var performed []string
	h.pacedWait("the announcements", func() bool {
		for n := h.poll(); n != nil; n = h.poll() {
			if n.Alert == alert.RemediationPerformed {
				performed = append(performed, n.Target+"="+n.Details["result"])
			}
			if n.Alert == alert.RemediationExhausted {
				t.Errorf("RemediationExhausted after a successful ladder: %s", n.Description)
			}
		}
		return len(performed) == 2
	})
	if performed[0] != "chain=success" || performed[1] != "tc001=success" {
		t.Errorf("RemediationPerformed = %v", performed)
	}
	if got := len(bus.Restarts()); got != 2 {
		t.Errorf("%d restarts once the transaction went through, want 2", got)
	}
}
