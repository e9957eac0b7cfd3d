package remediation

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/statefile"
)

func TestGuard(t *testing.T) {
	now := testStart
	rem := testConfig().Remediation // 3 per 6h, 30m cooldown
	dry := rem
	dry.DryRun = true
	entry := func(ago time.Duration, result string, dryRun bool) Entry {
		return Entry{Unit: chainUnit, At: now.Add(-ago), Result: result, DryRun: dryRun}
	}
	tests := []struct {
		name    string
		entries []Entry
		hold    time.Duration // HoldSince this long ago (0: none)
		rem     config.Remediation
		want    string
	}{
		{"empty ledger", nil, 0, rem, ""},
		{"last restart inside cooldown", []Entry{entry(29*time.Minute, ResultSuccess, false)}, 0, rem, ResultSkippedCooldown},
		{"last restart past cooldown", []Entry{entry(31*time.Minute, ResultSuccess, false)}, 0, rem, ""},
		{"failed attempts count", []Entry{entry(10*time.Minute, ResultFailed, false)}, 0, rem, ResultSkippedCooldown},
		{"an interrupted attempt counts", []Entry{entry(10*time.Minute, resultStarted, false)}, 0, rem, ResultSkippedCooldown},
		{"budget spent", []Entry{entry(5*time.Hour, ResultSuccess, false), entry(3*time.Hour, ResultTimeout, false), entry(time.Hour, ResultSuccess, false)}, 0, rem, ResultSkippedBudget},
		{"oldest attempt left the window", []Entry{entry(7*time.Hour, ResultSuccess, false), entry(3*time.Hour, ResultSuccess, false), entry(time.Hour, ResultSuccess, false)}, 0, rem, ""},
		{"other unit does not count", []Entry{{Unit: nodeUnit, At: now.Add(-time.Minute), Result: ResultSuccess}}, 0, rem, ""},
		{"skips do not count", []Entry{entry(time.Minute, ResultSkippedCooldown, false)}, 0, rem, ""},
		{"dry runs do not limit real restarts", []Entry{entry(time.Minute, ResultDryRun, true)}, 0, rem, ""},
		{"dry runs limit dry runs", []Entry{entry(time.Minute, ResultDryRun, true)}, 0, dry, ResultSkippedCooldown},
		{"real restarts do not limit dry runs", []Entry{entry(time.Minute, ResultSuccess, false)}, 0, dry, ""},
		{"replaced ledger holds in cooldown", nil, 10 * time.Minute, rem, ResultSkippedCooldown},
		{"replaced ledger hold is over", nil, 31 * time.Minute, rem, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ledgerState{Restarts: tt.entries}
			if tt.hold > 0 {
				s.HoldSince = now.Add(-tt.hold)
			}
			got, why := s.guard(chainUnit, now, tt.rem)
			if got != tt.want {
				t.Fatalf("guard = %q (%s), want %q", got, why, tt.want)
			}
			if (got == "") != (why == "") {
				t.Errorf("a skip needs a reason and only a skip has one: %q / %q", got, why)
			}
		})
	}
}

func TestLedgerPrune(t *testing.T) {
	rem := testConfig().Remediation
	var s ledgerState
	for i := 0; i < keepEntries+10; i++ {
		s.Restarts = append(s.Restarts, Entry{Unit: chainUnit, At: testStart.Add(-24 * time.Hour).Add(time.Duration(i) * time.Second), Result: ResultSuccess})
	}
	recent := Entry{Unit: chainUnit, At: testStart.Add(-time.Hour), Result: ResultSuccess}
	s.Restarts = append(s.Restarts, recent)
	s.prune(testStart, rem)
	if len(s.Restarts) != keepEntries {
		t.Fatalf("kept %d entries, want %d", len(s.Restarts), keepEntries)
	}
	if last := s.Restarts[len(s.Restarts)-1]; last != recent {
		t.Errorf("newest entry lost: %+v", last)
	}
}

func TestLedgerDamagedFileHoldsUnits(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ledgerFile), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	l, err := openLedger(dir, testStart)
	if !errors.Is(err, statefile.ErrCorrupt) || l == nil {
		t.Fatalf("openLedger = %v, %v; want a ledger and ErrCorrupt", l, err)
	}
	if got, _ := l.state.guard(chainUnit, testStart.Add(time.Minute), testConfig().Remediation); got != ResultSkippedCooldown {
		t.Errorf("after a damaged ledger a restart must wait a cooldown, guard = %q", got)
	}
	again, err := openLedger(dir, testStart.Add(time.Minute))
	if err != nil || !again.state.HoldSince.Equal(testStart) {
		t.Errorf("the hold must be persisted: %v, %+v", err, again.state)
	}
}

func TestLedgerNewerVersionRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ledgerFile)
	if err := statefile.WriteJSON(path, ledgerState{Version: ledgerVersion + 1}); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	_, err := openLedger(dir, testStart)
	if err == nil || !strings.Contains(err.Error(), "newer") || !errors.Is(err, statefile.ErrNewer) {
		t.Fatalf("openLedger = %v, want a refusal naming the version", err)
	}
	after, _ := os.ReadFile(path)
	if aside, _ := filepath.Glob(path + ".*"); string(after) != string(before) || len(aside) != 0 {
		t.Errorf("the newer ledger was changed or moved aside: %q, %v", after, aside)
	}
}

func TestLedgerCommitUndoesOnWriteError(t *testing.T) {
	dir := t.TempDir()
	l, err := openLedger(dir, testStart)
	if err != nil {
		t.Fatal(err)
	}
	l.path = filepath.Join(dir, "missing", ledgerFile) // its directory does not exist
	err = l.commit(func(s *ledgerState) { s.Restarts = append(s.Restarts, Entry{Unit: chainUnit}) })
	if err == nil {
		t.Fatal("commit into a missing directory succeeded")
	}
	if len(l.state.Restarts) != 0 {
		t.Errorf("a write-ahead entry that was not written stayed in memory: %+v", l.state.Restarts)
	}
}
