package telegram

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// maxTextRunes bounds a message: sendMessage takes "1-4096 characters
// after entities parsing" (https://core.telegram.org/bots/api#sendmessage).
// The parts that come from outside (summary, description) are cut before
// they are escaped, so that the visible text stays below it.
const (
	maxTextRunes    = 4096
	maxSummaryRunes = 512
	maxDescRunes    = 3000
)

// Severity marks, ahead of the title.
const (
	markCritical = "🔴"
	markWarning  = "🟠"
	markInfo     = "🔵"
	markResolved = "✅"
)

// ChatID is a chat_id as the Bot API takes it: "Integer or String", a
// number for a numeric id and a string for "@username".
type ChatID string

// MarshalJSON implements json.Marshaler.
func (c ChatID) MarshalJSON() ([]byte, error) {
	if _, err := strconv.ParseInt(string(c), 10, 64); err == nil {
		return []byte(c), nil
	}
	return json.Marshal(string(c))
}

// SendMessage is the body of a sendMessage request
// (https://core.telegram.org/bots/api#sendmessage).
type SendMessage struct {
	ChatID             ChatID              `json:"chat_id"`
	MessageThreadID    int64               `json:"message_thread_id,omitempty"`
	Text               string              `json:"text"`
	ParseMode          string              `json:"parse_mode"`
	LinkPreviewOptions *LinkPreviewOptions `json:"link_preview_options,omitempty"`
	ReplyParameters    *ReplyParameters    `json:"reply_parameters,omitempty"`
}

// LinkPreviewOptions is https://core.telegram.org/bots/api#linkpreviewoptions;
// lpwatch turns the preview of the runbook link off.
type LinkPreviewOptions struct {
	IsDisabled bool `json:"is_disabled"`
}

// ReplyParameters is https://core.telegram.org/bots/api#replyparameters.
// AllowSendingWithoutReply is always set: a resolve whose trigger was
// deleted is still sent.
type ReplyParameters struct {
	MessageID                int64 `json:"message_id"`
	AllowSendingWithoutReply bool  `json:"allow_sending_without_reply"`
}

// NewMessage renders n for chat (and topic, when thread is not 0), as a
// reply to message replyTo when it is not 0. The text uses the Bot API's
// HTML style; everything that comes from outside is escaped.
func NewMessage(n *alert.Notification, chat string, thread, replyTo int64) SendMessage {
	m := SendMessage{
		ChatID:             ChatID(chat),
		MessageThreadID:    thread,
		Text:               Text(n),
		ParseMode:          "HTML",
		LinkPreviewOptions: &LinkPreviewOptions{IsDisabled: true},
	}
	if replyTo != 0 {
		m.ReplyParameters = &ReplyParameters{MessageID: replyTo, AllowSendingWithoutReply: true}
	}
	return m
}

// Text renders the HTML text of n. The firing and the resolved message of
// one alert carry the same alert id (its dedup key).
func Text(n *alert.Notification) string {
	mark := severityMark(n.Severity)
	if n.Status == alert.StatusResolved {
		mark = markResolved
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s <b>%s</b>\n", mark, escape(httpsink.Head(n, httpsink.Verbatim)))
	b.WriteString(escape(httpsink.Truncate(n.Summary, maxSummaryRunes)))
	if n.Description != "" {
		b.WriteString("\n" + escape(httpsink.Truncate(n.Description, maxDescRunes)))
	}
	b.WriteString("\n")
	for _, f := range httpsink.Facts(n)[2:] { // target and severity are in the title
		b.WriteString("\n<b>" + f.Name + ":</b> " + escape(httpsink.Truncate(f.Value, maxSummaryRunes)))
	}
	if link := httpsink.WebURL(n.RunbookURL); link != "" {
		b.WriteString("\n<a href=\"" + escapeAttr(link) + "\">Runbook</a>")
	}
	fmt.Fprintf(&b, "\n<i>lpwatch %s · alert id %s · seq %d</i>", escape(httpsink.Truncate(n.Source, maxSummaryRunes)), n.DedupKey(), n.Seq)
	return b.String()
}

func severityMark(s alert.Severity) string {
	switch s {
	case alert.SeverityCritical:
		return markCritical
	case alert.SeverityWarning:
		return markWarning
	}
	return markInfo
}

// escape replaces the three characters the HTML style requires escaped:
// "All <, > and & symbols that are not a part of a tag or an HTML entity
// must be replaced with the corresponding HTML entities"
// (https://core.telegram.org/bots/api#html-style).
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// escapeAttr escapes an attribute value, quotes included (&quot; is one
// of the four named entities the Bot API knows).
func escapeAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
