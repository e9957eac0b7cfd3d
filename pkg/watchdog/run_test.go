package watchdog

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/lpwatch/lpwatch/pkg/clock"
)

const stalled = "STATUS=scheduler stalled"

// step is one half-interval of the watchdog: optionally beat, optionally set
// a status, advance the fake clock by one tick and read the datagrams sent.
type step struct {
	beat   bool
	status string   // given to Notifier.Status before the tick, if not empty
	want   []string // datagram prefixes, in order
}

func TestRunPingsOnlyOnProgress(t *testing.T) {
	const watchdogUsec = "30000000" // WatchdogSec=30s, so one tick per 15s
	tests := []struct {
		name        string
		staleness   time.Duration
		steps       []step
		wantSent    float64
		wantSkipped float64
	}{
		{
			name: "beating scheduler then stall then recovery",
			steps: []step{
				{beat: true, want: []string{"WATCHDOG=1"}}, // each tick comes 15s after the beat before it
				{beat: true, status: "3 checks ok", want: []string{"STATUS=3 checks ok", "WATCHDOG=1"}},
				{want: []string{"WATCHDOG=1"}}, // last beat 30s ago: at the WatchdogSec limit
				{want: []string{stalled + ": no completed cycle for 45s (limit 30s)"}},
				{status: "kept for later", want: []string{stalled + ": no completed cycle for 1m0s"}},
				{want: []string{stalled + ": no completed cycle for 1m15s"}},
				{beat: true, want: []string{"STATUS=kept for later", "WATCHDOG=1"}},
				{beat: true, want: []string{"WATCHDOG=1"}},
			},
			wantSent:    6, // the start-up ping plus five
			wantSkipped: 3,
		},
		{
			name:      "configured staleness longer than the watchdog interval",
			staleness: time.Minute,
			steps: []step{
				{want: []string{"WATCHDOG=1"}},
				{want: []string{"WATCHDOG=1"}},
				{want: []string{"WATCHDOG=1"}},
				{want: []string{"WATCHDOG=1"}}, // 60s: at the limit
				{want: []string{stalled + ": no completed cycle for 1m15s (limit 1m0s)"}},
				{want: []string{stalled + ": no completed cycle for 1m30s"}},
			},
			wantSent:    5,
			wantSkipped: 2,
		},
		{
			name:      "staleness shorter than the watchdog interval",
			staleness: 20 * time.Second,
			steps: []step{
				{beat: true, want: []string{"WATCHDOG=1"}},
				{want: []string{stalled + ": no completed cycle for 30s (limit 20s)"}},
				{beat: true, want: []string{"STATUS=", "WATCHDOG=1"}},
			},
			wantSent:    3,
			wantSkipped: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sock := listenNotify(t)
			t.Setenv("WATCHDOG_USEC", watchdogUsec)
			t.Setenv("WATCHDOG_PID", strconv.Itoa(os.Getpid()))
			fake := clock.NewFake(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
			reg := prometheus.NewPedanticRegistry()
			n := New(Options{Clock: fake, Registerer: reg, Staleness: tt.staleness})
			hb := NewHeartbeat(fake)

			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- n.Run(ctx, hb) }()
			sock.Expect(t, "WATCHDOG=1") // the check at start-up
			if !fake.BlockUntil(ctx.Done(), 1) {
				t.Fatal("Run never created its ticker")
			}
			for i, s := range tt.steps {
				if s.beat {
					hb.Beat()
				}
				if s.status != "" {
					if err := n.Status(s.status); err != nil {
						t.Fatalf("step %d: status: %v", i, err)
					}
				}
				fake.Advance(15 * time.Second)
				for _, want := range s.want {
					if got := sock.Next(t); !strings.HasPrefix(got, want) {
						t.Fatalf("step %d: datagram = %q, want prefix %q", i, got, want)
					}
				}
			}
			cancel()
			if err := <-done; err != nil {
				t.Fatalf("Run: %v", err)
			}
			sock.None(t) // nothing beyond what each step expected, in particular no WATCHDOG=1 while stalled
			if got := testutil.ToFloat64(n.metrics.pings.WithLabelValues(pingSent)); got != tt.wantSent {
				t.Errorf("sent pings = %v, want %v", got, tt.wantSent)
			}
			if got := testutil.ToFloat64(n.metrics.pings.WithLabelValues(pingSkipped)); got != tt.wantSkipped {
				t.Errorf("skipped pings = %v, want %v", got, tt.wantSkipped)
			}
			if got := testutil.ToFloat64(n.metrics.pings.WithLabelValues(pingError)); got != 0 {
				t.Errorf("failed pings = %v, want 0", got)
			}
			if c, err := testutil.GatherAndCount(reg, "lpwatch_watchdog_pings_total"); err != nil || c != 3 {
				t.Errorf("registered series = %d (%v), want 3", c, err)
			}
		})
	}
}

func TestRunWatchdogDisabled(t *testing.T) {
	tests := []struct {
		name         string
		notifySocket bool
		usec, pid    string
	}{
		{"no WATCHDOG_USEC", true, "", ""},
		{"watchdog meant for another process", true, "30000000", strconv.Itoa(os.Getpid() + 1)},
		{"not under systemd at all", false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sock := listenNotify(t)
			if !tt.notifySocket {
				t.Setenv("NOTIFY_SOCKET", "")
			}
			t.Setenv("WATCHDOG_USEC", tt.usec)
			t.Setenv("WATCHDOG_PID", tt.pid)
			fake := clock.NewFake(time.Unix(0, 0))
			n := New(Options{Clock: fake})
			ctx, cancel := context.WithCancel(context.Background())
			cancel() // an enabled watchdog would still ping once before noticing
			if err := n.Run(ctx, NewHeartbeat(fake)); err != nil {
				t.Fatalf("Run: want nil, got %v", err)
			}
			sock.None(t)
			if w := fake.Waiters(); w != 0 {
				t.Fatalf("disabled watchdog left %d tickers", w)
			}
		})
	}
}

func TestRunWatchdogWithoutSocketCountsNothingSent(t *testing.T) {
	t.Setenv("NOTIFY_SOCKET", "")
	t.Setenv("WATCHDOG_USEC", "30000000")
	t.Setenv("WATCHDOG_PID", "")
	fake := clock.NewFake(time.Unix(0, 0))
	n := New(Options{Clock: fake})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := n.Run(ctx, NewHeartbeat(fake)); err != nil {
		t.Fatalf("Run: want nil, got %v", err)
	}
	if got := testutil.ToFloat64(n.metrics.pings.WithLabelValues(pingSent)); got != 0 {
		t.Fatalf("sent pings without a socket = %v, want 0", got)
	}
}

func TestRunBadInput(t *testing.T) {
	fake := clock.NewFake(time.Unix(0, 0))
	tests := []struct {
		name      string
		usec      string
		pid       string
		staleness time.Duration
		hb        *Heartbeat
		want      string
	}{
		{"nil heartbeat", "30000000", "", 0, nil, "watchdog: nil heartbeat"},
		{"negative staleness", "30000000", "", -time.Second, NewHeartbeat(fake), "watchdog: staleness -1s must not be negative"},
		{"usec not a number", "30s", "", 0, NewHeartbeat(fake), "watchdog: read WATCHDOG_USEC: "},
		{"usec negative", "-5", "", 0, NewHeartbeat(fake), "watchdog: read WATCHDOG_USEC: "},
		{"pid not a number", "30000000", "me", 0, NewHeartbeat(fake), "watchdog: read WATCHDOG_USEC: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			listenNotify(t)
			t.Setenv("WATCHDOG_USEC", tt.usec)
			t.Setenv("WATCHDOG_PID", tt.pid)
			n := New(Options{Clock: fake, Staleness: tt.staleness})
			// A live context: Run must return the error, not wait.
			err := n.Run(context.Background(), tt.hb)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("Run error = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestHeartbeat(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	fake := clock.NewFake(start)
	hb := NewHeartbeat(fake)
	if !hb.Last().Equal(start) || hb.Age() != 0 {
		t.Fatalf("new heartbeat: last %v age %v, want %v and 0", hb.Last(), hb.Age(), start)
	}
	fake.Advance(40 * time.Second)
	if hb.Age() != 40*time.Second {
		t.Fatalf("age = %v, want 40s", hb.Age())
	}
	hb.Beat()
	if !hb.Last().Equal(start.Add(40*time.Second)) || hb.Age() != 0 {
		t.Fatalf("after beat: last %v age %v", hb.Last(), hb.Age())
	}
}
