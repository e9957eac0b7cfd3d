package outbox

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

func TestRecordsSurviveReopen(t *testing.T) {
	dir := t.TempDir()
	clk := clock.NewFake(alerttest.T0())
	h1 := newHarness(t, dir, clk, nil)
	want := lifecycle(h1)
	h1.close() // what a crash between enqueue and delivery leaves on disk

	h2 := newHarness(t, dir, clk, nil)
	if p := h2.ob.Pending(); len(p) != 8 || p[0].Sink != "pd" || p[0].Notification.Alert != "RewardNotCalled" {
		t.Fatalf("after reopen: %d pending records, first %+v", len(p), p[0])
	}
	rs := newReceivers(t, clk)
	h2.run(rs.pdSink, rs.slSink)
	h2.drive(time.Second, 8, isResult(ResultSent))
	assertOnceInOrder(t, "pagerduty", delivered(t, rs.pd), want)
	assertOnceInOrder(t, "slack", delivered(t, rs.sl), want)
	h2.close()

	h3 := newHarness(t, dir, clk, nil)
	if p := h3.ob.Pending(); len(p) != 0 {
		t.Errorf("delivered records came back after reopen: %+v", p)
	}
	if f := h3.files(); len(f) != 0 {
		t.Errorf("files left: %v", f)
	}
}

func TestOpenTwiceIsRefused(t *testing.T) {
	h := newHarness(t, "", nil, nil)
	log, _ := alerttest.NewLogger()
	if _, err := Open(h.dir, Options{Logger: log}); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("second Open of a locked directory: %v", err)
	}
}

// TestKill9 enqueues in a child process, kills it with SIGKILL before any
// delivery, and checks that the parent delivers everything once.
func TestKill9(t *testing.T) {
	if os.Getenv("LPWATCH_OUTBOX_CHILD") != "" {
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKill9Child$")
	cmd.Env = append(os.Environ(), "LPWATCH_OUTBOX_CHILD="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if sc.Text() == "enqueued" {
				ready <- true
				return
			}
		}
		ready <- false
	}()
	select {
	case ok := <-ready:
		if !ok {
			t.Fatal("child exited before enqueueing")
		}
	case <-time.After(alerttest.WaitLimit):
		t.Fatal("child did not enqueue in time")
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()

	clk := clock.NewFake(alerttest.T0())
	h := newHarness(t, dir, clk, nil)
	rs := newReceivers(t, clk)
	h.run(rs.pdSink, rs.slSink)
	h.drive(time.Second, 8, isResult(ResultSent))
	want := []string{"RewardNotCalled/tc001:trigger", "EthNodeHeadStale/geth:trigger", "RewardNotCalled/tc001:resolve", "EthNodeHeadStale/geth:resolve"}
	assertOnceInOrder(t, "pagerduty", delivered(t, rs.pd), want)
	assertOnceInOrder(t, "slack", delivered(t, rs.sl), want)
}

// TestKill9Child is the child of TestKill9: it enqueues, says so, and
// waits to be killed while a worker is stuck on a sink that never answers.
func TestKill9Child(t *testing.T) {
	dir := os.Getenv("LPWATCH_OUTBOX_CHILD")
	if dir == "" {
		t.Skip("only run as TestKill9's child process")
	}
	h := newHarness(t, dir, nil, nil)
	lifecycle(h)
	block := func(ctx context.Context, _ *alert.Notification) error { <-ctx.Done(); return ctx.Err() }
	h.run(sinkFunc("pd", block), sinkFunc("slack", block))
	os.Stdout.WriteString("enqueued\n")
	select {}
}

func TestCorruptRecords(t *testing.T) {
	dir := t.TempDir()
	good, err := encodeRecord(diskRecord{Sink: "slack", EnqueuedAt: alerttest.T0(), Notification: alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1)})
	if err != nil {
		t.Fatal(err)
	}
	flipped := append([]byte(nil), good...)
	flipped[len(flipped)-5] ^= 0x20
	writeRaw(t, dir, formatID(3)+recSuffix, good)
	writeRaw(t, dir, formatID(4)+recSuffix, good[:len(good)/2]) // torn write
	writeRaw(t, dir, formatID(5)+recSuffix, flipped)            // bit rot
	writeRaw(t, dir, formatID(99)+recSuffix, []byte("garbage"))
	writeRaw(t, dir, "notanid.rec", good)
	writeRaw(t, dir, formatID(7)+recSuffix+tmpSuffix, good[:10]) // interrupted enqueue
	writeRaw(t, dir, "README", []byte("not ours"))

	h := newHarness(t, dir, nil, nil)
	if p := h.ob.Pending(); len(p) != 1 || p[0].ID != formatID(3) {
		t.Fatalf("pending %+v, want only the good record", p)
	}
	wantFiles := []string{formatID(3) + ".rec", formatID(4) + ".rec.corrupt", formatID(5) + ".rec.corrupt",
		formatID(99) + ".rec.corrupt", "README", "notanid.rec.corrupt"}
	if got := h.files(); strings.Join(got, " ") != strings.Join(wantFiles, " ") {
		t.Errorf("files %v, want %v", got, wantFiles)
	}
	if logs := h.errorLogs(); len(logs) != 4 {
		t.Errorf("got %d error logs, want one per corrupt file: %q", len(logs), logs)
	}
	h.enqueue(alerttest.Notification("TxStalled", "tc002", alert.StatusFiring, 1), "slack")
	if p := h.ob.Pending(); len(p) != 2 || p[1].ID != formatID(100) {
		t.Errorf("new record %+v, want id after the highest seen", p[len(p)-1])
	}
	rs := newReceivers(t, h.clk)
	h.run(rs.slSink)
	h.drive(time.Second, 2, isResult(ResultSent))
	if _, err := os.Stat(filepath.Join(dir, formatID(3)+recSuffix)); !os.IsNotExist(err) {
		t.Errorf("delivered record still on disk: %v", err)
	}
}

func TestMaxAge(t *testing.T) {
	dir := t.TempDir()
	clk := clock.NewFake(alerttest.T0())
	maxAge := func(o *Options) { o.MaxAge = time.Hour }

	// Expiry while the sink keeps failing.
	h := newHarness(t, dir, clk, maxAge)
	rs := newReceivers(t, clk)
	rs.pd.SetDecider(func(alerttest.Request) alerttest.Response { return alerttest.Response{Status: 503} })
	h.enqueue(alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1), "pd")
	h.run(rs.pdSink)
	got := h.drive(time.Second, 1, isFinal)
	last := got[len(got)-1]
	if last.Result != ResultExpired || h.counter("pd", ResultExpired) != 1 {
		t.Fatalf("last attempt %+v, expired = %v", last, h.counter("pd", ResultExpired))
	}
	if age := last.At.Sub(alerttest.T0()); age <= time.Hour || age > time.Hour+time.Second {
		t.Errorf("dropped after %s, want just over the max age", age)
	}
	attempts := len(rs.pd.Requests())
	clk.Advance(time.Hour)
	if len(rs.pd.Requests()) != attempts || len(h.ob.Pending()) != 0 || len(h.files()) != 0 {
		t.Errorf("an expired record is still pending or retried")
	}
	if logs := h.errorLogs(); len(logs) != 1 || !strings.Contains(logs[0], "max age") {
		t.Errorf("error logs %q, want one expiry", logs)
	}
	h.close()

	// Expiry of a record found on Open: no attempt at all.
	h = newHarness(t, dir, clk, maxAge)
	h.enqueue(alerttest.Notification("TxStalled", "tc002", alert.StatusFiring, 1), "pd")
	h.close()
	clk.Advance(2 * time.Hour)
	h = newHarness(t, dir, clk, maxAge)
	sent := 0
	h.run(sinkFunc("pd", func(context.Context, *alert.Notification) error { sent++; return nil }))
	if a := h.drive(time.Second, 1, isFinal); a[0].Result != ResultExpired || sent != 0 {
		t.Errorf("got %+v after %d sends, want an expiry without attempt", a, sent)
	}
}
