package discord

import (
	"fmt"
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// Embed colours (decimal RGB, as the API takes them).
const (
	colorCritical = 0xd50200 // red
	colorWarning  = 0xff9f00 // orange
	colorInfo     = 0x2b7bd6 // blue
	colorResolved = 0x2eb886 // green
)

// Limits from https://discord.com/developers/docs/resources/message#embed-object-embed-limits
// and the content limit of Execute Webhook ("the message contents (up to
// 2000 characters)"). The total of an embed's texts must stay under
// 6000 characters: the parts below add up to less.
const (
	maxContentRunes     = 2000
	maxTitleRunes       = 256
	maxDescriptionRunes = 3000 // of 4096
	maxFieldValueRunes  = 256  // of 1024
	maxFooterRunes      = 512  // of 2048
)

// Message is the JSON body of Execute Webhook and of Edit Webhook Message
// (https://discord.com/developers/docs/resources/webhook#execute-webhook).
type Message struct {
	Content         string          `json:"content"`
	Embeds          []Embed         `json:"embeds"`
	AllowedMentions AllowedMentions `json:"allowed_mentions"`
}

// AllowedMentions is https://discord.com/developers/docs/resources/message#allowed-mentions-object.
// lpwatch sends an empty parse list: text from a node or a chain never
// pings @everyone, a role or a user.
type AllowedMentions struct {
	Parse []string `json:"parse"`
}

// Embed is https://discord.com/developers/docs/resources/message#embed-object.
type Embed struct {
	Title       string  `json:"title"`
	Description string  `json:"description,omitempty"`
	URL         string  `json:"url,omitempty"`
	Color       int     `json:"color"`
	Fields      []Field `json:"fields"`
	Footer      Footer  `json:"footer"`
	Timestamp   string  `json:"timestamp,omitempty"`
}

// Field is one embed field.
type Field struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Inline bool   `json:"inline"`
}

// Footer is an embed's footer.
type Footer struct {
	Text string `json:"text"`
}

// NewMessage renders n as a message with one embed. The firing and the
// resolved message of one alert carry the same alert id (its dedup key)
// in the footer.
func NewMessage(n *alert.Notification) Message {
	return Message{Content: httpsink.Truncate(head(n), maxContentRunes), Embeds: []Embed{newEmbed(n)},
		AllowedMentions: AllowedMentions{Parse: []string{}}}
}

// NewFollowUp renders the short message that follows the edit of an
// alert's first message when it resolves.
func NewFollowUp(n *alert.Notification) Message {
	text := "✅ " + head(n)
	if d := httpsink.FiredFor(n); d != "" {
		text += " after " + d
	}
	text += " · the alert's first message above is updated · alert id " + n.DedupKey()
	return Message{Content: httpsink.Truncate(text, maxContentRunes), Embeds: []Embed{},
		AllowedMentions: AllowedMentions{Parse: []string{}}}
}

// head is the one-line title of n, its names escaped.
func head(n *alert.Notification) string { return httpsink.Head(n, escape) }

func newEmbed(n *alert.Notification) Embed {
	color := severityColor(n.Severity)
	if n.Status == alert.StatusResolved {
		color = colorResolved
	}
	desc := escape(n.Summary)
	if n.Description != "" {
		desc += "\n" + escape(n.Description)
	}
	link := httpsink.WebURL(n.RunbookURL)
	if link != "" {
		desc += "\n[Runbook](" + link + ")"
	}
	var fields []Field
	for _, f := range httpsink.Facts(n) {
		fields = append(fields, Field{Name: f.Name, Value: field(f.Value), Inline: true})
	}
	ts := n.CreatedAt
	if ts.IsZero() {
		ts = n.StartsAt
	}
	e := Embed{
		Title:       httpsink.Truncate(head(n), maxTitleRunes),
		Description: httpsink.Truncate(desc, maxDescriptionRunes),
		URL:         link,
		Color:       color,
		Fields:      fields,
		Footer:      Footer{Text: httpsink.Truncate(fmt.Sprintf("lpwatch %s · alert id %s · seq %d", n.Source, n.DedupKey(), n.Seq), maxFooterRunes)},
	}
	if !ts.IsZero() {
		e.Timestamp = ts.UTC().Format(time.RFC3339)
	}
	return e
}

func field(s string) string { return httpsink.Truncate(escape(s), maxFieldValueRunes) }

func severityColor(s alert.Severity) int {
	switch s {
	case alert.SeverityCritical:
		return colorCritical
	case alert.SeverityWarning:
		return colorWarning
	}
	return colorInfo
}

// escaper puts a backslash before every character Discord's markdown
// gives a meaning to, so that text from a node or a chain shows as it is
// and cannot form links, mentions or formatting (parentheses need none:
// with the brackets escaped they cannot end a masked link)
// (https://support.discord.com/hc/en-us/articles/210298617).
var escaper = strings.NewReplacer(
	`\`, `\\`, `*`, `\*`, `_`, `\_`, `~`, `\~`, "`", "\\`", `|`, `\|`, `>`, `\>`, `<`, `\<`,
	`[`, `\[`, `]`, `\]`, `#`, `\#`, `@`, `\@`,
)

func escape(s string) string { return escaper.Replace(s) }
