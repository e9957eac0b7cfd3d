package config

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"

	"github.com/BurntSushi/toml"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/redact"
)

// MaxFileSize bounds the configuration file lpwatch will read.
const MaxFileSize = 1 << 20

// Load reads, decodes, resolves secrets and validates the file at path,
// decoding each sink's section with the registry sinks (nil knows no
// sink type); sink alert filters must name alerts of catalog
// (checks.Catalog). On failure the error is an *Error listing every
// problem found.
func Load(path string, sinks SinkTypes, catalog alert.Catalog) (*Config, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("read config: %s is not a regular file", path)
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("read config: %s is %d bytes, more than the %d allowed", path, st.Size(), MaxFileSize)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return Parse(path, b, sinks, catalog)
}

// Parse decodes and validates a configuration held in memory, as Load
// does; name is used in messages. Secret files are read relative to the
// working directory.
func Parse(name string, text []byte, sinks SinkTypes, catalog alert.Catalog) (*Config, error) {
	ps := &problems{file: name}
	var raw map[string]any
	if _, err := toml.Decode(string(text), &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			// The decoder quotes the word it refused, which may be an unquoted secret.
			ps.add(&Position{Line: pe.Position.Line, Col: colOf(text, pe.Position.Start)}, "", "syntax error: "+redact.Quoted(pe.Message))
		} else {
			ps.add(nil, "", "syntax error: "+redact.Quoted(err.Error()))
		}
		return nil, &Error{Problems: ps.list}
	}
	cfg := Default()
	cfg.File = name
	d := &decoder{file: name, pos: keyPositions(string(text)), problems: ps, sinks: sinks}
	d.decodeStruct("", raw, reflect.ValueOf(cfg).Elem())
	v := &validator{pos: d.pos, problems: ps, sinks: sinks, catalog: catalog}
	v.resolveSecrets(cfg)
	v.validate(cfg)
	if len(ps.list) > 0 {
		sortProblems(ps.list)
		return nil, &Error{Problems: ps.list}
	}
	return cfg, nil
}

// colOf turns a byte offset into a 1-based column on its line.
func colOf(text []byte, off int) int {
	if off < 0 || off > len(text) {
		return 1
	}
	col := 1
	for i := off - 1; i >= 0 && text[i] != '\n'; i-- {
		col++
	}
	return col
}

// sortProblems orders problems as they appear in the file; those without a
// position come last, by key.
func sortProblems(list []Problem) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if (a.Pos.Line == 0) != (b.Pos.Line == 0) {
			return a.Pos.Line != 0
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Key != b.Key {
			return a.Key < b.Key
		}
		return a.Msg < b.Msg
	})
}
