package gethtest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/chain/gethtest"
)

func TestFindBinaryFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "geth")
	plain := filepath.Join(dir, "plain")
	for p, mode := range map[string]os.FileMode{exe: 0o755, plain: 0o644} {
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"), mode); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		env     string
		want    string
		wantErr string
	}{
		{exe, exe, ""},
		{plain, "", "not an executable"},
		{dir, "", "not an executable"},
		{filepath.Join(dir, "missing"), "", "no such file"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.env), func(t *testing.T) {
			t.Setenv(gethtest.EnvBinary, tt.env)
			got, err := gethtest.FindBinary()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestStartNeedsBinary(t *testing.T) {
	if _, err := gethtest.Start(t.Context(), gethtest.Options{}); err == nil {
		t.Fatal("started without a binary")
	}
}
