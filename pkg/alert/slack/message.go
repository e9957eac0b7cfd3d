package slack

import (
	"fmt"
	"strings"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// Attachment colours.
const (
	colorCritical = "#d50200" // red
	colorWarning  = "#ff9f00" // orange
	colorInfo     = "#2b7bd6" // blue
	colorResolved = "#2eb886" // green
)

// Limits from Slack's docs: message text over 4,000 characters is
// truncated ("for best results, limit the number of characters in the
// text field to 4,000", https://api.slack.com/methods/chat.postMessage#truncating),
// and attachment titles are kept short; alertmanager uses 1024 runes.
const (
	maxTextRunes  = 4000
	maxTitleRunes = 1024
)

// Message is an incoming-webhook message: a plain-text fallback in Text
// and one coloured attachment.
type Message struct {
	Text        string       `json:"text"`
	Attachments []Attachment `json:"attachments"`
}

// Attachment is a legacy secondary attachment; it carries the colour bar.
// https://api.slack.com/reference/messaging/attachments
type Attachment struct {
	Fallback   string   `json:"fallback"`
	Color      string   `json:"color"`
	Title      string   `json:"title"`
	TitleLink  string   `json:"title_link,omitempty"`
	Text       string   `json:"text,omitempty"`
	Fields     []Field  `json:"fields"`
	Footer     string   `json:"footer"`
	Timestamp  int64    `json:"ts"`
	MarkdownIn []string `json:"mrkdwn_in"`
}

// Field is one short key/value of an attachment.
type Field struct {
	Title string `json:"title"`
	Value string `json:"value"`
	Short bool   `json:"short"`
}

// NewMessage renders n. The firing and the resolved message of one alert
// carry the same alert id (its dedup key) in text and footer, so they can
// be correlated and searched for.
func NewMessage(n *alert.Notification) Message {
	color := severityColor(n.Severity)
	if n.Status == alert.StatusResolved {
		color = colorResolved
	}
	head := httpsink.Head(n, httpsink.Verbatim)
	plain := head
	if n.Summary != "" {
		plain += ": " + n.Summary
	}
	if n.Cause != "" {
		plain += " (cause: " + n.Cause + ")"
	}
	plain += " [" + n.DedupKey() + "]"

	var fields []Field
	for _, f := range httpsink.Facts(n) {
		fields = append(fields, Field{Title: f.Name, Value: escape(f.Value), Short: true})
	}
	body := escape(n.Summary)
	if n.Description != "" {
		body += "\n" + escape(n.Description)
	}
	if n.RunbookURL != "" {
		body += "\n<" + n.RunbookURL + "|Runbook>"
	}
	ts := n.CreatedAt
	if ts.IsZero() {
		ts = n.StartsAt
	}
	return Message{
		Text: httpsink.Truncate(escape(plain), maxTextRunes),
		Attachments: []Attachment{{
			Fallback:   httpsink.Truncate(plain, maxTextRunes),
			Color:      color,
			Title:      httpsink.Truncate(escape(head), maxTitleRunes),
			TitleLink:  n.RunbookURL,
			Text:       httpsink.Truncate(body, maxTextRunes),
			Fields:     fields,
			Footer:     fmt.Sprintf("lpwatch %s · alert id %s · seq %d", escape(n.Source), n.DedupKey(), n.Seq),
			Timestamp:  ts.Unix(),
			MarkdownIn: []string{"text"},
		}},
	}
}

func severityColor(s alert.Severity) string {
	switch s {
	case alert.SeverityCritical:
		return colorCritical
	case alert.SeverityWarning:
		return colorWarning
	}
	return colorInfo
}

// escape applies Slack's three control-character escapes, so that text
// from a node or a chain cannot form links or mentions.
// https://api.slack.com/reference/surfaces/formatting#escaping
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
