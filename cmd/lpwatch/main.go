// Command lpwatch monitors a Livepeer orchestrator, its Ethereum node and
// its host, alerts through a durable outbox, and restarts what it safely
// can. Run "lpwatch -h" for the commands.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/lpwatch/lpwatch/pkg/alert/sinks"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// Set at build time with -ldflags "-X main.version=... -X main.commit=...
// -X main.date=..." (make build, make dist; date is the commit's time, so
// that two builds of one commit are identical).
var (
	version = "dev"
	commit  = "unknown"
	date    = "unknown"
)

// Exit codes (SPEC §2).
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// command is one sub-command.
type command struct {
	name  string
	usage string
	run   func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"run", "run -config FILE            run the daemon", runCmd},
		{"check-config", "check-config FILE          validate a configuration file", checkConfigCmd},
		{"init", "init [flags]               write a starter configuration", initCmd},
		{"demo", "demo [-listen ADDR]        run against a built-in simulated node, chain and systemd", demoCmd},
		{"test-alert", "test-alert -config FILE [-sink NAME]  send a test notification through the sinks", testAlertCmd},
		{"status", "status [-addr URL] [-json] summarize a running daemon (exit 0 ok, 1 warning, 2 critical)", statusCmd},
		{"silence", "silence add|list|expire    manage maintenance windows of a running daemon", silenceCmd},
		{"version", "version                    print version, commit, build date, Go version and state format", versionCmd},
	}
}

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	if strings.HasPrefix(args[0], "-") {
		if args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
			usage(stdout)
			return exitOK
		}
		return runCmd(args, stdout, stderr) // "lpwatch -config FILE"
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "lpwatch: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: lpwatch <command> [flags]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintln(w, "  "+c.usage)
	}
	fmt.Fprintln(w, "\n\"lpwatch -config FILE\" is short for \"lpwatch run -config FILE\". Every command takes -h.")
}

// parseFlags parses a command's flags, mapping -h and bad flags to exit codes.
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (int, bool) {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fs.Usage()
			return exitOK, false
		}
		return exitUsage, false
	}
	return 0, true
}

// parseConfigFlags parses a command that takes -config FILE and no
// arguments, and loads the file. A nil config comes with the exit code.
func parseConfigFlags(fs *flag.FlagSet, path *string, args []string, stdout, stderr io.Writer) (*config.Config, int) {
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return nil, code
	}
	if *path == "" || fs.NArg() != 0 {
		fs.Usage()
		return nil, exitUsage
	}
	cfg, err := config.Load(*path, sinks.Default(), checks.Catalog())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, exitFailure
	}
	return cfg, exitOK
}
