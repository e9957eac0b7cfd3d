// Package systemdtest runs a private dbus-daemon with a fake systemd manager
// (org.freedesktop.systemd1) on it, so that code using the real go-systemd
// D-Bus client can be tested without systemd. Start points
// DBUS_SYSTEM_BUS_ADDRESS at the private bus for the rest of the test.
package systemdtest

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startLimit bounds how long dbus-daemon may take to print its address; it
// is a deadline for reporting a failure, not a delay.
const startLimit = 10 * time.Second

// busConfig is a minimal session-type bus configuration that lets every
// local client own names and talk to everyone.
const busConfig = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=%s</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

// RequireBinary returns the path of a program found on PATH. When it is
// missing the test is skipped, or failed when CI=true.
func RequireBinary(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is required when CI=true: %v", name, err)
	}
	t.Skipf("%s not installed: %v", name, err)
	return ""
}

// busDaemon is one dbus-daemon process.
type busDaemon struct {
	cmd  *exec.Cmd
	exit chan error // receives the result of cmd.Wait
}

// startDaemon starts dbus-daemon with the config file cfg and waits until
// it prints its address, which proves it is listening.
func startDaemon(bin, cfg string) (*busDaemon, error) {
	cmd := exec.Command(bin, "--config-file="+cfg, "--nofork", "--nopidfile", "--nosyslog", "--print-address=1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("dbus-daemon stdout: %w", err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start dbus-daemon: %w", err)
	}
	d := &busDaemon{cmd: cmd, exit: make(chan error, 1)}
	addr := make(chan error, 1)
	go func() {
		line, err := bufio.NewReader(stdout).ReadString('\n')
		if err == nil && !strings.HasPrefix(line, "unix:") {
			err = fmt.Errorf("unexpected address line %q", line)
		}
		addr <- err
		d.exit <- cmd.Wait() // after the last read from stdout, as Wait requires
	}()
	timer := time.NewTimer(startLimit)
	defer timer.Stop()
	select {
	case err = <-addr:
	case <-timer.C:
		err = fmt.Errorf("no address printed within %s", startLimit)
	}
	if err != nil {
		d.stop()
		return nil, fmt.Errorf("dbus-daemon: %w (stderr: %s)", err, strings.TrimSpace(stderr.String()))
	}
	return d, nil
}

// stop ends the daemon (by its PID) and waits for it to exit.
func (d *busDaemon) stop() {
	if err := d.cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
		_ = d.cmd.Process.Kill()
	}
	timer := time.NewTimer(startLimit)
	defer timer.Stop()
	select {
	case <-d.exit:
	case <-timer.C:
		_ = d.cmd.Process.Kill()
		<-d.exit
	}
}

// writeConfig writes the bus configuration into dir and returns its path and
// the bus address.
func writeConfig(dir string) (cfg, addr string, err error) {
	sock := filepath.Join(dir, "bus")
	cfg = filepath.Join(dir, "bus.conf")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf(busConfig, sock)), 0o600); err != nil {
		return "", "", fmt.Errorf("write dbus config: %w", err)
	}
	return cfg, "unix:path=" + sock, nil
}
