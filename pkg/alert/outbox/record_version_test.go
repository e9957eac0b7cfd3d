package outbox

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/statefile"
)

// TestNewerRecordRefused: an outbox holding a record written in a newer
// format does not open, and nothing in it is removed, moved aside or
// rewritten, not even the damaged records and the temp file an open would
// otherwise clean up: a newer lpwatch can still deliver them.
func TestNewerRecordRefused(t *testing.T) {
	dir := t.TempDir()
	good, err := encodeRecord(diskRecord{Sink: "slack", EnqueuedAt: alerttest.T0(), Notification: alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1)})
	if err != nil {
		t.Fatal(err)
	}
	newer := bytes.Replace(good, []byte("lpwatch-outbox 1 "), []byte("lpwatch-outbox 2 "), 1)
	files := map[string][]byte{
		formatID(1) + recSuffix:             good,
		formatID(2) + recSuffix:             []byte("garbage"),
		formatID(3) + recSuffix + tmpSuffix: good[:10],
		formatID(4) + recSuffix:             newer,
	}
	for name, data := range files {
		writeRaw(t, dir, name, data)
	}
	log, _ := alerttest.NewLogger()
	ob, err := Open(dir, Options{Logger: log})
	if ob != nil || !errors.Is(err, statefile.ErrNewer) {
		t.Fatalf("Open = %v, %v; want a refusal (statefile.ErrNewer)", ob, err)
	}
	for _, want := range []string{filepath.Join(dir, formatID(4)+recSuffix), "version 2", "version 1 at most"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ours := files[e.Name()]; !ours && e.Name() != lockName {
			t.Errorf("new file %s", e.Name())
		}
	}
	for name, data := range files {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || !bytes.Equal(b, data) {
			t.Errorf("%s changed or is gone: %v", name, err)
		}
	}
	// The lock was released: the current records open once the newer one
	// is gone.
	if err := os.Remove(filepath.Join(dir, formatID(4)+recSuffix)); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, dir, nil, nil)
	if p := h.ob.Pending(); len(p) != 1 || p[0].ID != formatID(1) {
		t.Errorf("pending %+v, want the current record", p)
	}
}

func TestHeaderVersion(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]int{
		"lpwatch-outbox 1 0000 3\n{}":  1,
		"lpwatch-outbox 12 0000 3\n{}": 12,
		"lpwatch-outbox x":             0,
		"other 2":                      0,
		"":                             0,
		strings.Repeat("a", 400):       0,
	}
	for content, want := range cases {
		path := filepath.Join(dir, "r.rec")
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if got := headerVersion(path); got != want {
			t.Errorf("headerVersion(%.20q) = %d, want %d", content, got, want)
		}
	}
}
