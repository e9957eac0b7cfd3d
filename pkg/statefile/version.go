package statefile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Format is the format of one kind of state file: its name in the state
// directory and the version this build writes, which is also the newest
// version it reads.
type Format struct {
	Name    string
	Version int
}

// String renders the format as "alerts.json v1".
func (f Format) String() string { return fmt.Sprintf("%s v%d", f.Name, f.Version) }

// ErrNewer marks a state file written by a newer lpwatch, in a format this
// build does not know. Unlike a corrupt file it is left where it is: the
// newer lpwatch can still read it.
var ErrNewer = errors.New("state file written by a newer lpwatch")

// NewerError is a state file whose format version is above the one this
// build reads. It matches ErrNewer with errors.Is.
type NewerError struct {
	Path    string
	Version int
	Known   int
}

func (e *NewerError) Error() string {
	return fmt.Sprintf("%s is in state format version %d, but this lpwatch reads version %d at most: "+
		"it was written by a newer lpwatch, so run that version (or newer); the file was left untouched", e.Path, e.Version, e.Known)
}

// Is makes errors.Is(err, ErrNewer) true.
func (e *NewerError) Is(target error) bool { return target == ErrNewer }

// Version returns the format version of a state file's content: the
// integer "version" field of a JSON object, or 1 for content without one
// (the formats written before state files carried a version, including a
// bare JSON array). A "version" that is not a positive integer is an error.
func Version(b []byte) (int, error) {
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 || b[0] != '{' {
		return 1, nil
	}
	var head struct {
		Version *int `json:"version"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return 0, fmt.Errorf("read format version: %w", err)
	}
	switch {
	case head.Version == nil:
		return 1, nil
	case *head.Version < 1:
		return 0, fmt.Errorf("format version %d is not a positive integer", *head.Version)
	}
	return *head.Version, nil
}

// ReadVersioned is ReadJSON for a file in format f: a file whose version
// (see Version) is above f.Version is refused with a *NewerError and left
// exactly as it is, neither decoded nor moved aside. A missing file returns
// (false, nil); a damaged one is moved aside (ErrCorrupt) as by ReadJSON.
func ReadVersioned(path string, f Format, v any, now time.Time) (bool, error) {
	b, found, err := readLimited(path, now)
	if !found || err != nil {
		return false, err
	}
	ver, err := Version(b)
	if err != nil {
		return false, moveAside(path, now, err)
	}
	if ver > f.Version {
		return false, &NewerError{Path: path, Version: ver, Known: f.Version}
	}
	if err := json.Unmarshal(b, v); err != nil {
		return false, moveAside(path, now, err)
	}
	return true, nil
}

// CheckFormats looks at the files of formats in dir and refuses, with one
// *NewerError per file, those written in a newer format. Missing and
// unreadable files pass: their owners report them when they open them.
// It writes, moves and deletes nothing.
func CheckFormats(dir string, formats []Format) error {
	var errs []error
	for _, f := range formats {
		path := filepath.Join(dir, f.Name)
		st, err := os.Stat(path)
		if err != nil || !st.Mode().IsRegular() || st.Size() > MaxSize {
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		if ver, err := Version(b); err == nil && ver > f.Version {
			errs = append(errs, &NewerError{Path: path, Version: ver, Known: f.Version})
		}
	}
	return errors.Join(errs...)
}

// readLimited reads a state file of at most MaxSize bytes; a larger one is
// moved aside (ErrCorrupt). A missing file returns found == false.
func readLimited(path string, now time.Time) (b []byte, found bool, err error) {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("read %s: %w", path, err)
	}
	if st.Size() > MaxSize {
		return nil, true, moveAside(path, now, fmt.Errorf("%d bytes is over the %d limit", st.Size(), MaxSize))
	}
	b, err = os.ReadFile(path)
	if err != nil {
		return nil, true, fmt.Errorf("read %s: %w", path, err)
	}
	return b, true, nil
}
