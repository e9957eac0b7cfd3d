package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

func silenceCmd(args []string, stdout, stderr io.Writer) int {
	usage := "usage: lpwatch silence add (-alert NAME | -target T | -alert NAME -target T | -all) -for 2h -comment TEXT [-config FILE]\n" +
		"       lpwatch silence list [-config FILE]\n       lpwatch silence expire [-config FILE] ID\n\n" +
		"-config FILE finds the daemon's address and API token; -addr and -token-file give them instead."
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return exitUsage
	}
	if args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		fmt.Fprintln(stdout, usage)
		return exitOK
	}
	fs := flag.NewFlagSet("silence "+args[0], flag.ContinueOnError)
	flags := addAPIFlags(fs)
	fs.Usage = func() { fmt.Fprintln(fs.Output(), usage); fs.PrintDefaults() }
	ctx := context.Background()
	// connect resolves the flags once they are parsed.
	connect := func() (daemonAPI, bool) {
		api, err := flags.api()
		if err != nil {
			fmt.Fprintln(stderr, "silence "+args[0]+":", err)
			return api, false
		}
		return api, true
	}
	switch args[0] {
	case "add":
		name := fs.String("alert", "", "alert name to silence (without -target: on every target)")
		target := fs.String("target", "", "target to silence (without -alert: every alert of it)")
		all := fs.Bool("all", false, "silence every alert of every target (instead of -alert and -target)")
		dur := fs.Duration("for", 0, "how long, e.g. 2h")
		until := fs.String("until", "", "end time, RFC 3339 (instead of -for)")
		comment := fs.String("comment", "", "why (required)")
		if code, ok := parseFlags(fs, args[1:], stdout, stderr); !ok {
			return code
		}
		user := os.Getenv("USER")
		s := alert.Silence{Alert: *name, Target: *target, All: *all, Comment: *comment, CreatedBy: user}
		switch {
		case *until != "" && *dur != 0:
			fmt.Fprintln(stderr, "give -for or -until, not both")
			return exitUsage
		case *until != "":
			t, err := time.Parse(time.RFC3339, *until)
			if err != nil {
				fmt.Fprintf(stderr, "-until: %v\n", err)
				return exitUsage
			}
			s.EndsAt = t
		case *dur > 0:
			s.EndsAt = time.Now().Add(*dur)
		default:
			fmt.Fprintln(stderr, "give -for or -until")
			return exitUsage
		}
		switch {
		case *all && (*name != "" || *target != ""):
			fmt.Fprintln(stderr, "-all silences every alert: give it without -alert and -target")
			return exitUsage
		case !*all && *name == "" && *target == "":
			fmt.Fprintln(stderr, "give -alert, -target or both, or -all to silence every alert")
			return exitUsage
		}
		api, ok := connect()
		if !ok {
			return exitFailure
		}
		var out alert.Silence
		if err := api.call(ctx, "POST", "/api/v1/silences", s, &out); err != nil {
			fmt.Fprintln(stderr, "silence add:", err)
			return exitFailure
		}
		fmt.Fprintf(stdout, "silence %s added until %s\n", out.ID, out.EndsAt.Local().Format(time.RFC3339))
		return exitOK
	case "list":
		if code, ok := parseFlags(fs, args[1:], stdout, stderr); !ok {
			return code
		}
		api, ok := connect()
		if !ok {
			return exitFailure
		}
		var list []alert.Silence
		if err := api.call(ctx, "GET", "/api/v1/silences", nil, &list); err != nil {
			fmt.Fprintln(stderr, "silence list:", err)
			return exitFailure
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tALERT\tTARGET\tENDS\tSTATE\tCOMMENT")
		now := time.Now()
		for _, s := range list {
			state := "active"
			if !s.Active(now) {
				state = "ended"
				if now.Before(s.StartsAt) {
					state = "pending"
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.ID, orAll(s.All, s.Alert), orAll(s.All, s.Target), s.EndsAt.Local().Format("2006-01-02 15:04"), state, s.Comment)
		}
		_ = tw.Flush()
		return exitOK
	case "expire":
		if code, ok := parseFlags(fs, args[1:], stdout, stderr); !ok {
			return code
		}
		if fs.NArg() != 1 {
			fmt.Fprintln(stderr, usage)
			return exitUsage
		}
		api, ok := connect()
		if !ok {
			return exitFailure
		}
		if err := api.call(ctx, "DELETE", "/api/v1/silences/"+url.PathEscape(fs.Arg(0)), nil, nil); err != nil {
			fmt.Fprintln(stderr, "silence expire:", err)
			return exitFailure
		}
		fmt.Fprintf(stdout, "silence %s expired\n", fs.Arg(0))
		return exitOK
	}
	fmt.Fprintf(stderr, "unknown silence command %q\n%s\n", args[0], usage)
	return exitUsage
}

// orAll is orAny for a silence's matcher; "all" names an explicit silence
// of every alert.
func orAll(all bool, s string) string {
	if all {
		return "all"
	}
	return orAny(s)
}

func orAny(s string) string {
	if strings.TrimSpace(s) == "" {
		return "*"
	}
	return s
}
