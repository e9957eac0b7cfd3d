package config

import (
	"encoding"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/redact"
)

// decoder copies a parsed TOML document onto a struct that already holds
// the defaults. Unlike a plain decode it does not stop at the first
// problem: every unknown key and type error is collected with its position.
type decoder struct {
	file     string
	pos      map[string]Position
	problems *problems
	sinks    SinkTypes
	// sinkKeys holds every key some sink type's section has (built on
	// first use).
	sinkKeys map[string]bool
}

var (
	durationType = reflect.TypeOf(time.Duration(0))
	secretType   = reflect.TypeOf(Secret(""))
	// A field whose type reads itself from text takes a TOML string.
	textUnmarshalerType = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
)

func (d *decoder) decodeStruct(path string, data map[string]any, rv reflect.Value) {
	fields := tomlFields(rv.Type())
	for _, k := range sortedKeys(data) {
		kp := join(path, k)
		i, ok := fields[k]
		if !ok {
			d.unknownKey(kp)
			continue
		}
		d.decodeValue(kp, data[k], rv.FieldByIndex(i))
	}
}

func (d *decoder) unknownKey(path string) {
	d.problems.add(d.at(path), "", fmt.Sprintf("unknown key %q", path))
}

// tomlFields maps each toml tag of the struct type rt to its field's
// index path; an embedded struct without a tag adds its own fields.
func tomlFields(rt reflect.Type) map[string][]int {
	out := make(map[string][]int)
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		tag := f.Tag.Get("toml")
		switch {
		case tag == "" && f.Anonymous && f.Type.Kind() == reflect.Struct:
			for k, idx := range tomlFields(f.Type) {
				out[k] = append([]int{i}, idx...)
			}
		case tag != "" && tag != "-":
			out[tag] = []int{i}
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (d *decoder) decodeValue(path string, v any, rv reflect.Value) {
	switch {
	case rv.Type() == durationType:
		s, ok := v.(string)
		if !ok {
			d.typeErr(path, "a duration string such as \"30s\"", v)
			return
		}
		dur, err := time.ParseDuration(s)
		if err != nil {
			d.problems.add(d.at(path), path, fmt.Sprintf("invalid duration %q (use a string such as \"30s\" or \"4h\")", s))
			return
		}
		rv.SetInt(int64(dur))
		return
	case reflect.PointerTo(rv.Type()).Implements(textUnmarshalerType):
		s, ok := v.(string)
		if !ok {
			d.typeErr(path, "a string", v)
			return
		}
		if err := rv.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			d.problems.add(d.at(path), path, err.Error())
		}
		return
	case rv.Kind() == reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			d.typeErr(path, "a table", v)
			return
		}
		d.decodeStruct(path, m, rv)
		return
	case rv.Kind() == reflect.Slice && rv.Type().Elem().Kind() == reflect.Struct:
		d.decodeTables(path, v, rv)
		return
	case rv.Kind() == reflect.Slice:
		d.decodeList(path, v, rv)
		return
	}
	d.decodeScalar(path, v, rv)
}

func (d *decoder) decodeTables(path string, v any, rv reflect.Value) {
	var items []map[string]any
	switch t := v.(type) {
	case []map[string]any:
		items = t
	case []any:
		for i, e := range t {
			m, ok := e.(map[string]any)
			if !ok {
				d.typeErr(path+"["+strconv.Itoa(i)+"]", "a table", e)
				return
			}
			items = append(items, m)
		}
	default:
		d.typeErr(path, "an array of tables ([["+path+"]])", v)
		return
	}
	out := reflect.MakeSlice(rv.Type(), len(items), len(items))
	for i, m := range items {
		el := out.Index(i)
		if def := elementDefaults(rv.Type().Elem()); def.IsValid() {
			el.Set(def)
		}
		if s, ok := el.Addr().Interface().(*Sink); ok {
			d.decodeSink(path+"["+strconv.Itoa(i)+"]", m, s)
			continue
		}
		d.decodeStruct(path+"["+strconv.Itoa(i)+"]", m, el)
	}
	rv.Set(out)
}

func (d *decoder) decodeList(path string, v any, rv reflect.Value) {
	list, ok := v.([]any)
	if !ok {
		d.typeErr(path, "an array", v)
		return
	}
	out := reflect.MakeSlice(rv.Type(), len(list), len(list))
	for i, e := range list {
		d.decodeScalar(path+"["+strconv.Itoa(i)+"]", e, out.Index(i))
	}
	rv.Set(out)
}

func (d *decoder) decodeScalar(path string, v any, rv reflect.Value) {
	switch rv.Kind() {
	case reflect.String:
		s, ok := v.(string)
		switch {
		case !ok && rv.Type() == secretType:
			d.secretTypeErr(path)
			return
		case !ok:
			d.typeErr(path, "a string", v)
			return
		}
		rv.SetString(s)
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			d.typeErr(path, "true or false", v)
			return
		}
		rv.SetBool(b)
	case reflect.Int, reflect.Int64:
		n, ok := v.(int64)
		if !ok {
			d.typeErr(path, "an integer", v)
			return
		}
		rv.SetInt(n)
	case reflect.Uint64:
		n, ok := v.(int64)
		if !ok || n < 0 {
			d.typeErr(path, "a non-negative integer", v)
			return
		}
		rv.SetUint(uint64(n))
	case reflect.Float64:
		switch n := v.(type) {
		case float64:
			if math.IsNaN(n) || math.IsInf(n, 0) {
				d.typeErr(path, "a finite number", v)
				return
			}
			rv.SetFloat(n)
		case int64:
			rv.SetFloat(float64(n))
		default:
			d.typeErr(path, "a number", v)
		}
	default:
		d.problems.add(d.at(path), path, fmt.Sprintf("unsupported field kind %s", rv.Kind()))
	}
}

func (d *decoder) typeErr(path, want string, got any) {
	d.problems.add(d.at(path), path, fmt.Sprintf("expected %s, got %s", want, describe(got)))
}

// secretTypeErr is typeErr for a secret, whose value is never shown.
func (d *decoder) secretTypeErr(path string) {
	d.problems.add(d.at(path), path, "expected a string (the value given is not shown: it is a secret)")
}

func (d *decoder) at(path string) *Position {
	if p, ok := d.pos[path]; ok {
		return &p
	}
	return nil
}

func describe(v any) string {
	switch t := v.(type) {
	case string:
		if strings.Contains(t, "://") {
			return fmt.Sprintf("string %q", redact.URL(t)) // a URL may hold a token
		}
		return fmt.Sprintf("string %q", t)
	case int64:
		return fmt.Sprintf("integer %d", t)
	case float64:
		return fmt.Sprintf("float %v", t)
	case bool:
		return fmt.Sprintf("boolean %v", t)
	case time.Time:
		return "a date-time"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// elementDefaults returns the defaults of one element of an array of tables.
func elementDefaults(t reflect.Type) reflect.Value {
	switch t {
	case reflect.TypeOf(Node{}):
		return reflect.ValueOf(nodeDefaults())
	case reflect.TypeOf(Sink{}):
		return reflect.ValueOf(sinkDefaults())
	case reflect.TypeOf(Peer{}):
		return reflect.ValueOf(peerDefaults())
	}
	return reflect.Value{}
}

// problems collects everything wrong with a configuration.
type problems struct {
	file string
	list []Problem
}

func (p *problems) add(pos *Position, key, msg string) {
	pr := Problem{File: p.file, Key: key, Msg: msg}
	if pos != nil {
		pr.Pos = *pos
	}
	p.list = append(p.list, pr)
}

// Problem is one thing wrong with a configuration.
type Problem struct {
	File string
	Pos  Position // zero when unknown
	Key  string   // key path, e.g. "node[0].timeout"; "" when Msg names it
	Msg  string
}

// String renders "file:line:col: key: message".
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Pos.Line > 0 {
			fmt.Fprintf(&b, ":%d:%d", p.Pos.Line, p.Pos.Col)
		}
		b.WriteString(": ")
	}
	if p.Key != "" {
		b.WriteString(p.Key)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Error lists every problem found in a configuration.
type Error struct {
	Problems []Problem
}

// Error implements error: one problem per line.
func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}
