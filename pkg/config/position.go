package config

import (
	"regexp"
	"strconv"
	"strings"
)

// Position is a line and column in the configuration file, from 1.
type Position struct {
	Line, Col int
}

var (
	headerRe = regexp.MustCompile(`^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?`)
	keyRe    = regexp.MustCompile(`^(\s*)("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*=`)
)

// keyPositions maps key paths as the decoder names them ("server.listen",
// "node[1].timeout", "alert.sink[0].type") to where each key stands. It
// understands table headers, arrays of tables and plain keys, which is
// all a configuration file of lpwatch uses; anything else has no position.
func keyPositions(text string) map[string]Position {
	pos := make(map[string]Position)
	arrays := make(map[string]int)
	prefix := ""
	depth := 0 // nesting of a multi-line array value
	for i, line := range strings.Split(text, "\n") {
		code := stripComment(line)
		if depth > 0 {
			depth += strings.Count(code, "[") - strings.Count(code, "]")
			continue
		}
		if m := headerRe.FindStringSubmatch(code); m != nil && !keyRe.MatchString(code) {
			name := resolveArrays(unquoteKey(m[2]), arrays)
			if m[1] == "[[" {
				idx := arrays[name]
				arrays[name] = idx + 1
				name = name + "[" + strconv.Itoa(idx) + "]"
			}
			prefix = name
			pos[prefix] = Position{Line: i + 1, Col: strings.Index(line, "[") + 1}
			continue
		}
		if m := keyRe.FindStringSubmatch(code); m != nil {
			key := unquoteKey(m[2])
			if prefix != "" {
				key = prefix + "." + key
			}
			pos[key] = Position{Line: i + 1, Col: len(m[1]) + 1}
			rest := code[len(m[0]):]
			depth = strings.Count(rest, "[") - strings.Count(rest, "]")
			if depth < 0 {
				depth = 0
			}
		}
	}
	return pos
}

// resolveArrays rewrites "alert.sink" inside "[alert.sink.x]" style names
// so that a sub-table of an array element points at the latest element.
func resolveArrays(name string, arrays map[string]int) string {
	parts := strings.Split(name, ".")
	out := make([]string, 0, len(parts))
	for i, p := range parts {
		out = append(out, p)
		cur := strings.Join(out, ".")
		if n, ok := arrays[cur]; ok && i < len(parts)-1 {
			out[len(out)-1] = p + "[" + strconv.Itoa(n-1) + "]"
		}
	}
	return strings.Join(out, ".")
}

func unquoteKey(k string) string {
	parts := strings.Split(k, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

// stripComment removes a trailing # comment that is not inside a string.
func stripComment(line string) string {
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0 && c == '\\' && quote == '"':
			i++
		case quote != 0 && c == quote:
			quote = 0
		case quote == 0 && (c == '"' || c == '\''):
			quote = c
		case quote == 0 && c == '#':
			return line[:i]
		}
	}
	return line
}
