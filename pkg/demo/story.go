package demo

import (
	"context"
	"fmt"
	"time"
)

// step is one moment of the story: wait, then change the world.
type step struct {
	after time.Duration
	say   string
	do    func(w *world) error
}

// story is the scripted sequence, about a minute and a half long; r is
// the round it starts in.
func story(r uint64) []step {
	return []step{
		{0, fmt.Sprintf("all healthy: round %d initialized, both nodes rewarded", r), func(w *world) error {
			for _, n := range w.nodes() {
				n.SetRound(r, true)
				n.SetLastRewardRound(r)
			}
			return nil
		}},
		{10 * time.Second, fmt.Sprintf("round %d starts; tc001 has not called reward yet (RewardNotCalled goes pending, then fires)", r+1), func(w *world) error {
			for _, n := range w.nodes() {
				n.SetRound(r+1, true)
			}
			w.legacy.SetLastRewardRound(r + 1)
			return nil
		}},
		{25 * time.Second, fmt.Sprintf("tc001 calls reward for round %d (RewardNotCalled resolves)", r+1), func(w *world) error {
			w.current.SetLastRewardRound(r + 1)
			return nil
		}},
		{10 * time.Second, "tc001's node process dies (LivepeerNodeDown fires after 5s; /health turns 503)", func(w *world) error {
			w.current.Stop()
			return nil
		}},
		{20 * time.Second, "tc001 is back (LivepeerNodeDown resolves)", func(w *world) error {
			return w.current.Restart()
		}},
		{15 * time.Second, "story over; it starts again", func(*world) error { return nil }},
	}
}

func (w *world) nodes() []interface {
	SetRound(uint64, bool)
	SetLastRewardRound(uint64)
} {
	return []interface {
		SetRound(uint64, bool)
		SetLastRewardRound(uint64)
	}{w.current, w.legacy}
}

// playStory runs the story, looping unless once is set.
func playStory(ctx context.Context, w *world, once bool) error {
	for r := uint64(4253); ; r += 2 {
		for _, s := range story(r) {
			t := time.NewTimer(s.after)
			select {
			case <-ctx.Done():
				t.Stop()
				return ctx.Err()
			case <-t.C:
			}
			w.say("%s", s.say)
			if err := s.do(w); err != nil {
				w.say("story step failed: %v", err)
			}
		}
		if once {
			return nil
		}
	}
}
