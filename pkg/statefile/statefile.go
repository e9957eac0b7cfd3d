// Package statefile reads and writes small JSON state files crash-safely:
// write to a temporary file, fsync it, rename it over the old one, fsync
// the directory. A reader sees the old or the new content, never a torn
// one.
package statefile

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// MaxSize bounds a state file lpwatch will read.
const MaxSize = 64 << 20

// WriteJSON stores v as JSON at path atomically and durably.
func WriteJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return fmt.Errorf("encode %s: %w", filepath.Base(path), err)
	}
	return WriteFile(path, append(b, '\n'))
}

// WriteFile stores b at path atomically and durably.
func WriteFile(path string, b []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	cleanup := func(e error) error {
		_ = f.Close()
		_ = os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, e)
	}
	if _, err := f.Write(b); err != nil {
		return cleanup(err)
	}
	if err := f.Sync(); err != nil {
		return cleanup(err)
	}
	if err := f.Close(); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return SyncDir(dir)
}

// SyncDir fsyncs a directory so a rename in it is durable.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}

// ErrCorrupt marks a state file that exists but cannot be decoded; it has
// been moved aside.
var ErrCorrupt = errors.New("corrupt state file")

// ReadJSON decodes the JSON file at path into v. A missing file returns
// (false, nil). A file that cannot be decoded is renamed to
// path.corrupt-<unix time> and ErrCorrupt is returned (wrapped), so the
// caller can start afresh and say so loudly.
func ReadJSON(path string, v any, now time.Time) (bool, error) {
	b, found, err := readLimited(path, now)
	if !found || err != nil {
		return false, err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return false, moveAside(path, now, err)
	}
	return true, nil
}

func moveAside(path string, now time.Time, cause error) error {
	aside := fmt.Sprintf("%s.corrupt-%d", path, now.Unix())
	if err := os.Rename(path, aside); err != nil {
		return fmt.Errorf("%w: %s: %v (and could not move it aside: %v)", ErrCorrupt, path, cause, err)
	}
	return fmt.Errorf("%w: %s moved to %s: %v", ErrCorrupt, path, aside, cause)
}
