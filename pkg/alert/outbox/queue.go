package outbox

import (
	"sort"
	"time"
)

// entry is a pending record of one sink, in memory.
type entry struct {
	id        string
	order     uint64 // enqueue sequence
	key       string // alert identity
	rec       diskRecord
	attempts  int
	notBefore time.Time
	lastError string
	// stored is false while the record is only in memory (its write
	// failed; the save loop retries it).
	stored bool
}

// queue is one sink's pending records and delivery state. All fields are
// guarded by the Outbox's mutex.
type queue struct {
	sink    string
	entries []*entry // ordered by order
	wake    chan struct{}

	streak       int // consecutive failures, any kind
	failingSince time.Time
	gate         time.Time // no attempt before this
	lastReason   string
	lastError    string
	lastErrorAt  time.Time
	inflight     *entry
}

func newQueue(sink string) *queue {
	return &queue{sink: sink, wake: make(chan struct{}, 1)}
}

// signal wakes the worker without blocking.
func (q *queue) signal() {
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// insert adds e in enqueue order.
func (q *queue) insert(e *entry) {
	i := sort.Search(len(q.entries), func(i int) bool { return q.entries[i].order > e.order })
	q.entries = append(q.entries, nil)
	copy(q.entries[i+1:], q.entries[i:])
	q.entries[i] = e
}

// remove takes e out of the queue; it reports whether e was there.
func (q *queue) remove(e *entry) bool {
	for i, x := range q.entries {
		if x == e {
			q.entries = append(q.entries[:i], q.entries[i+1:]...)
			return true
		}
	}
	return false
}

// before orders the records of one identity: by Seq, then enqueue order.
func before(a, b *entry) bool {
	if a.rec.Notification.Seq != b.rec.Notification.Seq {
		return a.rec.Notification.Seq < b.rec.Notification.Seq
	}
	return a.order < b.order
}

// takeExpired removes and returns the records older than maxAge at now.
func (q *queue) takeExpired(now time.Time, maxAge time.Duration) []*entry {
	var out []*entry
	kept := q.entries[:0]
	for _, e := range q.entries {
		if e != q.inflight && now.Sub(e.rec.EnqueuedAt) > maxAge {
			out = append(out, e)
			continue
		}
		kept = append(kept, e)
	}
	for i := len(kept); i < len(q.entries); i++ {
		q.entries[i] = nil
	}
	q.entries = kept
	return out
}

// pick chooses the next record to attempt at now: among the head (lowest
// Seq) of each identity whose own backoff has passed, the one with the
// fewest failed attempts, then the oldest, unless the sink's gate is
// closed. Preferring fewer attempts takes the identities in turn while
// the sink fails, so one record that keeps failing cannot starve the
// others. When nothing is due it returns nil
// and when to look again: the gate, the earliest head backoff or the
// next expiry (zero: only a new record can change anything).
func (q *queue) pick(now time.Time, maxAge time.Duration) (*entry, time.Time) {
	heads := map[string]*entry{}
	var wakeAt time.Time
	soonest := func(t time.Time) {
		if wakeAt.IsZero() || t.Before(wakeAt) {
			wakeAt = t
		}
	}
	for _, e := range q.entries {
		soonest(e.rec.EnqueuedAt.Add(maxAge + time.Nanosecond))
		if h, ok := heads[e.key]; !ok || before(e, h) {
			heads[e.key] = e
		}
	}
	if len(q.entries) == 0 {
		return nil, time.Time{}
	}
	if q.gate.After(now) {
		soonest(q.gate)
		return nil, wakeAt
	}
	var best *entry
	for _, h := range heads {
		if h.notBefore.After(now) {
			soonest(h.notBefore)
			continue
		}
		if best == nil || h.attempts < best.attempts || (h.attempts == best.attempts && h.order < best.order) {
			best = h
		}
	}
	if best != nil {
		return best, time.Time{}
	}
	return nil, wakeAt
}

// unstored counts the records that are only in memory.
func (q *queue) unstored() int {
	n := 0
	for _, e := range q.entries {
		if !e.stored {
			n++
		}
	}
	return n
}

// oldest returns the enqueue time of the oldest pending record.
func (q *queue) oldest() (time.Time, bool) {
	var t time.Time
	for _, e := range q.entries {
		if t.IsZero() || e.rec.EnqueuedAt.Before(t) {
			t = e.rec.EnqueuedAt
		}
	}
	return t, !t.IsZero()
}
