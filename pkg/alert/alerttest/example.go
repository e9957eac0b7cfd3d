package alerttest

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// ExampleNode is a [[node]] table that makes a configuration complete.
const ExampleNode = "[[node]]\nname = \"tc001\"\nurl = \"http://127.0.0.1:7935\"\nexpected_address = \"0x0000000000000000000000000000000000000001\"\n"

// ExampleSink returns the commented [[alert.sink]] named name of
// config.example.toml, uncommented, after ExampleNode, with every path of
// replace (an /etc/lpwatch file) replaced by its value: a configuration a
// test can load, so that the example stays valid.
func ExampleSink(t testing.TB, name string, replace map[string]string) string {
	t.Helper()
	_, self, _, _ := runtime.Caller(0)
	b, err := os.ReadFile(filepath.Join(filepath.Dir(self), "..", "..", "..", "config.example.toml"))
	if err != nil {
		t.Fatal(err)
	}
	head := "# [[alert.sink]]\n# name = \"" + name + "\"\n"
	_, block, ok := strings.Cut(string(b), head)
	if !ok {
		t.Fatalf("config.example.toml has no commented sink %q", name)
	}
	block, _, _ = strings.Cut(block, "\n\n")
	text := ExampleNode + "[[alert.sink]]\nname = \"" + name + "\"\n"
	for _, line := range strings.Split(block, "\n") {
		text += strings.TrimPrefix(line, "# ") + "\n"
	}
	for from, to := range replace {
		text = strings.ReplaceAll(text, from, to)
	}
	return text
}
