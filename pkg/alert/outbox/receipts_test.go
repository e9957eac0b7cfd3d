package outbox

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/statefile"
	"github.com/lpwatch/lpwatch/pkg/statefile/statefiletest"
)

// threadSink is an alert.Threader named name that numbers the messages it
// takes ("m1", "m2", ...) and records, for each, its status and the
// thread it was given.
type threadSink struct {
	name string
	mu   sync.Mutex
	next int
	got  []string
}

func (s *threadSink) Name() string { return s.name }
func (s *threadSink) Type() string { return "thread" }
func (s *threadSink) Notify(ctx context.Context, n *alert.Notification) error {
	_, err := s.NotifyThread(ctx, n, "")
	return err
}

func (s *threadSink) NotifyThread(_ context.Context, n *alert.Notification, thread string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.next++
	s.got = append(s.got, fmt.Sprintf("%s %s<%s", n.Alert, n.Status, thread))
	return fmt.Sprintf("m%d", s.next), nil
}

func (s *threadSink) taken() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.got...)
}

// episode returns the notifications of one firing episode of alertName
// starting at start: the first, a reminder and the resolve.
func episode(alertName string, start time.Time) (first, repeat, resolve *alert.Notification) {
	first = alerttest.Notification(alertName, "tc001", alert.StatusFiring, 1)
	first.Why, first.StartsAt = alert.ReasonNew, start
	repeat = alerttest.Notification(alertName, "tc001", alert.StatusFiring, 2)
	repeat.Why, repeat.StartsAt = alert.ReasonRepeat, start
	resolve = alerttest.Notification(alertName, "tc001", alert.StatusResolved, 3)
	resolve.StartsAt = start
	return first, repeat, resolve
}

// TestReceiptsThreadAcrossReopen: the receipt of an episode's first
// message is on disk (receipts.json, format version 1) before its record
// is removed; the reminder and, after a reopen, the resolve get it; the
// resolve removes it; another episode's messages never get it.
func TestReceiptsThreadAcrossReopen(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, dir, nil, nil)
	s := &threadSink{name: "chat"}
	h.run(s)
	first, repeat, resolve := episode(alert.RewardNotCalled, alerttest.T0())
	h.enqueue(first, "chat")
	h.enqueue(repeat, "chat")
	h.drive(time.Second, 2, isResult(ResultSent))
	b, err := os.ReadFile(filepath.Join(dir, receiptsFile))
	if err != nil {
		t.Fatal(err)
	}
	if v, err := statefile.Version(b); err != nil || v != receiptsVersion || !strings.Contains(string(b), `"receipt": "m1"`) {
		t.Errorf("receipts.json (version %d, %v):\n%s", v, err, b)
	}
	h.close()

	h2 := newHarness(t, dir, h.clk, nil)
	if rc := h2.ob.Receipts(); len(rc) != 1 || rc[0].Sink != "chat" || rc[0].Key != first.Key() || rc[0].Receipt != "m1" || !rc[0].StartsAt.Equal(first.StartsAt) {
		t.Fatalf("receipts after reopen: %+v", rc)
	}
	h2.run(s)
	// A resolve of another episode (started an hour later) is not threaded.
	_, _, stray := episode(alert.RewardNotCalled, alerttest.T0().Add(time.Hour))
	stray.Seq = 3
	h2.enqueue(stray, "chat")
	h2.drive(time.Second, 1, isResult(ResultSent))
	if rc := h2.ob.Receipts(); len(rc) != 1 {
		t.Errorf("another episode's resolve removed the receipt: %+v", rc)
	}
	resolve.Seq = 4
	h2.enqueue(resolve, "chat")
	h2.drive(time.Second, 1, isResult(ResultSent))
	next, _, _ := episode(alert.RewardNotCalled, alerttest.T0().Add(2*time.Hour))
	next.Seq = 5
	h2.enqueue(next, "chat")
	h2.drive(time.Second, 1, isResult(ResultSent))
	want := []string{"RewardNotCalled firing<", "RewardNotCalled firing<m1", "RewardNotCalled resolved<", "RewardNotCalled resolved<m1", "RewardNotCalled firing<"}
	if got := s.taken(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("taken %q, want %q", got, want)
	}
	if rc := h2.ob.Receipts(); len(rc) != 1 || rc[0].Receipt != "m5" {
		t.Errorf("receipts after the next episode began: %+v, want its own", rc)
	}

	// A sink that is no longer configured takes its receipts along.
	h2.stop()
	h2.run(sinkFunc("pd", func(context.Context, *alert.Notification) error { return nil }))
	h2.close()
	h3 := newHarness(t, dir, h.clk, nil)
	if rc := h3.ob.Receipts(); len(rc) != 0 {
		t.Errorf("receipts of a removed sink: %+v", rc)
	}
}

// TestReceiptsFileFormat: a receipts file in a newer format fails Open and
// is left as it is; a damaged one is moved aside, logged, and the outbox
// opens without receipts.
func TestReceiptsFileFormat(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, receiptsFile)
	newer := []byte(`{"version": 2, "receipts": []}`)
	writeRaw(t, dir, receiptsFile, newer)
	log, _ := alerttest.NewLogger()
	ob, err := Open(dir, Options{Logger: log})
	if ob != nil || !errors.Is(err, statefile.ErrNewer) || !strings.Contains(err.Error(), path) {
		t.Fatalf("Open = %v, %v; want a refusal naming %s", ob, err, path)
	}
	if b, _ := os.ReadFile(path); string(b) != string(newer) {
		t.Errorf("the newer file changed: %s", b)
	}

	writeRaw(t, dir, receiptsFile, []byte(`{"version": 1, "receipts": [`))
	h := newHarness(t, dir, nil, nil)
	if rc := h.ob.Receipts(); len(rc) != 0 {
		t.Errorf("receipts from a damaged file: %+v", rc)
	}
	if logs := h.errorLogs(); len(logs) != 1 || !strings.Contains(logs[0], "receipts unreadable") {
		t.Errorf("error logs %q", logs)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the damaged file was not moved aside: %v", err)
	}
}

// TestReceiptsOnFullDisk: a receipt that cannot be written is kept in
// memory (the resolve still threads), logged, and written once space
// returns.
func TestReceiptsOnFullDisk(t *testing.T) {
	dir := tmpfsDir(t)
	h := newHarness(t, dir, nil, nil)
	s := &threadSink{name: "chat"}
	first, _, resolve := episode(alert.TxStalled, alerttest.T0())
	h.enqueue(first, "chat")
	free := statefiletest.Fill(t, dir)
	h.run(s)
	h.drive(time.Second, 1, isResult(ResultSent))
	// The failure is logged (Health may already show the save loop's next
	// failure, or none: it may store the receipt in the page the record's
	// removal freed).
	warned := false
	for _, line := range alerttest.LogTexts(h.hook) {
		warned = warned || strings.Contains(line, "cannot store the message receipt") && strings.Contains(line, "no space left on device")
	}
	if !warned {
		t.Errorf("no warning about the receipt that could not be stored:\n%s", strings.Join(alerttest.LogTexts(h.hook), "\n"))
	}
	if rc := h.ob.Receipts(); len(rc) != 1 || rc[0].Receipt != "m1" {
		t.Errorf("receipts in memory: %+v", rc)
	}
	free()
	h.until(time.Second, "the receipt written once space returned", func() bool {
		_, err := os.Stat(filepath.Join(dir, receiptsFile))
		return err == nil && h.ob.Health()[0].StorageError == ""
	})
	h.enqueue(resolve, "chat")
	h.drive(time.Second, 1, isResult(ResultSent))
	if got := s.taken(); len(got) != 2 || got[1] != "TxStalled resolved<m1" {
		t.Errorf("taken %q, want the resolve threaded under m1", got)
	}
}
