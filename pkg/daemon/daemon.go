// Package daemon wires lpwatch together: configuration, probes, checks,
// the alert engine, the outbox and sinks, the HTTP endpoints and the
// systemd notifier. cmd/lpwatch and the demo both run it.
package daemon

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/heartbeat"
	"github.com/lpwatch/lpwatch/pkg/observe"
	"github.com/lpwatch/lpwatch/pkg/probes"
	"github.com/lpwatch/lpwatch/pkg/remediation"
	"github.com/lpwatch/lpwatch/pkg/server"
	"github.com/lpwatch/lpwatch/pkg/status"
	"github.com/lpwatch/lpwatch/pkg/watchdog"
)

// Notifier tells the service manager about the daemon's life (sd_notify).
type Notifier interface {
	Ready() error
	Reloading() error
	Stopping() error
	Status(line string) error
}

// Options configures a Daemon. Everything with side effects is injected.
type Options struct {
	// ConfigPath is re-read on reload.
	ConfigPath string
	// Config, when set, is used at start instead of reading ConfigPath.
	Config     *config.Config
	Logger     logrus.FieldLogger
	Clock      clock.Clock
	Registry   *prometheus.Registry
	HTTPClient *http.Client
	// ActionHTTPClient calls the node's action endpoints (auto_reward's POST
	// /reward); nil means newActionClient. Never give it HTTPClient's
	// transport (newHTTPClient: one connection per host): the node answers
	// an action only once its transaction is mined, and the node's probes
	// would queue behind it.
	ActionHTTPClient *http.Client
	// Notifier is the systemd notifier; nil means none.
	Notifier Notifier
	// Heartbeat is beaten whenever the scheduler completed a cycle while
	// every probe loop is making progress: the liveness the systemd
	// watchdog (cmd/lpwatch) and the heartbeat out both read. Nil means a
	// new one on Clock.
	Heartbeat *watchdog.Heartbeat
	// HeartbeatHTTPClient sends the heartbeat-out pings; nil means
	// newHeartbeatClient. It is not HTTPClient, whose one connection per
	// host a slow node or sink may hold.
	HeartbeatHTTPClient *http.Client
	// Sinks builds the sinks of a configuration; nil means BuildSinks.
	Sinks func(cfg *config.Config) (map[string]alert.Sink, error)
	// Listeners, when set, are used instead of binding the configured
	// addresses (tests, the demo).
	Listener       net.Listener
	HealthListener net.Listener
	// Units connects to systemd for the remediation ladder; nil means the
	// system bus (watchdog.NewSystemdManager), dialed at the first restart.
	Units func(ctx context.Context) (watchdog.UnitManager, error)
	// EvalInterval re-evaluates time-based conditions between probes.
	EvalInterval time.Duration
	// MinEvalGap is the shortest time between two evaluations triggered by
	// new observations (default 250ms).
	MinEvalGap time.Duration
	Version    string
	Commit     string
}

// Daemon is a running lpwatch.
type Daemon struct {
	opts     Options
	log      logrus.FieldLogger
	clock    clock.Clock
	store    *observe.Store
	metrics  *checks.Metrics
	reloadM  *config.ReloadMetrics
	probeMet *probes.Metrics
	silences *alert.Silences
	engine   *alert.Engine
	outbox   Outbox
	// remedy is the self-healing controller; nil when its ledger could not
	// be opened (remedyErr says why).
	remedy    *remediation.Controller
	remedyErr error
	// pinger sends the heartbeat-out pings.
	pinger *heartbeat.Pinger
	// chain holds chain monitoring's scan results and the checks' facts.
	chain *chainRuntime
	// kinds builds the probe jobs of a configuration; probes runs them.
	kinds  *probes.Registry
	probes *probes.Runner

	// results are the latest check results and the /health body.
	results *status.Results

	mu       sync.RWMutex
	cfg      *config.Config
	eval     *checks.Evaluator
	reloads  chan reloadReq
	started  time.Time
	sinks    map[string]alert.Sink
	delivery deliveryRunner
	// lastStatus is the last STATUS= line sent to systemd (loop only).
	lastStatus string
}

type reloadReq struct{ done chan error }

// New loads the configuration, opens the state directory (outbox, alert
// state, silences) and builds the sinks, without starting anything.
func New(opts Options) (*Daemon, error) {
	if opts.Logger == nil {
		opts.Logger = logrus.New()
	}
	if opts.Clock == nil {
		opts.Clock = clock.Real{}
	}
	if opts.Registry == nil {
		opts.Registry = prometheus.NewRegistry()
	}
	if opts.HTTPClient == nil {
		opts.HTTPClient = newHTTPClient()
	}
	if opts.ActionHTTPClient == nil {
		opts.ActionHTTPClient = newActionClient()
	}
	if opts.Sinks == nil {
		opts.Sinks = BuildSinks(opts.Logger, opts.HTTPClient, opts.Clock)
	}
	if opts.EvalInterval <= 0 {
		opts.EvalInterval = 5 * time.Second
	}
	if opts.MinEvalGap <= 0 {
		opts.MinEvalGap = 250 * time.Millisecond
	}
	if opts.Heartbeat == nil {
		opts.Heartbeat = watchdog.NewHeartbeat(opts.Clock)
	}
	if opts.HeartbeatHTTPClient == nil {
		opts.HeartbeatHTTPClient = newHeartbeatClient()
	}
	if opts.Units == nil {
		opts.Units = watchdog.NewSystemdManager
	}
	cfg := opts.Config
	if cfg == nil {
		c, err := loadConfig(opts.ConfigPath)
		if err != nil {
			return nil, err
		}
		cfg = c
	}
	d := &Daemon{
		opts: opts, log: opts.Logger, clock: opts.Clock, store: observe.NewStore(),
		cfg: cfg, eval: checks.NewEvaluator(cfg), reloads: make(chan reloadReq),
		results: status.NewResults(),
	}
	d.metrics = checks.NewMetrics(opts.Registry, cfg)
	d.reloadM = config.NewReloadMetrics(opts.Registry)
	status.RegisterBuildInfo(opts.Registry, opts.Version, opts.Commit)
	d.chain = &chainRuntime{}
	d.probeMet = probes.NewMetrics(opts.Registry)
	kinds, err := probes.NewRegistry(probes.Kinds(), probes.Deps{
		Store: d.store, Clock: d.clock, Logger: d.log, HTTPClient: opts.HTTPClient, Registerer: opts.Registry,
		Config: d.config, Units: opts.Units,
	})
	if err != nil {
		return nil, err
	}
	d.kinds = kinds
	d.probes = probes.NewRunner(d.clock, d.log, d.probeMet, func(progressing bool) {
		if progressing {
			d.opts.Heartbeat.Beat()
		}
	})
	if d.pinger, err = d.newPinger(); err != nil {
		return nil, err
	}
	d.reloadM.Loaded(d.clock.Now())
	if err := os.MkdirAll(cfg.State.Dir, 0o750); err != nil {
		return nil, fmt.Errorf("state directory: %w", err)
	}
	if err := checkStateFormats(cfg.State.Dir); err != nil {
		return nil, err
	}
	if err := d.openAlerting(cfg); err != nil {
		return nil, err
	}
	d.openRemediation(cfg)
	return d, nil
}

// Run starts everything and blocks until ctx ends. It returns an error when
// something essential cannot start (listener, state directory).
func (d *Daemon) Run(ctx context.Context) error {
	cfg := d.config()
	d.started = d.clock.Now()
	ln, hln, err := d.listen(cfg)
	if err != nil {
		_ = d.outbox.Close()
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	errc := make(chan error, 8)
	spawn := func(name string, f func(context.Context) error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := f(ctx); err != nil && !errors.Is(err, context.Canceled) {
				errc <- fmt.Errorf("%s: %w", name, err)
			}
		}()
	}
	sopts := server.Options{Backend: d, Gatherer: d.opts.Registry, Logger: d.log,
		ReadTimeout: cfg.Server.ReadTimeout, WriteTimeout: cfg.Server.WriteTimeout, Page: status.Page(d.Status, d.log)}
	spawn("http", func(ctx context.Context) error { return server.Serve(ctx, ln, server.Handler(sopts), sopts) })
	if hln != nil {
		spawn("health http", func(ctx context.Context) error { return server.Serve(ctx, hln, server.HealthHandler(d), sopts) })
	}
	spawn("outbox", d.runDelivery)
	spawn("resend", d.runResend)
	spawn("digest", d.runDigest)
	spawn("remediation", d.runRemediation)
	spawn("heartbeat", d.pinger.Run)
	d.log.WithFields(logrus.Fields{"listen": ln.Addr().String(), "nodes": len(cfg.Nodes), "chain": len(cfg.Chain.URLs) > 0}).Info("lpwatch started")
	d.warnHeartbeatRoutes(cfg)
	d.startProbes(ctx, cfg)
	d.notify(func(n Notifier) error { return n.Ready() })
	d.startedNotice(ctx, cfg)

	err = d.loop(ctx, errc)
	d.notify(func(n Notifier) error { return n.Stopping() })
	cancel()
	d.probes.Wait()
	wg.Wait()
	if cerr := d.outbox.Close(); cerr != nil {
		d.log.WithError(cerr).Warn("closing the outbox")
	}
	d.log.Info("lpwatch stopped")
	return err
}

// evalShare is the inverse of the most time evaluations take: after one
// that took d, the next waits at least evalShare*d.
const evalShare = 100

// loop evaluates checks and serves reloads until ctx ends or a component
// fails. New observations are evaluated at once, but at most once per
// MinEvalGap, so that a thousand nodes reporting in turn cost a few
// evaluations per second rather than one per probe.
func (d *Daemon) loop(ctx context.Context, errc <-chan error) error {
	tick := d.clock.NewTicker(d.opts.EvalInterval)
	defer tick.Stop()
	var (
		last    time.Time
		gap     = d.opts.MinEvalGap
		pending clock.Timer
		due     <-chan time.Time
	)
	eval := func() {
		last = d.clock.Now()
		began := time.Now() // CPU cost, not simulated time
		d.evaluate(ctx)
		// Keep evaluation under a hundredth of the time: a large fleet
		// evaluates less often (a thousand nodes about once a second),
		// never less than every EvalInterval.
		gap = max(d.opts.MinEvalGap, min(evalShare*time.Since(began), d.opts.EvalInterval))
	}
	for {
		select {
		case <-ctx.Done():
			if pending != nil {
				pending.Stop()
			}
			return nil
		case err := <-errc:
			return err
		case <-d.store.Changed():
			wait := gap - d.clock.Now().Sub(last)
			switch {
			case wait <= 0:
				eval()
			case due == nil:
				pending = d.clock.NewTimer(wait)
				due = pending.C()
			}
		case <-due:
			due = nil
			eval()
		case <-tick.C():
			eval()
		case req := <-d.reloads:
			req.done <- d.reload(ctx)
		}
	}
}

func (d *Daemon) listen(cfg *config.Config) (net.Listener, net.Listener, error) {
	ln := d.opts.Listener
	if ln == nil {
		l, err := net.Listen("tcp", cfg.Server.Listen)
		if err != nil {
			return nil, nil, fmt.Errorf("listen on %s: %w", cfg.Server.Listen, err)
		}
		ln = l
	}
	hln := d.opts.HealthListener
	if hln == nil && cfg.Server.HealthListen != "" {
		l, err := net.Listen("tcp", cfg.Server.HealthListen)
		if err != nil {
			_ = ln.Close()
			return nil, nil, fmt.Errorf("listen on %s: %w", cfg.Server.HealthListen, err)
		}
		hln = l
	}
	return ln, hln, nil
}

func (d *Daemon) config() *config.Config {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.cfg
}

func (d *Daemon) notify(f func(Notifier) error) {
	if d.opts.Notifier == nil {
		return
	}
	if err := f(d.opts.Notifier); err != nil {
		d.log.WithError(err).Warn("cannot notify the service manager")
	}
}

// Store exposes the observation store (for the demo's narrator and tests).
func (d *Daemon) Store() *observe.Store { return d.store }

// Engine exposes the alert engine (for the demo's narrator and tests).
func (d *Daemon) Engine() *alert.Engine { return d.engine }

// newHTTPClient returns the client for nodes, chains and sinks: every call
// is bounded by its own context, and each host gets one kept-alive
// connection on which its requests queue. The default transport keeps only
// 100 idle connections in all, which with a thousand nodes meant a new TCP
// connection for nearly every request (measured: 17% of a core, against
// 9.6% this way, and 123 MB RSS against 235 MB with four per host).
func newHTTPClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 0 // no global limit: bounded by MaxIdleConnsPerHost
	t.MaxIdleConnsPerHost = 1
	t.MaxConnsPerHost = 1 // one kept-alive connection per node: its reads queue on it
	t.IdleConnTimeout = 2 * time.Minute
	return &http.Client{Transport: t}
}

// newActionClient returns the client for the node's action endpoints, on a
// transport of its own. go-livepeer answers POST /reward only once the
// transaction is mined or failed (minutes); on newHTTPClient's single
// connection per host every probe of that node would wait behind it, time
// out, and page LivepeerNodeDown. An action is rare (once per round), so
// its connection is not kept. Each call is bounded by its context
// (remediation's reward call timeout), not by the client.
func newActionClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DisableKeepAlives = true
	return &http.Client{Transport: t}
}
