// Package notifytest is a stand-in for systemd's notify socket, for the
// tests of what lpwatch tells systemd (READY, STATUS, WATCHDOG pings).
package notifytest

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// WaitLimit bounds how long a test waits for a datagram that must arrive;
// it is a deadline for a failure report, never a delay before an assertion.
const WaitLimit = 10 * time.Second

// Socket is a unixgram listener standing in for systemd's notify socket.
type Socket struct {
	conn *net.UnixConn
}

// Listen binds a notify socket in a temp dir and points NOTIFY_SOCKET at
// it. It also clears the watchdog variables so each test sets its own.
func Listen(t *testing.T) *Socket {
	t.Helper()
	path := filepath.Join(t.TempDir(), "notify")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		t.Fatalf("listen %s: %v", path, err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	t.Setenv("NOTIFY_SOCKET", path)
	t.Setenv("WATCHDOG_USEC", "")
	t.Setenv("WATCHDOG_PID", "")
	return &Socket{conn: conn}
}

// Next returns the next datagram, failing the test if none comes in time.
func (s *Socket) Next(t *testing.T) string {
	t.Helper()
	if err := s.conn.SetReadDeadline(time.Now().Add(WaitLimit)); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4096)
	n, err := s.conn.Read(buf)
	if err != nil {
		t.Fatalf("read notify datagram: %v", err)
	}
	return string(buf[:n])
}

// Expect reads one datagram and checks it starts with want.
func (s *Socket) Expect(t *testing.T, want string) {
	t.Helper()
	if got := s.Next(t); !strings.HasPrefix(got, want) {
		t.Fatalf("notify datagram = %q, want prefix %q", got, want)
	}
}

// None fails if a datagram is already queued. Call it only once every
// sender has finished, so that absence is certain.
func (s *Socket) None(t *testing.T) {
	t.Helper()
	if err := s.conn.SetReadDeadline(time.Now()); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4096)
	n, err := s.conn.Read(buf)
	if err == nil {
		t.Fatalf("unexpected notify datagram %q", buf[:n])
	}
	if !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("read notify socket: %v", err)
	}
}
