package hostinfo

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// Config defaults of DiskSpaceLow (config.example.toml [checks]).
const (
	diskWarnFree     = 0.10
	diskCriticalFree = 0.05
)

// band places a free fraction against the DiskSpaceLow defaults: "under
// 10% / 5% free" (SPEC §4).
func band(f float64) string {
	switch {
	case f < diskCriticalFree:
		return "critical"
	case f < diskWarnFree:
		return "warning"
	}
	return "ok"
}

func TestDiskUsageInjected(t *testing.T) {
	const bs = 4096
	tests := []struct {
		name     string
		st       FSStats
		want     Disk
		wantFrac float64
		wantBand string
	}{
		{name: "plenty free", st: FSStats{BlockSize: bs, Blocks: 1000, Free: 600, Avail: 550},
			want: Disk{Total: 1000 * bs, Free: 600 * bs, Avail: 550 * bs}, wantFrac: 0.55, wantBand: "ok"},
		{name: "exactly 10 percent is not under 10", st: FSStats{BlockSize: bs, Blocks: 1000, Free: 100, Avail: 100},
			want: Disk{Total: 1000 * bs, Free: 100 * bs, Avail: 100 * bs}, wantFrac: 0.10, wantBand: "ok"},
		{name: "warning", st: FSStats{BlockSize: bs, Blocks: 1000, Free: 80, Avail: 80},
			want: Disk{Total: 1000 * bs, Free: 80 * bs, Avail: 80 * bs}, wantFrac: 0.08, wantBand: "warning"},
		{name: "exactly 5 percent is warning", st: FSStats{BlockSize: bs, Blocks: 1000, Free: 50, Avail: 50},
			want: Disk{Total: 1000 * bs, Free: 50 * bs, Avail: 50 * bs}, wantFrac: 0.05, wantBand: "warning"},
		{name: "critical", st: FSStats{BlockSize: bs, Blocks: 1000, Free: 30, Avail: 30},
			want: Disk{Total: 1000 * bs, Free: 30 * bs, Avail: 30 * bs}, wantFrac: 0.03, wantBand: "critical"},
		{name: "root reserve: free looks ok, avail is critical", st: FSStats{BlockSize: bs, Blocks: 1000, Free: 120, Avail: 40},
			want: Disk{Total: 1000 * bs, Free: 120 * bs, Avail: 40 * bs}, wantFrac: 0.04, wantBand: "critical"},
		{name: "full", st: FSStats{BlockSize: 1024, Blocks: 500, Free: 25, Avail: 0},
			want: Disk{Total: 500 * 1024, Free: 25 * 1024, Avail: 0}, wantFrac: 0, wantBand: "critical"},
		{name: "16 TiB volume", st: FSStats{BlockSize: bs, Blocks: 1 << 32, Free: 1 << 31, Avail: 1 << 30},
			want: Disk{Total: 1 << 44, Free: 1 << 43, Avail: 1 << 42}, wantFrac: 0.25, wantBand: "ok"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var asked string
			h := newTestHost(t, func(p string) (FSStats, error) { asked = p; return tc.st, nil }, nil)
			got, err := h.DiskUsage(context.Background(), "/data/livepeer")
			if err != nil {
				t.Fatal(err)
			}
			if asked != "/data/livepeer" {
				t.Fatalf("statfs asked for %q", asked)
			}
			tc.want.Path = "/data/livepeer"
			if got != tc.want {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
			if f := got.FreeFraction(); f != tc.wantFrac || band(f) != tc.wantBand {
				t.Fatalf("FreeFraction() = %v (%s), want %v (%s)", f, band(f), tc.wantFrac, tc.wantBand)
			}
		})
	}
}

func TestDiskUsageErrors(t *testing.T) {
	tests := []struct {
		name    string
		path    string
		st      FSStats
		err     error
		wantErr string
		wantIs  error
	}{
		{name: "statfs fails", path: "/gone", err: syscall.ENOENT, wantErr: "disk usage of /gone", wantIs: syscall.ENOENT},
		{name: "empty path", path: "", wantErr: "path is empty"},
		{name: "block size 0", path: "/x", st: FSStats{Blocks: 10}, wantErr: "block size of 0"},
		{name: "pseudo file system", path: "/proc", st: FSStats{BlockSize: 4096}, wantErr: "size of 0"},
		{name: "avail above total", path: "/x", st: FSStats{BlockSize: 1, Blocks: 10, Free: 10, Avail: 11}, wantErr: "more free (10) or available (11) blocks than the total (10)"},
		{name: "free above total", path: "/x", st: FSStats{BlockSize: 1, Blocks: 10, Free: 12, Avail: 1}, wantErr: "than the total"},
		{name: "overflow", path: "/x", st: FSStats{BlockSize: 1 << 30, Blocks: 1 << 40}, wantErr: "overflow 64 bits"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newTestHost(t, func(string) (FSStats, error) { return tc.st, tc.err }, nil)
			_, err := h.DiskUsage(context.Background(), tc.path)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.wantErr)
			}
			if tc.wantIs != nil && !errors.Is(err, tc.wantIs) {
				t.Fatalf("err = %v, want errors.Is %v", err, tc.wantIs)
			}
		})
	}
}

// TestDiskUsageHungStatfs: a statfs that outlives the caller's context is
// abandoned, not repeated, and the path is read again once it returns.
func TestDiskUsageHungStatfs(t *testing.T) {
	entered := make(chan struct{}, 4)
	release := make(chan struct{})
	var calls atomic.Int32
	h := newTestHost(t, func(string) (FSStats, error) {
		calls.Add(1)
		entered <- struct{}{}
		<-release
		return FSStats{BlockSize: 4096, Blocks: 100, Free: 50, Avail: 50}, nil
	}, nil)

	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-entered; cancel() }()
	if _, err := h.DiskUsage(ctx, "/mnt/nfs"); !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "statfs still running") {
		t.Fatalf("first call: err = %v, want context.Canceled with statfs still running", err)
	}

	if _, err := h.DiskUsage(context.Background(), "/mnt/nfs"); !errors.Is(err, ErrStatfsBlocked) {
		t.Fatalf("second call: err = %v, want ErrStatfsBlocked", err)
	}
	if n := calls.Load(); n != 1 {
		t.Fatalf("statfs called %d times while blocked, want 1", n)
	}

	h.mu.Lock()
	done := h.blocked["/mnt/nfs"]
	h.mu.Unlock()
	if done == nil {
		t.Fatal("no blocked call recorded for /mnt/nfs")
	}
	close(release)
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the abandoned statfs call never finished")
	}

	got, err := h.DiskUsage(context.Background(), "/mnt/nfs")
	if err != nil || got.Avail != 50*4096 {
		t.Fatalf("after release: got %+v, %v", got, err)
	}
	if n := calls.Load(); n != 2 {
		t.Fatalf("statfs called %d times, want 2", n)
	}
}

func TestDiskUsageCancelledBefore(t *testing.T) {
	var calls atomic.Int32
	h := newTestHost(t, func(string) (FSStats, error) { calls.Add(1); return FSStats{}, nil }, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := h.DiskUsage(ctx, "/data"); !errors.Is(err, context.Canceled) || calls.Load() != 0 {
		t.Fatalf("err = %v after %d statfs calls, want context.Canceled and none", err, calls.Load())
	}
}

func TestFreeFractionZeroTotal(t *testing.T) {
	if f := (Disk{Avail: 5}).FreeFraction(); f != 0 {
		t.Fatalf("FreeFraction of a zero-size disk = %v, want 0", f)
	}
}
