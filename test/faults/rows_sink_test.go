package faults

import (
	"net/http"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/soak"
)

// sinkFault is one way the "pager" sink misbehaves.
type sinkFault struct {
	name, fault string
	// reason is the failure class /status must show; "" for a sink that works.
	reason string
	opts   envOptions
	fail   func(e *env)
	repair func(e *env)
	// permanent failures are dropped: the sink is repaired before the node,
	// so that the resolve is what reaches it.
	permanent bool
	during    func(e *env)
	note      string
}

// sinkRow turns a sink fault into a row: the node goes down while the sink
// fails, so that its trigger and resolve meet the failing sink, and
// NotificationDeliveryFailing fires after 10m through the other sink (never
// through the one it is about); once the sink heals everything it missed
// arrives, exactly once and in order.
func sinkRow(f sinkFault) row {
	fire := []ident{{alert.LivepeerNodeDown, node1}}
	if f.reason != "" {
		fire = append(fire, ident{alert.NotificationDeliveryFailing, "pager"})
	}
	r := row{
		name: f.name, area: "sink", fault: f.fault, opts: f.opts,
		want: want{states: []stateWant{{alert.LivepeerNodeDown, node1, "critical"}}, fire: fire,
			health: http.StatusServiceUnavailable, note: f.note},
		inject: func(e *env) {
			f.fail(e)
			e.nodeSrv.Stop()
		},
		during: func(e *env) {
			if f.reason != "" {
				if h := e.sinkHealth("pager"); h.LastReason != f.reason || h.FailingSince.IsZero() {
					e.t.Errorf("/status shows sink pager as %+v, want failing with reason %q", h, f.reason)
				}
			}
			if f.during != nil {
				f.during(e)
			}
		},
	}
	r.heal = func(e *env) {
		if f.permanent {
			f.repair(e)
			soak.MustRestart(e.t, e.nodeSrv)
			return
		}
		soak.MustRestart(e.t, e.nodeSrv)
		if f.reason != "" {
			e.waitFor("the resolve queued behind the failing trigger", func() bool {
				return e.backup.has(alert.LivepeerNodeDown, node1, "resolved") && e.sinkHealth("pager").QueueDepth >= 2
			})
		}
		f.repair(e)
	}
	return r
}

func sinkRows() []row {
	status := func(code int, retryAfter string) func(e *env) {
		return func(e *env) { e.pager.setMode(sinkMode{status: code, retryAfter: retryAfter}) }
	}
	ok := func(e *env) { e.pager.setMode(sinkMode{}) }
	return []row{
		sinkRow(sinkFault{name: "500", fault: "the pager sink answers 500", reason: "http_500",
			fail: status(http.StatusInternalServerError, ""), repair: ok}),
		sinkRow(sinkFault{name: "429", fault: "the pager sink answers 429 with Retry-After: 120", reason: "http_429",
			fail: status(http.StatusTooManyRequests, "120"), repair: ok, during: retryAfterHonoured,
			note: "no retry sooner than Retry-After"}),
		sinkRow(sinkFault{name: "timeout", fault: "the pager sink never answers (sink timeout 500ms)", reason: "timeout",
			opts: envOptions{sinkTimeout: 500 * time.Millisecond}, fail: func(e *env) { e.pager.setMode(sinkMode{hang: true}) }, repair: ok}),
		sinkRow(sinkFault{name: "refused", fault: "the pager sink refuses connections", reason: "connection",
			fail: func(e *env) { e.pager.Stop() }, repair: func(e *env) { soak.MustRestart(e.t, e.pager.Server) }}),
		sinkRow(sinkFault{name: "slow", fault: "the pager sink answers after 300ms (sink timeout 2s)",
			fail: func(e *env) { e.pager.setMode(sinkMode{delay: 300 * time.Millisecond}) }, repair: ok,
			during: noRetries, note: "no retry, no NotificationDeliveryFailing"}),
		sinkRow(sinkFault{name: "400", fault: "the pager sink rejects everything with 400", reason: "http_400",
			fail: status(http.StatusBadRequest, ""), repair: ok, permanent: true,
			note: "each notification attempted once, counted as failed, the other sink still paged"}),
	}
}

// retryAfterHonoured checks that no two attempts at the pager came closer
// than its Retry-After of 120s.
func retryAfterHonoured(e *env) {
	e.t.Helper()
	ds := e.pager.deliveries()
	if len(ds) < 2 {
		e.t.Fatalf("the pager sink saw %d attempts, want several", len(ds))
	}
	for i := 1; i < len(ds); i++ {
		if gap := ds[i].at.Sub(ds[i-1].at); gap < 120*time.Second {
			e.t.Errorf("attempt %d came %s after the one before, sooner than Retry-After 120s", i, gap)
		}
	}
}

// noRetries checks that a slow but working sink was never retried.
func noRetries(e *env) {
	e.t.Helper()
	for _, s := range []string{"pager", "backup"} {
		if v := e.metric("lpwatch_notifications_total", map[string]string{"sink": s, "result": "retry"}); v != 0 {
			e.t.Errorf("sink %s: %v retries of a slow sink that answers within its timeout", s, v)
		}
	}
}
