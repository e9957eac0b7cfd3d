package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/daemon"
	"github.com/lpwatch/lpwatch/pkg/probes"
	"github.com/lpwatch/lpwatch/pkg/watchdog"
)

func runCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	path := fs.String("config", "", "configuration file (required)")
	format := fs.String("log.format", "", "override log.format: auto, text or json")
	profile := fs.String("profile", "", "write a CPU profile of the run into `DIR`/cpu.pprof and, on exit, the heap into DIR/heap.pprof (go tool pprof reads both)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: lpwatch run -config FILE\n\nRun the daemon until SIGINT or SIGTERM; SIGHUP or POST /-/reload re-reads FILE.")
		fs.PrintDefaults()
	}
	cfg, code := parseConfigFlags(fs, path, args, stdout, stderr)
	if cfg == nil {
		return code
	}
	if *format != "" {
		cfg.Log.Format = *format
	}
	log, err := newLogger(stderr, cfg.Log.Level, cfg.Log.Format)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if *profile != "" {
		stopProfile, err := startProfile(*profile)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitFailure
		}
		defer func() {
			if err := stopProfile(); err != nil {
				log.WithError(err).Error("profile not written")
			}
		}()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve(ctx, log, *path, cfg); err != nil {
		log.WithError(err).Error("lpwatch failed")
		return exitFailure
	}
	return exitOK
}

// serve runs the daemon with the systemd notifier and the SIGHUP reload.
func serve(ctx context.Context, log *logrus.Logger, path string, cfg *config.Config) error {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	hb := watchdog.NewHeartbeat(clock.Real{})
	notifier := watchdog.New(watchdog.Options{Logger: log, Registerer: reg, Staleness: probes.Staleness(cfg)})
	d, err := daemon.New(daemon.Options{
		ConfigPath: path, Config: cfg, Logger: log, Registry: reg, Notifier: notifier,
		Heartbeat: hb, Version: version, Commit: commit,
	})
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		if err := notifier.Run(ctx, hb); err != nil {
			log.WithError(err).Error("systemd watchdog disabled")
		}
	}()
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				log.Info("SIGHUP: reloading configuration")
				if err := d.Reload(ctx); err != nil {
					log.WithError(err).Error("reload failed")
				}
			}
		}
	}()
	return d.Run(ctx)
}
