//go:build linux

package probes

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/hostinfo"
)

// These tests run a copy of the test binary as a child process, where it
// can do what the test process should not: mount a tiny tmpfs in a user
// namespace of its own, or read another user's /proc/PID/fd as an
// unprivileged user. The child runs TestHostHelperProcess and prints one
// line "helper-result <json>".

const (
	helperEnv  = "LPWATCH_HOST_HELPER"
	helperArg  = "LPWATCH_HOST_HELPER_ARG"
	resultMark = "helper-result "
)

// helperResult is what the child found: one check result per step.
type helperResult struct {
	Steps        []helperStep `json:"steps"`
	IsPermission bool         `json:"is_permission"`
	Err          string       `json:"err"`
}

// helperStep is one check result as the child saw it.
type helperStep struct {
	State  string `json:"state"`
	Reason string `json:"reason"`
}

func stepOf(r checks.Result) helperStep { return helperStep{State: r.State.String(), Reason: r.Reason} }

// TestHostHelperProcess is the child's entry point; it does nothing in a
// normal test run.
func TestHostHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		return
	}
	var res helperResult
	var err error
	switch mode {
	case "tmpfs":
		res, err = helperTmpfs(t, os.Getenv(helperArg))
	case "perm":
		res, err = helperPerm(t, os.Getenv(helperArg))
	default:
		err = fmt.Errorf("unknown helper mode %q", mode)
	}
	if err != nil {
		res.Err = err.Error()
	}
	b, _ := json.Marshal(res)
	fmt.Println(resultMark + string(b))
}

// tmpfsPages is the size of the helper's tmpfs in 4 KiB pages (1 MiB).
const tmpfsPages = 256

// helperTmpfs mounts a 1 MiB tmpfs on dir, fills it in steps and reports
// DiskSpaceLow after each.
func helperTmpfs(t *testing.T, dir string) (helperResult, error) {
	var res helperResult
	if err := syscall.Mount("lpwatch-test", dir, "tmpfs", 0, "size="+strconv.Itoa(tmpfsPages*4)+"k"); err != nil {
		return res, fmt.Errorf("mount tmpfs: %w", err)
	}
	reader, err := hostinfo.New(hostinfo.Options{})
	if err != nil {
		return res, err
	}
	cfg := hostCfg()
	cfg.Host.DataPaths = []string{dir}
	// Used pages after each step: none, 92% (8% free: warning), 97% (3% free: critical).
	for _, used := range []int{0, 235, 248} {
		if err := os.WriteFile(filepath.Join(dir, "fill"), bytes.Repeat([]byte{1}, used*4096), 0o600); err != nil {
			return res, fmt.Errorf("fill %d pages: %w", used, err)
		}
		_, rs, err := runHost(t, cfg, reader, Locator{})
		if err != nil {
			return res, err
		}
		res.Steps = append(res.Steps, stepOf(result(t, rs, alert.DiskSpaceLow, dir)))
	}
	return res, nil
}

// helperPerm probes the process named in pidFile, which belongs to another
// user.
func helperPerm(t *testing.T, pidFile string) (helperResult, error) {
	var res helperResult
	reader, err := hostinfo.New(hostinfo.Options{})
	if err != nil {
		return res, err
	}
	h, rs, _ := runHost(t, hostCfg(config.Node{Name: "tc001", PIDFile: pidFile}), reader, Locator{})
	res.IsPermission = errors.Is(h.Processes[0].Err, fs.ErrPermission)
	res.Steps = append(res.Steps, stepOf(result(t, rs, alert.FileDescriptorsHigh, "tc001")))
	return res, nil
}

// runHelper runs the helper in mode as a child process with attr and
// returns what it printed.
func runHelper(t *testing.T, bin, mode, arg string, attr *syscall.SysProcAttr) (helperResult, error) {
	t.Helper()
	cmd := exec.Command(bin, "-test.run=^TestHostHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, helperArg+"="+arg)
	cmd.SysProcAttr = attr
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return helperResult{}, fmt.Errorf("helper %s: %w: %s%s", mode, err, out, stderr.String())
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if line, ok := strings.CutPrefix(sc.Text(), resultMark); ok {
			var res helperResult
			if err := json.Unmarshal([]byte(line), &res); err != nil {
				return res, fmt.Errorf("helper output: %w", err)
			}
			if res.Err != "" {
				t.Fatalf("helper %s: %s", mode, res.Err)
			}
			return res, nil
		}
	}
	return helperResult{}, fmt.Errorf("helper %s printed no result: %s", mode, out)
}

// TestDiskSpaceLowOnTinyTmpfs fills a real 1 MiB tmpfs, mounted without
// privilege in a user and mount namespace of the child's own.
func TestDiskSpaceLowOnTinyTmpfs(t *testing.T) {
	dir := t.TempDir()
	attr := &syscall.SysProcAttr{
		Cloneflags:  syscall.CLONE_NEWUSER | syscall.CLONE_NEWNS,
		UidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getuid(), Size: 1}},
		GidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getgid(), Size: 1}},
	}
	res, err := runHelper(t, os.Args[0], "tmpfs", dir, attr)
	if err != nil {
		if errors.Is(err, syscall.EPERM) || errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOSPC) {
			t.Skipf("unprivileged user namespaces are not available here: %v", err)
		}
		t.Fatal(err)
	}
	want := []struct {
		state  checks.State
		reason string
	}{
		{checks.OK, "100.0% free (1.0 MiB of 1.0 MiB)"},
		{checks.Warning, "8.2% free (84.0 KiB of 1.0 MiB), under 10.0%"},
		{checks.Critical, "3.1% free (32.0 KiB of 1.0 MiB), under 5.0%"},
	}
	if len(res.Steps) != len(want) {
		t.Fatalf("helper reported %d steps: %+v", len(res.Steps), res.Steps)
	}
	for i, w := range want {
		if r := res.Steps[i]; r.State != w.state.String() || !strings.Contains(r.Reason, w.reason) {
			t.Errorf("step %d: got %s %q, want %s containing %q", i, r.State, r.Reason, w.state, w.reason)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the tmpfs leaked into the test's mount namespace: %v", entries)
	}
}

// TestFileDescriptorsUnknownWhenPermissionDenied reads another user's
// /proc/PID/fd as an unprivileged user, as lpwatch under its own user does.
func TestFileDescriptorsUnknownWhenPermissionDenied(t *testing.T) {
	if os.Geteuid() != 0 {
		// Already unprivileged: PID 1 belongs to someone else (root).
		if st, err := os.Stat("/proc/1"); err != nil || st.Sys().(*syscall.Stat_t).Uid == uint32(os.Geteuid()) {
			t.Skip("PID 1 is this user's own process here")
		}
		h, rs, _ := runHost(t, hostCfg(config.Node{Name: "tc001", PIDFile: writePIDFile(t, 1)}), mustReader(t), Locator{})
		checkPermissionDenied(t, helperResult{IsPermission: errors.Is(h.Processes[0].Err, fs.ErrPermission),
			Steps: []helperStep{stepOf(result(t, rs, alert.FileDescriptorsHigh, "tc001"))}})
		return
	}
	// As root: run a copy of this binary as nobody against this process.
	dir, err := os.MkdirTemp("", "lpwatch-perm-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "probes.test")
	if err := copyFile(os.Args[0], bin); err != nil {
		t.Fatal(err)
	}
	pidFile := filepath.Join(dir, "livepeer.pid")
	if err := os.WriteFile(pidFile, []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := runHelper(t, bin, "perm", pidFile, &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}})
	if err != nil {
		t.Fatal(err)
	}
	checkPermissionDenied(t, res)
}

func checkPermissionDenied(t *testing.T, res helperResult) {
	t.Helper()
	if len(res.Steps) != 1 {
		t.Fatalf("helper reported %+v", res)
	}
	r := res.Steps[0]
	if r.State != checks.Unknown.String() || !strings.Contains(r.Reason, "permission denied") || !strings.Contains(r.Reason, "CAP_DAC_READ_SEARCH") {
		t.Errorf("got %s %q, want unknown saying permission denied and how to grant it", r.State, r.Reason)
	}
	if !res.IsPermission {
		t.Error("the probe's error does not match fs.ErrPermission")
	}
}

func mustReader(t *testing.T) HostReader {
	t.Helper()
	r, err := hostinfo.New(hostinfo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}
