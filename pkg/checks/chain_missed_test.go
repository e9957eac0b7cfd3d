package checks

import (
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/statefile"
)

// roundStep is one observation of a missed-round scenario.
type roundStep struct {
	round, elapsed, last uint64
	edit                 func(o *chain.Observation)
	// state, epoch and total are what RewardRoundMissed says afterwards.
	state State
	epoch string
	total uint64
}

// play feeds steps to e, a minute apart from start, and checks each
// outcome. It returns the time of the last step and the history problems
// the evaluations reported.
func play(t *testing.T, e *Evaluator, start time.Time, steps []roundStep) (time.Time, []error) {
	t.Helper()
	now := start
	var errs []error
	for i, s := range steps {
		now = now.Add(time.Minute)
		o := atRound(healthyObs(now, 0, s.last), s.round, s.elapsed)
		if s.edit != nil {
			s.edit(o)
		}
		ev := e.Evaluate(now, snapshot(now, o, nil))
		errs = append(errs, ev.Errors...)
		r := find(t, ev.Results, alert.RewardRoundMissed, tNode)
		if r.State != s.state || r.Epoch != s.epoch {
			t.Fatalf("step %d (round %d, last %d): %s epoch %q (%s), want %s epoch %q", i, s.round, s.last, r.State, r.Epoch, r.Reason, s.state, s.epoch)
		}
		if got := ev.Facts[tNode].MissedTotal; got != s.total {
			t.Fatalf("step %d: %d missed in total, want %d", i, got, s.total)
		}
	}
	return now, errs
}

func deactivated(o *chain.Observation) { o.Accounts[0].Active = boolp(false) }

func notInitialized(o *chain.Observation) {
	o.Round.Initialized = boolp(false)
	o.Round.LastInitializedRound = u64p(*o.Round.CurrentRound - 1)
}

func TestRewardRoundMissed(t *testing.T) {
	cases := []struct {
		name  string
		steps []roundStep
	}{
		{"missed while watched, then another, then rewarded", []roundStep{
			{100, 10, 99, nil, OK, "", 0},
			{100, 90, 99, nil, OK, "", 0},
			{101, 1, 99, nil, Critical, "100", 1},
			{101, 50, 99, nil, Critical, "100", 1},
			{102, 1, 99, nil, Critical, "101", 2},
			{102, 20, 102, nil, OK, "", 2},
			{103, 1, 102, nil, OK, "", 2},
		}},
		{"rewarded late in the round", []roundStep{
			{100, 10, 99, nil, OK, "", 0},
			{100, 99, 100, nil, OK, "", 0},
			{101, 1, 100, nil, OK, "", 0},
		}},
		{"reward read only in the next round counts as rewarded", []roundStep{
			{100, 95, 99, nil, OK, "", 0},
			{101, 2, 101, nil, OK, "", 0},
		}},
		{"round never initialized is not missed", []roundStep{
			{100, 50, 99, notInitialized, OK, "", 0},
			{101, 1, 99, nil, OK, "", 0},
		}},
		{"inactive round is not missed", []roundStep{
			{100, 50, 99, deactivated, OK, "", 0},
			{101, 1, 99, deactivated, OK, "", 0},
		}},
		{"first sight mid-round judges the previous round", []roundStep{
			{101, 40, 99, nil, Critical, "100", 1},
			{101, 60, 101, nil, OK, "", 1},
		}},
		{"first sight: previous round rewarded", []roundStep{
			{101, 40, 100, nil, OK, "", 0},
		}},
		{"first sight: activated this round", []roundStep{
			{101, 40, 99, func(o *chain.Observation) { o.Accounts[0].Transcoder.ActivationRound = big.NewInt(101) }, OK, "", 0},
		}},
		{"first sight: previous round not initialized", []roundStep{
			{101, 40, 99, func(o *chain.Observation) { o.Round.LastInitializedRound = u64p(99) }, OK, "", 0},
		}},
		{"first sight on 2018 contracts without activation rounds", []roundStep{
			{101, 40, 99, func(o *chain.Observation) {
				o.Accounts[0].Transcoder = &chain.Transcoder{Layout: chain.LayoutLegacy, LastRewardRound: 99}
			}, OK, "", 0},
		}},
		{"judgment waits for lastRewardRound", []roundStep{
			{100, 50, 99, nil, OK, "", 0},
			{101, 1, 99, func(o *chain.Observation) {
				o.Accounts[0].Transcoder = nil
				fail(o, "account.getTranscoder", tAddr(), errTimeout())
			}, Unknown, "", 0},
			{101, 2, 99, nil, Critical, "100", 1},
		}},
		{"leaving the active set ends the streak", []roundStep{
			{100, 50, 99, nil, OK, "", 0},
			{101, 1, 99, nil, Critical, "100", 1},
			{101, 2, 99, deactivated, OK, "", 1},
		}},
		{"rounds missed while lpwatch was away", []roundStep{
			{100, 50, 99, nil, OK, "", 0},
			{104, 1, 99, nil, Critical, "103", 4},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			play(t, NewEvaluator(chainConfig(t)), tTime(), c.steps)
		})
	}
}

// TestRewardRoundMissedSurvivesRestarts: a new evaluator on the same state
// directory neither judges a round again nor forgets a streak, whether it
// starts in the middle of the missed round or after it.
func TestRewardRoundMissedSurvivesRestarts(t *testing.T) {
	cfg := chainConfig(t)
	now, _ := play(t, NewEvaluator(cfg), tTime(), []roundStep{{100, 10, 99, nil, OK, "", 0}, {100, 50, 99, nil, OK, "", 0}})
	now, _ = play(t, NewEvaluator(cfg), now, []roundStep{{100, 60, 99, nil, OK, "", 0}, {101, 1, 99, nil, Critical, "100", 1}})
	now, _ = play(t, NewEvaluator(cfg), now, []roundStep{{101, 30, 99, nil, Critical, "100", 1}, {101, 40, 101, nil, OK, "", 1}})
	play(t, NewEvaluator(cfg), now, []roundStep{{101, 50, 101, nil, OK, "", 1}})
}

// TestChainHistoryFileProblems: an unreadable history is moved aside and
// reported; an unwritable one is reported and retried, while the checks go on.
func TestChainHistoryFileProblems(t *testing.T) {
	t.Run("corrupt", func(t *testing.T) {
		cfg := chainConfig(t)
		path := filepath.Join(cfg.State.Dir, ChainStateFile)
		if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
			t.Fatal(err)
		}
		e := NewEvaluator(cfg)
		now, errs := play(t, e, tTime(), []roundStep{{101, 40, 99, nil, Critical, "100", 1}})
		if len(errs) != 1 || !errors.Is(errs[0], statefile.ErrCorrupt) {
			t.Fatalf("errors %v, want one ErrCorrupt", errs)
		}
		if _, errs := play(t, e, now, []roundStep{{101, 41, 99, nil, Critical, "100", 1}}); len(errs) != 0 {
			t.Error("errors are reported once")
		}
	})
	t.Run("unwritable", func(t *testing.T) {
		cfg := chainConfig(t)
		cfg.State.Dir = filepath.Join(cfg.State.Dir, "missing")
		e := NewEvaluator(cfg)
		now, errs := play(t, e, tTime(), []roundStep{{101, 40, 99, nil, Critical, "100", 1}})
		if len(errs) != 2 {
			t.Fatalf("errors %v, want one write failure of the ledger and one of the reward history", errs)
		}
		if _, errs := play(t, e, now.Add(-50*time.Second), []roundStep{{101, 41, 99, nil, Critical, "100", 1}}); len(errs) != 0 {
			t.Fatalf("retried before %s: %v", ledgerRetry, errs)
		}
		if err := os.MkdirAll(cfg.State.Dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if _, errs := play(t, e, now.Add(ledgerRetry-time.Minute), []roundStep{{101, 42, 99, nil, Critical, "100", 1}}); len(errs) != 0 {
			t.Fatalf("write after the retry delay: %v", errs)
		}
		if _, err := os.Stat(filepath.Join(cfg.State.Dir, ChainStateFile)); err != nil {
			t.Fatal(err)
		}
	})
}
