package email

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/alert/outbox"
)

// TestThroughTheOutbox runs the sink under the real outbox. A message the
// server rejects permanently (550 at RCPT) is attempted once, logged once
// at error level and counted once as failed. Then, with the server down,
// a trigger and its resolve wait (retried on the backoff, the resolve
// behind its trigger); once the server is back they arrive in order, the
// resolve threaded under the trigger.
func TestThroughTheOutbox(t *testing.T) {
	srv, cert := newServer(t, alerttest.SMTPStartTLS)
	log, hook := alerttest.NewLogger()
	s := newNotifier(t, testConfig(srv, cert, TLSStartTLS), log)
	attempts := make(chan outbox.Attempt, 100)
	ob, err := outbox.Open(t.TempDir(), outbox.Options{
		Logger:    log,
		Backoff:   outbox.Backoff{Initial: 10 * time.Millisecond, Max: 50 * time.Millisecond, Multiplier: 2},
		OnAttempt: func(a outbox.Attempt) { attempts <- a },
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ob.Run(ctx, map[string]alert.Sink{"mail": s}) }()
	defer func() {
		cancel()
		<-done
		_ = ob.Close()
	}()
	var seen []outbox.Attempt
	limit := time.NewTimer(alerttest.WaitLimit)
	defer limit.Stop()
	next := func() outbox.Attempt {
		t.Helper()
		select {
		case a := <-attempts:
			seen = append(seen, a)
			return a
		case <-limit.C:
			t.Fatal("no delivery attempt")
		}
		return outbox.Attempt{}
	}
	enqueue := func(n *alert.Notification) {
		t.Helper()
		if err := ob.Enqueue(context.Background(), n, []string{"mail"}); err != nil {
			t.Fatal(err)
		}
	}

	// 1. A permanent rejection.
	srv.Script(alerttest.SMTPReply{Stage: alerttest.StageRcpt, Code: 550, Message: "mailbox unavailable"})
	rejected := alerttest.Notification(alert.EthBalanceLow, "tc001", alert.StatusFiring, 1)
	enqueue(rejected)
	if a := next(); a.Result != outbox.ResultFailed || a.Reason != "smtp_550" {
		t.Fatalf("attempt %+v, want failed with smtp_550", a)
	}

	// 2. The server is down: the trigger and the resolve wait.
	srv.Stop()
	ep := testEpisode()
	enqueue(ep[0])
	enqueue(ep[2])
	for i := 0; i < 3; i++ {
		if a := next(); a.Result != outbox.ResultRetry || a.Reason != "connection" || a.Status != alert.StatusFiring {
			t.Fatalf("attempt %+v with the server down, want a retried trigger (connection)", a)
		}
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []alert.Status{alert.StatusFiring, alert.StatusResolved} {
		for {
			a := next()
			if a.Result == outbox.ResultRetry {
				continue // an attempt that raced the restart
			}
			if a.Result != outbox.ResultSent || a.Status != want {
				t.Fatalf("attempt %+v, want %s sent", a, want)
			}
			break
		}
	}
	msgs := srv.WaitMessages(t, 2)
	if len(msgs) != 2 {
		t.Fatalf("the server holds %d messages, want the trigger and the resolve", len(msgs))
	}
	trigger, resolve := parseMessage(t, msgs[0].Data), parseMessage(t, msgs[1].Data)
	if id := trigger.Header.Get("Message-ID"); resolve.Header.Get("In-Reply-To") != id || trigger.Header.Get("X-Lpwatch-Status") != "firing" {
		t.Errorf("resolve In-Reply-To %q, trigger %q (%s)", resolve.Header.Get("In-Reply-To"), id, trigger.Header.Get("X-Lpwatch-Status"))
	}

	// The rejection was attempted and reported once.
	if got := srv.Rejected(); got != 1 {
		t.Errorf("the server rejected %d sessions, want 1: a permanent failure is not retried", got)
	}
	if got := alerttest.ErrorLines(hook, rejected.Alert); len(got) != 1 || !strings.Contains(got[0], "smtp_550") {
		t.Errorf("error log lines about the rejection: %q, want one naming smtp_550", got)
	}
	failed := 0
	for _, a := range seen {
		if a.Result == outbox.ResultFailed {
			failed++
		}
	}
	if failed != 1 {
		t.Errorf("%d attempts failed permanently, want the rejected one only", failed)
	}
}
