package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/lpwatch/lpwatch/pkg/alert/sinks"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
)

func checkConfigCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check-config", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: lpwatch check-config FILE\n\nValidate FILE; exit 0, or exit 1 listing every problem with file:line:col where known.")
	}
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	cfg, err := config.Load(fs.Arg(0), sinks.Default(), checks.Catalog())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailure
	}
	fmt.Fprintf(stdout, "%s: ok (%d node(s), %d chain URL(s), %d sink(s))\n", fs.Arg(0), len(cfg.Nodes), len(cfg.Chain.URLs), len(cfg.Alert.Sinks))
	return exitOK
}
