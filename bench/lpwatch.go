package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

// lpOpts is lpwatch's configuration in a measurement, beside the fleet it
// watches.
type lpOpts struct {
	// interval and timeout of every node's probes; downFor is
	// checks.node_down_for.
	interval, timeout, downFor time.Duration
	// hookURL sends every notification to a webhook; "" keeps only a log
	// sink for critical alerts.
	hookURL string
	// chainInterval is chain.interval (default 15s).
	chainInterval time.Duration
	// profile, when set, is the directory under which each lpwatch run
	// writes its CPU and heap profiles (lpwatch run -profile).
	profile string
}

// setupOf describes the configuration lpwatch runs with over f.
func setupOf(f *fleet, o lpOpts) setup {
	s := setup{nodes: f.opts.nodes, orchestrators: f.opts.orchestrators, interval: o.interval, downFor: o.downFor}
	if f.rpc != nil {
		s.chain, s.host, s.metrics, s.logLevel = true, true, f.opts.monitor, "info"
		s.chainInterval, s.block, s.roundBlocks = o.chainEvery(), f.opts.block, f.opts.roundBlocks
	} else {
		s.logLevel = "warn"
	}
	return s
}

func (o lpOpts) chainEvery() time.Duration {
	if o.chainInterval == 0 {
		return 15 * time.Second
	}
	return o.chainInterval
}

// lpwatchConfig renders the configuration file. With the chain on it is
// what an operator runs: the chain probe on the fleet's chain, the host
// probe (open files of the nodes' process, the state volume, the clock),
// each node's /metrics, log level info. With the chain off it is the
// configuration of the figures measured before the chain was included:
// chain, host probe and node /metrics off, log level warn.
func lpwatchConfig(f *fleet, o lpOpts, listen, stateDir string) string {
	var b strings.Builder
	s := setupOf(f, o)
	fmt.Fprintf(&b, "[server]\nlisten = %q\n\n[state]\ndir = %q\n\n[log]\nformat = \"json\"\nlevel = %q\n\n", listen, stateDir, s.logLevel)
	if f.rpc != nil {
		fmt.Fprintf(&b, "[chain]\nurls = [%q]\ncontroller = %q\nchain_id = %d\ninterval = %q\ntimeout = %q\n\n",
			f.rpc.url, f.rpc.controller.Hex(), simchain.ChainID, o.chainEvery().String(), (o.chainEvery() * 2 / 3).String())
		fmt.Fprintf(&b, "[host]\nenabled = true\ndata_paths = [%q]\n\n", stateDir)
	} else {
		b.WriteString("[chain]\nurls = []\n\n[host]\nenabled = false\n\n")
	}
	downFor := o.downFor
	if downFor == 0 {
		downFor = time.Minute
	}
	fmt.Fprintf(&b, "[checks]\nnode_down_for = %q\n\n", downFor.String())
	if o.hookURL != "" {
		fmt.Fprintf(&b, "[[alert.sink]]\nname = \"hook\"\ntype = \"webhook\"\nurl = %q\nmin_severity = \"info\"\nsend_resolved = true\n\n", o.hookURL)
	} else {
		b.WriteString("[[alert.sink]]\nname = \"log\"\ntype = \"log\"\nmin_severity = \"critical\"\n\n")
	}
	metrics := "off"
	if s.metrics {
		metrics = "on"
	}
	for i, n := range f.nodes {
		fmt.Fprintf(&b, "[[node]]\nname = %q\nurl = %q\nexpected_address = %q\ninterval = %q\ntimeout = %q\nmetrics = %q\n",
			nodeName(i), n.URL(), f.addrs[i].Hex(), o.interval.String(), o.timeout.String(), metrics)
		if f.rpc != nil {
			fmt.Fprintf(&b, "systemd_unit = \"\"\npid_file = %q\n", f.pidFile)
		}
		b.WriteString("\n")
	}
	for i := range f.opts.orchestrators {
		fmt.Fprintf(&b, "[[orchestrator]]\nname = %q\naddress = %q\n\n", orchestratorName(i), f.addrs[len(f.nodes)+i].Hex())
	}
	return b.String()
}

// proc is a running lpwatch.
type proc struct {
	cmd    *exec.Cmd
	dir    string
	listen string
	log    string
	ready  time.Duration
	exited chan struct{}
}

func (p *proc) pid() int { return p.cmd.Process.Pid }

// stop interrupts lpwatch, kills it after 10 s, and removes its files.
func (p *proc) stop() {
	if p.cmd != nil && p.cmd.Process != nil {
		_ = p.cmd.Process.Signal(os.Interrupt)
		select {
		case <-p.exited:
		case <-time.After(10 * time.Second):
			_ = p.cmd.Process.Kill()
			<-p.exited
		}
	}
	os.RemoveAll(p.dir)
}

// writeConfig writes lpwatch's configuration into a new directory and
// returns the directory, the file and the listen address it names.
func writeConfig(f *fleet, o lpOpts) (dir, path, listen string, err error) {
	dir, err = os.MkdirTemp("", "lpwatch-bench-")
	if err != nil {
		return "", "", "", err
	}
	if listen, err = freeAddr(); err != nil {
		os.RemoveAll(dir)
		return "", "", "", err
	}
	path = filepath.Join(dir, "lpwatch.toml")
	if err := os.WriteFile(path, []byte(lpwatchConfig(f, o, listen, filepath.Join(dir, "state"))), 0o600); err != nil {
		os.RemoveAll(dir)
		return "", "", "", err
	}
	return dir, path, listen, nil
}

// checkConfig runs "lpwatch check-config" on the configuration and
// returns its complaint when it refuses it.
func checkConfig(bin string, f *fleet, o lpOpts) error {
	dir, path, _, err := writeConfig(f, o)
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	out, err := exec.Command(bin, "check-config", path).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s", strings.TrimSpace(strings.ReplaceAll(string(out), path, "lpwatch.toml")))
	}
	return nil
}

// startLpwatch runs lpwatch over f and waits for READY=1 on its
// NOTIFY_SOCKET; its log goes to a file in its directory.
func startLpwatch(bin string, f *fleet, o lpOpts) (*proc, error) {
	dir, path, listen, err := writeConfig(f, o)
	if err != nil {
		return nil, err
	}
	p := &proc{dir: dir, listen: listen, log: filepath.Join(dir, "lpwatch.log"), exited: make(chan struct{})}
	sock := filepath.Join(dir, "notify.sock")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: sock, Net: "unixgram"})
	if err != nil {
		p.stop()
		return nil, err
	}
	defer conn.Close()
	logFile, err := os.Create(p.log)
	if err != nil {
		p.stop()
		return nil, err
	}
	defer logFile.Close()
	args := []string{"run", "-config", path}
	if o.profile != "" {
		if err := os.MkdirAll(o.profile, 0o700); err != nil {
			p.stop()
			return nil, err
		}
		pdir, err := os.MkdirTemp(o.profile, fmt.Sprintf("%d-nodes-", f.opts.nodes+f.opts.orchestrators))
		if err != nil {
			p.stop()
			return nil, err
		}
		args = append(args, "-profile", pdir)
		fmt.Printf("# profiles of this lpwatch run (written when it stops): %s/cpu.pprof and heap.pprof\n", pdir)
	}
	p.cmd = exec.Command(bin, args...)
	p.cmd.Env = append(os.Environ(), "NOTIFY_SOCKET="+sock)
	p.cmd.Stdout, p.cmd.Stderr = logFile, logFile
	begin := time.Now()
	if err := p.cmd.Start(); err != nil {
		p.stop()
		return nil, err
	}
	go func() { _ = p.cmd.Wait(); close(p.exited) }()
	_ = conn.SetReadDeadline(time.Now().Add(30 * time.Second))
	buf := make([]byte, 4096)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			tail := p.logTail()
			p.stop()
			return nil, fmt.Errorf("waiting for READY=1: %w\n%s", err, tail)
		}
		if strings.Contains(string(buf[:n]), "READY=1") {
			p.ready = time.Since(begin)
			return p, nil
		}
	}
}

// logTail returns the last lines of lpwatch's log, for an error message.
func (p *proc) logTail() string {
	b, err := os.ReadFile(p.log)
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return strings.Join(lines[max(0, len(lines)-5):], "\n")
}

// logLines returns the lines of lpwatch's log that contain every one of
// words, each indented.
func (p *proc) logLines(words ...string) string {
	b, err := os.ReadFile(p.log)
	if err != nil {
		return ""
	}
	var out strings.Builder
	for _, l := range strings.Split(string(b), "\n") {
		if hasAll(l, words) {
			out.WriteString("#   " + l + "\n")
		}
	}
	return out.String()
}

// freeAddr returns a free 127.0.0.1 address.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}
