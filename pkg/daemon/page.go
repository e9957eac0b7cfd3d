package daemon

import (
	"fmt"
	"html/template"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/outbox"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/remediation"
)

// l1BlockTime estimates time left in a round: rounds are counted in
// Ethereum L1 blocks (12 s each since the Merge), also on Arbitrum.
const l1BlockTime = 12 * time.Second

// pageView is what the status page shows, derived from StatusReport.
type pageView struct {
	Healthy  bool
	Version  string
	Now      string
	Nodes    []nodeCard
	Chain    *ChainStatus
	HeadAge  string
	Alerts   []alert.View
	Silences []alert.Silence
	Sinks    []outbox.SinkHealth
	Pending  int
	Remedy   *remediation.Status
	Restarts []remediation.Entry // newest first, at most 5
}

// nodeCard is one node's box on the page.
type nodeCard struct {
	NodeStatus
	RewardState  string // css class: ok, warning, critical, unknown
	RewardText   string
	Missed       uint64
	RunwayText   string
	NonceGapText string
	Checks       []checks.Result
}

func (d *Daemon) pageView() pageView {
	st := d.Status().(StatusReport)
	v := pageView{Healthy: st.Healthy, Version: st.Version, Now: st.Now.Local().Format("2006-01-02 15:04:05"),
		Alerts: st.Alerts, Silences: st.Silences}
	if del, ok := st.Delivery.(map[string]any); ok {
		v.Sinks, _ = del["sinks"].([]outbox.SinkHealth)
		v.Pending, _ = del["pending"].(int)
	}
	if c, ok := st.Extra["chain"].(*ChainStatus); ok {
		v.Chain = c
		for _, e := range c.Endpoints {
			if e.Name == c.InUse && e.HeadAgeSec != nil {
				v.HeadAge = headAge(*e.HeadAgeSec)
			}
		}
	}
	if r, ok := st.Extra["remediation"].(*remediation.Status); ok {
		v.Remedy = r
		v.Restarts = append([]remediation.Entry(nil), r.Restarts...)
		sort.Slice(v.Restarts, func(i, j int) bool { return v.Restarts[i].At.After(v.Restarts[j].At) })
		if len(v.Restarts) > 5 {
			v.Restarts = v.Restarts[:5]
		}
	}
	for _, n := range st.Nodes {
		card := nodeCard{NodeStatus: n, RewardState: "unknown", RewardText: "not known yet"}
		for _, r := range st.Checks {
			if r.Target != n.Name {
				continue
			}
			card.Checks = append(card.Checks, r.Result)
			if r.Check == alert.RewardNotCalled {
				card.RewardState, card.RewardText = r.State.String(), r.Reason
			}
		}
		if v.Chain != nil {
			for _, a := range v.Chain.Accounts {
				if a.Node != n.Name {
					continue
				}
				card.Missed = a.MissedRounds
				if a.LastRewardRound != nil {
					card.LastRewardRound = fmt.Sprint(*a.LastRewardRound)
				}
				if a.BalanceEther != nil {
					card.BalanceEther = *a.BalanceEther
				}
				if a.RunwayDays != nil {
					card.RunwayText = fmt.Sprintf("%.1f days", *a.RunwayDays)
				}
				if a.PendingNonce != nil && a.MinedNonce != nil && *a.PendingNonce > *a.MinedNonce {
					card.NonceGapText = fmt.Sprintf("%d transaction(s) pending", *a.PendingNonce-*a.MinedNonce)
				}
			}
			if v.Chain.Round != nil && v.Chain.BlocksLeft != nil {
				left := time.Duration(*v.Chain.BlocksLeft) * l1BlockTime
				card.RewardText += fmt.Sprintf(" · round %d: %d blocks (≈%s) left", *v.Chain.Round, *v.Chain.BlocksLeft, left.Round(time.Minute))
			}
		}
		v.Nodes = append(v.Nodes, card)
	}
	return v
}

var pageFuncs = template.FuncMap{
	"ago": func(time.Time) string { return "" }, // bound to the daemon's clock per request
	"short": func(s string) string {
		if len(s) > 12 {
			return s[:6] + "…" + s[len(s)-4:]
		}
		return s
	},
	"lower": strings.ToLower,
	// isTrue and isFalse read an optional boolean ("with" on a *bool only
	// tests that it is set).
	"isTrue":  func(b *bool) bool { return b != nil && *b },
	"isFalse": func(b *bool) bool { return b != nil && !*b },
}

var pageTmpl = template.Must(template.New("page").Funcs(pageFuncs).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="10"><title>lpwatch {{if .Healthy}}ok{{else}}PROBLEM{{end}}</title>
<style>
body{font:15px/1.4 system-ui,sans-serif;margin:0;padding:.8rem;background:#f6f7f9;color:#1b1f24}
h1{font-size:1.3rem;margin:.2rem 0 .8rem}h2{font-size:1.05rem;margin:1rem 0 .4rem}
.card{background:#fff;border-radius:8px;padding:.7rem .9rem;margin:.5rem 0;box-shadow:0 1px 2px #0002}
.row{display:flex;justify-content:space-between;gap:.6rem;flex-wrap:wrap}.k{color:#57606a}
.ok{color:#1a7f37}.warning{color:#9a6700}.critical,.unknown{color:#cf222e}.info{color:#0969da}
.badge{display:inline-block;border-radius:1rem;padding:0 .55rem;color:#fff;font-size:.85rem}
.b-ok{background:#1a7f37}.b-warning{background:#bf8700}.b-critical,.b-unknown{background:#cf222e}.b-info{background:#0969da}
table{border-collapse:collapse;width:100%}td{padding:.2rem .3rem;border-top:1px solid #eee;vertical-align:top}
small{color:#57606a}
</style></head><body>
<h1>lpwatch <span class="badge {{if .Healthy}}b-ok{{else}}b-critical{{end}}">{{if .Healthy}}healthy{{else}}unhealthy{{end}}</span>
<small>{{.Version}} · {{.Now}}</small></h1>
{{range .Nodes}}<div class="card" id="node-{{.Name}}"><div class="row"><b>{{.Name}}</b>
<span>{{if .Up}}<span class="badge b-ok">up</span>{{else}}<span class="badge b-critical">down: {{.Error}}</span>{{end}} <small>{{.API}} API {{short .Address}}</small></span></div>
<div class="reward {{.RewardState}}">reward: {{.RewardText}}</div>
<div class="row"><span><span class="k">last rewarded round</span> {{.LastRewardRound}}</span><span><span class="k">missed rounds</span> {{.Missed}}</span></div>
<div class="row"><span><span class="k">balance</span> {{printf "%.4f" .BalanceEther}} ETH</span><span><span class="k">runway</span> {{if .RunwayText}}{{.RunwayText}}{{else}}not known yet{{end}}</span></div>
{{if .NonceGapText}}<div class="warning">{{.NonceGapText}}</div>{{end}}
</div>{{end}}
{{with .Chain}}<div class="card" id="chain"><div class="row"><b>chain</b><span><small>endpoint</small> {{.InUse}}</span></div>
<div class="row"><span><span class="k">head age</span> {{$.HeadAge}}</span><span><span class="k">round</span> {{with .Round}}{{.}}{{end}} {{if isTrue .Initialized}}initialized{{else if isFalse .Initialized}}<span class="warning">not initialized</span>{{end}}</span>
<span><span class="k">blocks left</span> {{with .BlocksLeft}}{{.}}{{end}}</span></div>
{{range .Endpoints}}<div><small>{{.Name}}: {{if .Healthy}}<span class="ok">healthy</span>{{else}}<span class="critical">{{.Reason}}</span>{{end}}{{if isTrue .Syncing}} · <span class="warning">syncing</span>{{end}}</small></div>{{end}}
{{if .Error}}<div class="critical">{{.Error}}</div>{{end}}</div>{{end}}
<h2>Alerts</h2>{{if not .Alerts}}<div class="card ok">none firing</div>{{else}}<div class="card"><table>
{{range .Alerts}}<tr><td><span class="badge b-{{.Severity}}">{{.Severity}}</span></td><td><b>{{.Alert}}</b> {{.Target}}<br><small>{{.Phase}} since {{if eq .Phase "firing"}}{{ago .FiringSince}}{{else}}{{ago .PendingSince}}{{end}}{{if .Suppressed}} · {{.Suppressed}}{{end}}</small><br>{{.Reason}}{{if .Cause}}<br><small>cause: {{.Cause}}</small>{{end}}</td></tr>{{end}}
</table></div>{{end}}
<h2>Silences</h2>{{if not .Silences}}<div class="card"><small>none</small></div>{{else}}<div class="card">{{range .Silences}}<div>{{if .Alert}}{{.Alert}}{{else}}*{{end}} / {{if .Target}}{{.Target}}{{else}}*{{end}} until {{.EndsAt.Local.Format "Jan 2 15:04"}}: {{.Comment}}</div>{{end}}</div>{{end}}
<h2>Delivery</h2><div class="card"><div><span class="k">outbox</span> {{.Pending}} pending</div>
{{range .Sinks}}<div>{{.Sink}}: {{if .FailingSince.IsZero}}<span class="ok">ok</span>{{else}}<span class="critical">failing since {{ago .FailingSince}} ({{.LastReason}})</span>{{end}} · {{.QueueDepth}} queued</div>{{end}}</div>
{{with .Remedy}}<h2>Self-healing</h2><div class="card" id="remediation">
{{range $k, $a := .Activity}}<div class="warning">{{$k}}: {{$a}}</div>{{end}}
{{if not $.Restarts}}<small>no restarts recorded</small>{{end}}
{{range $.Restarts}}<div>{{.At.Local.Format "Jan 2 15:04"}} {{.Unit}} ({{.Target}}): <b>{{.Result}}</b>{{if .DryRun}} (dry run){{end}}<br><small>{{.Why}}{{if .Outcome}} · {{.Outcome}}{{end}}</small></div>{{end}}
{{if not .NextScheduledRestart.IsZero}}<div><small>next scheduled chain restart {{.NextScheduledRestart.Local.Format "Jan 2 15:04"}}</small></div>{{end}}
</div>{{end}}
</body></html>`))

// statusPage renders a small self-contained page for a person: no external
// assets, readable on a phone, refreshed every 10 seconds.
func statusPage(d *Daemon) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		now := d.clock.Now()
		t, err := pageTmpl.Clone()
		if err == nil {
			t.Funcs(template.FuncMap{"ago": func(at time.Time) string { return agoText(now, at) }})
			err = t.Execute(w, d.pageView())
		}
		if err != nil {
			d.log.WithError(err).Warn("status page")
		}
	})
}

// agoText renders how long before now t was.
func agoText(now, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return now.Sub(t).Round(time.Second).String() + " ago"
}

// headAge renders the age of the head block; a block stamped ahead of this
// host's clock (clocks differ by a few seconds) reads as fresh.
func headAge(sec float64) string {
	if sec < 0 {
		return "0s (block time ahead of this clock)"
	}
	return (time.Duration(sec) * time.Second).String()
}
