package watchdog

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestNotifierMessages(t *testing.T) {
	tests := []struct {
		name string
		call func(n *Notifier) error
		want *regexp.Regexp
	}{
		{"ready", (*Notifier).Ready, regexp.MustCompile(`^READY=1$`)},
		{"stopping", (*Notifier).Stopping, regexp.MustCompile(`^STOPPING=1$`)},
		{"reloading", (*Notifier).Reloading, regexp.MustCompile(`^RELOADING=1\nMONOTONIC_USEC=[1-9][0-9]*$`)},
		{"status", func(n *Notifier) error { return n.Status("2 nodes ok, chain ok") },
			regexp.MustCompile(`^STATUS=2 nodes ok, chain ok$`)},
		{"status with line breaks", func(n *Notifier) error { return n.Status("bad\nREADY=1\r\nx") },
			regexp.MustCompile(`^STATUS=bad READY=1  x$`)},
		{"empty status", func(n *Notifier) error { return n.Status("") }, regexp.MustCompile(`^STATUS=$`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sock := listenNotify(t)
			n := New(Options{})
			if err := tt.call(n); err != nil {
				t.Fatalf("want no error, got %v", err)
			}
			if got := sock.Next(t); !tt.want.MatchString(got) {
				t.Fatalf("datagram = %q, want match of %s", got, tt.want)
			}
			sock.None(t)
		})
	}
}

func TestNotifierNotUnderSystemd(t *testing.T) {
	t.Setenv("NOTIFY_SOCKET", "")
	n := New(Options{})
	calls := map[string]func() error{
		"ready":     n.Ready,
		"reloading": n.Reloading,
		"stopping":  n.Stopping,
		"status":    func() error { return n.Status("x") },
	}
	for name, call := range calls {
		if err := call(); err != nil {
			t.Errorf("%s without NOTIFY_SOCKET: want nil, got %v", name, err)
		}
	}
}

func TestNotifierSendError(t *testing.T) {
	t.Setenv("NOTIFY_SOCKET", filepath.Join(t.TempDir(), "missing"))
	err := New(Options{}).Status("secret-free text")
	if err == nil {
		t.Fatal("want error for a notify socket that does not exist")
	}
	if !strings.HasPrefix(err.Error(), "sd_notify STATUS: ") || strings.Contains(err.Error(), "secret-free") {
		t.Fatalf("error %q should name the assignment and not echo the status text", err)
	}
}
