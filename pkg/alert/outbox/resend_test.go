package outbox

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

// countingSink accepts everything and counts what it got per notification ID.
type countingSink struct {
	mu  sync.Mutex
	got map[string]int
	all []*alert.Notification
}

func (c *countingSink) sink(name string) alert.Sink {
	return sinkFunc(name, func(_ context.Context, n *alert.Notification) error {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.got == nil {
			c.got = map[string]int{}
		}
		c.got[n.ID]++
		c.all = append(c.all, n)
		return nil
	})
}

func (c *countingSink) count(id string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.got[id]
}

func (c *countingSink) total() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.all)
}

// TestEnqueueSameIDKeepsOneCopy: a notification enqueued again with an ID
// a sink's queue holds is neither refused nor held twice for that sink; a
// sink that did not hold it gets it; each sink delivers it once.
func TestEnqueueSameIDKeepsOneCopy(t *testing.T) {
	h := newHarness(t, "", nil, nil)
	n := alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 7)
	h.enqueue(n, "pd")
	again := alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 7)
	again.Description = "seen again after a restart"
	h.enqueue(again, "pd", "slack")
	p := h.ob.Pending()
	if len(p) != 2 || p[0].Sink != "pd" || p[1].Sink != "slack" || len(h.files()) != 2 {
		t.Fatalf("pending %+v, files %v: want one record per sink", p, h.files())
	}
	if p[0].Notification.Description != n.Description {
		t.Errorf("pd's record was replaced: %q", p[0].Notification.Description)
	}
	var pd, slack countingSink
	h.run(pd.sink("pd"), slack.sink("slack"))
	h.drive(time.Second, 2, isResult(ResultSent))
	if pd.count(n.ID) != 1 || slack.count(n.ID) != 1 || pd.total() != 1 || slack.total() != 1 {
		t.Errorf("pd got %v, slack got %v: want the notification once each", pd.got, slack.got)
	}
	if len(h.ob.Pending()) != 0 || len(h.files()) != 0 {
		t.Errorf("left pending %+v, files %v", h.ob.Pending(), h.files())
	}
}

// crashWindow is an alert engine over an outbox directory whose Update
// can be cut short as a kill would: the notifications are queued, but the
// alert state is not saved.
type crashWindow struct {
	t        *testing.T
	stateDir string
	clk      *clock.Fake
	h        *harness
	eng      *alert.Engine
	queued   []*alert.Notification
}

// open (re)starts the outbox and the engine on the directories, as
// lpwatch does after a restart.
func (c *crashWindow) open() {
	c.t.Helper()
	c.h = newHarness(c.t, filepath.Join(c.stateDir, "outbox"), c.clk, nil)
	sil, err := alert.OpenSilences(c.stateDir, c.clk.Now(), checks.Catalog())
	if err != nil {
		c.t.Fatal(err)
	}
	c.eng, err = alert.NewEngine(alert.EngineOptions{Catalog: checks.Catalog(), StateDir: c.stateDir, Source: "orch-1",
		Routes: []alert.Route{{Name: "pd", Type: "pagerduty", MinSeverity: alert.SeverityWarning, SendResolved: true}},
		Repeat: alert.Repeat{Default: time.Hour}, Outbox: c, Silences: sil, Clock: c.clk, Logger: c.h.log})
	if err != nil {
		c.t.Fatal(err)
	}
}

// Enqueue records what the engine queues and passes it to the outbox.
func (c *crashWindow) Enqueue(ctx context.Context, n *alert.Notification, sinks []string) error {
	c.queued = append(c.queued, n)
	return c.h.ob.Enqueue(ctx, n, sinks)
}

// update runs Update and returns what it queued. With crash, the alert
// state file is put back as it was before: lpwatch was killed after the
// outbox took the notifications and before the engine saved its state.
func (c *crashWindow) update(crash bool, in alert.Input) []*alert.Notification {
	c.t.Helper()
	path := filepath.Join(c.stateDir, "alerts.json")
	saved, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		c.t.Fatal(err)
	}
	c.queued = nil
	if err := c.eng.Update(context.Background(), []alert.Input{in}); err != nil {
		c.t.Fatalf("Update: %v", err)
	}
	if crash {
		if saved == nil {
			err = os.Remove(path)
		} else {
			err = os.WriteFile(path, saved, 0o600)
		}
		if err != nil {
			c.t.Fatal(err)
		}
		c.h.close()
	}
	return c.queued
}

// TestResendAfterCrashIsOneDelivery: killed between queueing a trigger
// (then its resolve) and saving the alert state, the restarted engine
// queues the same notification again; it has the same ID, seq and dedup
// key, the outbox, which still holds the first, keeps one copy, and the
// sink gets each notification once.
func TestResendAfterCrashIsOneDelivery(t *testing.T) {
	c := &crashWindow{t: t, stateDir: t.TempDir(), clk: clock.NewFake(alerttest.T0())}
	c.open()
	in := alert.Input{Alert: alert.LivepeerNodeDown, Target: "tc001", Active: true, Severity: alert.SeverityCritical,
		Reason: "connection refused", For: time.Minute}
	if q := c.update(false, in); len(q) != 0 {
		t.Fatalf("queued %d while pending", len(q))
	}
	var pd countingSink
	for _, step := range []struct {
		name   string
		active bool
	}{{"trigger", true}, {"resolve", false}} {
		c.clk.Advance(time.Minute)
		in.Active = step.active
		first := c.update(true, in)
		c.clk.Advance(10 * time.Second)
		c.open()
		again := c.update(false, in)
		if len(first) != 1 || len(again) != 1 {
			t.Fatalf("%s: queued %d before the crash and %d after, want 1 and 1", step.name, len(first), len(again))
		}
		a, b := first[0], again[0]
		if a.ID != b.ID || a.Seq != b.Seq || a.DedupKey() != b.DedupKey() || a.Status != b.Status {
			t.Errorf("%s queued again as id %s seq %d status %s, first id %s seq %d status %s: not recognisable as a re-send",
				step.name, b.ID, b.Seq, b.Status, a.ID, a.Seq, a.Status)
		}
		if p := c.h.ob.Pending(); len(p) != 1 || p[0].Notification.ID != a.ID {
			t.Errorf("%s: the outbox holds %d records, want the first one only: %+v", step.name, len(p), p)
		}
		c.h.run(pd.sink("pd"))
		c.h.drive(time.Second, 1, isResult(ResultSent))
		if got := pd.count(a.ID); got != 1 || len(c.h.ob.Pending()) != 0 {
			t.Errorf("%s delivered %d times, %d still pending; want once", step.name, got, len(c.h.ob.Pending()))
		}
		c.h.stop()
	}
	if pd.total() != 2 {
		t.Errorf("the sink got %d notifications, want the trigger and the resolve", pd.total())
	}
}
