package demo

import (
	"context"
	"fmt"
	"time"
)

// lateNode is the orchestrator whose reward comes late in the story.
const lateNode = "tc001"

// callerNode is the orchestrator whose node runs as its LIP-118 reward
// caller: its reward transactions, and the stuck one, are the caller's.
const callerNode = "tc001"

// step is one moment of the story: wait, say what happens, change the world.
type step struct {
	wait func(ctx context.Context, w *world) error
	say  string
	do   func(ctx context.Context, w *world) error
}

// after waits d of wall time.
func after(d time.Duration) func(context.Context, *world) error {
	return func(ctx context.Context, _ *world) error {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			return nil
		}
	}
}

// atBlock waits until round r (or a later one) is n blocks old.
func atBlock(r, n uint64) func(context.Context, *world) error {
	return func(ctx context.Context, w *world) error {
		_, err := w.chain.untilRound(ctx, r-1, n)
		return err
	}
}

func nothing(context.Context, *world) error { return nil }

// story is one pass, about two minutes, through round r, which has just
// begun with lateNode's reward service stalled.
func story(r uint64) []step {
	warnAt, critAt := RoundBlocks/10, RoundBlocks-RoundBlocks/4+1
	return []step{
		{after(0), fmt.Sprintf("round %d begins (%d blocks, one a second); tc002 calls reward at once, %s's reward service is stuck: "+
			"RewardNotCalled warns at block %d and turns critical at block %d, when less than a quarter of the round is left", r, RoundBlocks, lateNode, warnAt, critAt), nothing},
		{after(8 * time.Second), fmt.Sprintf("a transaction from %s's reward caller is stuck below the base fee, its pending nonce above the mined one (TxStalled fires after 20s)", lateNode),
			func(ctx context.Context, w *world) error { return w.chain.stick(ctx, lateNode) }},
		{atBlock(r, RoundBlocks*5/6), fmt.Sprintf("%s's stuck transaction is replaced and its reward for round %d lands on-chain, late (TxStalled and RewardNotCalled resolve)", lateNode, r),
			func(ctx context.Context, w *world) error {
				if err := w.chain.unstick(ctx, lateNode); err != nil {
					return err
				}
				w.chain.setAutoReward(lateNode, true)
				return w.chain.reward(ctx, lateNode)
			}},
		{after(5 * time.Second), "the chain stops sealing blocks (EthNodeHeadStale fires once the head is 15s old)",
			func(_ context.Context, w *world) error { w.chain.pause(true); return nil }},
		{after(22 * time.Second), "blocks resume (EthNodeHeadStale resolves)",
			func(_ context.Context, w *world) error { w.chain.pause(false); return nil }},
		{after(5 * time.Second), "tc001's node process dies (LivepeerNodeDown fires after 5s; /health turns 503)",
			func(_ context.Context, w *world) error { w.current.Stop(); return nil }},
		{after(12 * time.Second), "tc001 is back (LivepeerNodeDown resolves)",
			func(_ context.Context, w *world) error { return w.current.Restart() }},
		{after(10 * time.Second), "story over; it starts again with the next round", nothing},
	}
}

// playStory runs the story, looping unless once is set. Each pass begins
// with a new round in which lateNode's reward service is stalled.
func playStory(ctx context.Context, w *world, once bool) error {
	r, err := w.chain.round(ctx)
	if err != nil {
		return err
	}
	for {
		for _, s := range story(r) {
			if err := s.wait(ctx, w); err != nil {
				return err
			}
			w.say("%s", s.say)
			if err := s.do(ctx, w); err != nil {
				w.say("story step failed: %v", err)
			}
		}
		if once {
			return nil
		}
		w.chain.setAutoReward(lateNode, false)
		cur, err := w.chain.round(ctx)
		if err != nil {
			return err
		}
		if r, err = w.chain.untilRound(ctx, cur, 1); err != nil {
			return err
		}
	}
}
