package gethtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
)

// Defaults of Options.
const (
	DefaultStartTimeout = 30 * time.Second
	DefaultStopTimeout  = 10 * time.Second
	pollEvery           = 20 * time.Millisecond
)

// Options configures Start.
type Options struct {
	// Binary is the geth executable (required; see FindBinary and Binary).
	Binary string
	// Period is --dev.period in seconds: 0 seals a block only when a
	// transaction arrives (the head stalls without transactions).
	Period uint64
	// Output receives geth's log (default discarded).
	Output io.Writer
	// StartTimeout bounds the wait for the HTTP endpoint (default DefaultStartTimeout).
	StartTimeout time.Duration
}

// Geth is a running geth --dev process.
type Geth struct {
	// HTTP and WS are the JSON-RPC URLs, IPC the socket path.
	HTTP, WS, IPC string
	// PID is the process ID of the geth this package started.
	PID int

	period  uint64
	cmd     *exec.Cmd
	dir     string
	done    chan struct{}
	waitErr error
}

// Start runs geth --dev and waits until its HTTP endpoint answers.
func Start(ctx context.Context, opts Options) (*Geth, error) {
	if opts.Binary == "" {
		return nil, errors.New("gethtest: no geth binary given")
	}
	if opts.StartTimeout <= 0 {
		opts.StartTimeout = DefaultStartTimeout
	}
	if opts.Output == nil {
		opts.Output = io.Discard
	}
	ports, err := freePorts(2)
	if err != nil {
		return nil, fmt.Errorf("gethtest: %w", err)
	}
	dir, err := os.MkdirTemp("", "lpwatch-geth-")
	if err != nil {
		return nil, fmt.Errorf("gethtest: %w", err)
	}
	g := &Geth{
		HTTP:   "http://127.0.0.1:" + strconv.Itoa(ports[0]),
		WS:     "ws://127.0.0.1:" + strconv.Itoa(ports[1]),
		IPC:    filepath.Join(dir, "geth.ipc"),
		dir:    dir,
		period: opts.Period,
		done:   make(chan struct{}),
	}
	g.cmd = exec.Command(opts.Binary,
		"--dev", "--dev.period", strconv.FormatUint(opts.Period, 10),
		"--http", "--http.addr", "127.0.0.1", "--http.port", strconv.Itoa(ports[0]), "--http.api", "eth,net,web3",
		"--ws", "--ws.addr", "127.0.0.1", "--ws.port", strconv.Itoa(ports[1]), "--ws.api", "eth,net,web3",
		"--ipcpath", g.IPC, "--nodiscover", "--maxpeers", "0", "--verbosity", "3",
	)
	g.cmd.Stdout, g.cmd.Stderr = opts.Output, opts.Output
	if err := g.cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("gethtest: start %s: %w", opts.Binary, err)
	}
	g.PID = g.cmd.Process.Pid
	go func() {
		g.waitErr = g.cmd.Wait()
		close(g.done)
	}()
	if err := g.waitReady(ctx, opts.StartTimeout); err != nil {
		return nil, errors.Join(fmt.Errorf("gethtest: %w", err), g.Kill())
	}
	return g, nil
}

// StartT starts geth for a test (skipping or failing it as Binary does) and
// stops it when the test ends.
func StartT(t testing.TB, period uint64) *Geth {
	t.Helper()
	opts := Options{Binary: Binary(t), Period: period}
	if testing.Verbose() {
		opts.Output = os.Stderr
	}
	g, err := Start(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := g.Stop(); err != nil {
			t.Errorf("stop geth: %v", err)
		}
	})
	return g
}

// waitReady polls eth_chainId until it answers, geth exits, or the timeout passes.
func (g *Geth) waitReady(ctx context.Context, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	var last error
	for {
		c, err := ethclient.DialContext(ctx, g.HTTP)
		if err == nil {
			_, err = c.ChainID(ctx)
			c.Close()
			if err == nil {
				return nil
			}
		}
		last = err
		select {
		case <-g.done:
			return fmt.Errorf("geth exited before answering: %v", g.waitErr)
		case <-ctx.Done():
			return fmt.Errorf("geth did not answer on %s within %s: %w", g.HTTP, timeout, last)
		case <-tick.C:
		}
	}
}

// Client dials the HTTP endpoint.
func (g *Geth) Client(ctx context.Context) (*ethclient.Client, error) {
	return ethclient.DialContext(ctx, g.HTTP)
}

// Stop interrupts geth, waits up to DefaultStopTimeout, then kills it, and
// removes its temporary directory. Stopping twice is harmless.
func (g *Geth) Stop() error {
	return g.stop(syscall.SIGINT, DefaultStopTimeout)
}

// Kill kills geth at once (SIGKILL) and removes its temporary directory.
func (g *Geth) Kill() error {
	return g.stop(syscall.SIGKILL, DefaultStopTimeout)
}

// Done is closed when the geth process has exited.
func (g *Geth) Done() <-chan struct{} { return g.done }

func (g *Geth) stop(sig syscall.Signal, wait time.Duration) error {
	defer os.RemoveAll(g.dir)
	select {
	case <-g.done:
		return nil
	default:
	}
	if err := g.cmd.Process.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return fmt.Errorf("signal geth pid %d: %w", g.PID, err)
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-g.done:
		return nil
	case <-t.C:
	}
	if err := g.cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return fmt.Errorf("kill geth pid %d: %w", g.PID, err)
	}
	<-g.done
	return fmt.Errorf("geth pid %d ignored %s for %s and was killed", g.PID, sig, wait)
}

func freePorts(n int) ([]int, error) {
	ls := make([]net.Listener, 0, n)
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	ports := make([]int, 0, n)
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, fmt.Errorf("free port: %w", err)
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}
