//go:build linux

package hostinfo

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
)

// The tests in this file read the real kernel: /proc/self, statfs(2) and
// adjtimex(2).

func TestNewDefaultsLinux(t *testing.T) {
	h, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if h.procRoot != DefaultProcRoot {
		t.Fatalf("proc root = %q, want %q", h.procRoot, DefaultProcRoot)
	}
}

func TestOpenFilesRealSelf(t *testing.T) {
	ctx := context.Background()
	pid := os.Getpid()
	before, err := OpenFiles(ctx, DefaultProcRoot, pid)
	if err != nil {
		t.Fatal(err)
	}
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
		t.Fatal(err)
	}
	wantLimit := rl.Cur
	if rl.Cur == ^uint64(0) { // RLIM_INFINITY
		wantLimit = 0
	}
	if before.SoftLimit != wantLimit {
		t.Fatalf("soft limit = %d, getrlimit says %d", before.SoftLimit, rl.Cur)
	}
	if before.Open < 3 { // stdin, stdout, stderr at least
		t.Fatalf("open = %d, want at least 3", before.Open)
	}

	const extra = 7
	dir := t.TempDir()
	files := make([]*os.File, 0, extra)
	for i := 0; i < extra; i++ {
		f, err := os.Create(filepath.Join(dir, strconv.Itoa(i)))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	during, err := OpenFiles(ctx, DefaultProcRoot, pid)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	after, err := OpenFiles(ctx, DefaultProcRoot, pid)
	if err != nil {
		t.Fatal(err)
	}
	if during.Open != before.Open+extra {
		t.Fatalf("open with %d more files = %d, want %d", extra, during.Open, before.Open+extra)
	}
	if after.Open != before.Open {
		t.Fatalf("open after closing them = %d, want %d", after.Open, before.Open)
	}
}

func TestOpenFilesRealGone(t *testing.T) {
	// pid_max is at most 4194304 (PID_MAX_LIMIT): this pid cannot exist.
	_, err := OpenFiles(context.Background(), DefaultProcRoot, 1<<30)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v, want fs.ErrNotExist", err)
	}
}

func TestDiskUsageReal(t *testing.T) {
	h, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	d, err := h.DiskUsage(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if d.Path != dir || d.Total == 0 || d.Avail > d.Free || d.Free > d.Total {
		t.Fatalf("implausible %+v: want path %s, total > 0, avail <= free <= total", d, dir)
	}
	if f := d.FreeFraction(); f < 0 || f > 1 {
		t.Fatalf("FreeFraction() = %v, want within [0, 1]", f)
	}
	t.Logf("%s: %d of %d bytes available (%.1f%%)", dir, d.Avail, d.Total, 100*d.FreeFraction())

	if _, err := h.DiskUsage(context.Background(), filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("missing path: err = %v, want fs.ErrNotExist", err)
	}
	if _, err := h.DiskUsage(context.Background(), "/proc"); err == nil {
		t.Fatal("/proc: want an error for a file system of size 0")
	}
}

func TestClockStatusReal(t *testing.T) {
	h, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := h.ClockStatus(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// The kernel reports TIME_ERROR whenever STA_UNSYNC is set
	// (is_error_status in kernel/time/ntp.c).
	if c.Status&StaUnsync != 0 && c.State != TimeError {
		t.Fatalf("STA_UNSYNC set but state %s: fields misread? %+v", StateName(c.State), c)
	}
	t.Logf("kernel clock: %s", c)
}

func BenchmarkOpenFilesSelf(b *testing.B) {
	ctx := context.Background()
	pid := os.Getpid()
	for b.Loop() {
		if _, err := OpenFiles(ctx, DefaultProcRoot, pid); err != nil {
			b.Fatal(err)
		}
	}
}
