package email

import (
	"bytes"
	"fmt"
	"html/template"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// Severity colours of the HTML part's heading.
const (
	colorCritical = "#d50200"
	colorWarning  = "#ff9f00"
	colorInfo     = "#2b7bd6"
	colorResolved = "#2eb886"
)

// Message is one notification rendered as an email, before it is
// addressed: its headers of its own and its two parts.
type Message struct {
	// Subject is the same for every message of a thread, behind "Re: "
	// for all but the first.
	Subject string
	// MessageID, InReplyTo and References are bare ids (no angle
	// brackets); InReplyTo and References are empty on a thread's first
	// message.
	MessageID  string
	InReplyTo  string
	References string
	// Date is when the notification was made.
	Date time.Time
	// Text and HTML are the plain-text and HTML bodies.
	Text string
	HTML string
}

// row is one key/value line of the body.
type row struct{ Key, Value string }

// page is what the HTML template renders.
type page struct {
	Color       string
	Headline    string
	Summary     string
	Description string
	Rows        []row
	RunbookURL  string
	Footer      string
}

// htmlPage is the HTML part. html/template escapes every value for its
// context, and replaces a runbook URL that is not http(s) or mailto.
var htmlPage = template.Must(template.New("email").Parse(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{.Headline}}</title></head>
<body style="font-family: sans-serif">
<h2 style="color: {{.Color}}">{{.Headline}}</h2>
<p><strong>{{.Summary}}</strong></p>
{{if .Description}}<p style="white-space: pre-wrap">{{.Description}}</p>
{{end}}<table cellpadding="4">
{{range .Rows}}<tr><th align="left">{{.Key}}</th><td>{{.Value}}</td></tr>
{{end}}</table>
{{if .RunbookURL}}<p><a href="{{.RunbookURL}}">Runbook</a></p>
{{end}}<p style="color: #777777; font-size: small">{{.Footer}}</p>
</body></html>
`))

// NewMessage renders n; domain is the sender's, for the Message-IDs, and
// now dates a notification that has no time of its own.
func NewMessage(n *alert.Notification, domain string, now time.Time) (Message, error) {
	m := Message{Subject: subject(n), MessageID: messageID(n, domain), Date: n.CreatedAt}
	if !alert.StartsEpisode(n) {
		m.Subject = "Re: " + m.Subject
		m.InReplyTo = threadID(n, domain)
		m.References = m.InReplyTo
	}
	if m.Date.IsZero() {
		m.Date = n.StartsAt
	}
	if m.Date.IsZero() {
		m.Date = now
	}
	p := page{
		Color:       color(n),
		Headline:    headline(n),
		Summary:     n.Summary,
		Description: n.Description,
		Rows:        rows(n),
		RunbookURL:  n.RunbookURL,
		Footer:      fmt.Sprintf("lpwatch %s · alert id %s · seq %d", n.Source, n.DedupKey(), n.Seq),
	}
	var b bytes.Buffer
	if err := htmlPage.Execute(&b, p); err != nil {
		return Message{}, fmt.Errorf("render html: %w", err)
	}
	m.HTML = b.String()
	m.Text = text(p)
	return m, nil
}

// subject is the base subject of n's thread: the same for every message
// of one alert identity, so that clients that thread by subject agree.
func subject(n *alert.Notification) string {
	s := "[lpwatch"
	if n.Source != "" {
		s += " " + n.Source
	}
	s += "] "
	if n.Test {
		s += "[TEST] "
	}
	s += n.Alert + " on " + n.Target
	return oneLine(s)
}

// headline is the first line of the body: what happened.
func headline(n *alert.Notification) string {
	var h string
	switch {
	case n.Status == alert.StatusResolved:
		h = "RESOLVED"
		if !n.StartsAt.IsZero() && n.EndsAt.After(n.StartsAt) {
			h += " after " + n.EndsAt.Sub(n.StartsAt).Round(time.Second).String()
		}
		h += ": "
	case n.Why == alert.ReasonRepeat:
		h = "STILL FIRING (" + n.Severity.String() + "): "
	case n.Why == alert.ReasonSeverity:
		h = "NOW " + strings.ToUpper(n.Severity.String()) + ": "
	default:
		h = "FIRING (" + n.Severity.String() + "): "
	}
	if n.Test {
		h = "[TEST] " + h
	}
	return oneLine(h + n.Alert + " on " + n.Target)
}

func color(n *alert.Notification) string {
	switch {
	case n.Status == alert.StatusResolved:
		return colorResolved
	case n.Severity == alert.SeverityCritical:
		return colorCritical
	case n.Severity == alert.SeverityWarning:
		return colorWarning
	}
	return colorInfo
}

// rows are the facts of n, in a fixed order, then its details by key.
func rows(n *alert.Notification) []row {
	const stamp = "2006-01-02 15:04:05 MST"
	out := []row{{"Target", n.Target}, {"Severity", n.Severity.String()}}
	if n.Cause != "" {
		out = append(out, row{"Cause", n.Cause})
	}
	if !n.StartsAt.IsZero() {
		out = append(out, row{"Since", n.StartsAt.UTC().Format(stamp)})
	}
	if n.Status == alert.StatusResolved && !n.EndsAt.IsZero() {
		out = append(out, row{"Resolved", n.EndsAt.UTC().Format(stamp)})
	}
	if n.Source != "" {
		out = append(out, row{"Source", n.Source})
	}
	keys := make([]string, 0, len(n.Details))
	for k := range n.Details {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out = append(out, row{k, n.Details[k]})
	}
	return out
}

// text renders the plain-text part from the same page as the HTML one.
func text(p page) string {
	var b strings.Builder
	b.WriteString(p.Headline + "\n" + p.Summary + "\n")
	if p.Description != "" {
		b.WriteString("\n" + p.Description + "\n")
	}
	b.WriteString("\n")
	width := 0
	for _, r := range p.Rows {
		width = max(width, utf8.RuneCountInString(r.Key))
	}
	for _, r := range p.Rows {
		fmt.Fprintf(&b, "%-*s  %s\n", width+1, r.Key+":", oneLine(r.Value))
	}
	if p.RunbookURL != "" {
		b.WriteString("\nRunbook: " + p.RunbookURL + "\n")
	}
	b.WriteString("\n-- \n" + p.Footer + "\n")
	return b.String()
}

// oneLine replaces control characters (line breaks among them) with
// spaces: a header or a table line stays one line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}
