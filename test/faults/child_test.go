package faults

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// binDir holds the lpwatch binary the child rows run; TestMain creates and
// removes it.
var binDir string

// lpwatchBinary builds cmd/lpwatch once per test binary (with -race when
// the tests run with it) into binDir, which any user may read.
var lpwatchBinary = sync.OnceValues(func() (string, error) {
	if err := os.Chmod(binDir, 0o755); err != nil {
		return "", err
	}
	bin := filepath.Join(binDir, "lpwatch")
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	args := []string{"build", "-o", bin}
	if raceEnabled {
		args = append(args, "-race")
	}
	out, err := exec.Command(goTool, append(args, "github.com/lpwatch/lpwatch/cmd/lpwatch")...).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build lpwatch: %v\n%s", err, out)
	}
	return bin, nil
})

// children runs lpwatch as child processes in real time, in a directory
// every user can traverse (a row may run lpwatch as another user).
type children struct {
	t     *testing.T
	dir   string
	bin   string
	procs []*child
	// closers release what the row's children talked to, after they exit.
	closers []func()
}

func newChildren(t *testing.T) *children {
	t.Helper()
	bin, err := lpwatchBinary()
	if err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "lpwatch-faults-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	c := &children{t: t, dir: dir, bin: bin}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	return c
}

// close kills (by PID) the children still running and waits for them.
func (c *children) close() {
	for _, p := range c.procs {
		if !p.exited() {
			_ = p.cmd.Process.Kill()
		}
		<-p.done
	}
	for _, f := range c.closers {
		f()
	}
}

// child is one lpwatch process; its stderr (the log) is kept line by line.
type child struct {
	t    *testing.T
	cmd  *exec.Cmd
	done chan struct{}

	mu      sync.Mutex
	lines   []string
	changed chan struct{}
}

// start runs lpwatch with args. When nobody is set and the tests run as
// root, lpwatch runs as the user nobody, for whom file modes apply.
func (c *children) start(nobody bool, args ...string) *child {
	c.t.Helper()
	cmd := exec.Command(c.bin, args...)
	cmd.Env = append(os.Environ(), "NOTIFY_SOCKET=")
	if nobody && os.Geteuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		c.t.Fatal(err)
	}
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		c.t.Fatal(err)
	}
	p := &child{t: c.t, cmd: cmd, done: make(chan struct{}), changed: make(chan struct{})}
	c.procs = append(c.procs, p)
	go p.read(stderr)
	return p
}

func (p *child) read(r io.Reader) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		p.mu.Lock()
		p.lines = append(p.lines, sc.Text())
		close(p.changed)
		p.changed = make(chan struct{})
		p.mu.Unlock()
	}
	_ = p.cmd.Wait()
	close(p.done)
}

func (p *child) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// log returns what the child wrote to stderr so far.
func (p *child) log() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return strings.Join(p.lines, "\n")
}

// count returns how many log lines contain s.
func (p *child) count(s string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, l := range p.lines {
		if strings.Contains(l, s) {
			n++
		}
	}
	return n
}

// waitLog waits until n log lines contain s.
func (p *child) waitLog(s string, n int) {
	p.t.Helper()
	limit := time.NewTimer(waitLimit)
	defer limit.Stop()
	for {
		p.mu.Lock()
		ch := p.changed
		p.mu.Unlock()
		if p.count(s) >= n {
			return
		}
		select {
		case <-ch:
		case <-p.done:
			if p.count(s) >= n {
				return
			}
			p.t.Fatalf("lpwatch exited before logging %q %d times:\n%s", s, n, tail(p.log(), 30))
		case <-limit.C:
			p.t.Fatalf("lpwatch did not log %q %d times within %s:\n%s", s, n, waitLimit, tail(p.log(), 30))
		}
	}
}

// exitCode waits for the child to exit and returns its exit status.
func (p *child) exitCode() int {
	p.t.Helper()
	select {
	case <-p.done:
	case <-time.After(waitLimit):
		p.t.Fatalf("lpwatch did not exit within %s:\n%s", waitLimit, tail(p.log(), 30))
	}
	return p.cmd.ProcessState.ExitCode()
}

// signal sends sig to the child.
func (p *child) signal(sig os.Signal) {
	p.t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		p.t.Fatal(err)
	}
}

// checkClean fails when the child's log shows a panic or a data race.
func (p *child) checkClean() {
	p.t.Helper()
	log := p.log()
	for _, bad := range []string{"panic:", "DATA RACE", "fatal error:"} {
		if strings.Contains(log, bad) {
			p.t.Errorf("lpwatch wrote %q:\n%s", bad, tail(log, 60))
		}
	}
}

// freeAddr returns a loopback address nobody listens on right now.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// scrape reads one sample of a running lpwatch's /metrics: the first
// series of name whose label text contains every one of labels.
func scrape(t *testing.T, base, name string, labels ...string) (float64, bool) {
	t.Helper()
	resp, err := httpClient.Get(base + "/metrics")
	if err != nil {
		return 0, false
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, name+" ") && !strings.HasPrefix(line, name+"{") {
			continue
		}
		match := true
		for _, l := range labels {
			match = match && strings.Contains(line, l)
		}
		if !match {
			continue
		}
		f := strings.Fields(line)
		v, err := strconv.ParseFloat(f[len(f)-1], 64)
		return v, err == nil
	}
	return 0, false
}

// httpClient bounds every request the tests make to a child lpwatch.
var httpClient = &http.Client{Timeout: 5 * time.Second}
