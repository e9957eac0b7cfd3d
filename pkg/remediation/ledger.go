package remediation

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/statefile"
)

// ledgerFile is the ledger's file name in the state directory.
const ledgerFile = "remediation.json"

// ledgerVersion is the format version written.
const ledgerVersion = 1

// LedgerFormat is the remediation ledger's format.
func LedgerFormat() statefile.Format {
	return statefile.Format{Name: ledgerFile, Version: ledgerVersion}
}

// keepEntries is how many restart entries are kept beyond the window, as
// history for /status.
const keepEntries = 50

// Entry is one restart attempt (or dry run) in the ledger.
type Entry struct {
	Unit string `json:"unit"`
	// Target is "chain" or the node's name.
	Target string    `json:"target"`
	At     time.Time `json:"at"`
	// Result is one of the Result constants, or "started" while running.
	Result string `json:"result"`
	// Why is the trigger; Outcome says how it ended.
	Why     string `json:"why"`
	Outcome string `json:"outcome,omitempty"`
	DryRun  bool   `json:"dry_run,omitempty"`
}

// RewardEntry is the last auto_reward request for one node.
type RewardEntry struct {
	Round   uint64    `json:"round"`
	At      time.Time `json:"at"`
	Result  string    `json:"result"`
	Outcome string    `json:"outcome,omitempty"`
	DryRun  bool      `json:"dry_run,omitempty"`
}

// Episode is a stateful alert the controller raised and keeps raising until
// health returns: RemediationExhausted per target, AutoRewardFailed and
// AutoRewardUnavailable per node.
type Episode struct {
	Unit   string    `json:"unit,omitempty"`
	Reason string    `json:"reason"`
	Since  time.Time `json:"since"`
	// Round is the reward round of an AutoRewardFailed episode.
	Round uint64 `json:"round,omitempty"`
}

// ledgerState is the persisted content.
type ledgerState struct {
	Version      int                    `json:"version"`
	Restarts     []Entry                `json:"restarts"`
	Rewards      map[string]RewardEntry `json:"rewards"`
	Exhausted    map[string]Episode     `json:"exhausted"`
	RewardFailed map[string]Episode     `json:"reward_failed"`
	// RewardUnavailable holds AutoRewardUnavailable per node: its POST
	// /reward is not registered (a gated node without -enableCliTxRoutes).
	RewardUnavailable map[string]Episode `json:"reward_unavailable,omitempty"`
	// HoldSince is set when a damaged ledger was replaced: the history is
	// lost, so every unit is held in cool-down from then.
	HoldSince time.Time `json:"hold_since,omitempty"`
}

// ledger is the durable record behind the guard rails. Every change is
// written (atomically) before it is acted on.
type ledger struct {
	mu    sync.Mutex
	path  string
	state ledgerState
}

// openLedger loads the ledger of dir. A damaged file is moved aside and
// reported; the new ledger then holds every unit in cool-down from now. A
// file in a newer format is refused and left as it is.
func openLedger(dir string, now time.Time) (*ledger, error) {
	l := &ledger{path: filepath.Join(dir, ledgerFile)}
	_, err := statefile.ReadVersioned(l.path, LedgerFormat(), &l.state, now)
	switch {
	case errors.Is(err, statefile.ErrCorrupt):
		l.state = ledgerState{HoldSince: now}
		l.fill()
		if werr := l.saveLocked(); werr != nil {
			return nil, fmt.Errorf("replace damaged remediation ledger: %w", werr)
		}
		return l, fmt.Errorf("remediation ledger: %w; every unit is held in cool-down", err)
	case err != nil:
		return nil, fmt.Errorf("remediation ledger: %w", err)
	}
	l.fill()
	return l, nil
}

func (l *ledger) fill() {
	l.state.Version = ledgerVersion
	if l.state.Rewards == nil {
		l.state.Rewards = map[string]RewardEntry{}
	}
	if l.state.Exhausted == nil {
		l.state.Exhausted = map[string]Episode{}
	}
	if l.state.RewardFailed == nil {
		l.state.RewardFailed = map[string]Episode{}
	}
	if l.state.RewardUnavailable == nil {
		l.state.RewardUnavailable = map[string]Episode{}
	}
}

func (l *ledger) saveLocked() error { return statefile.WriteJSON(l.path, &l.state) }

// update changes the state under the lock and writes it. A change that
// could not be written is kept in memory (the process still knows it) and
// the error returned.
func (l *ledger) update(f func(s *ledgerState)) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	f(&l.state)
	return l.saveLocked()
}

// commit is update for a write-ahead record: when it cannot be written the
// change is undone, so that nothing is done that the disk does not hold.
func (l *ledger) commit(f func(s *ledgerState)) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	prev := l.state.clone()
	f(&l.state)
	if err := l.saveLocked(); err != nil {
		l.state = prev
		return err
	}
	return nil
}

// read runs f on the state under the lock.
func (l *ledger) read(f func(s *ledgerState)) {
	l.mu.Lock()
	defer l.mu.Unlock()
	f(&l.state)
}

func (s ledgerState) clone() ledgerState {
	c := s
	c.Restarts = append([]Entry(nil), s.Restarts...)
	c.Rewards = cloneMap(s.Rewards)
	c.Exhausted = cloneMap(s.Exhausted)
	c.RewardFailed = cloneMap(s.RewardFailed)
	c.RewardUnavailable = cloneMap(s.RewardUnavailable)
	return c
}

func cloneMap[V any](m map[string]V) map[string]V {
	out := make(map[string]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// guard applies the guard rails to a restart of unit at now: it returns ""
// when the restart may go ahead, or a skipped_* result and why. Attempts
// count in the mode they were made in: dry runs limit dry runs, real
// restarts limit real restarts.
func (s *ledgerState) guard(unit string, now time.Time, r config.Remediation) (string, string) {
	var count int
	var last time.Time
	for _, e := range s.Restarts {
		if e.Unit != unit || e.DryRun != r.DryRun || !isAttempt(e.Result) {
			continue
		}
		if now.Sub(e.At) < r.Window {
			count++
		}
		if e.At.After(last) {
			last = e.At
		}
	}
	if !s.HoldSince.IsZero() && s.HoldSince.After(last) {
		last = s.HoldSince
	}
	if count >= r.MaxRestarts {
		return ResultSkippedBudget, fmt.Sprintf("%d restarts of %s in the last %s (max_restarts %d)", count, unit, r.Window, r.MaxRestarts)
	}
	if !last.IsZero() && now.Sub(last) < r.Cooldown {
		return ResultSkippedCooldown, fmt.Sprintf("%s was restarted %s ago (cooldown %s)", unit, now.Sub(last).Round(time.Second), r.Cooldown)
	}
	return "", ""
}

// isAttempt reports whether a ledger result counts against the guard rails.
func isAttempt(result string) bool {
	switch result {
	case resultStarted, ResultSuccess, ResultFailed, ResultTimeout, ResultDryRun:
		return true
	}
	return false
}

// prune drops restart entries older than the window and the cool-down,
// keeping the newest keepEntries as history.
func (s *ledgerState) prune(now time.Time, r config.Remediation) {
	horizon := max(r.Window, r.Cooldown)
	out := s.Restarts[:0]
	for i, e := range s.Restarts {
		if now.Sub(e.At) < horizon || len(s.Restarts)-i <= keepEntries {
			out = append(out, e)
		}
	}
	s.Restarts = out
}
