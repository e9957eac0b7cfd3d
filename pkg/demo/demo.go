// Package demo runs the whole daemon against a built-in simulated
// orchestrator, chain and systemd, on a fast clock, with a scripted story,
// printing alerts and actions to the terminal. No setup, no network: every
// server binds to 127.0.0.1.
package demo

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/daemon"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// Options configures the demo.
type Options struct {
	// Listen is the daemon's HTTP address (default 127.0.0.1:9717).
	Listen string
	// Out receives the narration and the log lines.
	Out io.Writer
	// StateDir holds the daemon's state; a temporary directory when empty.
	StateDir string
	// Once stops after one pass of the story instead of looping.
	Once bool
	// Version is shown in /status.
	Version string
}

// ChainOnly is the demo's [[orchestrator]], watched from the chain alone.
const ChainOnly = "tc003-chain"

// world is the simulated environment the story drives.
type world struct {
	current *fakenode.Node // tc001: the newest API, running as its orchestrator's reward caller
	legacy  *fakenode.Node // tc002: a 2018 node
	chain   *demoChain
	say     func(format string, args ...any)
}

// Run starts the simulated world and the daemon and plays the story until
// ctx ends (or once, with Options.Once).
func Run(ctx context.Context, o Options) error {
	if o.Listen == "" {
		o.Listen = "127.0.0.1:9717"
	}
	if o.Out == nil {
		o.Out = os.Stdout
	}
	// The narration, the log and the chain's block timer all write here.
	o.Out = &syncWriter{w: o.Out}
	if o.StateDir == "" {
		dir, err := os.MkdirTemp("", "lpwatch-demo-")
		if err != nil {
			return fmt.Errorf("demo state: %w", err)
		}
		defer os.RemoveAll(dir)
		o.StateDir = dir
	}
	log := logrus.New()
	log.SetOutput(o.Out)
	log.SetFormatter(&logrus.TextFormatter{FullTimestamp: true, TimestampFormat: "15:04:05", ForceColors: false, DisableQuote: true})
	w := &world{say: func(format string, args ...any) {
		fmt.Fprintf(o.Out, "%s  >>> %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
	}}
	cur, leg, err := startNodes()
	if err != nil {
		return err
	}
	defer cur.Close()
	defer leg.Close()
	w.current, w.legacy = cur, leg
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch, stopChain, err := runChain(ctx, w)
	if err != nil {
		return err
	}
	defer stopChain()
	w.chain = ch

	cfg := demoConfig(o, cur.URL(), leg.URL(), ch)
	ln, err := net.Listen("tcp", o.Listen)
	if err != nil {
		return fmt.Errorf("demo listen on %s: %w (use -listen to pick another address)", o.Listen, err)
	}
	d, err := daemon.New(daemon.Options{Config: cfg, Logger: log, Registry: prometheus.NewRegistry(),
		Listener: ln, EvalInterval: time.Second, Version: o.Version})
	if err != nil {
		_ = ln.Close()
		return err
	}
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()
	base := "http://" + ln.Addr().String()
	fmt.Fprintf(o.Out, "\nlpwatch demo: two simulated livepeer nodes (tc001: newest API, running as the reward caller %s of its orchestrator; tc002: 2018 API),\n",
		ch.orchestrator(callerNode).callerAddr().Hex())
	fmt.Fprintf(o.Out, "  an orchestrator watched from the chain alone (%s: rewards late every third round, misses every fifth)\n", ChainOnly)
	fmt.Fprintf(o.Out, "  and a simulated chain at %s: rounds of %d blocks, a block every %s\n", ch.sim.URL(), RoundBlocks, BlockEvery)
	fmt.Fprintf(o.Out, "  status page  %s/\n  health       %s/health\n  status JSON  %s/status\n  metrics      %s/metrics\n", base, base, base, base)
	fmt.Fprintf(o.Out, "Notifications appear below as 'notification' lines (the log sink). Ctrl-C stops.\n\n")
	go func() {
		storyErr := playStory(ctx, w, o.Once)
		if storyErr == nil && o.Once {
			cancel()
		}
	}()
	return <-done
}

func startNodes() (*fakenode.Node, *fakenode.Node, error) {
	cur := fakenode.New(nodeapi.Gated)
	if _, err := cur.Start(); err != nil {
		return nil, nil, fmt.Errorf("demo node: %w", err)
	}
	leg := fakenode.New(nodeapi.Legacy)
	if _, err := leg.Start(); err != nil {
		cur.Close()
		return nil, nil, fmt.Errorf("demo legacy node: %w", err)
	}
	return cur, leg, nil
}

// demoConfig is the daemon's configuration in the demo: the defaults, with
// every interval shrunk to fit rounds of about a minute.
func demoConfig(o Options, curURL, legURL string, ch *demoChain) *config.Config {
	cfg := config.Default()
	cfg.Server.Listen = o.Listen
	cfg.State.Dir = o.StateDir
	cfg.Chain.URLs = []string{ch.sim.URL()}
	cfg.Chain.Controller = ch.sim.Deployment().Controller.Hex()
	cfg.Chain.ChainID = simchain.ChainID
	cfg.Chain.Interval, cfg.Chain.Timeout = time.Second, 800*time.Millisecond
	cfg.Chain.HeadMaxAge = 15 * time.Second
	cfg.Chain.MaxLogRange = 1000
	node := func(name, url, api string) config.Node {
		return config.Node{Name: name, URL: url, API: api, ExpectedAddress: config.AddressOf(ch.orchestrator(name).addr()),
			SystemdUnit: name + ".service", Interval: time.Second, Timeout: 800 * time.Millisecond, Metrics: "auto"}
	}
	cfg.Nodes = []config.Node{node("tc001", curURL, "auto"), node("tc002", legURL, "auto")}
	cfg.Nodes[0].ExpectedRewardCaller = config.AddressOf(ch.orchestrator(callerNode).callerAddr())
	cfg.Orchestrators = []config.Orchestrator{{Name: ChainOnly, Address: config.AddressOf(ch.orchestrator(ChainOnly).addr())}}
	cfg.Checks.TxStalledFor = 20 * time.Second
	cfg.Checks.ChainDownFor = 5 * time.Second
	cfg.Checks.DisagreementFor = 30 * time.Second
	cfg.Checks.NodeDownFor = 5 * time.Second
	cfg.Checks.RewardNodeViewFor = 8 * time.Second
	cfg.Checks.RewardUnknownFor = time.Minute
	cfg.Alert.RepeatInterval = 30 * time.Second
	cfg.Alert.Source = "demo"
	cfg.Alert.Sinks = []config.Sink{{Name: "terminal", Type: "log", MinSeverity: "info", SendResolved: true, Timeout: time.Second}}
	cfg.Host.Enabled = false
	return cfg
}

// runChain starts the demo chain and its block timer; stop ends the timer
// and closes the chain.
func runChain(ctx context.Context, w *world) (*demoChain, func(), error) {
	ch, err := startChain(ctx, map[string]*fakenode.Node{"tc001": w.current, "tc002": w.legacy}, []string{"tc001", "tc002", ChainOnly}, lateNode, callerNode)
	if err != nil {
		return nil, nil, err
	}
	cctx, cancel := context.WithCancel(ctx)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		ch.run(cctx, w.say)
	}()
	return ch, func() {
		cancel()
		<-stopped
		_ = ch.sim.Close()
	}, nil
}

// syncWriter serialises writes from the demo's goroutines.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
