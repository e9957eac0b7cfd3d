package hostinfo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

const (
	// fdBatch is how many /proc/PID/fd entries are read between two looks
	// at the context.
	fdBatch = 1024
	// maxLimitsSize bounds the read of /proc/PID/limits (about 1.4 KB).
	maxLimitsSize = 64 << 10
	// openFilesName is the row of /proc/PID/limits for RLIMIT_NOFILE.
	openFilesName = "Max open files"
)

// FDUsage is a process's open files against its soft open-file limit.
type FDUsage struct {
	// Open is the number of entries in /proc/PID/fd.
	Open int
	// SoftLimit is the soft RLIMIT_NOFILE, or 0 when it is "unlimited".
	SoftLimit uint64
}

// Fraction returns Open / SoftLimit, or 0 when the limit is unlimited.
func (u FDUsage) Fraction() float64 {
	if u.SoftLimit == 0 {
		return 0
	}
	return float64(u.Open) / float64(u.SoftLimit)
}

// OpenFiles counts the entries of procRoot/PID/fd and reads the soft "Max
// open files" limit from procRoot/PID/limits.
//
// Listing another user's /proc/PID/fd needs that user's identity or
// CAP_DAC_READ_SEARCH; lacking both, the error says so and matches
// fs.ErrPermission. A process that does not exist gives an error matching
// fs.ErrNotExist. When procRoot/PID is the caller itself, the count
// includes the descriptor used to list the directory.
func OpenFiles(ctx context.Context, procRoot string, pid int) (FDUsage, error) {
	if procRoot == "" {
		return FDUsage{}, errors.New("open files: proc root is empty")
	}
	if !sysSupported && filepath.Clean(procRoot) == DefaultProcRoot {
		return FDUsage{}, fmt.Errorf("open files: %w", ErrUnsupported)
	}
	return openFilesFS(ctx, os.DirFS(procRoot), procRoot, pid)
}

// openFilesFS is OpenFiles over any file system laid out like /proc; root
// is only used to name paths in errors.
func openFilesFS(ctx context.Context, fsys fs.FS, root string, pid int) (FDUsage, error) {
	if pid <= 0 {
		return FDUsage{}, fmt.Errorf("open files: pid %d is not a positive process id", pid)
	}
	dir := strconv.Itoa(pid)
	n, err := countDir(ctx, fsys, dir+"/fd")
	if err != nil {
		return FDUsage{}, procError(root, dir+"/fd", pid, err)
	}
	soft, err := readSoftNOFILE(fsys, dir+"/limits")
	if err != nil {
		return FDUsage{}, procError(root, dir+"/limits", pid, err)
	}
	return FDUsage{Open: n, SoftLimit: soft}, nil
}

// countDir counts the entries of dir in batches, checking ctx in between.
func countDir(ctx context.Context, fsys fs.FS, dir string) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	f, err := fsys.Open(dir)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	rd, ok := f.(fs.ReadDirFile)
	if !ok {
		return 0, errors.New("not a directory")
	}
	n := 0
	for {
		entries, err := rd.ReadDir(fdBatch)
		n += len(entries)
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return 0, err
		}
		if err := ctx.Err(); err != nil {
			return 0, err
		}
	}
}

// readSoftNOFILE reads the soft open-file limit from a limits file.
func readSoftNOFILE(fsys fs.FS, name string) (uint64, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxLimitsSize+1))
	if err != nil {
		return 0, err
	}
	if len(b) > maxLimitsSize {
		return 0, fmt.Errorf("larger than %d bytes", maxLimitsSize)
	}
	return parseSoftNOFILE(string(b))
}

// parseSoftNOFILE finds the "Max open files" row of a limits file and
// returns its soft limit. The kernel writes each row as
//
//	"%-25s %-20s %-20s %-10s\n" (name, soft, hard, unit)
//
// with "unlimited" for RLIM_INFINITY (fs/proc/base.c, proc_pid_limits).
func parseSoftNOFILE(text string) (uint64, error) {
	for _, line := range strings.Split(text, "\n") {
		rest, ok := strings.CutPrefix(line, openFilesName)
		if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) < 2 {
			return 0, fmt.Errorf("%q row has %d values, want soft and hard limits", openFilesName, len(fields))
		}
		if fields[0] == "unlimited" {
			return 0, nil
		}
		soft, err := strconv.ParseUint(fields[0], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%q soft limit %q is not a number or \"unlimited\"", openFilesName, fields[0])
		}
		if soft == 0 {
			// 0 means unlimited in FDUsage; a real limit of 0 must not read as such.
			return 0, fmt.Errorf("%q soft limit is 0: the process may open no file", openFilesName)
		}
		return soft, nil
	}
	return 0, fmt.Errorf("no %q row", openFilesName)
}

// procError names the full path and explains the two common failures.
func procError(root, name string, pid int, err error) error {
	full := filepath.Join(root, filepath.FromSlash(name))
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the path is named below, in full
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("read %s: permission denied: pid %d belongs to another user; run lpwatch as that user or grant it CAP_DAC_READ_SEARCH: %w", full, pid, err)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("read %s: not found: process %d is gone or the pid file is stale: %w", full, pid, err)
	}
	return fmt.Errorf("read %s: %w", full, err)
}
