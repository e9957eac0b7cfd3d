package probes

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/hostinfo"
	"github.com/lpwatch/lpwatch/pkg/watchdog"
)

// Locator finds the main process of a node: first the main PID of its
// systemd unit, asked over D-Bus, then its pid_file.
type Locator struct {
	// Units connects to systemd; nil means there is no systemd to ask.
	// The connection is opened at most once per probe run and closed after.
	Units func(ctx context.Context) (watchdog.UnitManager, error)
	// ReadPIDFile reads a pid file; nil means hostinfo.ReadPIDFile.
	ReadPIDFile func(ctx context.Context, path string) (int, error)
}

// locateRun is one probe run's use of a Locator: it dials systemd lazily,
// once, and remembers a failed dial so every node reports it.
type locateRun struct {
	l       Locator
	mgr     watchdog.UnitManager
	dialErr error
	dialed  bool
}

func (l Locator) start() *locateRun { return &locateRun{l: l} }

// units returns the systemd connection of this run.
func (r *locateRun) units(ctx context.Context) (watchdog.UnitManager, error) {
	if !r.dialed {
		r.dialed = true
		r.mgr, r.dialErr = r.l.Units(ctx)
		if r.dialErr == nil && r.mgr == nil {
			r.dialErr = errors.New("no systemd connection")
		}
	}
	return r.mgr, r.dialErr
}

// close releases the systemd connection, if one was opened.
func (r *locateRun) close() {
	if r.mgr != nil {
		r.mgr.Close()
	}
}

// pid finds the process of node n and says where it was found. When
// neither source works, the error gives the reason of each.
func (r *locateRun) pid(ctx context.Context, n config.Node) (int, string, error) {
	var reasons []string
	if n.SystemdUnit != "" && r.l.Units != nil {
		src := "systemd unit " + n.SystemdUnit
		pid, err := r.unitPID(ctx, n.SystemdUnit)
		if err == nil {
			return pid, src, nil
		}
		reasons = append(reasons, fmt.Sprintf("%s: %v", src, err))
	}
	if n.PIDFile != "" {
		read := r.l.ReadPIDFile
		if read == nil {
			read = hostinfo.ReadPIDFile
		}
		pid, err := read(ctx, n.PIDFile)
		if err == nil {
			return pid, "pid file " + n.PIDFile, nil
		}
		reasons = append(reasons, err.Error())
	}
	switch {
	case len(reasons) == 0 && n.SystemdUnit != "":
		return 0, "", fmt.Errorf("cannot find the livepeer process: systemd is not reachable to ask for unit %s's main PID and no pid_file is configured", n.SystemdUnit)
	case len(reasons) == 0:
		return 0, "", errors.New("cannot find the livepeer process: neither systemd_unit nor pid_file is configured")
	case n.PIDFile == "":
		reasons = append(reasons, "no pid_file configured")
	}
	return 0, "", fmt.Errorf("cannot find the livepeer process: %s", strings.Join(reasons, "; "))
}

func (r *locateRun) unitPID(ctx context.Context, unit string) (int, error) {
	mgr, err := r.units(ctx)
	if err != nil {
		return 0, err
	}
	return watchdog.MainPID(ctx, mgr, unit)
}
