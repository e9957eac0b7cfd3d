package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// statusCmd prints a running daemon's state. Exit codes follow Nagios
// plugins: 0 ok, 1 warning, 2 critical (3 when the daemon cannot be read).
func statusCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	flags := addAPIFlags(fs)
	asJSON := fs.Bool("json", false, "print the daemon's /status JSON")
	live := fs.Bool("live", false, "only ask /health/live: exit 0 while the daemon and its scheduler are alive, else 1 (a container HEALTHCHECK)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: lpwatch status [-config FILE | -addr URL] [-json | -live]\n\nExit 0 ok, 1 warning, 2 critical, 3 when the daemon cannot be reached; with -live 0 alive, 1 not.")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	api, err := flags.api()
	if err != nil {
		fmt.Fprintln(stderr, "lpwatch status:", err)
		if *live {
			return exitFailure
		}
		return 3
	}
	if *live {
		if err := api.live(context.Background()); err != nil {
			fmt.Fprintln(stderr, "lpwatch status -live:", err)
			return exitFailure
		}
		fmt.Fprintln(stdout, "live")
		return exitOK
	}
	var raw json.RawMessage
	if err := api.call(context.Background(), "GET", "/status", nil, &raw); err != nil {
		fmt.Fprintln(stderr, "lpwatch status:", err)
		return 3
	}
	var st status.Report
	if err := json.Unmarshal(raw, &st); err != nil {
		fmt.Fprintln(stderr, "lpwatch status: unexpected answer:", err)
		return 3
	}
	code := statusCode(st)
	if *asJSON {
		_, _ = stdout.Write(raw)
		return code
	}
	printStatus(stdout, st, isTerminal(stdout))
	return code
}

func statusCode(st status.Report) int {
	code := 0
	for _, a := range st.Alerts {
		if a.Phase != alert.PhaseFiring {
			continue
		}
		switch a.Severity {
		case alert.SeverityCritical:
			return 2
		case alert.SeverityWarning:
			code = 1
		}
	}
	if !st.Healthy && code == 0 {
		code = 1
	}
	return code
}

func printStatus(w io.Writer, st status.Report, colour bool) {
	paint := func(sev, s string) string {
		if !colour {
			return s
		}
		c := map[string]string{"critical": "31", "warning": "33", "ok": "32", "info": "36"}[sev]
		if c == "" {
			return s
		}
		return "\x1b[" + c + "m" + s + "\x1b[0m"
	}
	health := paint("ok", "healthy")
	if !st.Healthy {
		health = paint("critical", "UNHEALTHY")
	}
	fmt.Fprintf(w, "lpwatch %s, up since %s: %s\n\n", st.Version, st.StartedAt.Local().Format(time.DateTime), health)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NODE\tUP\tROUND\tLAST REWARD\tACTIVE\tBALANCE ETH\tREWARD THIS ROUND")
	for _, n := range st.Nodes {
		up := paint("ok", "up")
		if !n.Up {
			up = paint("critical", "down ("+n.Error+")")
		}
		reward := "unknown"
		for _, c := range st.Checks {
			if c.Check == alert.RewardNotCalled && c.Target == n.Name {
				reward = paint(c.State.String(), c.Reason)
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%v\t%.4f\t%s\n", n.Name, up, n.CurrentRound, n.LastRewardRound, n.Active, n.BalanceEther, reward)
	}
	_ = tw.Flush()
	if ch := st.Chain; ch != nil {
		line := "chain: endpoint " + orAny(ch.InUse)
		if e := ch.InUseEndpoint(); e != nil && e.HeadAgeSec != nil {
			line += fmt.Sprintf(", head %s old", (time.Duration(max(*e.HeadAgeSec, 0)) * time.Second).String())
		}
		if ch.Round != nil {
			line += fmt.Sprintf(", round %d", *ch.Round)
		}
		if ch.BlocksLeft != nil {
			line += fmt.Sprintf(" (%d blocks left)", *ch.BlocksLeft)
		}
		if ch.RPCRoundTrips > 0 {
			line += fmt.Sprintf(", %s", ch.ReadsText())
		}
		if ch.Error != "" {
			line = paint("critical", line+", error: "+ch.Error)
		}
		fmt.Fprintln(w, line)
		printChainTargets(w, st, paint)
		for _, a := range ch.Accounts {
			if a.PendingNonce != nil && a.MinedNonce != nil && *a.PendingNonce > *a.MinedNonce {
				fmt.Fprintln(w, paint("warning", fmt.Sprintf("  %s: %d transaction(s) pending", a.Node, *a.PendingNonce-*a.MinedNonce)))
			}
			if a.RunwayDays != nil {
				fmt.Fprintf(w, "  %s: runway %.1f days, %d missed round(s)\n", a.Node, *a.RunwayDays, a.MissedRounds)
			}
			if c := a.RewardCaller; c != nil && c.Kind != status.CallerNone {
				fmt.Fprintf(w, "  %s: %s\n", a.Node, c.Text)
			}
		}
	}
	if h := st.Heartbeat; h != nil {
		line := fmt.Sprintf("heartbeat: %s every %s: %s", h.URL, h.Interval, h.State)
		if !h.LastSuccess.IsZero() {
			line += ", last success " + h.LastSuccess.Local().Format(time.DateTime)
		}
		if h.Reason != "" {
			line += " (" + h.Reason + ")"
		}
		fmt.Fprintln(w, paint(status.HeartbeatSeverity(*h), line))
	}
	for _, p := range st.Peers {
		state := paint("ok", "up")
		switch {
		case p.Checked.IsZero():
			state = "not probed yet"
		case !p.Up:
			state = paint("critical", "down ("+p.Error+")")
		}
		fmt.Fprintf(w, "peer %s (%s): %s\n", p.Name, p.URL, state)
	}
	if rem := st.Remediation; rem != nil && len(rem.Restarts) > 0 {
		last := rem.Restarts[len(rem.Restarts)-1]
		fmt.Fprintf(w, "last restart: %s %s at %s: %s\n", last.Unit, last.Target, last.At.Local().Format(time.DateTime), last.Result)
	}
	fmt.Fprintln(w)
	if len(st.Alerts) == 0 {
		fmt.Fprintln(w, "alerts: none")
	} else {
		fmt.Fprintln(w, "alerts:")
		for _, a := range st.Alerts {
			since := a.FiringSince
			if a.Phase == alert.PhasePending {
				since = a.PendingSince
			}
			line := fmt.Sprintf("  %-8s %-8s %s/%s since %s: %s", a.Severity, a.Phase, a.Alert, a.Target, since.Local().Format("15:04:05"), a.Reason)
			if a.Cause != "" {
				line += " (cause: " + a.Cause + ")"
			}
			if a.Suppressed != "" {
				line += " [" + a.Suppressed + "]"
			}
			fmt.Fprintln(w, paint(a.Severity.String(), line))
		}
	}
	if len(st.Silences) > 0 {
		fmt.Fprintln(w, "silences:")
		for _, s := range st.Silences {
			fmt.Fprintf(w, "  %s %s/%s until %s: %s\n", s.ID, orAll(s.All, s.Alert), orAll(s.All, s.Target), s.EndsAt.Local().Format(time.DateTime), s.Comment)
		}
	}
}
