package daemon

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/probes"
)

// TestChainReloadSwapsConnections: a reload builds new chain connections
// and closes the old ones once the old probe has stopped; a reload that
// drops the chain closes every connection and removes the chain series.
func TestChainReloadSwapsConnections(t *testing.T) {
	w := newSimWorld(t)
	w.freshRound(func(r uint64) uint64 { return r - 1 })
	dir := t.TempDir()
	path := filepath.Join(dir, "lpwatch.toml")
	write := func(chainSection string) {
		t.Helper()
		text := fmt.Sprintf("[state]\ndir = %q\n[host]\nenabled = false\n[[alert.sink]]\nname = \"capture\"\ntype = \"log\"\n"+
			"[[node]]\nname = \"tc001\"\nurl = %q\nexpected_address = %q\n%s", dir, w.node.URL(), nodeAddr.Hex(), chainSection)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	chainSection := func(interval string) string {
		return fmt.Sprintf("[chain]\nurls = [%q]\ncontroller = %q\nchain_id = 1337\ninterval = %q\ntimeout = \"5s\"\nmax_log_range = 1000\n",
			w.sim.URL(), w.sim.Deployment().Controller.Hex(), interval)
	}
	write(chainSection("10s"))
	cfg, err := loadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	h, _ := runDaemon(t, cfg, simStart)
	h.waitState(alert.RewardNotCalled, "tc001", checks.OK)
	conns := func() []*chain.Client { return h.d.kinds.Kind("chain").(*probes.ChainKind).Open() }
	open := conns()
	if len(open) != 1 {
		t.Fatalf("%d chain connection sets open, want 1 in use", len(open))
	}
	first := open[0]

	write(chainSection("20s"))
	if err := h.d.Reload(w.ctx); err != nil {
		t.Fatal(err)
	}
	h.pacedWait("the new connections in use", func() bool {
		open := conns()
		return len(open) == 1 && open[0] != first
	})
	h.waitState(alert.RewardNotCalled, "tc001", checks.OK)

	write("")
	if err := h.d.Reload(w.ctx); err != nil {
		t.Fatal(err)
	}
	if open := conns(); len(open) != 0 {
		t.Errorf("after dropping the chain: %d connection sets open", len(open))
	}
	for _, name := range []string{"lpwatch_round_current", "lpwatch_chain_head_age_seconds", "lpwatch_chain_rpc_calls", "lpwatch_tx_pending_nonce_gap"} {
		if n, err := testutil.GatherAndCount(h.reg, name); err != nil || n != 0 {
			t.Errorf("%s: %d series (%v) without a chain", name, n, err)
		}
	}
	if h.d.Status().Chain != nil {
		t.Error("/status keeps a chain section without a chain")
	}
}
