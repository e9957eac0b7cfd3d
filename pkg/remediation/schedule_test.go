package remediation

import (
	"reflect"
	"testing"
	"time"
	_ "time/tzdata" // the DST case must not depend on the host's zone files

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

func TestParseTimeOfDay(t *testing.T) {
	tests := []struct {
		in        string
		hour, min int
		ok        bool
	}{
		{"03:30", 3, 30, true}, {"00:00", 0, 0, true}, {"23:59", 23, 59, true},
		{"24:00", 0, 0, false}, {"3:30", 0, 0, false}, {"03:60", 0, 0, false}, {"0330", 0, 0, false}, {"", 0, 0, false}, {"-1:30", 0, 0, false},
	}
	for _, tt := range tests {
		h, m, err := parseTimeOfDay(tt.in)
		if (err == nil) != tt.ok || h != tt.hour || m != tt.min {
			t.Errorf("parseTimeOfDay(%q) = %d, %d, %v; want %d, %d, ok %v", tt.in, h, m, err, tt.hour, tt.min, tt.ok)
		}
	}
}

func TestNextDaily(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		now       time.Time
		hour, min int
		loc       *time.Location
		want      time.Time
	}{
		{"later today", time.Date(2026, 3, 1, 1, 0, 0, 0, time.UTC), 3, 30, time.UTC, time.Date(2026, 3, 1, 3, 30, 0, 0, time.UTC)},
		{"already past today", time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), 3, 30, time.UTC, time.Date(2026, 3, 2, 3, 30, 0, 0, time.UTC)},
		{"exactly now is tomorrow", time.Date(2026, 3, 1, 3, 30, 0, 0, time.UTC), 3, 30, time.UTC, time.Date(2026, 3, 2, 3, 30, 0, 0, time.UTC)},
		{"end of month", time.Date(2026, 1, 31, 23, 0, 0, 0, time.UTC), 3, 30, time.UTC, time.Date(2026, 2, 1, 3, 30, 0, 0, time.UTC)},
		{"local zone, not UTC", time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), 3, 30, ny, time.Date(2026, 3, 2, 3, 30, 0, 0, ny)},
		{"spring forward skips 02:30", time.Date(2026, 3, 8, 1, 0, 0, 0, ny), 2, 30, ny, time.Date(2026, 3, 8, 3, 30, 0, 0, ny)},
		{"fall back, first 01:30", time.Date(2026, 11, 1, 0, 0, 0, 0, ny), 1, 30, ny, time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC)},
		{"fall back, after the run", time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC).Add(refire), 1, 30, ny, time.Date(2026, 11, 2, 1, 30, 0, 0, ny)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := nextDaily(tt.now, tt.hour, tt.min, tt.loc)
			if !got.Equal(tt.want) {
				t.Fatalf("nextDaily = %s, want %s", got, tt.want)
			}
		})
	}
}

// TestScheduledRestart: the daily restart runs at HH:MM on the clock,
// restarts the chain, waits for it, and leaves a node that follows the
// chain by itself alone; then it is scheduled for the next day.
func TestScheduledRestart(t *testing.T) {
	cfg := testConfig()
	cfg.Remediation.ScheduledChainRestart = "03:30"
	r := startRig(t, "", nil)
	now := r.clk.Now() // 12:00 UTC
	r.feed(feedOf(cfg, now, healthyChain(now).observe(), []observe.Node{nodeSeen(node1, now, testRound)}, nil))
	first := time.Date(2026, 3, 2, 3, 30, 0, 0, time.UTC)
	r.waitStatus("the schedule", func(s Status) bool { return s.NextScheduledRestart.Equal(first) })

	r.clk.Set(first.Add(-time.Second))
	if got := r.units.list(); len(got) != 0 {
		t.Fatalf("restarted before the scheduled time: %v", got)
	}
	r.clk.Advance(time.Second)
	r.waitActivity("waiting for the chain")
	if got := r.units.list(); !reflect.DeepEqual(got, []string{chainUnit}) {
		t.Fatalf("restarts = %v, want the chain unit", got)
	}
	r.clk.Advance(10 * time.Second)
	now = r.clk.Now()
	r.feed(feedOf(cfg, now, healthyChain(now).observe(), nil, nil))
	r.waitActivity("waiting for the nodes to follow")
	r.clk.Advance(10 * time.Second)
	now = r.clk.Now()
	r.feed(feedOf(cfg, now, healthyChain(now).observe(), []observe.Node{nodeSeen(node1, now, testRound)}, nil))
	st := r.waitStatus("the ladder's end", func(s Status) bool { return len(s.Activity) == 0 && len(s.Restarts) == 1 })
	if got := results(st); !reflect.DeepEqual(got, []string{chainUnit + "=success"}) {
		t.Fatalf("ledger = %v, want one successful chain restart", got)
	}
	if got := r.units.list(); len(got) != 1 {
		t.Errorf("a node that follows the chain was restarted: %v", got)
	}
	if ev := r.emit.list(); len(ev) != 1 || ev[0].alert != alert.RemediationPerformed || ev[0].target != alert.ChainTarget {
		t.Errorf("events = %+v, want one RemediationPerformed for the chain", ev)
	}
	r.waitStatus("the next day's schedule", func(s Status) bool { return s.NextScheduledRestart.Equal(first.AddDate(0, 0, 1)) })
}

// TestScheduledRestartRestartsLaggingNode: a node that does not follow the
// restarted chain within node_verify_timeout is restarted.
func TestScheduledRestartRestartsLaggingNode(t *testing.T) {
	cfg := testConfig()
	cfg.Remediation.ScheduledChainRestart = "12:01"
	r := startRig(t, "", nil)
	now := r.clk.Now()
	r.feed(feedOf(cfg, now, healthyChain(now).observe(), []observe.Node{nodeSeen(node1, now, testRound)}, nil))
	r.waitStatus("the schedule", func(s Status) bool { return !s.NextScheduledRestart.IsZero() })
	r.clk.Advance(time.Minute)
	r.waitActivity("waiting for the chain")
	r.clk.Advance(time.Second)
	now = r.clk.Now()
	lagging := []observe.Node{nodeSeen(node1, now, testRound-1)}
	r.feed(feedOf(cfg, now, healthyChain(now).observe(), lagging, nil))
	r.waitActivity("waiting for the nodes to follow")
	r.clk.Advance(cfg.Remediation.NodeVerifyTimeout)
	r.waitActivity("waiting for tc001")
	if got := r.units.list(); !reflect.DeepEqual(got, []string{chainUnit, nodeUnit}) {
		t.Fatalf("restarts = %v, want chain then node", got)
	}
}

// TestScheduledRestartRespectsCooldown: the daily restart goes through the
// guard rails, and being held back is no reason to page anyone.
func TestScheduledRestartRespectsCooldown(t *testing.T) {
	cfg := testConfig()
	cfg.Remediation.ScheduledChainRestart = "12:10"
	r := startRig(t, "", nil)
	if err := r.c.ledger.update(func(s *ledgerState) {
		s.Restarts = append(s.Restarts, Entry{Unit: chainUnit, At: r.clk.Now(), Result: ResultSuccess})
	}); err != nil {
		t.Fatal(err)
	}
	now := r.clk.Now()
	r.feed(feedOf(cfg, now, healthyChain(now).observe(), nil, nil))
	r.waitStatus("the schedule", func(s Status) bool { return !s.NextScheduledRestart.IsZero() })
	r.clk.Advance(10 * time.Minute)
	r.waitStatus("the skip", func(Status) bool { return r.metric(chainUnit, ResultSkippedCooldown) == 1 })
	if got := r.units.list(); len(got) != 0 {
		t.Errorf("restarted inside the cooldown: %v", got)
	}
	if in := r.c.Inputs(); len(in) != 0 {
		t.Errorf("a held-back scheduled restart raised %+v", in)
	}
}
