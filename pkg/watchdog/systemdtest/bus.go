package systemdtest

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/godbus/dbus/v5"
)

// Job results a restart can be scripted to end with (SetRestartResult).
const (
	ResultDone     = "done"
	ResultFailed   = "failed"
	ResultTimeout  = "timeout"
	ResultCanceled = "canceled"
	// ResultNever makes the restart job never complete: no JobRemoved signal
	// is sent and the unit stays "activating".
	ResultNever = "never"
)

// Restart is one RestartUnit call the fake manager received.
type Restart struct {
	Unit string
	Mode string
	// Job is the job object path handed back, empty when the call was refused.
	Job dbus.ObjectPath
}

// Bus is a private dbus-daemon with a fake systemd manager exported on it.
// All methods are safe for concurrent use.
type Bus struct {
	t    testing.TB
	bin  string
	cfg  string
	addr string

	mu       sync.Mutex
	daemon   *busDaemon
	conn     *dbus.Conn
	units    map[string]*unit
	results  map[string]string
	hooks    map[string]func(unit string)
	restarts []Restart
	changed  chan struct{} // closed and replaced whenever restarts grows
	nextJob  uint32
	nextPID  uint32
	running  int        // restart jobs still running their hook or signal
	idle     *sync.Cond // on mu, signalled when running drops to zero
}

// Start launches dbus-daemon on a unix socket in a fresh temp dir, exports
// the fake manager on it and sets DBUS_SYSTEM_BUS_ADDRESS for the rest of
// the test (so the test must not be parallel). Everything is stopped when
// the test ends. Without dbus-daemon the test is skipped, or failed when
// CI=true.
func Start(t testing.TB) *Bus {
	t.Helper()
	bin := RequireBinary(t, "dbus-daemon")
	// os.MkdirTemp, not t.TempDir: unix socket paths must stay short.
	dir, err := os.MkdirTemp("", "lpwatch-dbus-")
	if err != nil {
		t.Fatalf("temp dir: %v", err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	cfg, addr, err := writeConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	b := &Bus{
		t: t, bin: bin, cfg: cfg, addr: addr,
		units:   map[string]*unit{},
		results: map[string]string{},
		hooks:   map[string]func(string){},
		changed: make(chan struct{}),
		nextPID: 1000,
	}
	b.idle = sync.NewCond(&b.mu)
	t.Cleanup(b.down)
	if err := b.up(); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DBUS_SYSTEM_BUS_ADDRESS", addr)
	return b
}

// Address returns the bus address, as put in DBUS_SYSTEM_BUS_ADDRESS.
func (b *Bus) Address() string { return b.addr }

// up starts dbus-daemon and exports the manager and every known unit.
func (b *Bus) up() error {
	d, err := startDaemon(b.bin, b.cfg)
	if err != nil {
		return err
	}
	conn, err := dbus.Connect(b.addr)
	if err != nil {
		d.stop()
		return fmt.Errorf("connect fake manager: %w", err)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.daemon, b.conn = d, conn
	if err := b.exportManager(); err != nil {
		return err
	}
	for name, u := range b.units {
		if err := b.exportUnit(name, u); err != nil {
			return err
		}
	}
	return nil
}

// down waits for running restart jobs, then stops the connection and daemon.
func (b *Bus) down() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.running > 0 {
		b.idle.Wait()
	}
	if b.conn != nil {
		_ = b.conn.Close()
		b.conn = nil
	}
	if b.daemon != nil {
		b.daemon.stop()
		b.daemon = nil
	}
}

// Bounce stops dbus-daemon and starts a new one at the same address, as a
// restart of the system bus would; clients see their connection drop. Units,
// scripted results and recorded restarts are kept.
func (b *Bus) Bounce() {
	b.t.Helper()
	b.down()
	if err := b.up(); err != nil {
		b.t.Fatal(err)
	}
}

// OnRestart installs fn to run each time unit is restarted, before the job
// result is emitted (so a client that sees "done" knows fn has returned).
// A test can, for example, restart a fake chain when geth.service restarts.
// fn runs on its own goroutine and must not call t.Fatal.
func (b *Bus) OnRestart(unit string, fn func(unit string)) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.hooks[unit] = fn
}

// SetRestartResult scripts the result of every later restart of unit:
// ResultDone (the default), ResultFailed, ResultTimeout, ResultCanceled,
// "dependency", "skipped", or ResultNever.
func (b *Bus) SetRestartResult(unit, result string) {
	b.t.Helper()
	switch result {
	case ResultDone, ResultFailed, ResultTimeout, ResultCanceled, "dependency", "skipped", ResultNever:
	default:
		b.t.Fatalf("systemdtest: unknown job result %q", result)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.results[unit] = result
}

// Restarts returns the RestartUnit calls received so far, in order.
func (b *Bus) Restarts() []Restart {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]Restart(nil), b.restarts...)
}

// WaitRestarts waits until at least n RestartUnit calls were received, or
// ctx ends, and returns the calls received so far.
func (b *Bus) WaitRestarts(ctx context.Context, n int) ([]Restart, error) {
	for {
		b.mu.Lock()
		got := append([]Restart(nil), b.restarts...)
		ch := b.changed
		b.mu.Unlock()
		if len(got) >= n {
			return got, nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return got, fmt.Errorf("waiting for %d restarts, saw %d: %w", n, len(got), ctx.Err())
		}
	}
}

// record appends a restart call and wakes waiters. b.mu must be held.
func (b *Bus) record(r Restart) {
	b.restarts = append(b.restarts, r)
	close(b.changed)
	b.changed = make(chan struct{})
}
