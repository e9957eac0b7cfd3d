package statefiletest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
)

// fillName is the file Fill writes.
const fillName = ".fill"

// Tmpfs mounts a tmpfs of size bytes on dir, which must exist, and
// unmounts it when the test ends. Mounting needs root (CAP_SYS_ADMIN):
// without it the test is skipped, or failed when CI=true.
func Tmpfs(t testing.TB, dir string, size int64) {
	t.Helper()
	err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_NOSUID|syscall.MS_NODEV, fmt.Sprintf("size=%d,mode=0755", size))
	if err != nil {
		unavailable(t, fmt.Errorf("mount -t tmpfs -o size=%d tmpfs %s: %w (needs root)", size, dir, err))
		return
	}
	t.Cleanup(func() {
		// Lazily: a child process killed by a failed test may still hold
		// a file open.
		if err := syscall.Unmount(dir, syscall.MNT_DETACH); err != nil {
			t.Errorf("umount %s: %v", dir, err)
		}
	})
}

// Fill writes a file into dir until its filesystem has no space left
// (the write fails with ENOSPC) and returns a function that frees the
// space again.
func Fill(t testing.TB, dir string) (free func()) {
	t.Helper()
	path := filepath.Join(dir, fillName)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 64<<10)
	for err == nil {
		_, err = f.Write(chunk)
	}
	if !errors.Is(err, syscall.ENOSPC) {
		_ = f.Close()
		t.Fatalf("fill %s: %v, want ENOSPC", dir, err)
	}
	// Also take the last partial block.
	for n := len(chunk) / 2; n > 0; n /= 2 {
		_, _ = f.Write(chunk[:n])
	}
	if err := f.Close(); err != nil && !errors.Is(err, syscall.ENOSPC) {
		t.Fatal(err)
	}
	return func() {
		t.Helper()
		if err := os.Remove(path); err != nil {
			t.Fatalf("free %s: %v", dir, err)
		}
	}
}

// Busy makes the file at path a mount point (a bind mount of a copy of
// itself, so that it reads the same), so that removing it fails with
// EBUSY, and returns a function that unmounts it again; the test's end
// does so too.
func Busy(t testing.TB, path string) (release func()) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), filepath.Base(path))
	if err := os.WriteFile(src, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount(src, path, "", syscall.MS_BIND, ""); err != nil {
		unavailable(t, fmt.Errorf("mount --bind %s %s: %w (needs root)", src, path, err))
		return func() {}
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			if err := syscall.Unmount(path, syscall.MNT_DETACH); err != nil {
				t.Errorf("umount %s: %v", path, err)
			}
		})
	}
	t.Cleanup(release)
	return release
}
