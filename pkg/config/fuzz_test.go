package config_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert/sinks"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// FuzzParse feeds arbitrary text to the loader: it must return a config or
// an *Error, never panic, and a returned config must be valid.
func FuzzParse(f *testing.F) {
	example, err := os.ReadFile(filepath.Join("..", "..", "config.example.toml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(example)
	seeds, _ := filepath.Glob(filepath.Join("testdata", "invalid-*.toml"))
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("[[node]]\nname = \"a\"\n[[node.x]]\ny = 1\n"))
	f.Add([]byte("node = [{name = \"a\"}, 3]\n"))
	f.Fuzz(func(t *testing.T, text []byte) {
		cfg, err := config.Parse("fuzz.toml", text, sinks.Default(), checks.Catalog())
		if err != nil {
			if _, ok := err.(*config.Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if cfg != nil {
				t.Fatal("config returned with an error")
			}
			return
		}
		if len(cfg.Nodes) == 0 {
			t.Fatal("a valid config without nodes")
		}
		for _, n := range cfg.Nodes {
			if n.Timeout >= n.Interval {
				t.Fatalf("node %s: timeout %s >= interval %s accepted", n.Name, n.Timeout, n.Interval)
			}
		}
	})
}
