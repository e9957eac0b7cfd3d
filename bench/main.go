// Command bench measures lpwatch from the outside, as an operator would
// see it. It starts fake go-livepeer nodes and a simulated chain (served
// over loopback HTTP JSON-RPC, sealing a block a second, rounds advancing,
// every node's account registered, active and rewarding), runs the lpwatch
// binary as a child process with the configuration operators run (chain
// probe, host probe, the nodes' /metrics, log level info), and reports
// resident memory and CPU from /proc, the chain probe's RPC work from
// lpwatch's own /metrics, HTTP latency at a fixed rate, the time from an
// injected fault to the notification accepted by a webhook, and the time
// from start to READY=1. Every figure is given as min/median/max of -runs
// runs, with its configuration and the machine's load average.
//
// -chain=off measures the configuration of the earlier figures instead
// (chain, host probe and node /metrics off, log level warn); its lines are
// labelled OLD CONFIGURATION. -peers runs, on the same fake nodes, the
// stack an operator would assemble instead (Prometheus, Alertmanager,
// blackbox_exporter, json_exporter) beside lpwatch and prints the ratios.
// "make bench" and "make bench-peers" run it; BENCHMARKS.md has the figures.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// options are the command's flags.
type options struct {
	bin           string
	quick         bool
	only          map[string]bool
	runs          int
	chain         bool
	fleet         int
	orchestrators int
	block         time.Duration
	roundBlocks   uint64
	peers         bool
	peerNodes     []int
	jsonExporter  string
	pprof         string
}

// measurements are the names -only accepts, in the order they run.
var measurements = []string{"idle", "fleet", "orchestrators", "latency", "fault"}

func parseFlags(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.StringVar(&o.bin, "bin", "bin/lpwatch", "the lpwatch binary to measure")
	fs.BoolVar(&o.quick, "quick", false, "shorter windows (a smoke run; not for figures)")
	only := fs.String("only", "", "comma-separated measurements to run: "+strings.Join(measurements, ", ")+" (default all)")
	fs.IntVar(&o.runs, "runs", 3, "runs per figure (reported as min/median/max)")
	chain := fs.String("chain", "on", "on: the configuration operators run; off: the old configuration (chain, host probe and node /metrics off, log warn)")
	fs.IntVar(&o.fleet, "fleet", 1000, "nodes of the fleet measurement")
	fs.IntVar(&o.orchestrators, "orchestrators", 100, "chain-only orchestrators of the orchestrators measurement")
	fs.DurationVar(&o.block, "block", time.Second, "how often the simulated chain seals a block")
	fs.Uint64Var(&o.roundBlocks, "round-blocks", 60, "round length of the simulated chain, in blocks")
	fs.BoolVar(&o.peers, "peers", false, "run the side-by-side comparison with Prometheus, Alertmanager, blackbox_exporter and json_exporter (only that)")
	nodes := fs.String("nodes", "1,100", "comma-separated node counts of -peers")
	fs.StringVar(&o.jsonExporter, "json-exporter", jsonExporterPath, "the json_exporter binary of -peers (built from its module when missing)")
	fs.StringVar(&o.pprof, "pprof", "", "write a CPU and a heap profile of every lpwatch run under `DIR` (go tool pprof reads them)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	switch *chain {
	case "on", "off":
		o.chain = *chain == "on"
	default:
		return o, fmt.Errorf("-chain must be on or off, not %q", *chain)
	}
	if o.runs < 1 {
		return o, errors.New("-runs must be at least 1")
	}
	o.only = map[string]bool{}
	for _, m := range strings.Split(*only, ",") {
		if m = strings.TrimSpace(m); m == "" {
			continue
		}
		if !contains(measurements, m) {
			return o, fmt.Errorf("-only: unknown measurement %q (want %s)", m, strings.Join(measurements, ", "))
		}
		o.only[m] = true
	}
	for _, n := range strings.Split(*nodes, ",") {
		v, err := strconv.Atoi(strings.TrimSpace(n))
		if err != nil || v < 1 {
			return o, fmt.Errorf("-nodes: %q is not a node count", n)
		}
		o.peerNodes = append(o.peerNodes, v)
	}
	return o, nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func main() {
	o, err := parseFlags(os.Args[1:])
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, o options) error {
	win := 60 * time.Second
	if o.quick {
		win = 10 * time.Second
	}
	mode := ""
	if o.quick {
		mode = ", QUICK (a smoke run, not figures)"
	}
	fmt.Printf("# lpwatch bench, %s, %s, window %s, %d run(s) per figure%s\n",
		time.Now().UTC().Format(time.RFC3339), o.bin, win, o.runs, mode)
	if _, err := os.Stat(o.bin); err != nil {
		return fmt.Errorf("%w (make build)", err)
	}
	if o.peers {
		for _, n := range o.peerNodes {
			if err := runPeers(ctx, o, n, win); err != nil {
				return err
			}
		}
		return nil
	}
	want := func(m string) bool { return len(o.only) == 0 || o.only[m] }
	steady := lpOpts{interval: 15 * time.Second, timeout: 10 * time.Second, profile: o.pprof}
	if want("idle") {
		if err := runFootprint(ctx, o, "idle", 1, steady, win, "RSS <= 25 MB, CPU <= 0.2 %, READY=1 <= 200 ms"); err != nil {
			return err
		}
	}
	if want("fleet") {
		target := "RSS <= 80 MB, CPU <= 5 %, chain round trips per cycle <= 10"
		if !o.chain {
			target = "SPEC §8 without the chain: RSS <= 150 MB, CPU <= 10 %"
		}
		if err := runFootprint(ctx, o, "fleet", o.fleet, steady, win, target); err != nil {
			return err
		}
	}
	if want("orchestrators") {
		if err := runOrchestrators(ctx, o, win); err != nil {
			return err
		}
	}
	if want("latency") || want("fault") {
		f, err := startFleet(ctx, o.fleetOf(1))
		if err != nil {
			return err
		}
		defer f.close()
		if want("latency") {
			if err := runLatency(ctx, o, f, steady, win/2); err != nil {
				return err
			}
		}
		if want("fault") {
			if err := runFault(ctx, o, f); err != nil {
				return err
			}
		}
	}
	return nil
}

// fleetOf is a fleet of n nodes in the configuration of o.
func (o options) fleetOf(n int) fleetOpts {
	return fleetOpts{nodes: n, chain: o.chain, monitor: o.chain, block: o.block, roundBlocks: o.roundBlocks}
}

// runFootprint measures the footprint of lpwatch watching n nodes.
func runFootprint(ctx context.Context, o options, name string, n int, lo lpOpts, win time.Duration, target string) error {
	f, err := startFleet(ctx, o.fleetOf(n))
	if err != nil {
		return err
	}
	defer f.close()
	rs, err := footprints(ctx, o.bin, f, lo, win, o.runs)
	if err != nil {
		return err
	}
	reportFootprints(name, setupOf(f, lo), rs, target)
	return nil
}
