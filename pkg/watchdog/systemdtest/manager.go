package systemdtest

import (
	"fmt"
	"strings"

	sdbus "github.com/coreos/go-systemd/v22/dbus"
	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"
)

// D-Bus names of the systemd manager, as systemd exports them.
const (
	busName      = "org.freedesktop.systemd1"
	managerPath  = dbus.ObjectPath("/org/freedesktop/systemd1")
	managerIface = "org.freedesktop.systemd1.Manager"
	unitIface    = "org.freedesktop.systemd1.Unit"
	serviceIface = "org.freedesktop.systemd1.Service"
	noSuchUnit   = "org.freedesktop.systemd1.NoSuchUnit"
	propsIface   = "org.freedesktop.DBus.Properties"
	unitPrefix   = dbus.ObjectPath("/org/freedesktop/systemd1/unit")
)

// UnitState is the state of a fake unit.
type UnitState struct {
	LoadState   string // "loaded", "not-found", ...
	ActiveState string // "active", "failed", ...
	SubState    string // "running", "dead", ...
	MainPID     uint32 // services only
	NRestarts   uint32 // services only
}

// Running returns the state of a loaded service running as pid.
func Running(pid uint32) UnitState {
	return UnitState{LoadState: "loaded", ActiveState: "active", SubState: "running", MainPID: pid}
}

// unit is a fake unit: its state and its exported properties.
type unit struct {
	state UnitState
	props *prop.Properties
}

// UnitPath returns the object path systemd gives a unit.
func UnitPath(name string) dbus.ObjectPath {
	return unitPrefix + "/" + dbus.ObjectPath(sdbus.PathBusEscape(name))
}

// AddUnit adds (or replaces) a unit with the given state.
func (b *Bus) AddUnit(name string, st UnitState) {
	b.t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	u, ok := b.units[name]
	if ok {
		b.setState(name, u, st)
		return
	}
	u = &unit{state: st}
	b.units[name] = u
	if err := b.exportUnit(name, u); err != nil {
		b.t.Fatal(err)
	}
}

// Unit returns a unit's current state.
func (b *Bus) Unit(name string) (UnitState, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	u, ok := b.units[name]
	if !ok {
		return UnitState{}, false
	}
	return u.state, true
}

// exportUnit exports a unit's properties on its object path. b.mu must be held.
func (b *Bus) exportUnit(name string, u *unit) error {
	ro := func(v any) *prop.Prop { return &prop.Prop{Value: v, Emit: prop.EmitTrue} }
	m := prop.Map{unitIface: {
		"Id":          ro(name),
		"LoadState":   ro(u.state.LoadState),
		"ActiveState": ro(u.state.ActiveState),
		"SubState":    ro(u.state.SubState),
	}}
	if strings.HasSuffix(name, ".service") {
		m[serviceIface] = map[string]*prop.Prop{
			"MainPID":   ro(u.state.MainPID),
			"NRestarts": ro(u.state.NRestarts),
		}
	}
	props, err := prop.Export(b.conn, UnitPath(name), m)
	if err != nil {
		return fmt.Errorf("export unit %s: %w", name, err)
	}
	u.props = props
	return nil
}

// setState updates a unit and its exported properties. b.mu must be held.
func (b *Bus) setState(name string, u *unit, st UnitState) {
	u.state = st
	u.props.SetMust(unitIface, "LoadState", st.LoadState)
	u.props.SetMust(unitIface, "ActiveState", st.ActiveState)
	u.props.SetMust(unitIface, "SubState", st.SubState)
	if strings.HasSuffix(name, ".service") {
		u.props.SetMust(serviceIface, "MainPID", st.MainPID)
		u.props.SetMust(serviceIface, "NRestarts", st.NRestarts)
	}
}

// exportManager claims the systemd bus name and exports the manager object.
// b.mu must be held.
func (b *Bus) exportManager() error {
	reply, err := b.conn.RequestName(busName, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		return fmt.Errorf("own %s: reply %v: %w", busName, reply, err)
	}
	if err := b.conn.Export(manager{b}, managerPath, managerIface); err != nil {
		return fmt.Errorf("export manager: %w", err)
	}
	// Objects exported on exact unit paths take precedence over this subtree.
	if err := b.conn.ExportSubtree(unknownUnit{}, unitPrefix, propsIface); err != nil {
		return fmt.Errorf("export unknown units: %w", err)
	}
	return nil
}

// unknownUnit answers property reads for units the fake does not know the
// way systemd does: it loads them and reports LoadState "not-found".
type unknownUnit struct{}

// notFoundProps returns the properties of a unit that could not be loaded.
func notFoundProps(iface string) (map[string]dbus.Variant, *dbus.Error) {
	switch iface {
	case unitIface:
		return map[string]dbus.Variant{
			"LoadState":   dbus.MakeVariant("not-found"),
			"ActiveState": dbus.MakeVariant("inactive"),
			"SubState":    dbus.MakeVariant("dead"),
		}, nil
	case serviceIface:
		return map[string]dbus.Variant{
			"MainPID":   dbus.MakeVariant(uint32(0)),
			"NRestarts": dbus.MakeVariant(uint32(0)),
		}, nil
	default:
		return nil, dbus.NewError("org.freedesktop.DBus.Error.UnknownInterface", []any{"Unknown interface " + iface})
	}
}

// GetAll implements org.freedesktop.DBus.Properties.GetAll.
func (unknownUnit) GetAll(iface string) (map[string]dbus.Variant, *dbus.Error) {
	return notFoundProps(iface)
}

// Get implements org.freedesktop.DBus.Properties.Get.
func (unknownUnit) Get(iface, name string) (dbus.Variant, *dbus.Error) {
	props, derr := notFoundProps(iface)
	if derr != nil {
		return dbus.Variant{}, derr
	}
	v, ok := props[name]
	if !ok {
		return dbus.Variant{}, dbus.NewError("org.freedesktop.DBus.Error.UnknownProperty", []any{"Unknown property " + name})
	}
	return v, nil
}

// manager holds the exported org.freedesktop.systemd1.Manager methods; every
// exported method of this type becomes a D-Bus method.
type manager struct{ b *Bus }

// GetUnit returns the object path of a loaded unit.
func (m manager) GetUnit(name string) (dbus.ObjectPath, *dbus.Error) {
	return m.path(name, "Unit %s not loaded.")
}

// LoadUnit returns the object path of a unit, as systemd does after loading it.
func (m manager) LoadUnit(name string) (dbus.ObjectPath, *dbus.Error) {
	return m.path(name, "Unit %s not found.")
}

// path returns a known unit's object path, or systemd's NoSuchUnit error
// with the message format missing.
func (m manager) path(name, missing string) (dbus.ObjectPath, *dbus.Error) {
	m.b.mu.Lock()
	defer m.b.mu.Unlock()
	if _, ok := m.b.units[name]; !ok {
		return "", dbus.NewError(noSuchUnit, []any{fmt.Sprintf(missing, name)})
	}
	return UnitPath(name), nil
}

// Subscribe accepts a client's request for signals, as systemd does.
func (m manager) Subscribe() *dbus.Error { return nil }

// RestartUnit queues a restart job: it records the call, replies with the
// job path, then (on another goroutine) runs the unit's hook, applies the
// scripted result to the unit and emits JobRemoved, unless the result is
// ResultNever.
func (m manager) RestartUnit(name, mode string) (dbus.ObjectPath, *dbus.Error) {
	b := m.b
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.units[name]; !ok {
		b.record(Restart{Unit: name, Mode: mode})
		return "", dbus.NewError(noSuchUnit, []any{fmt.Sprintf("Unit %s not found.", name)})
	}
	b.nextJob++
	id := b.nextJob
	job := dbus.ObjectPath(fmt.Sprintf("/org/freedesktop/systemd1/job/%d", id))
	b.record(Restart{Unit: name, Mode: mode, Job: job})
	result, hook, conn := b.results[name], b.hooks[name], b.conn
	if result == "" {
		result = ResultDone
	}
	b.running++
	go func() {
		if hook != nil {
			hook(name)
		}
		b.finishJob(name, result)
		if result != ResultNever {
			// The client may be gone by now; a failed emit is of no concern.
			_ = conn.Emit(managerPath, managerIface+".JobRemoved", id, job, name, result)
		}
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.running--; b.running == 0 {
			b.idle.Broadcast()
		}
	}()
	return job, nil
}

// finishJob moves a restarted unit to the state its job result implies.
func (b *Bus) finishJob(name, result string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	u := b.units[name]
	st := u.state
	switch result {
	case ResultDone:
		b.nextPID++
		st.ActiveState, st.SubState, st.MainPID = "active", "running", b.nextPID
	case ResultFailed, ResultTimeout:
		st.ActiveState, st.SubState, st.MainPID = "failed", "failed", 0
	case ResultNever:
		st.ActiveState, st.SubState, st.MainPID = "activating", "start", 0
	default: // canceled, dependency, skipped leave the unit as it was
		return
	}
	b.setState(name, u, st)
}
