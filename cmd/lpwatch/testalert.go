package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/daemon"
)

func testAlertCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("test-alert", flag.ContinueOnError)
	path := fs.String("config", "", "configuration file (required)")
	only := fs.String("sink", "", "send through this sink only")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: lpwatch test-alert -config FILE [-sink NAME]\n\nSend one test notification (and its resolve) through each configured sink and report each result.")
		fs.PrintDefaults()
	}
	cfg, code := parseConfigFlags(fs, path, args, stdout, stderr)
	if cfg == nil {
		return code
	}
	log, err := newLogger(stderr, cfg.Log.Level, cfg.Log.Format)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailure
	}
	sinks, err := daemon.BuildSinks(log, &http.Client{}, clock.Real{})(cfg)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailure
	}
	names := make([]string, 0, len(sinks))
	for n := range sinks {
		if *only == "" || n == *only {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		fmt.Fprintf(stderr, "no sink named %q in %s\n", *only, *path)
		return exitFailure
	}
	sort.Strings(names)
	source := cfg.Alert.Source
	if source == "" {
		source, _ = os.Hostname()
	}
	failed := 0
	for _, name := range names {
		s := sinks[name]
		err := sendTest(context.Background(), s, source, cfg.Alert.RunbookBaseURL)
		if err != nil {
			failed++
			fmt.Fprintf(stdout, "%-12s %-12s FAILED: %v\n", name, s.Type(), err)
			continue
		}
		fmt.Fprintf(stdout, "%-12s %-12s ok\n", name, s.Type())
	}
	if failed > 0 {
		fmt.Fprintf(stdout, "%d of %d sink(s) failed\n", failed, len(names))
		return exitFailure
	}
	return exitOK
}

// sendTest delivers a test trigger and its resolve through one sink.
func sendTest(ctx context.Context, s alert.Sink, source, runbook string) error {
	now := time.Now()
	run := now.UTC().Format(time.RFC3339Nano) // each run is its own event
	n := &alert.Notification{
		ID: alert.NotificationID(source, alert.LpwatchTest, "lpwatch", alert.StatusFiring, 1, run), Alert: alert.LpwatchTest, Target: "lpwatch",
		Severity: alert.SeverityInfo, Status: alert.StatusFiring,
		Summary:     "test notification from lpwatch test-alert",
		Description: "If you read this, lpwatch can reach this channel. A resolve follows.",
		Labels:      map[string]string{"alertname": alert.LpwatchTest, "target": "lpwatch", "severity": "info", "instance": source},
		StartsAt:    now, CreatedAt: now, Seq: 1, Source: source, Test: true,
	}
	if runbook != "" {
		n.RunbookURL = runbook
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	// A sink that threads its messages gets the resolve as a reply to
	// (or an edit of) the trigger, as the outbox does it.
	notify := func(n *alert.Notification) error { return s.Notify(ctx, n) }
	if th, ok := s.(alert.Threader); ok {
		var thread string
		notify = func(n *alert.Notification) error {
			receipt, err := th.NotifyThread(ctx, n, thread)
			if thread == "" {
				thread = receipt
			}
			return err
		}
	}
	if err := notify(n); err != nil {
		return err
	}
	r := *n
	r.Status, r.EndsAt, r.Seq, r.CreatedAt = alert.StatusResolved, time.Now(), 2, time.Now()
	r.ID = alert.NotificationID(source, alert.LpwatchTest, "lpwatch", r.Status, r.Seq, run)
	r.Summary, r.Description = checks.Catalog()[alert.LpwatchTest].Resolved, "This channel receives resolves too."
	if err := notify(&r); err != nil {
		return fmt.Errorf("trigger delivered, resolve failed: %w", err)
	}
	return nil
}
