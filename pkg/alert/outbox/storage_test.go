package outbox

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/statefile/statefiletest"
)

// tmpfsDir returns a directory on a tmpfs of its own (256 KiB).
func tmpfsDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	statefiletest.Tmpfs(t, dir, 256<<10)
	return dir
}

// switchSink is a sink named name that accepts while up and fails
// retryably otherwise; it records the IDs it accepted.
type switchSink struct {
	name string
	mu   sync.Mutex
	down bool
	got  []string
}

func (s *switchSink) sink() alert.Sink {
	return sinkFunc(s.name, func(_ context.Context, n *alert.Notification) error {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.down {
			return &alert.DeliveryError{Retryable: true, Reason: "http_503", Err: errors.New("unavailable")}
		}
		s.got = append(s.got, n.ID)
		return nil
	})
}

func (s *switchSink) set(down bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.down = down
}

func (s *switchSink) accepted() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.got...)
}

func notification(id string, seq uint64) *alert.Notification {
	n := alerttest.Notification("DiskSpaceLow", "/var/lib/lpwatch", alert.StatusFiring, seq)
	n.ID = id
	return n
}

// TestFullDisk: on a full disk what is already queued is delivered and
// removed, a new notification is taken into memory, delivered and
// reported, and once space returns the one still pending is written and
// survives a reopen.
func TestFullDisk(t *testing.T) {
	dir := tmpfsDir(t)
	h := newHarness(t, dir, nil, nil)
	h.enqueue(notification("queued", 1), "pd")
	free := statefiletest.Fill(t, dir)

	h.enqueue(notification("in-memory", 2), "pd")
	hs := h.ob.Health()
	if len(hs) != 1 || hs[0].Unstored != 1 || hs[0].QueueDepth != 2 || !strings.Contains(hs[0].StorageError, "no space left on device") ||
		!hs[0].StorageFailingSince.Equal(alerttest.T0()) {
		t.Errorf("health on a full disk: %+v", hs)
	}
	if err := testutil.GatherAndCompare(h.reg, strings.NewReader(`
# HELP lpwatch_notification_unstored Notifications waiting per sink that the outbox could not write to disk (state directory full or read-only): delivered, but lost if lpwatch stops first.
# TYPE lpwatch_notification_unstored gauge
lpwatch_notification_unstored{sink="pd"} 1
`), "lpwatch_notification_unstored"); err != nil {
		t.Error(err)
	}
	if logs := h.errorLogs(); len(logs) != 1 || !strings.Contains(logs[0], "delivering it from memory") || !strings.Contains(logs[0], "no space left") {
		t.Errorf("error logs %q, want one naming the full disk", logs)
	}
	if f := h.files(); len(f) != 2 || f[1] != formatID(1)+recSuffix { // the filler and the queued record
		t.Errorf("files on the full disk: %v", f)
	}

	pd := &switchSink{name: "pd"}
	h.run(pd.sink())
	h.drive(time.Second, 2, isResult(ResultSent))
	if got := pd.accepted(); strings.Join(got, " ") != "queued in-memory" {
		t.Errorf("accepted %v, want the queued record, then the one in memory", got)
	}
	if f := h.files(); len(f) != 1 {
		t.Errorf("files after delivery on the full disk: %v, want only the filler", f)
	}
	if hs := h.ob.Health(); hs[0].Unstored != 0 {
		t.Errorf("health once delivered: %+v", hs)
	}

	statefiletest.Fill(t, dir) // the removal freed a page
	pd.set(true)
	h.enqueue(notification("pending", 3), "pd")
	h.drive(time.Second, 1, isResult(ResultRetry))
	if hs := h.ob.Health(); hs[0].Unstored != 1 || hs[0].QueueDepth != 1 {
		t.Errorf("health with a record pending on the full disk: %+v", hs)
	}
	free()
	h.until(time.Second, "the pending record written once space returned", func() bool {
		hs := h.ob.Health()
		return hs[0].Unstored == 0 && hs[0].StorageError == "" && len(h.files()) == 1
	})
	if f := h.files(); f[0] != formatID(3)+recSuffix {
		t.Errorf("files after the heal: %v, want the pending record", f)
	}
	h.close()

	h2 := newHarness(t, dir, h.clk, nil)
	pd2 := &switchSink{name: "pd"}
	h2.run(pd2.sink())
	h2.drive(time.Second, 1, isResult(ResultSent))
	if got := pd2.accepted(); strings.Join(got, " ") != "pending" {
		t.Errorf("after reopen accepted %v, want only the record written after the heal", got)
	}
}

// TestRemovalFailsAfterAccept: a record whose file cannot be removed once
// the sink accepted it (here: EBUSY, the file is a mount point) is not
// delivered again by
// this process, the failure is reported, and the removal is retried until
// it works, so that a reopen does not send it once more.
func TestRemovalFailsAfterAccept(t *testing.T) {
	dir := tmpfsDir(t)
	h := newHarness(t, dir, nil, nil)
	h.enqueue(notification("a", 1), "pd")
	h.enqueue(notification("b", 2), "pd")
	var release []func()
	for _, id := range []uint64{1, 2} {
		release = append(release, statefiletest.Busy(t, filepath.Join(dir, formatID(id)+recSuffix)))
	}
	pd := &switchSink{name: "pd"}
	h.run(pd.sink())
	h.drive(time.Second, 2, isResult(ResultSent))
	if f := h.files(); len(f) != 2 {
		t.Errorf("files that cannot be removed: %v, want both records still there", f)
	}
	hs := h.ob.Health()
	if !strings.Contains(hs[0].StorageError, "device or resource busy") || hs[0].QueueDepth != 0 {
		t.Errorf("health with records that cannot be removed: %+v", hs)
	}
	if logs := h.errorLogs(); len(logs) != 2 || !strings.Contains(logs[0], "sends it again") {
		t.Errorf("error logs %q, want one per record that cannot be removed", logs)
	}
	for _, r := range release {
		r()
	}
	h.until(time.Second, "the removals retried", func() bool { return len(h.files()) == 0 && h.ob.Health()[0].StorageError == "" })
	if got := pd.accepted(); strings.Join(got, " ") != "a b" {
		t.Errorf("accepted %v, want each once", got)
	}
	h.close()
	h2 := newHarness(t, dir, h.clk, nil)
	if p := h2.ob.Pending(); len(p) != 0 {
		t.Errorf("delivered records came back after the reopen: %+v", p)
	}
}

// TestCloseReportsUnstored: closing with records that never reached the
// disk says how many are lost; beyond maxUnstored, Enqueue fails.
func TestCloseReportsUnstored(t *testing.T) {
	dir := tmpfsDir(t)
	h := newHarness(t, dir, nil, nil)
	free := statefiletest.Fill(t, dir)
	defer free()
	for i := range maxUnstored {
		h.enqueue(notification(fmt.Sprintf("n%d", i), uint64(i+1)), "pd")
	}
	err := h.ob.Enqueue(context.Background(), notification("one-too-many", maxUnstored+1), []string{"pd"})
	if err == nil || !strings.Contains(err.Error(), "no space left") || !strings.Contains(err.Error(), "1000 notifications already wait in memory") {
		t.Errorf("enqueue beyond the bound: %v", err)
	}
	ob := h.ob
	h.ob = nil
	err = ob.Close()
	if err == nil || !strings.Contains(err.Error(), "1000 notification(s) could not be stored and are lost") {
		t.Errorf("Close: %v", err)
	}
}
