package checks

import (
	"time"

	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// counterState keeps, per node, the history of the node's error counters
// between evaluations. Evaluations outnumber probes, so a sample is taken
// into account once, by its observation time.
type counterState struct {
	nodes map[string]*counterHistory
}

func newCounterState() *counterState { return &counterState{nodes: make(map[string]*counterHistory)} }

// counterHistory is one node's counters as last sampled.
type counterHistory struct {
	at     time.Time // observation time of the last sample taken
	reward counterTrack
	ticket counterTrack
}

// counterTrack follows one counter. A missing series is not zero: a
// go-livepeer counter exists only from its first event on. So the series
// appearing after a sample without it is a rise (from none), while the
// very first sample lpwatch takes only sets the baseline.
type counterTrack struct {
	// sampled holds once a sample has been taken; present says whether
	// the series existed in the last one, last is its value.
	sampled, present bool
	last             float64
	// baselineOnly holds while the current baseline has not been
	// compared with a later sample yet.
	baselineOnly bool
	// roseAt is when the counter last rose; from and to are its values
	// around the rise (from is kept across further rises within the hold).
	roseAt   time.Time
	from, to float64
}

// update takes the node's latest sample into account and returns its history.
func (s *counterState) update(node string, o observe.Node) *counterHistory {
	h := s.nodes[node]
	if h == nil {
		h = &counterHistory{}
		s.nodes[node] = h
	}
	if !o.At.Equal(h.at) {
		h.at = o.At
		v, present := o.Metrics[nodeapi.MetricRewardCallErrors]
		h.reward.sample(o.At, v, present)
		v, present = o.Metrics[nodeapi.MetricTicketRedemptionErrors]
		h.ticket.sample(o.At, v, present)
	}
	return h
}

// retain forgets nodes no longer watched.
func (s *counterState) retain(keep map[string]bool) {
	for n := range s.nodes {
		if !keep[n] {
			delete(s.nodes, n)
		}
	}
}

// sample records one value of the counter taken at time at.
func (c *counterTrack) sample(at time.Time, v float64, present bool) {
	first := !c.sampled
	c.sampled = true
	switch {
	case !present:
		// Never recorded an event, or the node restarted and lost it.
		c.present, c.last, c.baselineOnly = false, 0, false
		return
	case first:
		c.present, c.last, c.baselineOnly = true, v, true
		return
	case v > c.last:
		// A series appearing counts from none (last is 0 while absent):
		// its value is all new events.
		if !c.roseWithin(at, RewardErrorsHold) {
			c.from = c.last
		}
		c.roseAt, c.to = at, v
	}
	// v < last is a counter reset (the node restarted): the new value is
	// the baseline and nothing is known to have risen.
	c.present, c.last, c.baselineOnly = true, v, false
}

// roseWithin reports whether the counter rose less than hold before now.
func (c *counterTrack) roseWithin(now time.Time, hold time.Duration) bool {
	return !c.roseAt.IsZero() && now.Sub(c.roseAt) < hold
}
