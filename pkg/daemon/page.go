package daemon

import (
	"html/template"
	"net/http"
)

var pageTmpl = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="15"><title>lpwatch</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem;max-width:60rem}table{border-collapse:collapse;width:100%}
td,th{padding:.3rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}.critical,.unknown{color:#b00}.warning{color:#b60}.ok{color:#070}</style>
</head><body><h1>lpwatch {{if .Healthy}}<span class="ok">healthy</span>{{else}}<span class="critical">unhealthy</span>{{end}}</h1>
<h2>Nodes</h2><table><tr><th>node</th><th>up</th><th>round</th><th>last reward</th><th>active</th><th>balance (ETH)</th></tr>
{{range .Nodes}}<tr><td>{{.Name}}</td><td>{{if .Up}}<span class="ok">up</span>{{else}}<span class="critical">down: {{.Error}}</span>{{end}}</td>
<td>{{.CurrentRound}}</td><td>{{.LastRewardRound}}</td><td>{{.Active}}</td><td>{{printf "%.4f" .BalanceEther}}</td></tr>{{end}}</table>
<h2>Alerts</h2>{{if not .Alerts}}<p class="ok">none</p>{{else}}<table><tr><th>alert</th><th>target</th><th>phase</th><th>since</th><th>reason</th></tr>
{{range .Alerts}}<tr class="{{.Severity}}"><td>{{.Alert}}</td><td>{{.Target}}</td><td>{{.Phase}}</td><td>{{.PendingSince.Format "2006-01-02 15:04:05"}}</td><td>{{.Reason}}{{if .Cause}}<br>cause: {{.Cause}}{{end}}</td></tr>{{end}}</table>{{end}}
<h2>Checks</h2><table><tr><th>check</th><th>target</th><th>state</th><th>reason</th></tr>
{{range .Checks}}<tr><td>{{.Check}}</td><td>{{.Target}}</td><td class="{{.State}}">{{.State}}</td><td>{{.Reason}}</td></tr>{{end}}</table>
<h2>Silences</h2>{{if not .Silences}}<p>none</p>{{else}}<ul>{{range .Silences}}<li>{{.Alert}} {{.Target}} until {{.EndsAt.Format "2006-01-02 15:04"}}: {{.Comment}}</li>{{end}}</ul>{{end}}
</body></html>`))

// statusPage renders a small self-contained page for a person.
func statusPage(d *Daemon) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if err := pageTmpl.Execute(w, d.Status()); err != nil {
			d.log.WithError(err).Warn("status page")
		}
	})
}
