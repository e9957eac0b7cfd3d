//go:build !linux

package statefiletest

import (
	"errors"
	"testing"
)

var errNotLinux = errors.New("a tmpfs can be mounted on Linux only")

// Tmpfs skips t (fails it when CI=true): tmpfs is Linux only.
func Tmpfs(t testing.TB, dir string, size int64) {
	t.Helper()
	unavailable(t, errNotLinux)
}

// Fill is not available off Linux.
func Fill(t testing.TB, dir string) (free func()) {
	t.Helper()
	t.Fatal(errNotLinux)
	return func() {}
}

// Busy is not available off Linux.
func Busy(t testing.TB, path string) (release func()) {
	t.Helper()
	unavailable(t, errNotLinux)
	return func() {}
}
