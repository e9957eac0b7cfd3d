package watchdog_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/watchdog"
	"github.com/lpwatch/lpwatch/pkg/watchdog/systemdtest"
)

// callLimit bounds every D-Bus call in these tests; it only turns a hang
// into a failure.
const callLimit = 10 * time.Second

// newManager starts a fake systemd bus with geth.service and
// livepeer.service running, and connects a manager to it.
func newManager(t *testing.T) (*systemdtest.Bus, watchdog.UnitManager, context.Context) {
	t.Helper()
	bus := systemdtest.Start(t)
	bus.AddUnit("geth.service", systemdtest.Running(100))
	bus.AddUnit("livepeer.service", systemdtest.Running(200))
	ctx, cancel := context.WithTimeout(context.Background(), callLimit)
	t.Cleanup(cancel)
	m, err := watchdog.NewSystemdManager(ctx)
	if err != nil {
		t.Fatalf("NewSystemdManager: %v", err)
	}
	t.Cleanup(m.Close)
	return bus, m, ctx
}

func TestRestartUnitResults(t *testing.T) {
	tests := []struct {
		result     string
		wantActive string
		wantPID    bool // a new main PID after the job
	}{
		{systemdtest.ResultDone, "active", true},
		{systemdtest.ResultFailed, "failed", false},
		{systemdtest.ResultTimeout, "failed", false},
		{systemdtest.ResultCanceled, "active", false},
		{"dependency", "active", false},
		{"skipped", "active", false},
	}
	for _, tt := range tests {
		t.Run(tt.result, func(t *testing.T) {
			bus, m, ctx := newManager(t)
			bus.SetRestartResult("geth.service", tt.result)
			got, err := m.RestartUnit(ctx, "geth.service")
			if got != tt.result {
				t.Fatalf("result = %q, want %q", got, tt.result)
			}
			var je *watchdog.JobError
			switch {
			case tt.result == systemdtest.ResultDone && err != nil:
				t.Fatalf("want no error, got %v", err)
			case tt.result != systemdtest.ResultDone && !errors.As(err, &je):
				t.Fatalf("want *JobError, got %v", err)
			case je != nil && (je.Unit != "geth.service" || je.Result != tt.result ||
				!strings.HasPrefix(err.Error(), "restart geth.service: job "+tt.result+": ")):
				t.Fatalf("job error = %+v (%q)", je, err)
			}
			st, err := m.UnitState(ctx, "geth.service")
			if err != nil {
				t.Fatalf("UnitState: %v", err)
			}
			if st.ActiveState != tt.wantActive {
				t.Errorf("active state after restart = %q, want %q", st.ActiveState, tt.wantActive)
			}
			if newPID := st.MainPID != 100 && st.MainPID != 0; newPID != tt.wantPID {
				t.Errorf("main PID after restart = %d (was 100), want new PID: %v", st.MainPID, tt.wantPID)
			}
		})
	}
}

func TestRestartUnitNeverCompletes(t *testing.T) {
	bus, m, _ := newManager(t)
	bus.SetRestartResult("geth.service", systemdtest.ResultNever)
	// The deadline is what ends this call: the job never reports back.
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	got, err := m.RestartUnit(ctx, "geth.service")
	if got != "" || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("RestartUnit = %q, %v; want \"\" and a deadline error", got, err)
	}
	if !strings.HasPrefix(err.Error(), "restart geth.service: waiting for job 1: ") {
		t.Fatalf("error %q should say which job it gave up on", err)
	}
	if r := bus.Restarts(); len(r) != 1 || r[0].Unit != "geth.service" {
		t.Fatalf("restarts = %+v, want one of geth.service", r)
	}
}

func TestRestartOrderAndHook(t *testing.T) {
	bus, m, ctx := newManager(t)
	var chainRestarted atomic.Bool
	bus.OnRestart("geth.service", func(string) { chainRestarted.Store(true) })
	if _, err := m.RestartUnit(ctx, "geth.service"); err != nil {
		t.Fatalf("restart geth: %v", err)
	}
	if !chainRestarted.Load() {
		t.Fatal("the geth hook must have run before the job reported done")
	}
	if _, err := m.RestartUnit(ctx, "livepeer.service"); err != nil {
		t.Fatalf("restart livepeer: %v", err)
	}
	got, err := bus.WaitRestarts(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"geth.service", "livepeer.service"}
	if len(got) != len(want) {
		t.Fatalf("restarts = %+v, want %v", got, want)
	}
	for i, r := range got {
		if r.Unit != want[i] || r.Mode != "replace" || r.Job == "" {
			t.Errorf("restart %d = %+v, want %s in mode replace with a job", i, r, want[i])
		}
	}
}

func TestRestartUnitRefused(t *testing.T) {
	bus, m, ctx := newManager(t)
	tests := []struct {
		unit     string
		want     string
		notFound bool
		onBus    bool // the call reaches the fake manager
	}{
		{"nosuch.service", "restart nosuch.service: unit not found: ", true, true},
		{"", "restart: unit name is empty", false, false},
		{"geth", `restart: unit name "geth" has no unit type suffix`, false, false},
		{"../etc/passwd.service", `restart: unit name "../etc/passwd.service" contains '/'`, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.unit, func(t *testing.T) {
			before := len(bus.Restarts())
			got, err := m.RestartUnit(ctx, tt.unit)
			if got != "" || err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("RestartUnit(%q) = %q, %v; want error %q", tt.unit, got, err, tt.want)
			}
			if errors.Is(err, watchdog.ErrUnitNotFound) != tt.notFound {
				t.Errorf("errors.Is(ErrUnitNotFound) = %v, want %v", !tt.notFound, tt.notFound)
			}
			if reached := len(bus.Restarts()) > before; reached != tt.onBus {
				t.Errorf("call reached the bus: %v, want %v", reached, tt.onBus)
			}
		})
	}
}

func TestUnitState(t *testing.T) {
	bus, m, ctx := newManager(t)
	bus.AddUnit("geth.service", systemdtest.UnitState{LoadState: "loaded", ActiveState: "active", SubState: "running", MainPID: 4242, NRestarts: 2})
	bus.AddUnit("livepeer.service", systemdtest.UnitState{LoadState: "loaded", ActiveState: "failed", SubState: "failed"})
	bus.AddUnit("chain.target", systemdtest.UnitState{LoadState: "loaded", ActiveState: "active", SubState: "active"})
	bus.AddUnit("gone.service", systemdtest.UnitState{LoadState: "not-found", ActiveState: "inactive", SubState: "dead"})
	tests := []struct {
		unit    string
		want    watchdog.UnitStatus
		wantErr string
	}{
		{"geth.service", watchdog.UnitStatus{LoadState: "loaded", ActiveState: "active", SubState: "running", MainPID: 4242, NRestarts: 2}, ""},
		{"livepeer.service", watchdog.UnitStatus{LoadState: "loaded", ActiveState: "failed", SubState: "failed"}, ""},
		{"chain.target", watchdog.UnitStatus{LoadState: "loaded", ActiveState: "active", SubState: "active"}, ""},
		{"gone.service", watchdog.UnitStatus{}, "unit gone.service: unit not found"},
		{"unknown.service", watchdog.UnitStatus{}, "unit unknown.service: unit not found"},
		{"bad name.service", watchdog.UnitStatus{}, `unit state: unit name "bad name.service" contains ' '`},
	}
	for _, tt := range tests {
		t.Run(tt.unit, func(t *testing.T) {
			got, err := m.UnitState(ctx, tt.unit)
			if tt.wantErr == "" {
				if err != nil || got != tt.want {
					t.Fatalf("UnitState = %+v, %v; want %+v", got, err, tt.want)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) || got != (watchdog.UnitStatus{}) {
				t.Fatalf("UnitState = %+v, %v; want error %q", got, err, tt.wantErr)
			}
		})
	}
}

func TestMainPID(t *testing.T) {
	bus, m, ctx := newManager(t)
	bus.AddUnit("stopped.service", systemdtest.UnitState{LoadState: "loaded", ActiveState: "inactive", SubState: "dead"})
	pid, err := watchdog.MainPID(ctx, m, "livepeer.service")
	if err != nil || pid != 200 {
		t.Fatalf("MainPID(livepeer) = %d, %v; want 200", pid, err)
	}
	pid, err = watchdog.MainPID(ctx, m, "stopped.service")
	if pid != 0 || !errors.Is(err, watchdog.ErrNoMainPID) {
		t.Fatalf("MainPID(stopped) = %d, %v; want ErrNoMainPID", pid, err)
	}
	if want := "unit stopped.service is inactive/dead: "; !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("error %q, want prefix %q", err, want)
	}
	if _, err := watchdog.MainPID(ctx, m, "unknown.service"); !errors.Is(err, watchdog.ErrUnitNotFound) {
		t.Fatalf("MainPID(unknown) error = %v, want ErrUnitNotFound", err)
	}
}

func TestManagerSurvivesBusRestart(t *testing.T) {
	bus, m, ctx := newManager(t)
	if _, err := m.UnitState(ctx, "geth.service"); err != nil {
		t.Fatal(err)
	}
	bus.Bounce()
	st, err := m.UnitState(ctx, "geth.service")
	if err != nil || st.MainPID != 100 {
		t.Fatalf("UnitState after bus restart = %+v, %v; want geth with PID 100", st, err)
	}
	if res, err := m.RestartUnit(ctx, "livepeer.service"); err != nil || res != "done" {
		t.Fatalf("RestartUnit after bus restart = %q, %v", res, err)
	}
}

func TestManagerClosed(t *testing.T) {
	_, m, ctx := newManager(t)
	m.Close()
	m.Close() // idempotent
	if _, err := m.UnitState(ctx, "geth.service"); err == nil || !strings.Contains(err.Error(), "closed") {
		t.Fatalf("UnitState after Close: %v, want a closed error", err)
	}
	if _, err := m.RestartUnit(ctx, "geth.service"); err == nil || !strings.Contains(err.Error(), "closed") {
		t.Fatalf("RestartUnit after Close: %v, want a closed error", err)
	}
}

func TestNewSystemdManagerErrors(t *testing.T) {
	tests := []struct {
		name   string
		addr   string
		cancel bool
	}{
		{"no bus at the address", "unix:path=" + filepath.Join(t.TempDir(), "nobus"), false},
		{"context already ended", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.addr == "" {
				tt.addr = systemdtest.Start(t).Address()
			}
			t.Setenv("DBUS_SYSTEM_BUS_ADDRESS", tt.addr)
			ctx, cancel := context.WithTimeout(context.Background(), callLimit)
			defer cancel()
			if tt.cancel {
				cancel()
			}
			m, err := watchdog.NewSystemdManager(ctx)
			if err == nil || m != nil {
				t.Fatalf("NewSystemdManager = %v, %v; want an error", m, err)
			}
			if !strings.HasPrefix(err.Error(), "connect to systemd over the system bus: ") {
				t.Fatalf("error %q does not say what failed", err)
			}
		})
	}
}
