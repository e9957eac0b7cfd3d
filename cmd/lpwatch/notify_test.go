package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// TestSystemdNotifyProtocol runs lpwatch as systemd would (Type=notify,
// WatchdogSec) with a real unixgram NOTIFY_SOCKET and follows what it says:
// READY=1 once serving, STATUS= lines, WATCHDOG=1 while probes complete,
// RELOADING=1 then READY=1 on SIGHUP, STOPPING=1 on SIGTERM.
func TestSystemdNotifyProtocol(t *testing.T) {
	node := fakenode.New(nodeapi.Current)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	defer node.Close()
	dir := t.TempDir()
	sock := filepath.Join(dir, "notify.sock")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: sock, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	cfgPath := filepath.Join(dir, "lpwatch.toml")
	cfg := fmt.Sprintf("[server]\nlisten = %q\n[state]\ndir = %q\n[[node]]\nname = \"tc001\"\nurl = %q\nexpected_address = %q\ninterval = \"500ms\"\ntimeout = \"400ms\"\n[chain]\nurls = []\n[host]\nenabled = false\n[[alert.sink]]\nname = \"log\"\ntype = \"log\"\n",
		freePort(t), filepath.Join(dir, "state"), node.URL(), fakenode.DefaultAddress)
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "run", "-config", cfgPath)
	cmd.Env = append(os.Environ(), "LPWATCH_AS_MAIN=1", "NOTIFY_SOCKET="+sock, "WATCHDOG_USEC=1000000")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	}()
	buf := make([]byte, 4096)
	// next returns the next datagram, failing after a generous deadline.
	next := func() string {
		t.Helper()
		_ = conn.SetReadDeadline(time.Now().Add(30 * time.Second))
		n, err := conn.Read(buf)
		if err != nil {
			t.Fatalf("waiting for sd_notify: %v", err)
		}
		return string(buf[:n])
	}
	// expect reads datagrams until one starts with prefix.
	expect := func(prefix string) string {
		t.Helper()
		var seen []string
		for len(seen) < 200 {
			m := next()
			if strings.HasPrefix(m, prefix) || strings.Contains(m, "\n"+prefix) {
				return m
			}
			seen = append(seen, m)
		}
		t.Fatalf("no %q among %q", prefix, seen)
		return ""
	}
	expect("READY=1")
	if st := expect("STATUS="); !strings.Contains(st, "node(s) watched") {
		t.Errorf("status line %q", st)
	}
	for i := 0; i < 3; i++ { // periodic, every half WatchdogSec, while probes run
		expect("WATCHDOG=1")
	}
	if err := cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	if m := expect("RELOADING=1"); !strings.Contains(m, "MONOTONIC_USEC=") {
		t.Errorf("RELOADING=1 without MONOTONIC_USEC: %q", m)
	}
	expect("READY=1")
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	expect("STOPPING=1")
	if err := cmd.Wait(); err != nil {
		t.Fatalf("lpwatch exit after SIGTERM: %v", err)
	}
}
