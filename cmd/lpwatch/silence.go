package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

func silenceCmd(args []string, stdout, stderr io.Writer) int {
	usage := "usage: lpwatch silence add -alert NAME -target T -for 2h -comment TEXT [-addr URL]\n" +
		"       lpwatch silence list [-addr URL]\n       lpwatch silence expire [-addr URL] ID"
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return exitUsage
	}
	if args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		fmt.Fprintln(stdout, usage)
		return exitOK
	}
	fs := flag.NewFlagSet("silence "+args[0], flag.ContinueOnError)
	addr := fs.String("addr", defaultAddr, "the running daemon's loopback API")
	fs.Usage = func() { fmt.Fprintln(fs.Output(), usage); fs.PrintDefaults() }
	ctx := context.Background()
	switch args[0] {
	case "add":
		name := fs.String("alert", "", "alert name to silence (empty: every alert of the target)")
		target := fs.String("target", "", "target to silence (empty: every target of the alert)")
		dur := fs.Duration("for", 0, "how long, e.g. 2h")
		until := fs.String("until", "", "end time, RFC 3339 (instead of -for)")
		comment := fs.String("comment", "", "why (required)")
		if code, ok := parseFlags(fs, args[1:], stdout, stderr); !ok {
			return code
		}
		user := os.Getenv("USER")
		s := alert.Silence{Alert: *name, Target: *target, Comment: *comment, CreatedBy: user}
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
		if *name == "" && *target == "" {
			fmt.Fprintln(stderr, "give -alert, -target or both: silencing everything is not allowed")
			return exitUsage
		}
		var out alert.Silence
		if err := apiCall(ctx, "POST", *addr, "/api/v1/silences", s, &out); err != nil {
			fmt.Fprintln(stderr, "silence add:", err)
			return exitFailure
		}
		fmt.Fprintf(stdout, "silence %s added until %s\n", out.ID, out.EndsAt.Local().Format(time.RFC3339))
		return exitOK
	case "list":
		if code, ok := parseFlags(fs, args[1:], stdout, stderr); !ok {
			return code
		}
		var list []alert.Silence
		if err := apiCall(ctx, "GET", *addr, "/api/v1/silences", nil, &list); err != nil {
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
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.ID, orAny(s.Alert), orAny(s.Target), s.EndsAt.Local().Format("2006-01-02 15:04"), state, s.Comment)
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
		if err := apiCall(ctx, "DELETE", *addr, "/api/v1/silences/"+fs.Arg(0), nil, nil); err != nil {
			fmt.Fprintln(stderr, "silence expire:", err)
			return exitFailure
		}
		fmt.Fprintf(stdout, "silence %s expired\n", fs.Arg(0))
		return exitOK
	}
	fmt.Fprintf(stderr, "unknown silence command %q\n%s\n", args[0], usage)
	return exitUsage
}

func orAny(s string) string {
	if strings.TrimSpace(s) == "" {
		return "*"
	}
	return s
}
