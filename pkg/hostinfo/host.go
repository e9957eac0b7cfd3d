// Package hostinfo reads the host facts behind lpwatch's host checks
// (SPEC §4): the open files of the livepeer process against its limit
// (FileDescriptorsHigh), the free space of data volumes (DiskSpaceLow) and
// the kernel's clock synchronization status (ClockUnsynchronized).
//
// Only Linux is supported: the readers use /proc, statfs(2) and
// adjtimex(2). On other systems the real readers return ErrUnsupported.
// Every source can be replaced for tests: a proc root directory, a statfs
// function and an adjtimex function (see Options).
//
// The package reads only; it never changes a limit or the clock.
package hostinfo

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
)

// DefaultProcRoot is where the kernel's proc file system is mounted.
const DefaultProcRoot = "/proc"

// ErrUnsupported is returned by the real readers on systems other than
// Linux.
var ErrUnsupported = errors.New("host facts are read on linux only")

// Options selects the sources a Host reads. A zero field selects the real
// source of the running system, named in its comment.
type Options struct {
	// ProcRoot is the proc file system to read; "" means DefaultProcRoot.
	// It must be an absolute path.
	ProcRoot string
	// Statfs reports a file system's size; nil means SysStatfs.
	Statfs StatfsFunc
	// Adjtimex reads the kernel's clock discipline; nil means SysAdjtimex.
	Adjtimex AdjtimexFunc
}

// Host reads host facts from the sources chosen in Options. It is safe for
// concurrent use.
type Host struct {
	procRoot string
	statfs   StatfsFunc
	adjtimex AdjtimexFunc

	mu sync.Mutex
	// blocked holds, per path, the statfs call that outlived its caller's
	// context; the channel is closed when that call finally returns.
	blocked map[string]chan struct{}
}

// New returns a Host reading from the sources in o. On a system other than
// Linux it fails with ErrUnsupported unless every source is injected.
func New(o Options) (*Host, error) {
	if o.ProcRoot == "" {
		o.ProcRoot = DefaultProcRoot
	}
	if !filepath.IsAbs(o.ProcRoot) {
		return nil, fmt.Errorf("hostinfo: proc root %q is not an absolute path", o.ProcRoot)
	}
	if !sysSupported && (o.Statfs == nil || o.Adjtimex == nil || o.ProcRoot == DefaultProcRoot) {
		return nil, fmt.Errorf("hostinfo: %w", ErrUnsupported)
	}
	if o.Statfs == nil {
		o.Statfs = SysStatfs
	}
	if o.Adjtimex == nil {
		o.Adjtimex = SysAdjtimex
	}
	return &Host{
		procRoot: filepath.Clean(o.ProcRoot),
		statfs:   o.Statfs,
		adjtimex: o.Adjtimex,
		blocked:  make(map[string]chan struct{}),
	}, nil
}

// OpenFiles reports the open files of process pid against its soft
// open-file limit, read from the Host's proc root. See the package-level
// OpenFiles.
func (h *Host) OpenFiles(ctx context.Context, pid int) (FDUsage, error) {
	return OpenFiles(ctx, h.procRoot, pid)
}
