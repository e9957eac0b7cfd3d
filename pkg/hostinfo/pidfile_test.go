package hostinfo

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadPIDFile(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    int
		wantErr string
	}{
		{name: "plain", content: "1234", want: 1234},
		{name: "trailing newline", content: "1234\n", want: 1234},
		{name: "surrounding whitespace", content: "  \t98765 \r\n", want: 98765},
		{name: "leading zeros", content: "007\n", want: 7},
		{name: "pid 1", content: "1\n", want: 1},
		{name: "largest pid_t", content: "2147483647\n", want: 2147483647},
		{name: "empty", content: "", wantErr: "empty"},
		{name: "only whitespace", content: " \n\n", wantErr: "empty"},
		{name: "zero", content: "0\n", wantErr: "pid 0 is not a process"},
		{name: "negative", content: "-5\n", wantErr: `"-5" is not one decimal number`},
		{name: "plus sign", content: "+5\n", wantErr: `"+5" is not one decimal number`},
		{name: "two numbers", content: "12 34\n", wantErr: `"12 34" is not one decimal number`},
		{name: "two lines", content: "12\n34\n", wantErr: "is not one decimal number"},
		{name: "text", content: "livepeer\n", wantErr: `"livepeer" is not one decimal number`},
		{name: "hex", content: "0x10\n", wantErr: "is not one decimal number"},
		{name: "too large for pid_t", content: "2147483648\n", wantErr: "too large for a process id"},
		{name: "too large for int64", content: "99999999999999999999\n", wantErr: "too large for a process id"},
		{name: "oversized file", content: strings.Repeat(" ", maxPIDFileSize) + "1", wantErr: "larger than 64 bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "livepeer.pid")
			if err := os.WriteFile(path, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := ReadPIDFile(context.Background(), path)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), path) {
					t.Fatalf("err = %v, want it to name %s and contain %q", err, path, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %d, %v; want %d", got, err, tc.want)
			}
		})
	}
}

func TestReadPIDFileMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.pid")
	_, err := ReadPIDFile(context.Background(), path)
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), path) {
		t.Fatalf("err = %v, want not-exist naming %s", err, path)
	}
}

func TestReadPIDFileCancelled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ok.pid")
	if err := os.WriteFile(path, []byte("42\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadPIDFile(ctx, path); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}
