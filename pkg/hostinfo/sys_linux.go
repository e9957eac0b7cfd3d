//go:build linux

package hostinfo

import (
	"fmt"
	"syscall"
)

// sysSupported reports whether SysStatfs and SysAdjtimex work here.
const sysSupported = true

// SysStatfs is the real StatfsFunc: statfs(2) on path. The counts are in
// units of f_frsize, the fragment size (statfs(2)); kernels that leave it
// 0 count in f_bsize.
func SysStatfs(path string) (FSStats, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return FSStats{}, fmt.Errorf("statfs %s: %w", path, err)
	}
	size := int64(st.Frsize)
	if size <= 0 {
		size = int64(st.Bsize)
	}
	if size <= 0 {
		return FSStats{}, fmt.Errorf("statfs %s: block size %d", path, size)
	}
	return FSStats{BlockSize: uint64(size), Blocks: st.Blocks, Free: st.Bfree, Avail: st.Bavail}, nil
}

// SysAdjtimex is the real AdjtimexFunc: adjtimex(2) with modes 0, which
// only reads the kernel's clock discipline.
func SysAdjtimex() (Timex, error) {
	var tx syscall.Timex // Modes 0: read only
	state, err := syscall.Adjtimex(&tx)
	if err != nil {
		return Timex{}, err
	}
	return Timex{
		State:          state,
		Status:         int(tx.Status),
		MaxErrorMicros: int64(tx.Maxerror),
		EstErrorMicros: int64(tx.Esterror),
	}, nil
}
