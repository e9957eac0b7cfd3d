package status

import (
	"html/template"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/sirupsen/logrus"
)

var pageFuncs = template.FuncMap{
	"ago": func(time.Time) string { return "" }, // bound to the report's time per page
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
.strip{display:flex;gap:2px;margin:.35rem 0 .1rem}.strip span{flex:1;max-width:1.1rem;height:1.1rem;border-radius:2px;font-size:.7rem;line-height:1.1rem;text-align:center;color:#fff}
.s-early,.s-rewarded{background:#1a7f37}.s-late{background:#bf8700}.s-missed{background:#cf222e}.s-not_due{background:#8c959f}.s-pending{background:#d0d7de;color:#57606a!important}.s-none{background:#eaeef2}
.legend span{display:inline-block;width:.7rem;height:.7rem;border-radius:2px;margin:0 .2rem 0 .5rem;vertical-align:-1px}
</style></head><body>
<h1>lpwatch <span class="badge {{if .Healthy}}b-ok{{else}}b-critical{{end}}">{{if .Healthy}}healthy{{else}}unhealthy{{end}}</span>
<small>{{.Version}} · {{.Now}}</small></h1>
{{range .Nodes}}<div class="card" id="node-{{.Name}}"><div class="row"><b>{{.Name}}</b>
<span>{{if .Up}}<span class="badge b-ok">up</span>{{else}}<span class="badge b-critical">down: {{.Error}}</span>{{end}} <small>{{.API}} API {{short .Address}}</small></span></div>
<div class="reward {{.RewardState}}">reward: {{.RewardText}}</div>
<div class="row"><span><span class="k">last rewarded round</span> {{.LastRewardRound}}</span><span><span class="k">missed rounds</span> {{.Missed}}</span></div>
<div class="row"><span><span class="k">balance</span> {{printf "%.4f" .BalanceEther}} ETH</span><span><span class="k">runway</span> {{if .RunwayText}}{{.RunwayText}}{{else}}not known yet{{end}}</span></div>
{{if .NonceGapText}}<div class="warning">{{.NonceGapText}}</div>{{end}}
{{if .CallerText}}<div class="caller"><span class="k">reward caller</span> {{.CallerText}}</div>{{end}}
{{template "strip" .}}
</div>{{end}}
{{range .Orchestrators}}<div class="card" id="orch-{{.Name}}"><div class="row"><b>{{.Name}}</b>
<span><span class="badge b-info">chain only</span> <small>{{short .Address}}</small></span></div>
<div class="reward {{.RewardState}}">reward: {{.RewardText}}</div>
<div class="row"><span><span class="k">last rewarded round</span> {{.LastRewardRound}}</span><span><span class="k">missed rounds</span> {{.Missed}}</span></div>
<div class="row"><span><span class="k">status</span> {{.ActiveText}}</span><span><span class="k">stake</span> {{.StakeText}}</span></div>
{{if .CallerText}}<div class="caller"><span class="k">reward caller</span> {{.CallerText}}</div>{{end}}
{{template "strip" .}}
</div>{{end}}
{{if .ActiveSet}}<h2>Active set <small>observed, no alerts</small></h2><div class="card" id="active-set"><table>
{{range .ActiveSet}}<tr><td><b>{{.Name}}</b><br><small class="{{.RewardState}}">{{.RewardText}}</small></td><td><small>{{.ActiveText}} · {{.StakeText}}</small>{{template "strip" .}}</td></tr>{{end}}
</table></div>{{end}}
{{with .Chain}}<div class="card" id="chain"><div class="row"><b>chain</b><span><small>endpoint</small> {{.InUse}}</span></div>
<div class="row"><span><span class="k">head age</span> {{$.HeadAge}}</span><span><span class="k">round</span> {{with .Round}}{{.}}{{end}} {{if isTrue .Initialized}}initialized{{else if isFalse .Initialized}}<span class="warning">not initialized</span>{{end}}</span>
<span><span class="k">blocks left</span> {{with .BlocksLeft}}{{.}}{{end}}</span></div>
{{if .RPCRoundTrips}}<div id="chain-reads"><small><span class="k">reads</span> {{.ReadsText}}</small></div>{{end}}
{{range .Endpoints}}<div><small>{{.Name}}: {{if .Healthy}}<span class="ok">healthy</span>{{else}}<span class="critical">{{.Reason}}</span>{{end}}{{if isTrue .Syncing}} · <span class="warning">syncing</span>{{end}}</small></div>{{end}}
{{if .Error}}<div class="critical">{{.Error}}</div>{{end}}</div>{{end}}
<h2>Alerts</h2>{{if not .Alerts}}<div class="card ok">none firing</div>{{else}}<div class="card"><table>
{{range .Alerts}}<tr><td><span class="badge b-{{.Severity}}">{{.Severity}}</span></td><td><b>{{.Alert}}</b> {{.Target}}<br><small>{{.Phase}} since {{if eq .Phase "firing"}}{{ago .FiringSince}}{{else}}{{ago .PendingSince}}{{end}}{{if .Suppressed}} · {{.Suppressed}}{{end}}</small><br>{{.Reason}}{{if .Cause}}<br><small>cause: {{.Cause}}</small>{{end}}</td></tr>{{end}}
</table></div>{{end}}
<h2>Silences</h2>{{if not .Silences}}<div class="card"><small>none</small></div>{{else}}<div class="card">{{range .Silences}}<div>{{if .Alert}}{{.Alert}}{{else}}*{{end}} / {{if .Target}}{{.Target}}{{else}}*{{end}} until {{.EndsAt.Local.Format "Jan 2 15:04"}}: {{.Comment}}</div>{{end}}</div>{{end}}
<h2>Delivery</h2><div class="card"><div><span class="k">outbox</span> {{.Pending}} pending</div>
{{range .Sinks}}<div>{{.Sink}}: {{if .FailingSince.IsZero}}<span class="ok">ok</span>{{else}}<span class="critical">failing since {{ago .FailingSince}} ({{.LastReason}})</span>{{end}} · {{.QueueDepth}} queued</div>{{end}}</div>
{{if or .Peers .Heartbeat}}<h2>Watching lpwatch</h2><div class="card" id="lpwatch">
{{with .Heartbeat}}<div id="heartbeat"><span class="k">heartbeat</span> {{.URL}} every {{.Interval}}: <span class="{{$.HeartbeatClass}}">{{.State}}</span>{{if not .LastSuccess.IsZero}} <small>last success {{ago .LastSuccess}}</small>{{end}}{{if .Reason}}<br><small>{{.Reason}}</small>{{end}}</div>{{end}}
{{range .Peers}}<div id="peer-{{.Name}}"><span class="k">peer</span> {{.Name}} <small>{{.URL}}</small>: {{if .Up}}<span class="ok">up</span>{{else if .Checked.IsZero}}<small>not probed yet</small>{{else}}<span class="critical">down ({{.Error}})</span>{{end}}{{if not .LastOK.IsZero}} <small>last answered {{ago .LastOK}}</small>{{end}}</div>{{end}}
</div>{{end}}
{{with .Remedy}}<h2>Self-healing</h2><div class="card" id="remediation">
{{range $k, $a := .Activity}}<div class="warning">{{$k}}: {{$a}}</div>{{end}}
{{if not $.Restarts}}<small>no restarts recorded</small>{{end}}
{{range $.Restarts}}<div>{{.At.Local.Format "Jan 2 15:04"}} {{.Unit}} ({{.Target}}): <b>{{.Result}}</b>{{if .DryRun}} (dry run){{end}}<br><small>{{.Why}}{{if .Outcome}} · {{.Outcome}}{{end}}</small></div>{{end}}
{{if not .NextScheduledRestart.IsZero}}<div><small>next scheduled chain restart {{.NextScheduledRestart.Local.Format "Jan 2 15:04"}}</small></div>{{end}}
</div>{{end}}
</body></html>
{{define "strip"}}{{if .Strip}}<div class="strip" title="reward history: the last rounds, oldest first">{{range .Strip}}<span class="s-{{.Class}}" title="{{.Title}}">{{.Label}}</span>{{end}}</div>
<div class="legend"><small>last {{len .Strip}} rounds:<span class="s-early"></span>early<span class="s-late"></span>late<span class="s-missed"></span>missed<span class="s-not_due"></span>none due</small></div>
{{if .Summary}}<div><small>{{.Summary}}</small></div>{{end}}{{end}}{{end}}`))

// Page renders a small self-contained page for a person from the report
// that report returns: no external assets, readable on a phone, refreshed
// every 10 seconds.
func Page(report func() Report, log logrus.FieldLogger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if err := renderPage(w, report()); err != nil {
			log.WithError(err).Warn("status page")
		}
	})
}

// renderPage writes the page of st; times read as ago st.Now.
func renderPage(w io.Writer, st Report) error {
	t, err := pageTmpl.Clone()
	if err != nil {
		return err
	}
	t.Funcs(template.FuncMap{"ago": func(at time.Time) string { return agoText(st.Now, at) }})
	return t.Execute(w, newPageView(st))
}
