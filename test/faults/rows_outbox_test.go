package faults

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/outbox"
	"github.com/lpwatch/lpwatch/pkg/soak"
	"github.com/lpwatch/lpwatch/pkg/statefile/statefiletest"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// outboxRows are the delivery-semantics rows: what a full state directory
// and a kill -9 at the worst moment of a delivery do to notifications.
func outboxRows() []row {
	return []row{
		{
			name: "enospc", area: "state",
			fault: "state.dir is a 1 MiB tmpfs that fills up (ENOSPC) while a trigger waits on disk for a failing sink; " +
				"the node comes back while it is full; then space returns, lpwatch is killed -9 and restarted",
			want: want{fire: []ident{{alert.LivepeerNodeDown, node1}, {alert.DiskSpaceLow, "<state.dir>"}},
				note: "the queued trigger is delivered and removed on the full disk; DiskSpaceLow (critical in /health) and the resolve " +
					"are delivered from memory; /status and lpwatch_notification_unstored report it; once space returns the pending " +
					"resolve is written and survives the kill -9; every notification arrives once, in order"},
			child: enospc,
		},
		{
			name: "kill-after-accept", area: "signal",
			fault: "kill -9 right after the sink's 200 status line (its body held back), then kill -9 after the sink took a trigger " +
				"but before it answered",
			want: want{fire: []ident{{alert.LivepeerNodeDown, node1}},
				note: "the record is removed on the status line, so the first trigger is not sent again; the unanswered one is " +
					"sent again after the restart, the same document (id, seq, dedup_key); every trigger resolved once"},
			child: killAfterAccept,
		},
	}
}

// enospc runs lpwatch on a state directory that fills up.
func enospc(t *testing.T, c *children) {
	r := newRig(t, c)
	if err := os.Mkdir(r.state, 0o755); err != nil {
		t.Fatal(err)
	}
	statefiletest.Tmpfs(t, r.state, 1<<20)
	r.write(withHostDisk(t, r.config(""), r.state))
	r.pager.setMode(sinkMode{status: http.StatusServiceUnavailable})
	p := r.run(false)
	r.waitHealthy(p)

	// A trigger waits on disk for the failing sink; then the disk fills up.
	r.nodeSrv.Stop()
	waitUntil(t, "the trigger queued on disk and attempted", func() bool {
		return len(outboxRecords(t, r.state)) == 1 && len(r.pager.deliveries()) > 0
	})
	statefiletest.Fill(t, r.state)
	waitUntil(t, "DiskSpaceLow held in memory", func() bool {
		h := pagerHealth(t, r.base())
		return h.Unstored == 1 && strings.Contains(h.StorageError, "no space left on device")
	})
	p.waitLog("cannot store a notification in the outbox", 1)
	if v, ok := scrape(t, r.base(), "lpwatch_notification_unstored", `sink="pager"`); !ok || v != 1 {
		t.Errorf("lpwatch_notification_unstored{sink=\"pager\"} = %v (%v) on the full disk, want 1", v, ok)
	}
	checkDiskInHealth(t, r.base(), r.state)

	// Delivery goes on from disk and memory; the removal works on a full disk.
	r.pager.setMode(sinkMode{})
	waitUntil(t, "the queued trigger and DiskSpaceLow delivered on the full disk", func() bool {
		return r.pager.has(alert.LivepeerNodeDown, node1, "firing") && r.pager.has(alert.DiskSpaceLow, r.state, "firing") &&
			len(outboxRecords(t, r.state)) == 0
	})
	free := statefiletest.Fill(t, r.state) // the removal freed a page

	// The resolve, while the disk is full and the sink fails, is held.
	r.pager.setMode(sinkMode{status: http.StatusServiceUnavailable})
	soak.MustRestart(t, r.nodeSrv)
	waitUntil(t, "the resolve held in memory and attempted", func() bool {
		return pagerHealth(t, r.base()).Unstored == 1 && attempted(r.pager, alert.LivepeerNodeDown, "resolved")
	})

	// Space returns: the held resolve is written, with DiskSpaceLow's own.
	free()
	waitUntil(t, "the storage error cleared and both resolves on disk", func() bool {
		h := pagerHealth(t, r.base())
		return h.Unstored == 0 && h.StorageError == "" && len(outboxRecords(t, r.state)) == 2
	})
	waitStateSaved(t, r.state, 4, 0)
	p.kill9()
	p.checkClean()

	r.pager.setMode(sinkMode{})
	p2 := r.run(false)
	waitUntil(t, "both resolves delivered after the restart", func() bool {
		return r.pager.has(alert.LivepeerNodeDown, node1, "resolved") && r.pager.has(alert.DiskSpaceLow, r.state, "resolved") &&
			len(outboxRecords(t, r.state)) == 0
	})
	r.checkLedger()
	if got := r.pager.acceptedList(); len(got) != 4 {
		t.Errorf("the pager accepted %d notifications, want 2 triggers and their resolves: %v", len(got), got)
	}
	p2.terminate()
}

// withHostDisk turns on the host checks of a rig's configuration with
// path as the one data path.
func withHostDisk(t *testing.T, cfg, path string) string {
	t.Helper()
	return edit(t, cfg, "[host]\nenabled = false\n",
		fmt.Sprintf("[host]\nenabled = true\ndata_paths = [%q]\nclock = false\ninterval = \"500ms\"\ntimeout = \"400ms\"\n", path))
}

// pagerHealth returns the outbox's view of the pager sink from a child's
// /status (the zero value when it cannot be read).
func pagerHealth(t *testing.T, base string) outbox.SinkHealth {
	t.Helper()
	var st status.Report
	if !getJSON(base+"/status", &st) {
		return outbox.SinkHealth{}
	}
	for _, h := range st.Delivery.Sinks {
		if h.Sink == "pager" {
			return h
		}
	}
	return outbox.SinkHealth{}
}

// checkDiskInHealth checks that /health lists DiskSpaceLow on path as
// critical, naming the path (the node is down too: 503).
func checkDiskInHealth(t *testing.T, base, path string) {
	t.Helper()
	var rep status.HealthReport
	waitUntil(t, "/health listing DiskSpaceLow critical", func() bool {
		getJSON(base+"/health", &rep)
		for _, c := range rep.Checks {
			if c.Check == alert.DiskSpaceLow && c.Target == path {
				return c.State == "critical" && strings.Contains(c.Reason, path)
			}
		}
		return false
	})
	if code := httpStatus(base + "/health"); code != http.StatusServiceUnavailable {
		t.Errorf("/health answered %d with the node down, want 503", code)
	}
}

// getJSON decodes the body of a GET into v; false when it fails.
func getJSON(url string, v any) bool {
	resp, err := httpClient.Get(url)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v) == nil
}

// attempted reports whether the sink got (and refused) a notification of
// the alert with status.
func attempted(s *sinkServer, alertName, status string) bool {
	for _, d := range s.deliveries() {
		if d.p.Alert == alertName && string(d.p.Status) == status {
			return true
		}
	}
	return false
}

// killAfterAccept kills lpwatch -9 at the two worst moments of a delivery.
func killAfterAccept(t *testing.T, c *children) {
	r := newRig(t, c)
	// A long sink timeout: only the status line may settle the record.
	r.write(edit(t, r.config(""), `timeout = "5s"`, `timeout = "10m"`))

	// 1. The status line said accepted; the body is held back.
	r.pager.setMode(sinkMode{holdBody: true})
	p := r.run(false)
	r.waitHealthy(p)
	r.nodeSrv.Stop()
	waitUntil(t, "the trigger's record removed while the pager still holds back its body", func() bool {
		return r.pager.Busy() && len(outboxRecords(t, r.state)) == 0
	})
	waitStateSaved(t, r.state, 1, 1)
	p.kill9()
	p.checkClean()
	waitUntil(t, "the held answer ended", func() bool { return len(r.pager.deliveries()) == 1 })

	r.pager.setMode(sinkMode{})
	p2 := r.run(false)
	soak.MustRestart(t, r.nodeSrv)
	waitUntil(t, "the resolve delivered after the restart", func() bool {
		return r.pager.has(alert.LivepeerNodeDown, node1, "resolved")
	})
	// A trigger sent again would have come first: one identity is in order.
	if n := accepted(r.pager, alert.LivepeerNodeDown, "firing"); n != 1 {
		t.Errorf("the pager accepted the trigger %d times: it was sent again although its status line had accepted it", n)
	}

	// 2. The pager took the trigger but its answer never came.
	r.pager.setMode(sinkMode{hang: true})
	before := len(r.pager.deliveries())
	r.nodeSrv.Stop()
	waitUntil(t, "the second trigger at the pager, unanswered and on disk", func() bool {
		return r.pager.Busy() && len(outboxRecords(t, r.state)) == 1
	})
	waitStateSaved(t, r.state, 3, 1)
	p2.kill9()
	p2.checkClean()
	waitUntil(t, "the unanswered request ended", func() bool { return len(r.pager.deliveries()) == before+1 })
	first := r.pager.deliveries()[before]
	if first.accepted() || first.p.Alert != alert.LivepeerNodeDown || first.p.Status != alert.StatusFiring {
		t.Fatalf("the request cut by the kill is %s %s answered %d, want the unanswered trigger", first.p.Alert, first.p.Status, first.status)
	}

	r.pager.setMode(sinkMode{})
	p3 := r.run(false)
	waitUntil(t, "the unanswered trigger sent again after the restart", func() bool { return len(r.pager.attemptsOf(first.p.ID)) == 2 })
	again := r.pager.attemptsOf(first.p.ID)[1]
	if !again.accepted() || !reflect.DeepEqual(again.p, first.p) {
		t.Errorf("the trigger sent again (answered %d) differs from the attempt cut by the kill: a receiver cannot drop it\n%+v\n%+v",
			again.status, first.p, again.p)
	}
	soak.MustRestart(t, r.nodeSrv)
	waitUntil(t, "the second resolve delivered and the outbox empty", func() bool {
		return accepted(r.pager, alert.LivepeerNodeDown, "resolved") == 2 && len(outboxRecords(t, r.state)) == 0
	})
	r.checkLedger()
	if got := r.pager.acceptedList(); len(got) != 4 {
		t.Errorf("the pager accepted %d notifications, want two triggers and their resolves", len(got))
	}
	p3.terminate()
}

// accepted counts the notifications of alert with status a sink accepted.
func accepted(s *sinkServer, alertName, status string) int {
	n := 0
	for _, p := range s.acceptedList() {
		if p.Alert == alertName && string(p.Status) == status {
			n++
		}
	}
	return n
}

// edit replaces the one occurrence of old in a configuration.
func edit(t *testing.T, cfg, old, repl string) string {
	t.Helper()
	if strings.Count(cfg, old) != 1 {
		t.Fatalf("the configuration does not hold %q exactly once", old)
	}
	return strings.Replace(cfg, old, repl, 1)
}

// terminate stops the child with SIGTERM and checks that it exits 0 with
// a clean log.
func (p *child) terminate() {
	p.t.Helper()
	p.signal(syscall.SIGTERM)
	if code := p.exitCode(); code != 0 {
		p.t.Errorf("lpwatch exited %d on SIGTERM", code)
	}
	p.checkClean()
}

// kill9 kills the child with SIGKILL, which gives it no chance to flush
// or clean up anything, and waits until it is gone.
func (p *child) kill9() {
	p.t.Helper()
	p.signal(syscall.SIGKILL)
	if code := p.exitCode(); code != -1 {
		p.t.Errorf("lpwatch exited %d, not killed by SIGKILL", code)
	}
}

// waitStateSaved waits until the alert state on disk (alerts.json) has
// numbered notifications up to seq and holds n firing alerts. The engine
// saves it just after it queued a notification: a kill -9 in between
// makes the restarted engine queue that notification anew (the same seq
// and dedup_key, another id), which is not what these rows are about.
func waitStateSaved(t *testing.T, state string, seq uint64, n int) {
	t.Helper()
	waitUntil(t, fmt.Sprintf("the alert state saved up to seq %d with %d alert(s) firing", seq, n), func() bool {
		var st struct {
			Seq    uint64 `json:"seq"`
			Alerts map[string]struct {
				Phase alert.Phase `json:"phase"`
			} `json:"alerts"`
		}
		b, err := os.ReadFile(filepath.Join(state, "alerts.json"))
		if err != nil || json.Unmarshal(b, &st) != nil || st.Seq < seq {
			return false
		}
		firing := 0
		for _, a := range st.Alerts {
			if a.Phase == alert.PhaseFiring {
				firing++
			}
		}
		return firing == n
	})
}
