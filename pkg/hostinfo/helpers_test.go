package hostinfo

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// kernelLimits renders a /proc/PID/limits file exactly as the kernel does
// (fs/proc/base.c, proc_pid_limits), with the given open-file limits.
func kernelLimits(soft, hard string) string {
	rows := []struct{ name, soft, hard, unit string }{
		{"Max cpu time", "unlimited", "unlimited", "seconds"},
		{"Max file size", "unlimited", "unlimited", "bytes"},
		{"Max data size", "unlimited", "unlimited", "bytes"},
		{"Max stack size", "8388608", "unlimited", "bytes"},
		{"Max core file size", "0", "unlimited", "bytes"},
		{"Max resident set", "unlimited", "unlimited", "bytes"},
		{"Max processes", "96365", "96365", "processes"},
		{"Max open files", soft, hard, "files"},
		{"Max locked memory", "8388608", "8388608", "bytes"},
		{"Max address space", "unlimited", "unlimited", "bytes"},
		{"Max file locks", "unlimited", "unlimited", "locks"},
		{"Max pending signals", "96365", "96365", "signals"},
		{"Max msgqueue size", "819200", "819200", "bytes"},
		{"Max nice priority", "0", "0", ""},
		{"Max realtime priority", "0", "0", ""},
		{"Max realtime timeout", "unlimited", "unlimited", "us"},
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-25s %-20s %-20s %-10s\n", "Limit", "Soft Limit", "Hard Limit", "Units")
	for _, r := range rows {
		fmt.Fprintf(&b, "%-25s %-20s %-20s ", r.name, r.soft, r.hard)
		if r.unit != "" {
			fmt.Fprintf(&b, "%-10s", r.unit)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// fakeProc writes root/PID/fd with n entries (symlinks, as the kernel
// shows them) and root/PID/limits with the given content.
func fakeProc(t *testing.T, root string, pid, n int, limits string) {
	t.Helper()
	fd := filepath.Join(root, strconv.Itoa(pid), "fd")
	if err := os.MkdirAll(fd, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		if err := os.Symlink("/dev/null", filepath.Join(fd, strconv.Itoa(i))); err != nil {
			t.Fatal(err)
		}
	}
	if limits != "" {
		if err := os.WriteFile(filepath.Join(root, strconv.Itoa(pid), "limits"), []byte(limits), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// newTestHost returns a Host whose sources are all injected.
func newTestHost(t *testing.T, statfs StatfsFunc, adj AdjtimexFunc) *Host {
	t.Helper()
	if statfs == nil {
		statfs = func(string) (FSStats, error) { return FSStats{}, errors.New("statfs not expected") }
	}
	if adj == nil {
		adj = func() (Timex, error) { return Timex{}, errors.New("adjtimex not expected") }
	}
	h, err := New(Options{ProcRoot: t.TempDir(), Statfs: statfs, Adjtimex: adj})
	if err != nil {
		t.Fatal(err)
	}
	return h
}
