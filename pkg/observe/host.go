package observe

import (
	"time"

	"github.com/lpwatch/lpwatch/pkg/hostinfo"
)

// Host is what one probe of the host saw: the livepeer processes' open
// files, the data volumes' free space and the clock's synchronization.
type Host struct {
	At time.Time
	// Processes has one entry per configured node, in configuration order.
	Processes []HostProcess
	// Disks has one entry per configured data path, in configuration order.
	Disks []HostDisk
	// Clock is nil when the clock check is off.
	Clock *HostClock
}

// HostProcess is the open-file usage of one node's process.
type HostProcess struct {
	Node string
	// PID is the process found, 0 when none was.
	PID int
	// Source says where the PID came from ("systemd unit livepeer.service",
	// "pid file /run/livepeer.pid").
	Source string
	FDs    hostinfo.FDUsage
	// Err says why the process or its open files could not be read.
	Err error
}

// HostDisk is the free space of one data path.
type HostDisk struct {
	Path  string
	Usage hostinfo.Disk
	Err   error
}

// HostClock is the kernel's view of the clock's synchronization.
type HostClock struct {
	Status hostinfo.Clock
	Err    error
}
