package faults

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/soak"
)

// oneOff are events without a lifecycle: no resolve follows them.
var oneOff = map[string]bool{alert.RemediationPerformed: true, alert.LpwatchStarted: true,
	alert.LpwatchDigest: true, alert.LpwatchTest: true}

// permanent reports whether an answer is a permanent rejection (a 4xx other than 429).
func permanent(status int) bool {
	return status >= 400 && status < 500 && status != http.StatusTooManyRequests
}

// settled is one notification a sink server took or permanently rejected.
type settled struct {
	delivery
	rejected bool
}

// ledgerOf checks one sink's requests: each notification accepted at most
// once, a rejected one attempted exactly once and never again, and per
// alert identity increasing sequence numbers ending, for alerts with a
// lifecycle, in exactly one resolve per firing episode. It returns what the
// sink settled, in order.
func ledgerOf(t testing.TB, sink string, ds []delivery) []settled {
	t.Helper()
	attempts := map[string]int{}
	var out []settled
	seen := map[string]bool{}
	for _, d := range ds {
		attempts[d.p.ID]++
		if !d.accepted() && !permanent(d.status) {
			continue
		}
		if seen[d.p.ID] {
			t.Errorf("%s: notification %s (%s/%s %s seq %d) settled twice", sink, d.p.ID, d.p.Alert, d.p.Target, d.p.Status, d.p.Seq)
			continue
		}
		seen[d.p.ID] = true
		out = append(out, settled{delivery: d, rejected: !d.accepted()})
	}
	for _, s := range out {
		if s.rejected && attempts[s.p.ID] != 1 {
			t.Errorf("%s: notification %s was rejected with %d yet attempted %d times: a permanent failure must not be retried",
				sink, s.p.ID, s.status, attempts[s.p.ID])
		}
	}
	byKey := map[string][]settled{}
	for _, s := range out {
		k := alert.Key(s.p.Alert, s.p.Target)
		byKey[k] = append(byKey[k], s)
	}
	for k, list := range byKey {
		checkLifecycle(t, sink, k, list)
	}
	return out
}

// checkLifecycle checks the notifications of one identity, in settle order.
func checkLifecycle(t testing.TB, sink, key string, list []settled) {
	t.Helper()
	var statuses []string
	for i, s := range list {
		statuses = append(statuses, string(s.p.Status))
		if i > 0 && s.p.Seq <= list[i-1].p.Seq {
			t.Errorf("%s: %s out of order: seq %d after seq %d", sink, key, s.p.Seq, list[i-1].p.Seq)
		}
	}
	if oneOff[list[0].p.Alert] {
		return
	}
	trace := strings.Join(statuses, ",")
	open := false
	for _, st := range statuses {
		switch {
		case st == string(alert.StatusFiring):
			open = true
		case st == string(alert.StatusResolved) && open:
			open = false
		default:
			t.Errorf("%s: %s has a resolve without a trigger before it: %s", sink, key, trace)
			return
		}
	}
	if open {
		t.Errorf("%s: %s fired but its resolve never arrived: %s", sink, key, trace)
	}
}

// checkDelivery checks, after the fault healed, that exactly the wanted
// alerts fired, that each sink settled every notification once and in
// order, that the failing sink got (or reported) everything the healthy
// one got (except NotificationDeliveryFailing about itself), and that lpwatch's delivery counters agree with the receivers.
func (e *env) checkDelivery(w want) {
	t := e.t
	t.Helper()
	got := map[string]bool{}
	for _, p := range e.backup.acceptedList() {
		if p.Status == alert.StatusFiring && !oneOff[p.Alert] {
			got[alert.Key(p.Alert, p.Target)] = true
		}
	}
	var wantKeys, gotKeys []string
	for _, a := range w.fire {
		wantKeys = append(wantKeys, alert.Key(a.alert, a.target))
	}
	for k := range got {
		gotKeys = append(gotKeys, k)
	}
	sort.Strings(wantKeys)
	sort.Strings(gotKeys)
	if !slices.Equal(wantKeys, gotKeys) {
		t.Errorf("alerts that fired: %v, want %v", gotKeys, wantKeys)
	}
	if w.quiet && len(e.backup.deliveries())+len(e.pager.deliveries()) > 0 {
		t.Errorf("a quiet fault produced notifications:\n%s", e.describe())
	}
	ids := map[string][]string{}
	for _, s := range []struct {
		name string
		srv  *sinkServer
	}{{"pager", e.pager}, {"backup", e.backup}} {
		sent, failed := 0, 0
		for _, x := range ledgerOf(t, s.name, s.srv.deliveries()) {
			ids[s.name] = append(ids[s.name], x.p.ID)
			if x.rejected {
				failed++
			} else {
				sent++
			}
		}
		checkCounter(t, e.reg, s.name, "sent", sent)
		checkCounter(t, e.reg, s.name, "failed", failed)
		slices.Sort(ids[s.name])
	}
	var forPager []string // what pager must have settled: all but its own failures
	for _, p := range e.backup.acceptedList() {
		if p.Alert != alert.NotificationDeliveryFailing || p.Target != "pager" {
			forPager = append(forPager, p.ID)
		}
	}
	slices.Sort(forPager)
	if !slices.Equal(ids["pager"], forPager) {
		t.Errorf("the pager sink settled other notifications than the backup sink:\n pager  %v\n backup %v\n%s", ids["pager"], forPager, e.describe())
	}
}

// checkCounter compares lpwatch_notifications_total{sink,result} with n.
// The outbox counts an outcome just after it dequeues the record, so the
// counter may trail the receiver for a moment.
func checkCounter(t testing.TB, reg prometheus.Gatherer, sink, result string, n int) {
	t.Helper()
	var v float64
	labels := map[string]string{"sink": sink, "result": result}
	if !soak.PollUntil(5*time.Second, func() bool {
		v = gatherValue(t, reg, "lpwatch_notifications_total", labels)
		return int(v) == n
	}) {
		t.Errorf("lpwatch_notifications_total{sink=%q,result=%q} = %v, the receiver saw %d", sink, result, v, n)
	}
}

// describeSettled renders a sink's settled notifications, for messages.
func describeSettled(list []settled) string {
	var b strings.Builder
	for _, s := range list {
		fmt.Fprintf(&b, "%s/%s %s seq %d (%d) ", s.p.Alert, s.p.Target, s.p.Status, s.p.Seq, s.status)
	}
	return b.String()
}
