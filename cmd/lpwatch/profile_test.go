package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// -profile writes a CPU and a heap profile (gzip-compressed protobuf, as
// go tool pprof reads them); a directory that cannot be made is an error.
func TestProfile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "p")
	stop, err := startProfile(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"cpu.pprof", "heap.pprof"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
			t.Errorf("%s is not a gzip-compressed profile: % x", name, b[:min(len(b), 8)])
		}
	}
	file := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := startProfile(filepath.Join(file, "p")); err == nil || !strings.HasPrefix(err.Error(), "profile: ") {
		t.Errorf("profile under a file: %v", err)
	}
}
