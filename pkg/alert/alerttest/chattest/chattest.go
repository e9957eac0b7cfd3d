// Package chattest runs a sink that threads its messages (alert.Threader:
// Telegram, Discord) under the real outbox against a chat stand-in
// (alerttest.Chat): a permanent refusal is attempted and reported once;
// with the service down, a trigger and its resolve wait, in order, and
// arrive once it is up, the resolve referring to the trigger's message;
// a resolve after a restart of the outbox still refers to it (the receipt
// is on disk); a resolve whose trigger's receipt is missing is sent as a
// message of its own.
package chattest

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/alert/outbox"
)

// Case is one sink for Run.
type Case struct {
	// Dialect is the chat stand-in's.
	Dialect alerttest.Dialect
	// Build returns the sink, named Sink, posting to the stand-in at
	// baseURL.
	Build func(baseURL string, log logrus.FieldLogger) alert.Sink
	// Reject is a permanent refusal in the vendor's words, and Reason its
	// class.
	Reject alerttest.Response
	Reason string
}

// Sink is the name of the sink Run drives.
const Sink = "chat"

// run is one outbox over dir, delivering to the sink.
type run struct {
	t        *testing.T
	ob       *outbox.Outbox
	attempts chan outbox.Attempt
	stop     func()
}

func start(t *testing.T, dir string, s alert.Sink, log logrus.FieldLogger) *run {
	t.Helper()
	r := &run{t: t, attempts: make(chan outbox.Attempt, 1000)}
	ob, err := outbox.Open(dir, outbox.Options{
		Logger:    log,
		Backoff:   outbox.Backoff{Initial: 10 * time.Millisecond, Max: 50 * time.Millisecond, Multiplier: 2},
		OnAttempt: func(a outbox.Attempt) { r.attempts <- a },
	})
	if err != nil {
		t.Fatal(err)
	}
	r.ob = ob
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ob.Run(ctx, map[string]alert.Sink{Sink: s}) }()
	r.stop = func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
		if err := ob.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		r.stop = func() {}
	}
	t.Cleanup(func() { r.stop() })
	return r
}

func (r *run) enqueue(n *alert.Notification) {
	r.t.Helper()
	if err := r.ob.Enqueue(context.Background(), n, []string{Sink}); err != nil {
		r.t.Fatal(err)
	}
}

// next returns the next attempt; it fails the test after WaitLimit.
func (r *run) next() outbox.Attempt {
	r.t.Helper()
	select {
	case a := <-r.attempts:
		return a
	case <-time.After(alerttest.WaitLimit):
		r.t.Fatal("no delivery attempt")
	}
	return outbox.Attempt{}
}

// sent waits until n was delivered; it fails the test on a drop.
func (r *run) sent(n *alert.Notification) {
	r.t.Helper()
	for {
		a := r.next()
		switch {
		case a.Result == outbox.ResultRetry:
			continue
		case a.Result != outbox.ResultSent || a.Alert != n.Alert || a.Status != n.Status:
			r.t.Fatalf("attempt %+v, want %s %s sent", a, n.Alert, n.Status)
		}
		return
	}
}

// Run runs c's sink through the outbox scenarios of the package comment.
func Run(t *testing.T, c Case) {
	chat := alerttest.NewChat(t, c.Dialect)
	log, hook := alerttest.NewLogger()
	dir := t.TempDir()
	r := start(t, dir, c.Build(chat.URL(), log), log)

	// 1. A permanent refusal: attempted once, logged once, counted once.
	chat.Script(c.Reject)
	rejected := alerttest.Notification(alert.EthBalanceLow, "tc001", alert.StatusFiring, 1)
	r.enqueue(rejected)
	if a := r.next(); a.Result != outbox.ResultFailed || a.Reason != c.Reason {
		t.Fatalf("attempt %+v, want failed with %s", a, c.Reason)
	}
	if got := alerttest.ErrorLines(hook, rejected.Alert); len(got) != 1 || !strings.Contains(got[0], c.Reason) {
		t.Errorf("error log lines about the refusal: %q, want one naming %s", got, c.Reason)
	}

	// 2. The service is down: the trigger and the resolve wait, in order.
	chat.SetDown(true)
	trigger := alerttest.Notification(alert.RewardNotCalled, "tc001", alert.StatusFiring, 1)
	resolve := alerttest.Notification(alert.RewardNotCalled, "tc001", alert.StatusResolved, 2)
	r.enqueue(trigger)
	r.enqueue(resolve)
	for i := 0; i < 3; i++ {
		if a := r.next(); a.Result != outbox.ResultRetry || a.Status != alert.StatusFiring || !strings.HasPrefix(a.Reason, "http_5") {
			t.Fatalf("attempt %+v with the service down, want a retried trigger (5xx)", a)
		}
	}
	chat.SetDown(false)
	r.sent(trigger)
	r.sent(resolve)
	assertThread(t, "after the outage", chat.Events()[0:], 0)
	if rc := r.ob.Receipts(); len(rc) != 0 {
		t.Errorf("receipts after the resolve: %+v, want none", rc)
	}

	// 3. The trigger is sent, the outbox restarts, the resolve follows.
	from := len(chat.Events())
	stalled := alerttest.Notification(alert.TxStalled, "tc001", alert.StatusFiring, 1)
	r.enqueue(stalled)
	r.sent(stalled)
	if rc := r.ob.Receipts(); len(rc) != 1 || rc[0].Key != stalled.Key() || rc[0].Sink != Sink {
		t.Fatalf("receipts after the trigger: %+v", rc)
	}
	r.stop()
	r = start(t, dir, c.Build(chat.URL(), log), log)
	done := alerttest.Notification(alert.TxStalled, "tc001", alert.StatusResolved, 2)
	r.enqueue(done)
	r.sent(done)
	assertThread(t, "across a restart", chat.Events(), from)

	// 4. A resolve whose trigger left no receipt is sent on its own.
	from = len(chat.Events())
	orphan := alerttest.Notification(alert.EthNodeHeadStale, "geth", alert.StatusResolved, 2)
	r.enqueue(orphan)
	r.sent(orphan)
	if ev := chat.Events()[from:]; !slices.Equal(ev, []string{"resolve"}) {
		t.Errorf("events of a resolve without receipt: %q, want one resolve of its own", ev)
	}
	chat.AssertValid(t)
}

// assertThread checks the events from index from: one trigger, then a
// resolve referring to its message (a follow-up may come after).
func assertThread(t *testing.T, what string, events []string, from int) {
	t.Helper()
	ev := events[from:]
	if len(ev) < 2 || !strings.HasPrefix(ev[0], "trigger ") || ev[1] != "resolve "+strings.TrimPrefix(ev[0], "trigger ") {
		t.Errorf("events %s: %q, want a trigger then a resolve referring to its message", what, ev)
	}
	for _, e := range ev[2:] {
		if e != "follow-up" {
			t.Errorf("events %s: %q, want nothing more than a follow-up after the resolve", what, ev)
		}
	}
}
