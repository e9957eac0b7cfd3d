package hostinfo

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
)

func TestOpenFilesFakeProc(t *testing.T) {
	tests := []struct {
		name      string
		pid       int // process to ask for; the tree always holds pid 4242
		fds       int
		limits    string
		want      FDUsage
		wantFrac  float64
		wantErr   string
		wantErrIs error
	}{
		{name: "limit 1024", pid: 4242, fds: 3, limits: kernelLimits("1024", "4096"),
			want: FDUsage{Open: 3, SoftLimit: 1024}, wantFrac: 3.0 / 1024},
		{name: "above 80 percent", pid: 4242, fds: 850, limits: kernelLimits("1000", "1000"),
			want: FDUsage{Open: 850, SoftLimit: 1000}, wantFrac: 0.85},
		{name: "more than one read batch", pid: 4242, fds: 2*fdBatch + 5, limits: kernelLimits("50000", "50000"),
			want: FDUsage{Open: 2*fdBatch + 5, SoftLimit: 50000}, wantFrac: float64(2*fdBatch+5) / 50000},
		{name: "unlimited", pid: 4242, fds: 7, limits: kernelLimits("unlimited", "unlimited"),
			want: FDUsage{Open: 7, SoftLimit: 0}, wantFrac: 0},
		{name: "empty fd dir", pid: 4242, fds: 0, limits: kernelLimits("1024", "1024"),
			want: FDUsage{Open: 0, SoftLimit: 1024}, wantFrac: 0},
		{name: "no such process", pid: 77, fds: 1, limits: kernelLimits("1024", "1024"),
			wantErr: "/77/fd: not found: process 77 is gone", wantErrIs: fs.ErrNotExist},
		{name: "no limits file", pid: 4242, fds: 1,
			wantErr: "/4242/limits: not found", wantErrIs: fs.ErrNotExist},
		{name: "limit 0", pid: 4242, fds: 1, limits: kernelLimits("0", "0"),
			wantErr: `"Max open files" soft limit is 0`},
		{name: "zero pid", pid: 0, fds: 1, limits: kernelLimits("1024", "1024"),
			wantErr: "pid 0 is not a positive process id"},
		{name: "negative pid", pid: -3, fds: 1, limits: kernelLimits("1024", "1024"),
			wantErr: "pid -3 is not a positive process id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			fakeProc(t, root, 4242, tc.fds, tc.limits)
			got, err := OpenFiles(context.Background(), root, tc.pid)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tc.wantErr)
				}
				if tc.wantErrIs != nil && !errors.Is(err, tc.wantErrIs) {
					t.Fatalf("err = %v, want errors.Is %v", err, tc.wantErrIs)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
			if f := got.Fraction(); f != tc.wantFrac {
				t.Fatalf("Fraction() = %v, want %v", f, tc.wantFrac)
			}
		})
	}
}

func TestParseSoftNOFILE(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		want    uint64
		wantErr string
	}{
		{name: "kernel format", text: kernelLimits("20000", "20000"), want: 20000},
		{name: "soft below hard", text: kernelLimits("1024", "524288"), want: 1024},
		{name: "unlimited", text: kernelLimits("unlimited", "unlimited"), want: 0},
		{name: "largest", text: kernelLimits("18446744073709551614", "unlimited"), want: 18446744073709551614},
		{name: "no trailing newline", text: "Max open files            4096                 4096                 files", want: 4096},
		{name: "missing row", text: "Limit  Soft Limit  Hard Limit  Units\nMax processes 10 10 processes\n", wantErr: `no "Max open files" row`},
		{name: "empty", text: "", wantErr: `no "Max open files" row`},
		{name: "longer name is another row", text: "Max open filesystems 5 5\n", wantErr: `no "Max open files" row`},
		{name: "one value", text: "Max open files 1024\n", wantErr: "has 1 values"},
		{name: "text value", text: kernelLimits("lots", "lots"), wantErr: `soft limit "lots" is not a number`},
		{name: "negative", text: kernelLimits("-1", "-1"), wantErr: `soft limit "-1" is not a number`},
		{name: "overflow", text: kernelLimits("18446744073709551616", "1"), wantErr: "is not a number"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseSoftNOFILE(tc.text)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %d, %v; want %d", got, err, tc.want)
			}
		})
	}
}

// deniedFS answers every Open under denied with EACCES, as /proc does
// for another user's fd directory.
type deniedFS struct {
	fs.FS
	denied string
}

func (d deniedFS) Open(name string) (fs.File, error) {
	if name == d.denied {
		return nil, &fs.PathError{Op: "open", Path: name, Err: syscall.EACCES}
	}
	return d.FS.Open(name)
}

func TestOpenFilesPermissionDenied(t *testing.T) {
	fsys := deniedFS{FS: fstest.MapFS{
		"31/fd/0":   {Mode: fs.ModeSymlink},
		"31/limits": {Data: []byte(kernelLimits("1024", "1024"))},
	}, denied: "31/fd"}
	_, err := openFilesFS(context.Background(), fsys, "/proc", 31)
	if !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("err = %v, want errors.Is fs.ErrPermission", err)
	}
	for _, want := range []string{"/proc/31/fd", "permission denied", "CAP_DAC_READ_SEARCH"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("err = %q, want it to contain %q", err, want)
		}
	}
}

func TestOpenFilesPermissionDeniedOnDisk(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any directory; TestOpenFilesPermissionDenied covers the error")
	}
	root := t.TempDir()
	fakeProc(t, root, 9, 2, kernelLimits("1024", "1024"))
	fd := filepath.Join(root, "9", "fd")
	if err := os.Chmod(fd, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(fd, 0o755) })
	_, err := OpenFiles(context.Background(), root, 9)
	if !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), fd+": permission denied") {
		t.Fatalf("err = %v, want permission denied on %s", err, fd)
	}
}

// cancelFS cancels a context on the first directory read, so the count
// must stop at the next batch.
type cancelFS struct {
	fs.FS
	cancel context.CancelFunc
}

type cancelDir struct {
	fs.ReadDirFile
	cancel context.CancelFunc
}

func (c cancelFS) Open(name string) (fs.File, error) {
	f, err := c.FS.Open(name)
	if err != nil {
		return nil, err
	}
	if d, ok := f.(fs.ReadDirFile); ok {
		return cancelDir{d, c.cancel}, nil
	}
	return f, nil
}

func (c cancelDir) ReadDir(n int) ([]fs.DirEntry, error) {
	c.cancel()
	return c.ReadDirFile.ReadDir(n)
}

func TestOpenFilesContext(t *testing.T) {
	m := fstest.MapFS{"5/limits": {Data: []byte(kernelLimits("1024", "1024"))}}
	for i := 0; i < fdBatch+10; i++ {
		m["5/fd/"+strconv.Itoa(i)] = &fstest.MapFile{Mode: fs.ModeSymlink}
	}
	t.Run("cancelled between batches", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		_, err := openFilesFS(ctx, cancelFS{m, cancel}, "/proc", 5)
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	})
	t.Run("cancelled before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := openFilesFS(ctx, m, "/proc", 5)
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	})
	t.Run("not cancelled", func(t *testing.T) {
		got, err := openFilesFS(context.Background(), m, "/proc", 5)
		if err != nil || got.Open != fdBatch+10 {
			t.Fatalf("got %+v, %v; want %d open", got, err, fdBatch+10)
		}
	})
}

func TestOpenFilesEmptyRoot(t *testing.T) {
	if _, err := OpenFiles(context.Background(), "", 1); err == nil || !strings.Contains(err.Error(), "proc root is empty") {
		t.Fatalf("err = %v, want proc root is empty", err)
	}
}
