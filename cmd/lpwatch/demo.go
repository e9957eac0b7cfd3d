//go:build !nodemo

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/lpwatch/lpwatch/pkg/demo"
)

func demoCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	listen := fs.String("listen", "127.0.0.1:9717", "address of the demo daemon's HTTP endpoints")
	once := fs.Bool("once", false, "play the story once and exit")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: lpwatch demo [-listen ADDR] [-once]\n\nRun lpwatch against a built-in simulated orchestrator, chain and systemd on a fast clock.")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := demo.Run(ctx, demo.Options{Listen: *listen, Out: stdout, Once: *once, Version: version}); err != nil {
		fmt.Fprintln(stderr, "lpwatch demo:", err)
		return exitFailure
	}
	return exitOK
}
