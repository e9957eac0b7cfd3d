package statefile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var testNow = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

func TestVersion(t *testing.T) {
	cases := []struct {
		in      string
		want    int
		wantErr bool
	}{
		{`{"version": 3, "x": 1}`, 3, false},
		{"\n {\"alerts\": {}}", 1, false}, // before versions: 1
		{`[{"id": "a"}]`, 1, false},       // a bare array: 1
		{``, 1, false},                    // the decoder judges it
		{`{"version": 0}`, 0, true},
		{`{"version": -2}`, 0, true},
		{`{"version": "2"}`, 0, true},
		{`{"version": 1.5}`, 0, true},
		{`{"version": 2`, 0, true},
	}
	for _, c := range cases {
		got, err := Version([]byte(c.in))
		if got != c.want || (err != nil) != c.wantErr {
			t.Errorf("Version(%q) = %d, %v; want %d, error %v", c.in, got, err, c.want, c.wantErr)
		}
	}
}

// writeState writes content to name in a new directory and returns its path.
func writeState(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// dirNames lists the names in path's directory.
func dirNames(t *testing.T, path string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

type testState struct {
	Version int    `json:"version"`
	Name    string `json:"name"`
}

func TestReadVersionedOlderAndCurrent(t *testing.T) {
	f := Format{Name: "x.json", Version: 2}
	for _, content := range []string{`{"name": "a"}`, `{"version": 1, "name": "a"}`, `{"version": 2, "name": "a"}`} {
		var v testState
		found, err := ReadVersioned(writeState(t, f.Name, content), f, &v, testNow)
		if !found || err != nil || v.Name != "a" {
			t.Errorf("%s: found %v, %v, %+v", content, found, err, v)
		}
	}
	var v testState
	if found, err := ReadVersioned(filepath.Join(t.TempDir(), "missing.json"), f, &v, testNow); found || err != nil {
		t.Errorf("missing file: found %v, %v", found, err)
	}
}

// TestReadVersionedNewer: a newer file is refused with an error naming it
// and both versions, and stays as it was, where it was.
func TestReadVersionedNewer(t *testing.T) {
	const content = `{"version": 3, "name": "from the future", "more": [1, 2]}`
	path := writeState(t, "x.json", content)
	v := testState{Name: "untouched"}
	found, err := ReadVersioned(path, Format{Name: "x.json", Version: 2}, &v, testNow)
	if found || !errors.Is(err, ErrNewer) || errors.Is(err, ErrCorrupt) {
		t.Fatalf("ReadVersioned = %v, %v; want ErrNewer", found, err)
	}
	var ne *NewerError
	if !errors.As(err, &ne) || ne.Path != path || ne.Version != 3 || ne.Known != 2 {
		t.Errorf("error = %#v", err)
	}
	for _, want := range []string{path, "version 3", "version 2 at most", "newer lpwatch", "left untouched"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if v.Name != "untouched" {
		t.Errorf("the newer file was decoded into v: %+v", v)
	}
	if b, _ := os.ReadFile(path); string(b) != content {
		t.Errorf("the file changed: %q", b)
	}
	if names := dirNames(t, path); len(names) != 1 {
		t.Errorf("directory holds %v, want only x.json", names)
	}
}

// TestReadVersionedBadVersion: a version that is not a positive integer is
// damage, handled as any corrupt file.
func TestReadVersionedBadVersion(t *testing.T) {
	path := writeState(t, "x.json", `{"version": "two"}`)
	var v testState
	_, err := ReadVersioned(path, Format{Name: "x.json", Version: 1}, &v, testNow)
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("ReadVersioned = %v, want ErrCorrupt", err)
	}
	if _, err := os.Stat(fmt.Sprintf("%s.corrupt-%d", path, testNow.Unix())); err != nil {
		t.Errorf("not moved aside: %v (directory: %v)", err, dirNames(t, path))
	}
}

func TestCheckFormats(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.json": `{"version": 2}`,      // current
		"b.json": `{"version": 5}`,      // newer
		"c.json": `[1, 2]`,              // version 1
		"d.json": `{"version": "bad"}`,  // its owner judges it
		"e.json": `{"version": 9, "x"}`, // damaged: its owner judges it
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o700); err != nil {
		t.Fatal(err)
	}
	var formats []Format
	for _, name := range []string{"a.json", "b.json", "c.json", "d.json", "e.json", "missing.json", "sub"} {
		formats = append(formats, Format{Name: name, Version: 2})
	}
	err := CheckFormats(dir, formats)
	if !errors.Is(err, ErrNewer) || !strings.Contains(err.Error(), filepath.Join(dir, "b.json")) {
		t.Fatalf("CheckFormats = %v, want a refusal of b.json", err)
	}
	if strings.Count(err.Error(), "newer lpwatch") != 1 {
		t.Errorf("want exactly one refusal: %v", err)
	}
	for name, content := range files {
		if b, _ := os.ReadFile(filepath.Join(dir, name)); string(b) != content {
			t.Errorf("%s changed", name)
		}
	}
	if err := CheckFormats(dir, formats[:1]); err != nil {
		t.Errorf("current format refused: %v", err)
	}
}
