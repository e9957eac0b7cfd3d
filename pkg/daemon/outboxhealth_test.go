package daemon

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/statefile/statefiletest"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// outboxEntry returns the OutboxStorage entry of a health report.
func outboxEntry(rep status.HealthReport) (status.HealthCheck, bool) {
	for _, c := range rep.Checks {
		if c.Check == OutboxStorage {
			return c, true
		}
	}
	return status.HealthCheck{}, false
}

// TestHealthShowsOutboxStorage: /health shows whether the outbox can store
// notifications. A full state.dir turns the entry to warning, naming the
// failure and the notifications held in memory, without failing /health
// (the node is fine, and the notification is still delivered); once
// space returns, the entry is ok again.
func TestHealthShowsOutboxStorage(t *testing.T) {
	node := fakenode.New(nodeapi.Current)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	defer node.Close()
	dir := t.TempDir()
	statefiletest.Tmpfs(t, dir, 1<<20)
	h := startDaemon(t, testConfig(dir, nodeCfg("tc001", node.URL())), "")
	entry := func() status.HealthCheck {
		_, rep := h.health()
		c, _ := outboxEntry(rep)
		return c
	}
	h.waitFor("/health 200 with the outbox entry ok", func() bool {
		code, rep := h.health()
		c, ok := outboxEntry(rep)
		return code == http.StatusOK && ok && c.State == "ok" && c.Target == "outbox" && !c.Health
	})

	free := statefiletest.Fill(t, dir)
	if err := h.d.engine.Emit(context.Background(), alert.RemediationPerformed, "tc001", alert.SeverityInfo, "", "a test event", nil); err != nil {
		t.Fatal(err)
	}
	h.waitFor("the outbox entry warning", func() bool { return entry().State == "warning" })
	c := entry()
	if !strings.Contains(c.Reason, "no space left on device") || !strings.Contains(c.Reason, "in memory") {
		t.Errorf("reason %q, want the write failure and that notifications are held in memory", c.Reason)
	}
	if code, rep := h.health(); code != http.StatusOK || rep.Status != "ok" {
		t.Errorf("/health answered %d %s with the outbox unable to store: it is not health-relevant", code, rep.Status)
	}
	if n := h.notification(); n.Alert != alert.RemediationPerformed {
		t.Errorf("delivered %s, want the event held in memory", n.Alert)
	}

	free()
	h.waitFor("the outbox entry ok again", func() bool { return entry().State == "ok" })
}
