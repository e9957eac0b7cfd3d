package hostinfo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
)

// maxPIDFileSize bounds the read of a pid file: a pid has at most 10
// digits, plus surrounding whitespace.
const maxPIDFileSize = 64

// ReadPIDFile reads a pid file: exactly one positive decimal integer that
// fits a pid_t, with surrounding whitespace (a trailing newline) allowed.
// Anything else (empty, signs, two numbers, text, more than 64 bytes) is
// an error naming the path and the reason.
func ReadPIDFile(ctx context.Context, path string) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("read pid file %s: %w", path, err)
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("read pid file: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxPIDFileSize+1))
	if err != nil {
		return 0, fmt.Errorf("read pid file %s: %w", path, err)
	}
	if len(b) > maxPIDFileSize {
		return 0, fmt.Errorf("pid file %s: larger than %d bytes, not a pid file", path, maxPIDFileSize)
	}
	pid, err := parsePID(string(b))
	if err != nil {
		return 0, fmt.Errorf("pid file %s: %w", path, err)
	}
	return pid, nil
}

// parsePID parses the content of a pid file.
func parsePID(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, errors.New("empty")
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, fmt.Errorf("%q is not one decimal number", s)
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n > math.MaxInt32 {
		return 0, fmt.Errorf("%q is too large for a process id", s)
	}
	if n == 0 {
		return 0, errors.New("pid 0 is not a process")
	}
	return int(n), nil
}
