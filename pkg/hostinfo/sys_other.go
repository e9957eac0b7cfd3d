//go:build !linux

package hostinfo

import "fmt"

// sysSupported reports whether SysStatfs and SysAdjtimex work here.
const sysSupported = false

// SysStatfs is the real StatfsFunc; on this system it always fails with
// ErrUnsupported.
func SysStatfs(path string) (FSStats, error) {
	return FSStats{}, fmt.Errorf("statfs %s: %w", path, ErrUnsupported)
}

// SysAdjtimex is the real AdjtimexFunc; on this system it always fails
// with ErrUnsupported.
func SysAdjtimex() (Timex, error) {
	return Timex{}, fmt.Errorf("adjtimex: %w", ErrUnsupported)
}
