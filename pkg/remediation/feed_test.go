package remediation

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// TestAwaitTimeoutReportsLatestFeed: when a feed arrives as the wait runs
// out, await judges and returns that feed, not the one it held before
// (whose reason, "no chain observation", was then reported although the
// chain had answered). Each round makes both the timer and the new feed
// ready before await selects, where it picks either; the old code
// returned the older feed in about half of them.
func TestAwaitTimeoutReportsLatestFeed(t *testing.T) {
	cfg := config.Default()
	for round := range 20 {
		clk := clock.NewFake(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
		m := newMailbox()
		first := Feed{At: clk.Now(), Config: cfg}
		m.put(first)
		latest := Feed{At: clk.Now().Add(time.Second), Config: cfg}
		cond := func(f Feed) bool {
			if f.At.Equal(first.At) {
				m.put(latest)            // a newer feed...
				clk.Advance(time.Minute) // ...and the wait runs out
			}
			return false
		}
		got, err := m.await(context.Background(), clk, time.Minute, cond, func() {})
		if !errors.Is(err, errWaitTimeout) {
			t.Fatalf("round %d: await returned %v, want a timeout", round, err)
		}
		if !got.At.Equal(latest.At) {
			t.Fatalf("round %d: the timeout reported the feed of %s, not the latest one (%s)", round, got.At, latest.At)
		}
	}
}
