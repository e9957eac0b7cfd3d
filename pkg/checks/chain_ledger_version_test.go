package checks

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/statefile"
)

// TestLedgerNewerNeverWritten: a history file in a newer format is left as
// it is; the history then lives in memory only and is never flushed over it.
func TestLedgerNewerNeverWritten(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	path := filepath.Join(t.TempDir(), ChainStateFile)
	const newer = `{"version": 2, "nodes": {}, "rounds": "elsewhere"}`
	if err := os.WriteFile(path, []byte(newer), 0o600); err != nil {
		t.Fatal(err)
	}
	l, err := openLedger(path, now)
	if !errors.Is(err, statefile.ErrNewer) || l == nil {
		t.Fatalf("openLedger = %v, %v; want a ledger and ErrNewer", l, err)
	}
	l.file.Nodes["tc001"] = &nodeLedger{Address: "0x0000000000000000000000000000000000000001", Judged: 7}
	l.dirty = true
	if err := l.flush(now); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != newer {
		t.Errorf("the newer file was overwritten: %s", b)
	}
	if aside, _ := filepath.Glob(path + ".*"); len(aside) != 0 {
		t.Errorf("moved aside: %v", aside)
	}
}
