package chain

import (
	"testing"
	"time"
)

// TestHeadStale: a head is stale once it is older than the limit, not at
// it; a limit that is not positive makes no head stale.
func TestHeadStale(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	h := &Head{Number: 7, Time: uint64(now.Add(-2 * time.Minute).Unix())}
	for _, c := range []struct {
		maxAge time.Duration
		stale  bool
	}{{time.Minute, true}, {2 * time.Minute, false}, {3 * time.Minute, false}, {0, false}} {
		if got := h.Stale(now, c.maxAge); got != c.stale {
			t.Errorf("a 2m old head with limit %s: stale %v, want %v", c.maxAge, got, c.stale)
		}
	}
}
