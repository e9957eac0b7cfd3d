package watchdog

import (
	"sync"
	"time"

	"github.com/lpwatch/lpwatch/pkg/clock"
)

// Heartbeat records when the probe scheduler last completed a cycle. The
// scheduler calls Beat after every completed cycle; Notifier.Run reads Last
// to decide whether a systemd watchdog ping is deserved. A Heartbeat is safe
// for concurrent use.
type Heartbeat struct {
	clock clock.Clock

	mu   sync.Mutex
	last time.Time
}

// NewHeartbeat returns a Heartbeat whose first beat is the current time of c,
// which gives the scheduler one staleness period to finish its first cycle.
// A nil c means the wall clock.
func NewHeartbeat(c clock.Clock) *Heartbeat {
	if c == nil {
		c = clock.Real{}
	}
	return &Heartbeat{clock: c, last: c.Now()}
}

// Beat records that a scheduler cycle has just completed.
func (h *Heartbeat) Beat() {
	now := h.clock.Now()
	h.mu.Lock()
	defer h.mu.Unlock()
	if now.After(h.last) {
		h.last = now
	}
}

// Last returns the time of the most recent Beat (or of NewHeartbeat when
// there has been none).
func (h *Heartbeat) Last() time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.last
}

// Age returns how long ago the last beat was, by the heartbeat's clock.
// It is never negative.
func (h *Heartbeat) Age() time.Duration {
	age := h.clock.Now().Sub(h.Last())
	if age < 0 {
		return 0
	}
	return age
}

// Alive returns the age of the last beat and whether it is no older than
// limit: whether the scheduler still completes cycles. It is the one rule
// that decides a systemd watchdog ping (Notifier.Run) and a heartbeat-out
// ping (pkg/heartbeat), given the same limit (probes.Staleness).
func (h *Heartbeat) Alive(limit time.Duration) (time.Duration, bool) {
	age := h.Age()
	return age, age <= limit
}
