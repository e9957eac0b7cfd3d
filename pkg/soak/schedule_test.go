package soak

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// Soak geometry: one round per simulated day, 96 slots of 15 minutes per
// round, each slot advancing blockNum() by slotBlocks.
const (
	slotsPerRound = 96
	slotLen       = 15 * time.Minute
	slotBlocks    = 1000
	roundBlocks   = slotsPerRound * slotBlocks
	nodeInterval  = 30 * time.Minute
	chainInterval = 30 * time.Minute
	// warmUp is the time between lpwatch's start and day 0.
	warmUp = time.Hour
	// stepLen is how far the fake clock moves per step; lpwatch evaluates
	// once per step. One slot a step, with the chain probed every other
	// step, keeps the run's cost in its probes (each chain probe makes
	// about 8 calls per node) while every round has all its slots.
	stepLen = 15 * time.Minute
)

// Reward timings of one node in one round.
const (
	rewardEarly  = iota // before 10% of the round: no alert
	rewardLate          // between 20% and 60%: RewardNotCalled warns, then resolves
	rewardMissed        // never: warning, critical, then RewardRoundMissed
)

// outage is a span during which a node's API refuses connections, placed
// on the node's probes (counted from lpwatch's start): from just after
// probe from until just after probe to (probes from+1..to see it down), or,
// for a flap, until a minute before probe from+1 (no probe sees it).
type outage struct {
	from, to int
	flap     bool
}

// schedule is everything the soak will do, drawn from one seed.
type schedule struct {
	seed    uint64
	days    int
	nodes   []string
	reward  [][]int // [day][node] timing
	slot    [][]int // [day][node] reward slot (early and late)
	outages [][]outage
	start   time.Time // lpwatch's start (fake time)
}

// newSchedule draws a schedule. The last day is clean (early rewards, no
// outage) so that every alert has resolved when the soak ends.
func newSchedule(seed uint64, days, nodes int, start time.Time) *schedule {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	s := &schedule{seed: seed, days: days, start: start}
	for i := range nodes {
		s.nodes = append(s.nodes, fmt.Sprintf("tc%03d", i))
	}
	for d := range days {
		timing, slot := make([]int, nodes), make([]int, nodes)
		for n := range nodes {
			switch p := rng.Float64(); {
			case d == days-1 || p < 0.85:
				timing[n], slot[n] = rewardEarly, 1+rng.IntN(6)
			case p < 0.95:
				timing[n], slot[n] = rewardLate, 20+rng.IntN(40)
			default:
				timing[n] = rewardMissed
			}
		}
		s.reward, s.slot = append(s.reward, timing), append(s.slot, slot)
	}
	for range nodes {
		s.outages = append(s.outages, s.drawOutages(rng))
	}
	return s
}

// drawOutages places a node's outages on its probes, about one per node
// per simulated week, never overlapping and all over before the last day.
func (s *schedule) drawOutages(rng *rand.Rand) []outage {
	var out []outage
	// Probe k runs at most k intervals after the start.
	last := int(s.dayStart(s.days-1).Sub(s.start)/nodeInterval) - 4
	for k := 2; k < last; k++ {
		if rng.Float64() >= 0.004 {
			continue
		}
		o := outage{from: k, flap: rng.IntN(3) == 0}
		if o.flap {
			o.to = k
		} else {
			o.to = k + 1 + rng.IntN(3)
		}
		if o.to >= last {
			break
		}
		out = append(out, o)
		k = o.to + 1
	}
	return out
}

// dayStart is when day d's round begins.
func (s *schedule) dayStart(d int) time.Time {
	return s.start.Add(warmUp + time.Duration(d)*slotsPerRound*slotLen)
}

// expected are the counts the schedule implies.
type expected struct {
	// notifications per "alert/status".
	notifications map[string]int
	missed        map[string]int    // missed rounds per node
	lastReward    map[string]uint64 // last rewarded round per node (round of day d = r0+d)
	rewards       int
}

// expect computes the counts for rounds starting at r0 on day 0.
func (s *schedule) expect(r0 uint64) expected {
	e := expected{notifications: map[string]int{}, missed: map[string]int{}, lastReward: map[string]uint64{}}
	add := func(a, st string, n int) { e.notifications[a+"/"+st] += n }
	for n, name := range s.nodes {
		streak := false
		for d := range s.days {
			switch s.reward[d][n] {
			case rewardEarly, rewardLate:
				e.rewards++
				e.lastReward[name] = r0 + uint64(d)
				if s.reward[d][n] == rewardLate {
					add("RewardNotCalled", "firing", 1)
					add("RewardNotCalled", "resolved", 1)
				}
				if streak {
					add("RewardRoundMissed", "resolved", 1)
					streak = false
				}
			case rewardMissed:
				e.missed[name]++
				add("RewardNotCalled", "firing", 2) // warning, then critical
				add("RewardNotCalled", "resolved", 1)
				add("RewardRoundMissed", "firing", 1) // a new epoch per missed round
				streak = true
			}
		}
		for _, o := range s.outages[n] {
			if !o.flap {
				add("LivepeerNodeDown", "firing", 1)
				add("LivepeerNodeDown", "resolved", 1)
			}
		}
	}
	return e
}
