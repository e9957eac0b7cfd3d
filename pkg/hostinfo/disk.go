package hostinfo

import (
	"context"
	"errors"
	"fmt"
	"math/bits"
)

// ErrStatfsBlocked is returned while another statfs call on the same path
// is still running: typically one that an earlier caller's context gave
// up on (a hung network mount, for example). No second call is started
// meanwhile, so a hung mount costs one blocked thread, not one per probe.
var ErrStatfsBlocked = errors.New("an earlier statfs on this path has not returned yet")

// FSStats is what statfs(2) reports about a file system, in its units.
type FSStats struct {
	// BlockSize is the unit of the counts below (f_frsize, or f_bsize
	// where the kernel reports no fragment size).
	BlockSize uint64
	// Blocks is the size of the file system (f_blocks).
	Blocks uint64
	// Free is the number of free blocks (f_bfree), including those
	// reserved for root.
	Free uint64
	// Avail is the number of blocks an unprivileged user may still use
	// (f_bavail).
	Avail uint64
}

// StatfsFunc reports the file system that holds path.
type StatfsFunc func(path string) (FSStats, error)

// Disk is the size and free space of the file system holding Path, in
// bytes.
type Disk struct {
	Path string
	// Total is the size of the file system.
	Total uint64
	// Free counts every free byte, root's reserve included.
	Free uint64
	// Avail counts the free bytes a non-root process (livepeer, geth) can
	// still write.
	Avail uint64
}

// FreeFraction returns Avail / Total: the share of the file system that
// the services can still fill. DiskUsage never returns a Disk with Total
// 0; for one built by hand the result is 0.
func (d Disk) FreeFraction() float64 {
	if d.Total == 0 {
		return 0
	}
	return float64(d.Avail) / float64(d.Total)
}

// DiskUsage reports the file system that holds path.
//
// statfs(2) cannot be interrupted: when ctx ends first, DiskUsage returns
// ctx's error and leaves the call running in the background; until it
// returns, further calls for the same path fail at once with
// ErrStatfsBlocked. A file system reporting zero size (a pseudo file
// system such as /proc) or counts that contradict each other is an error.
func (h *Host) DiskUsage(ctx context.Context, path string) (Disk, error) {
	if path == "" {
		return Disk{}, errors.New("disk usage: path is empty")
	}
	if err := ctx.Err(); err != nil {
		return Disk{}, fmt.Errorf("disk usage of %s: %w", path, err)
	}
	h.mu.Lock()
	if _, busy := h.blocked[path]; busy {
		h.mu.Unlock()
		return Disk{}, fmt.Errorf("disk usage of %s: %w", path, ErrStatfsBlocked)
	}
	done := make(chan struct{})
	h.blocked[path] = done
	h.mu.Unlock()

	type result struct {
		st  FSStats
		err error
	}
	res := make(chan result, 1)
	go func() {
		st, err := h.statfs(path)
		// Clear the mark before answering, so the caller's next call
		// never sees a call that has already returned.
		h.mu.Lock()
		delete(h.blocked, path)
		h.mu.Unlock()
		close(done)
		res <- result{st, err}
	}()
	select {
	case r := <-res:
		if r.err != nil {
			return Disk{}, fmt.Errorf("disk usage of %s: %w", path, r.err)
		}
		return diskFromStats(path, r.st)
	case <-ctx.Done():
		return Disk{}, fmt.Errorf("disk usage of %s: statfs still running: %w", path, ctx.Err())
	}
}

// diskFromStats converts block counts to bytes and checks them.
func diskFromStats(path string, st FSStats) (Disk, error) {
	switch {
	case st.BlockSize == 0:
		return Disk{}, fmt.Errorf("disk usage of %s: statfs reports a block size of 0", path)
	case st.Blocks == 0:
		return Disk{}, fmt.Errorf("disk usage of %s: the file system reports a size of 0 (a pseudo file system?)", path)
	case st.Free > st.Blocks || st.Avail > st.Blocks:
		return Disk{}, fmt.Errorf("disk usage of %s: statfs reports more free (%d) or available (%d) blocks than the total (%d)",
			path, st.Free, st.Avail, st.Blocks)
	}
	hi, total := bits.Mul64(st.Blocks, st.BlockSize)
	if hi != 0 {
		return Disk{}, fmt.Errorf("disk usage of %s: %d blocks of %d bytes overflow 64 bits", path, st.Blocks, st.BlockSize)
	}
	// Free and Avail are at most Blocks, so they cannot overflow either.
	return Disk{Path: path, Total: total, Free: st.Free * st.BlockSize, Avail: st.Avail * st.BlockSize}, nil
}
