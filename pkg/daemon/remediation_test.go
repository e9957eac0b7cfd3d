package daemon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// notificationOf waits for the next notification of name with status,
// passing over the others.
func (h *harness) notificationOf(name string, status alert.Status) *alert.Notification {
	h.t.Helper()
	for {
		n := h.notification()
		if n.Alert == name && n.Status == status {
			return n
		}
	}
}

// TestRemediationEpisodeThroughTheDaemon: a RemediationExhausted episode in
// the ledger (written by an earlier run) fires through the alert engine and
// resolves once the node answers again: the controller is fed by every
// evaluation and its inputs reach the engine.
func TestRemediationEpisodeThroughTheDaemon(t *testing.T) {
	node := fakenode.New(nodeapi.Current)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	defer node.Close()
	node.Stop()
	dir := t.TempDir()
	ledger := `{"version": 1, "restarts": [], "rewards": {}, "reward_failed": {},
 "exhausted": {"tc001": {"unit": "livepeer.service", "reason": "restart budget spent", "since": "2026-03-01T11:00:00Z"}}}`
	if err := os.WriteFile(filepath.Join(dir, "remediation.json"), []byte(ledger), 0o600); err != nil {
		t.Fatal(err)
	}
	h := startDaemon(t, testConfig(dir, nodeCfg("tc001", node.URL())), "")
	if h.d.Remediation() == nil {
		t.Fatal("no remediation controller")
	}
	n := h.notificationOf(alert.RemediationExhausted, alert.StatusFiring)
	if n.Target != "tc001" || n.Severity != alert.SeverityCritical || n.Details["unit"] != "livepeer.service" ||
		!strings.Contains(n.Description, "restart budget spent") {
		t.Fatalf("notification = %+v", n)
	}
	if err := node.Restart(); err != nil {
		t.Fatal(err)
	}
	h.notificationOf(alert.RemediationExhausted, alert.StatusResolved)
	if st := h.d.Remediation().Status(); len(st.Exhausted) != 0 || st.Fed == 0 {
		t.Errorf("controller status after health returned: %+v", st)
	}
}

// TestRemediationLedgerUnreadable: when the ledger cannot be read lpwatch
// still monitors, and with remediation enabled says loudly that it cannot
// heal.
func TestRemediationLedgerUnreadable(t *testing.T) {
	node := fakenode.New(nodeapi.Current)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	defer node.Close()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "remediation.json"), 0o700); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(dir, nodeCfg("tc001", node.URL()))
	cfg.Remediation.Enabled = true
	cfg.Alert.Source = "host1"
	h := startDaemon(t, cfg, "")
	if h.d.Remediation() != nil {
		t.Fatal("a controller without its ledger")
	}
	n := h.notificationOf(alert.RemediationExhausted, alert.StatusFiring)
	if n.Target != "host1" || !strings.Contains(n.Description, "self-healing cannot start") || !strings.Contains(n.Description, "remediation.json") {
		t.Fatalf("notification = %+v", n)
	}
}
