package watchdog

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	sdbus "github.com/coreos/go-systemd/v22/dbus"
	"github.com/godbus/dbus/v5"
)

// restartMode makes a restart replace any conflicting queued job, as
// `systemctl restart` does.
const restartMode = "replace"

// errClosed is returned by calls made after Close.
var errClosed = errors.New("systemd manager is closed")

// systemdManager implements UnitManager over the systemd D-Bus API.
type systemdManager struct {
	mu     sync.Mutex
	conn   *sdbus.Conn
	cancel context.CancelFunc // ends conn's lifetime
	closed bool
}

// NewSystemdManager connects to systemd through the system bus (the address
// in DBUS_SYSTEM_BUS_ADDRESS, by default /run/dbus/system_bus_socket). ctx
// bounds the connecting only; the connection lives until Close. Should the
// bus drop the connection (a restarted dbus-daemon), the next call dials
// again. Restarting a unit needs a polkit grant for the calling user (see
// deploy/systemd/50-lpwatch.rules); reading state does not.
func NewSystemdManager(ctx context.Context) (UnitManager, error) {
	conn, cancel, err := dialSystemBus(ctx)
	if err != nil {
		return nil, err
	}
	return &systemdManager{conn: conn, cancel: cancel}, nil
}

// dialSystemBus opens a go-systemd connection. go-systemd ties a
// connection's lifetime to the context it was dialed with, so the dial uses
// a context of its own, cancelled by the returned func, and ctx only aborts
// the dial.
func dialSystemBus(ctx context.Context) (*sdbus.Conn, context.CancelFunc, error) {
	life, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stop := context.AfterFunc(ctx, cancel)
	conn, err := sdbus.NewSystemConnectionContext(life)
	if !stop() { // ctx ended during the dial and closed the connection
		if err == nil {
			conn.Close()
		}
		cancel()
		return nil, nil, fmt.Errorf("connect to systemd over the system bus: %w", context.Cause(ctx))
	}
	if err != nil {
		cancel()
		return nil, nil, fmt.Errorf("connect to systemd over the system bus: %w", err)
	}
	return conn, cancel, nil
}

// connection returns a live connection, dialing again if the bus dropped it.
func (m *systemdManager) connection(ctx context.Context) (*sdbus.Conn, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil, errClosed
	}
	if m.conn.Connected() {
		return m.conn, nil
	}
	m.conn.Close()
	m.cancel()
	conn, cancel, err := dialSystemBus(ctx)
	if err != nil {
		return nil, fmt.Errorf("reconnect: %w", err)
	}
	m.conn, m.cancel = conn, cancel
	return conn, nil
}

// call runs f on a live connection. A transport failure (anything but a
// D-Bus error reply or the end of ctx) drops the connection so that the next
// call dials again; when retry is set, f then runs once more on a fresh
// connection. Only idempotent reads may retry.
func (m *systemdManager) call(ctx context.Context, retry bool, f func(*sdbus.Conn) error) error {
	for attempt := 0; ; attempt++ {
		conn, err := m.connection(ctx)
		if err != nil {
			return err
		}
		err = f(conn)
		if err == nil || !isTransportError(ctx, err) {
			return err
		}
		m.drop(conn)
		if !retry || attempt > 0 {
			return err
		}
	}
}

// drop closes conn if it is still the current connection.
func (m *systemdManager) drop(conn *sdbus.Conn) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.conn == conn && !m.closed {
		conn.Close()
		m.cancel()
	}
}

// isTransportError reports whether err came from the connection rather than
// from systemd or from ctx.
func isTransportError(ctx context.Context, err error) bool {
	var de dbus.Error
	return !errors.As(err, &de) && ctx.Err() == nil
}

// RestartUnit implements UnitManager.
func (m *systemdManager) RestartUnit(ctx context.Context, unit string) (string, error) {
	if err := ValidUnitName(unit); err != nil {
		return "", fmt.Errorf("restart: %w", err)
	}
	// Buffered, so go-systemd's signal dispatcher never blocks on it, even
	// when the job completes after this call gave up waiting.
	ch := make(chan string, 1)
	var id int
	err := m.call(ctx, false, func(conn *sdbus.Conn) error {
		var err error
		id, err = conn.RestartUnitContext(ctx, unit, restartMode, ch)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("restart %s: %w", unit, busError(err))
	}
	select {
	case result := <-ch:
		return result, resultError(unit, result)
	case <-ctx.Done():
		return "", fmt.Errorf("restart %s: waiting for job %d: %w", unit, id, context.Cause(ctx))
	}
}

// UnitState implements UnitManager.
func (m *systemdManager) UnitState(ctx context.Context, unit string) (UnitStatus, error) {
	if err := ValidUnitName(unit); err != nil {
		return UnitStatus{}, fmt.Errorf("unit state: %w", err)
	}
	var st UnitStatus
	err := m.call(ctx, true, func(conn *sdbus.Conn) error {
		var err error
		st, err = readUnitState(ctx, conn, unit)
		return err
	})
	if err != nil {
		return UnitStatus{}, fmt.Errorf("unit %s state: %w", unit, busError(err))
	}
	if st.LoadState == "not-found" {
		return UnitStatus{}, fmt.Errorf("unit %s: %w", unit, ErrUnitNotFound)
	}
	return st, nil
}

// readUnitState reads the properties behind UnitStatus.
func readUnitState(ctx context.Context, conn *sdbus.Conn, unit string) (UnitStatus, error) {
	var st UnitStatus
	props, err := conn.GetUnitPropertiesContext(ctx, unit)
	if err != nil {
		return st, err
	}
	err = errors.Join(
		storeProperty(props["LoadState"], "LoadState", &st.LoadState),
		storeProperty(props["ActiveState"], "ActiveState", &st.ActiveState),
		storeProperty(props["SubState"], "SubState", &st.SubState),
	)
	if err != nil || !strings.HasSuffix(unit, ".service") || st.LoadState == "not-found" {
		return st, err
	}
	for _, p := range []struct {
		name string
		dst  *uint32
	}{{"MainPID", &st.MainPID}, {"NRestarts", &st.NRestarts}} {
		v, err := conn.GetServicePropertyContext(ctx, unit, p.name)
		if err != nil {
			return st, err
		}
		if err := storeProperty(v.Value.Value(), p.name, p.dst); err != nil {
			return st, err
		}
	}
	return st, nil
}

// Close implements UnitManager.
func (m *systemdManager) Close() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return
	}
	m.closed = true
	m.conn.Close()
	m.cancel()
}

// storeProperty copies a D-Bus property value into dst, checking its type.
func storeProperty[T any](v any, name string, dst *T) error {
	if v == nil {
		return fmt.Errorf("property %s missing", name)
	}
	t, ok := v.(T)
	if !ok {
		return fmt.Errorf("property %s is %T, want %T", name, v, *dst)
	}
	*dst = t
	return nil
}

// busError marks D-Bus errors that mean "no such unit" with ErrUnitNotFound.
func busError(err error) error {
	var de dbus.Error
	if errors.As(err, &de) {
		switch de.Name {
		case "org.freedesktop.systemd1.NoSuchUnit", "org.freedesktop.DBus.Error.UnknownObject":
			return fmt.Errorf("%w: %w", ErrUnitNotFound, err)
		}
	}
	return err
}
