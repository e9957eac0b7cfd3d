package alert_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/statefile"
)

var formatTime = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

// assertUntouched checks that dir holds only name, with content.
func assertUntouched(t *testing.T, dir, name, content string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != name {
		t.Errorf("state directory holds %v, want only %s", entries, name)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, name)); string(b) != content {
		t.Errorf("%s changed to %q", name, b)
	}
}

// TestSilencesVersion1 reads the bare array lpwatch wrote before silences
// carried a version, and writes the versioned object after a change.
func TestSilencesVersion1(t *testing.T) {
	dir := t.TempDir()
	v1 := `[{"id": "a1", "target": "tc001", "comment": "old", "starts_at": "2026-12-01T11:00:00Z", "ends_at": "2026-12-01T13:00:00Z"}]`
	if err := writeFile(filepath.Join(dir, "silences.json"), v1); err != nil {
		t.Fatal(err)
	}
	sils, err := alert.OpenSilences(dir, formatTime, checks.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	if s, ok := sils.Match(alert.RewardNotCalled, "tc001", formatTime); !ok || s.ID != "a1" {
		t.Fatalf("version 1 silence not read: %+v %v", s, ok)
	}
	if err := sils.Expire("a1", formatTime); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "silences.json"))
	if err != nil {
		t.Fatal(err)
	}
	if v, err := statefile.Version(b); v != 2 || err != nil || !strings.Contains(string(b), `"silences"`) {
		t.Errorf("rewritten as version %d (%v):\n%s", v, err, b)
	}
}

func TestSilencesNewerRefused(t *testing.T) {
	dir := t.TempDir()
	const newer = `{"version": 3, "silences": [], "matchers": "regexp"}`
	if err := writeFile(filepath.Join(dir, "silences.json"), newer); err != nil {
		t.Fatal(err)
	}
	sils, err := alert.OpenSilences(dir, formatTime, checks.Catalog())
	if sils != nil || !errors.Is(err, statefile.ErrNewer) || !strings.Contains(err.Error(), "silences.json") {
		t.Fatalf("OpenSilences = %v, %v; want no set and ErrNewer naming the file", sils, err)
	}
	assertUntouched(t, dir, "silences.json", newer)
}

func TestEngineNewerStateRefused(t *testing.T) {
	dir := t.TempDir()
	const newer = `{"version": 2, "seq": 9, "alerts": {}}`
	if err := writeFile(filepath.Join(dir, "alerts.json"), newer); err != nil {
		t.Fatal(err)
	}
	sils, err := alert.OpenSilences(t.TempDir(), formatTime, checks.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	eng, err := alert.NewEngine(alert.EngineOptions{Catalog: checks.Catalog(), StateDir: dir, Outbox: &fakeOutbox{}, Silences: sils, Clock: clock.NewFake(formatTime), Logger: discard()})
	if eng != nil || !errors.Is(err, statefile.ErrNewer) || !strings.Contains(err.Error(), "version 2") {
		t.Fatalf("NewEngine = %v, %v; want no engine and ErrNewer", eng, err)
	}
	assertUntouched(t, dir, "alerts.json", newer)
}
