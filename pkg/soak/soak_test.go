package soak

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// soakSize is the run's length and width: 5 days and 10 nodes by default,
// 30 days and 100 nodes with LPWATCH_SOAK=full.
func soakSize() (days, nodes int) {
	if os.Getenv("LPWATCH_SOAK") == "full" {
		return 30, 100
	}
	return 5, 10
}

// soakSeed is the schedule's seed: fixed, or LPWATCH_SOAK_SEED.
func soakSeed(t *testing.T) uint64 {
	seed := uint64(20260301)
	if v := os.Getenv("LPWATCH_SOAK_SEED"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("LPWATCH_SOAK_SEED=%q: %v", v, err)
		}
		seed = n
	}
	return seed
}

// TestSoak runs lpwatch through the seeded schedule and checks the exact
// counts it implies, that nothing was lost or duplicated, and that
// goroutines and heap stay flat from day 2 on, over time and over the
// alert transitions.
func TestSoak(t *testing.T) {
	days, nodes := soakSize()
	from, rec := soak(t, days, nodes, nil)
	for _, p := range leaks(rec.usage, from, soakLimits) {
		t.Error(p)
	}
}

// soak runs lpwatch through the schedule of the seed for days and nodes,
// its sinks wrapped by wrap when set, checks the counts the schedule
// implies, and returns what it measured and when the judged span begins
// (day 2).
func soak(t *testing.T, days, nodes int, wrap func(alert.Sink) alert.Sink) (time.Time, record) {
	t.Helper()
	seed := soakSeed(t)
	// Before the wall clock, so that the simulated chain's block times
	// (the wall clock) never look stale to lpwatch.
	start := time.Now().Add(-90 * 24 * time.Hour).Truncate(24 * time.Hour)
	s := newSchedule(seed, days, nodes, start)
	w := newWorld(t, s, wrap)
	defer w.close()
	want := s.expect(w.r0)
	t.Logf("seed %d: %d days, %d nodes, %d rewards, expected notifications %v", seed, days, nodes, want.rewards, want.notifications)
	began := time.Now()
	rec := w.run(func() string {
		if a := w.d.Engine().Alerts(); len(a) > 0 {
			return fmt.Sprintf("%d alerts pending or firing, first %s/%s %s: %s", len(a), a[0].Alert, a[0].Target, a[0].Phase, a[0].Reason)
		}
		return diff(w.sink.counts(), want.notifications) + w.unexpected(want)
	})
	t.Logf("simulated %s in %s", w.clk.Now().Sub(start).Round(time.Minute), time.Since(began).Round(time.Second))

	if got := w.sink.counts(); diff(got, want.notifications) != "" {
		t.Errorf("notifications:%s", diff(got, want.notifications))
	}
	checkLedger(t, w.sink.notes())
	rewarded := 0
	for _, d := range rec.days {
		rewarded += d.rewarded
	}
	if len(rec.days) != days || rewarded != want.rewards {
		t.Errorf("lpwatch saw %d rewards over %d days, the schedule made %d over %d", rewarded, len(rec.days), want.rewards, days)
	}
	for _, u := range rec.usage {
		if u.at.Sub(s.dayStart(0))%(6*time.Hour) == 0 {
			t.Logf("%s: %3d alert transitions, %d goroutines, heap in use %.1f MiB",
				u.at.Sub(s.dayStart(0)).Round(time.Hour), u.transitions, u.goroutines, float64(u.heapInuse)/(1<<20))
		}
	}
	w.checkRounds(want)
	return s.dayStart(1), rec
}

// checkRounds compares lpwatch's view of rounds, rewards and missed rounds
// with the schedule.
func (w *world) checkRounds(want expected) {
	t := w.t
	t.Helper()
	final := w.r0 + uint64(w.s.days) - 1
	c := w.d.Store().Snapshot().Chain
	o := c.Obs
	if o == nil || o.Round.CurrentRound == nil || *o.Round.CurrentRound != final {
		t.Errorf("lpwatch's last chain observation is not of round %d: %+v", final, o)
	}
	missed := existing(t, w.reg, prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "lpwatch_reward_missed_rounds_total",
		Help: "Rounds that ended with the node's transcoder active and no reward call (counted once, across restarts).",
	}, []string{"node"})).(*prometheus.CounterVec)
	for i, name := range w.s.nodes {
		if got := testutil.ToFloat64(missed.WithLabelValues(name)); int(got) != want.missed[name] {
			t.Errorf("%s: lpwatch_reward_missed_rounds_total %v, the schedule missed %d rounds", name, got, want.missed[name])
		}
		if a := o.Account(w.addrs[i]); a == nil || a.Transcoder == nil || a.Transcoder.LastRewardRound != want.lastReward[name] {
			t.Errorf("%s: lpwatch's last reward round is not %d", name, want.lastReward[name])
		}
	}
}

// unexpected describes the first notification of an alert the schedule
// does not produce.
func (w *world) unexpected(want expected) string {
	for _, n := range w.sink.notes() {
		if _, ok := want.notifications[n.Alert+"/"+n.Status]; !ok {
			return fmt.Sprintf(" first unexpected: %s/%s %s: %s", n.Alert, n.Target, n.Status, n.Description)
		}
	}
	return ""
}
