package config

import (
	"fmt"
	"reflect"
	"strings"
)

var sinkType = reflect.TypeOf(Sink{})

// decodeSink decodes one [[alert.sink]] table: the common keys into s,
// the others into a fresh section of s.Type from the registry. A key of
// another type's section is "not used by" this type, unless it holds the
// empty string, which stands for an unset key (as in configs written from
// a template); a key no type has is unknown. For an unknown type only
// keys no type has are reported, next to the unknown type itself.
func (d *decoder) decodeSink(path string, data map[string]any, s *Sink) {
	common, rest := make(map[string]any), make(map[string]any)
	own := tomlFields(sinkType)
	for k, v := range data {
		if _, ok := own[k]; ok {
			common[k] = v
		} else {
			rest[k] = v
		}
	}
	d.decodeStruct(path, common, reflect.ValueOf(s).Elem())
	settings, fields, known := d.newSettings(path, s.Type)
	for _, k := range sortedKeys(rest) {
		if _, ok := fields[k]; ok {
			continue
		}
		kp := join(path, k)
		switch {
		case !d.anySinkHas(k):
			d.unknownKey(kp)
		case known && rest[k] != "":
			d.problems.add(d.at(kp), kp, fmt.Sprintf("not used by a %s sink", s.Type))
		}
		delete(rest, k)
	}
	if !known {
		return
	}
	d.decodeStruct(path, rest, reflect.ValueOf(settings).Elem())
	s.Settings = settings
}

// newSettings returns a fresh section of kind and its keys, or false when
// the registry does not know kind.
func (d *decoder) newSettings(path, kind string) (SinkSettings, map[string][]int, bool) {
	if d.sinks == nil {
		return nil, nil, false
	}
	st, ok := d.sinks.NewSettings(kind)
	if !ok {
		return nil, nil, false
	}
	rv, ok := settingsStruct(st)
	if !ok {
		d.problems.add(d.at(join(path, "type")), join(path, "type"), fmt.Sprintf("sink type %q has settings of type %T, not a pointer to a struct", kind, st))
		return nil, nil, false
	}
	return st, tomlFields(rv.Type()), true
}

// settingsStruct returns the struct a section points to, or false when
// it is not a non-nil pointer to a struct.
func settingsStruct(st SinkSettings) (reflect.Value, bool) {
	rv := reflect.ValueOf(st)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	return rv.Elem(), true
}

// anySinkHas says whether the section of some known sink type has key.
func (d *decoder) anySinkHas(key string) bool {
	if d.sinkKeys == nil {
		d.sinkKeys = make(map[string]bool)
		if d.sinks != nil {
			for _, kind := range d.sinks.Names() {
				st, _ := d.sinks.NewSettings(kind)
				if rv, ok := settingsStruct(st); ok {
					for k := range tomlFields(rv.Type()) {
						d.sinkKeys[k] = true
					}
				}
			}
		}
	}
	return d.sinkKeys[key]
}

// sinkSecrets reads each *_file secret of a sink's section, as the
// SinkSettings contract describes.
func (v *validator) sinkSecrets(path string, st SinkSettings) {
	rv, ok := settingsStruct(st)
	if !ok {
		return
	}
	fields := tomlFields(rv.Type())
	for _, name := range sortedKeys(fields) {
		val := rv.FieldByIndex(fields[name])
		fi, ok := fields[name+"_file"]
		if val.Type() != secretType || !ok {
			continue
		}
		if file := rv.FieldByIndex(fi); file.Kind() == reflect.String {
			v.secret(path, name, val.Addr().Interface().(*Secret), file.String())
		}
	}
}

// sinkSettings checks the section of one sink through its sink package.
func (v *validator) sinkSettings(path string, s *Sink) {
	if s.Settings == nil {
		v.bad(path+".type", "unknown sink type %q (%s)", s.Type, knownTypes(v.sinks))
		return
	}
	s.Settings.Validate(&SinkReport{v: v, path: path, kind: s.Type})
}

// knownTypes renders the registry's type names as "use a, b or c".
func knownTypes(types SinkTypes) string {
	var names []string
	if types != nil {
		names = types.Names()
	}
	switch len(names) {
	case 0:
		return "no sink type is known"
	case 1:
		return "use " + names[0]
	}
	return "use " + strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
