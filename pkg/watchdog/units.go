package watchdog

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// UnitManager restarts systemd units and reads their state. The production
// implementation talks to systemd over D-Bus (NewSystemdManager); the
// remediation ladder and host checks depend on this interface only.
type UnitManager interface {
	// RestartUnit restarts unit (starting it if it is stopped) in mode
	// "replace" and waits, under ctx, until systemd reports the job's result.
	// It returns the result ("done" on success) and, for any other result, a
	// *JobError. When ctx ends first it returns "" and an error wrapping the
	// context's error; the job itself carries on inside systemd.
	RestartUnit(ctx context.Context, unit string) (result string, err error)
	// UnitState reads the unit's load, active and sub state and, for a
	// service, its main PID and automatic restart count. A unit systemd does
	// not know yields an error wrapping ErrUnitNotFound.
	UnitState(ctx context.Context, unit string) (UnitStatus, error)
	// Close releases the connection. Call it after the last call returned.
	Close()
}

// UnitStatus is a snapshot of a unit's state as systemd reports it.
type UnitStatus struct {
	// LoadState is "loaded", "not-found", "masked", ...
	LoadState string
	// ActiveState is "active", "activating", "deactivating", "inactive", "failed", ...
	ActiveState string
	// SubState is the type-specific state, for a service "running", "start", "auto-restart", ...
	SubState string
	// MainPID is the service's main process, 0 when it has none (or for a non-service unit).
	MainPID uint32
	// NRestarts counts the automatic restarts systemd made under Restart=
	// since the unit was last started by hand (0 for a non-service unit).
	NRestarts uint32
}

// ErrUnitNotFound is wrapped by errors about units systemd does not know.
var ErrUnitNotFound = errors.New("unit not found")

// ErrNoMainPID is wrapped by MainPID's error when the unit has no main process.
var ErrNoMainPID = errors.New("unit has no main process")

// JobError reports a restart job that finished with a result other than "done".
type JobError struct {
	// Unit is the unit the job was for.
	Unit string
	// Result is systemd's job result: "failed", "timeout", "canceled",
	// "dependency", "skipped", or something newer.
	Result string
}

// Error implements error.
func (e *JobError) Error() string {
	return fmt.Sprintf("restart %s: job %s: %s", e.Unit, e.Result, describeResult(e.Result))
}

// describeResult explains a systemd job result, as documented for
// org.freedesktop.systemd1.Manager's JobRemoved signal.
func describeResult(result string) string {
	switch result {
	case "failed":
		return "the unit failed to restart"
	case "timeout":
		return "the job timed out"
	case "canceled":
		return "the job was canceled before it finished"
	case "dependency":
		return "a job it depended on failed"
	case "skipped":
		return "the job did not apply to the unit's state"
	default:
		return "unexpected job result"
	}
}

// resultError maps a job result to nil for "done" and a *JobError otherwise.
func resultError(unit, result string) error {
	if result == "done" {
		return nil
	}
	return &JobError{Unit: unit, Result: result}
}

// MainPID returns the main process ID of a service unit, for host checks
// that inspect the process (open file descriptors, limits). It fails with an
// error wrapping ErrNoMainPID when the unit is not running.
func MainPID(ctx context.Context, m UnitManager, unit string) (int, error) {
	st, err := m.UnitState(ctx, unit)
	if err != nil {
		return 0, err
	}
	if st.MainPID == 0 {
		return 0, fmt.Errorf("unit %s is %s/%s: %w", unit, st.ActiveState, st.SubState, ErrNoMainPID)
	}
	return int(st.MainPID), nil
}

// maxUnitName is systemd's UNIT_NAME_MAX minus the terminating NUL.
const maxUnitName = 255

// ValidUnitName checks that name is a well-formed systemd unit name such as
// "geth.service" or "livepeer@tc001.service", with a reason when it is not.
func ValidUnitName(name string) error {
	if name == "" {
		return errors.New("unit name is empty")
	}
	if len(name) > maxUnitName {
		return fmt.Errorf("unit name %.40q... is longer than %d bytes", name, maxUnitName)
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(":-_.\\@", r)) {
			return fmt.Errorf("unit name %q contains %q: only letters, digits and \":-_.\\@\" are allowed", name, r)
		}
	}
	dot := strings.LastIndexByte(name, '.')
	if dot <= 0 {
		return fmt.Errorf("unit name %q has no unit type suffix such as .service", name)
	}
	switch suffix := name[dot:]; suffix {
	case ".service", ".socket", ".device", ".mount", ".automount", ".swap",
		".target", ".path", ".timer", ".slice", ".scope": // systemd.unit(5)
		return nil
	default:
		return fmt.Errorf("unit name %q has unknown unit type %q", name, suffix)
	}
}
