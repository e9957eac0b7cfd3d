package alerttest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// telegramPathRE is the path of a Bot API method call:
// https://api.telegram.org/bot<token>/METHOD_NAME
// (https://core.telegram.org/bots/api#making-requests).
var telegramPathRE = regexp.MustCompile(`^/bot([0-9]+:[A-Za-z0-9_-]+)/([A-Za-z]+)$`)

// telegramSend is the documented body of sendMessage, as far as lpwatch
// may use it (https://core.telegram.org/bots/api#sendmessage); a field
// that is not there is a violation.
type telegramSend struct {
	BusinessConnectionID string          `json:"business_connection_id"`
	ChatID               json.RawMessage `json:"chat_id"`
	MessageThreadID      *int64          `json:"message_thread_id"`
	Text                 *string         `json:"text"`
	ParseMode            string          `json:"parse_mode"`
	Entities             json.RawMessage `json:"entities"`
	LinkPreviewOptions   *struct {
		IsDisabled       bool   `json:"is_disabled"`
		URL              string `json:"url"`
		PreferSmallMedia bool   `json:"prefer_small_media"`
		PreferLargeMedia bool   `json:"prefer_large_media"`
		ShowAboveText    bool   `json:"show_above_text"`
	} `json:"link_preview_options"`
	DisableNotification bool `json:"disable_notification"`
	ProtectContent      bool `json:"protect_content"`
	ReplyParameters     *struct {
		MessageID                *int64          `json:"message_id"`
		ChatID                   json.RawMessage `json:"chat_id"`
		AllowSendingWithoutReply bool            `json:"allow_sending_without_reply"`
		Quote                    string          `json:"quote"`
	} `json:"reply_parameters"`
	ReplyMarkup json.RawMessage `json:"reply_markup"`
}

// telegramMaxText is sendMessage's limit: "1-4096 characters after
// entities parsing".
const telegramMaxText = 4096

// TelegramDialect is the Bot API's sendMessage: a request to
// /bot<token>/sendMessage with a JSON body of the documented fields, its
// HTML text well formed (only the documented tags and entities; every
// <, > and & that is not markup escaped) and 1 to 4096 characters long
// once parsed. A message is answered {"ok":true,"result":Message}; a bad
// request {"ok":false,"error_code":400,...}; down, 502. A token other than
// token (when not "") is answered 401 as by the Bot API.
func TelegramDialect(token string) Dialect {
	return Dialect{
		Name: "telegram",
		Check: func(req Request) []string {
			return checkTelegram(req, token)
		},
		Refuse: func(problems []string) Response {
			return TelegramError(400, "Bad Request: "+strings.Join(problems, "; "))
		},
		Down: TelegramError(502, "Bad Gateway"),
		Answer: func(req Request, id int) (Response, bool) {
			var m struct {
				ChatID json.RawMessage `json:"chat_id"`
				Text   string          `json:"text"`
			}
			_ = json.Unmarshal(req.Body, &m)
			text, _ := json.Marshal(telegramVisible(m.Text))
			chat := strings.Trim(string(m.ChatID), `"`)
			if _, err := strconv.ParseInt(chat, 10, 64); err != nil {
				chat = "-1001000000001" // a channel named by @username
			}
			body := fmt.Sprintf(`{"ok":true,"result":{"message_id":%d,"date":1773500966,"chat":{"id":%s,"type":"supergroup","title":"ops"},"text":%s}}`, id, chat, text)
			return Response{Status: 200, Body: body}, true
		},
		Event: func(req Request, id int) string {
			var m struct {
				Text  string `json:"text"`
				Reply *struct {
					MessageID int64 `json:"message_id"`
				} `json:"reply_parameters"`
			}
			_ = json.Unmarshal(req.Body, &m)
			reply := ""
			if m.Reply != nil {
				reply = " " + strconv.FormatInt(m.Reply.MessageID, 10)
			}
			switch {
			case strings.Contains(m.Text, "[RESOLVED:"):
				return "resolve" + reply
			case reply != "":
				return "repeat" + reply
			}
			return "trigger " + strconv.Itoa(id)
		},
	}
}

// TelegramError is a Bot API error answer.
func TelegramError(code int, description string) Response {
	d, _ := json.Marshal(description)
	return Response{Status: code, Body: fmt.Sprintf(`{"ok":false,"error_code":%d,"description":%s}`, code, d)}
}

// TelegramRateLimit is the Bot API's flood-control answer, asking to wait
// seconds: parameters.retry_after (https://core.telegram.org/bots/api#responseparameters).
func TelegramRateLimit(seconds int) Response {
	return Response{Status: 429, Body: fmt.Sprintf(`{"ok":false,"error_code":429,"description":"Too Many Requests: retry after %d","parameters":{"retry_after":%d}}`, seconds, seconds)}
}

func checkTelegram(req Request, token string) []string {
	m := telegramPathRE.FindStringSubmatch(req.Path)
	switch {
	case req.Method != "POST":
		return []string{"method " + req.Method + ", want POST"}
	case m == nil:
		return []string{"path is not /bot<token>/<method>"}
	case token != "" && m[1] != token:
		return []string{"not this bot's token"}
	case m[2] != "sendMessage":
		return []string{"method " + m[2] + ", want sendMessage"}
	case !strings.HasPrefix(req.Header.Get("Content-Type"), "application/json"):
		return []string{"Content-Type " + req.Header.Get("Content-Type") + ", want application/json"}
	}
	var b telegramSend
	dec := json.NewDecoder(bytes.NewReader(req.Body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return []string{"body: " + err.Error()}
	}
	var out []string
	if !telegramChatID(b.ChatID) {
		out = append(out, "chat_id "+string(b.ChatID)+" is neither an integer nor an @username string")
	}
	if b.MessageThreadID != nil && *b.MessageThreadID <= 0 {
		out = append(out, "message_thread_id is not a positive integer")
	}
	if b.ParseMode != "HTML" {
		out = append(out, "parse_mode "+strconv.Quote(b.ParseMode)+", want HTML")
	}
	if b.Text == nil {
		return append(out, "no text")
	}
	out = append(out, checkTelegramHTML(*b.Text)...)
	if n := utf8.RuneCountInString(telegramVisible(*b.Text)); n < 1 || n > telegramMaxText {
		out = append(out, fmt.Sprintf("text is %d characters once parsed, want 1 to %d", n, telegramMaxText))
	}
	if r := b.ReplyParameters; r != nil && (r.MessageID == nil || *r.MessageID <= 0) {
		out = append(out, "reply_parameters without a message_id")
	}
	return out
}

func telegramChatID(raw json.RawMessage) bool {
	var n int64
	if json.Unmarshal(raw, &n) == nil {
		return true
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return false
	}
	_, err := strconv.ParseInt(s, 10, 64)
	return err == nil || regexp.MustCompile(`^@[A-Za-z][A-Za-z0-9_]{3,31}$`).MatchString(s)
}

// telegramTagRE is a tag of the Bot API's HTML style that lpwatch may use
// (https://core.telegram.org/bots/api#html-style).
var telegramTagRE = regexp.MustCompile(`^<(/?)(b|strong|i|em|u|ins|s|strike|del|code|pre|blockquote)>|^<a href="([^"<>]*)">|^</a>`)

// telegramEntityRE is an entity the Bot API knows: the four named ones and
// numeric ones.
var telegramEntityRE = regexp.MustCompile(`^&(lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);`)

// checkTelegramHTML reports markup the Bot API would refuse ("can't parse
// entities"): unknown or unbalanced tags, bare < > &.
func checkTelegramHTML(text string) []string {
	var out, stack []string
	for i := 0; i < len(text); {
		switch text[i] {
		case '<':
			m := telegramTagRE.FindStringSubmatch(text[i:])
			if m == nil {
				return append(out, fmt.Sprintf("unescaped or unknown tag at byte %d: %.20q", i, text[i:]))
			}
			switch {
			case strings.HasPrefix(m[0], "<a "):
				stack = append(stack, "a")
			case m[0] == "</a>" || m[1] == "/":
				name := m[2]
				if m[0] == "</a>" {
					name = "a"
				}
				if len(stack) == 0 || stack[len(stack)-1] != name {
					return append(out, "unbalanced </"+name+">")
				}
				stack = stack[:len(stack)-1]
			default:
				stack = append(stack, m[2])
			}
			i += len(m[0])
		case '>':
			return append(out, fmt.Sprintf("unescaped > at byte %d", i))
		case '&':
			m := telegramEntityRE.FindString(text[i:])
			if m == "" {
				return append(out, fmt.Sprintf("unescaped & at byte %d", i))
			}
			i += len(m)
		default:
			i++
		}
	}
	if len(stack) > 0 {
		out = append(out, "unclosed <"+strings.Join(stack, "> <")+">")
	}
	return out
}

// telegramVisible is the text a message shows: the markup removed and the
// named entities replaced.
func telegramVisible(text string) string {
	text = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(text, "")
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&amp;", "&").Replace(text)
}
