//go:build !linux

package hostinfo

import (
	"context"
	"errors"
	"testing"
)

func TestUnsupported(t *testing.T) {
	if _, err := New(Options{}); !errors.Is(err, ErrUnsupported) {
		t.Errorf("New: err = %v, want ErrUnsupported", err)
	}
	if _, err := OpenFiles(context.Background(), DefaultProcRoot, 1); !errors.Is(err, ErrUnsupported) {
		t.Errorf("OpenFiles: err = %v, want ErrUnsupported", err)
	}
	if _, err := SysStatfs("/"); !errors.Is(err, ErrUnsupported) {
		t.Errorf("SysStatfs: err = %v, want ErrUnsupported", err)
	}
	if _, err := SysAdjtimex(); !errors.Is(err, ErrUnsupported) {
		t.Errorf("SysAdjtimex: err = %v, want ErrUnsupported", err)
	}
}
