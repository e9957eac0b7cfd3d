package alerttest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// discordPathRE is a webhook's path, and of one of its messages.
var discordPathRE = regexp.MustCompile(`^/api(?:/v[0-9]+)?/webhooks/([0-9]+)/([A-Za-z0-9_.-]+)(?:/messages/([0-9]+))?$`)

// discordMessage is the documented JSON body of Execute Webhook and Edit
// Webhook Message
// (https://discord.com/developers/docs/resources/webhook#execute-webhook-jsonform-params);
// a field that is not there (message_reference, for one: a webhook cannot
// reply) is a violation.
type discordMessage struct {
	Content         *string        `json:"content"`
	Username        string         `json:"username"`
	AvatarURL       string         `json:"avatar_url"`
	TTS             bool           `json:"tts"`
	Embeds          []discordEmbed `json:"embeds"`
	AllowedMentions *struct {
		Parse       []string `json:"parse"`
		Roles       []string `json:"roles"`
		Users       []string `json:"users"`
		RepliedUser bool     `json:"replied_user"`
	} `json:"allowed_mentions"`
	Components  json.RawMessage `json:"components"`
	Attachments json.RawMessage `json:"attachments"`
	Flags       int             `json:"flags"`
	ThreadName  string          `json:"thread_name"`
	AppliedTags []string        `json:"applied_tags"`
	Poll        json.RawMessage `json:"poll"`
}

// discordEmbed is https://discord.com/developers/docs/resources/message#embed-object.
type discordEmbed struct {
	Title       string `json:"title"`
	Type        string `json:"type"`
	Description string `json:"description"`
	URL         string `json:"url"`
	Timestamp   string `json:"timestamp"`
	Color       *int   `json:"color"`
	Footer      *struct {
		Text    string `json:"text"`
		IconURL string `json:"icon_url"`
	} `json:"footer"`
	Image     json.RawMessage `json:"image"`
	Thumbnail json.RawMessage `json:"thumbnail"`
	Author    json.RawMessage `json:"author"`
	Fields    []struct {
		Name   string `json:"name"`
		Value  string `json:"value"`
		Inline bool   `json:"inline"`
	} `json:"fields"`
}

// DiscordDialect is a Discord channel webhook: POST
// /api/webhooks/<id>/<token>?wait=true executes it and answers the
// message (its "id"), PATCH .../messages/<id> edits one of its messages.
// Bodies have the documented fields only, within the documented limits
// (https://discord.com/developers/docs/resources/message#embed-object-embed-limits):
// content up to 2000 characters, up to 10 embeds whose title (256),
// description (4096), up to 25 fields (name 256, value 1024, neither
// empty), footer (2048) and all of these together (6000) stay within
// theirs, an ISO8601 timestamp, a colour within RGB, and content or an
// embed. A bad request is answered 400 {"code":50035,"message":"Invalid
// Form Body"}, an edit of a message it never posted 404 Unknown Message;
// down, 503. token, when not "", is the webhook's token: another is
// answered 401 Invalid Webhook Token.
func DiscordDialect(token string) Dialect {
	var state struct{ posted map[string]bool } // guarded by the Chat's mutex
	state.posted = map[string]bool{}
	return Dialect{
		Name: "discord",
		Check: func(req Request) []string {
			return checkDiscord(req, token)
		},
		Refuse: func(problems []string) Response {
			if problems[0] == "not this webhook's token" {
				return DiscordError(401, 50027, "Invalid Webhook Token")
			}
			return DiscordError(400, 50035, "Invalid Form Body: "+strings.Join(problems, "; "))
		},
		Down: DiscordError(503, 0, "upstream connect error"),
		Answer: func(req Request, id int) (Response, bool) {
			m := discordPathRE.FindStringSubmatch(strings.SplitN(req.Path, "?", 2)[0])
			if req.Method == "PATCH" {
				if !state.posted[m[3]] {
					return DiscordError(404, 10008, "Unknown Message"), false
				}
				return Response{Status: 200, Body: discordAnswer(m[3], m[1], req.Body)}, false
			}
			mid := DiscordMessageID(id)
			state.posted[mid] = true
			return Response{Status: 200, Body: discordAnswer(mid, m[1], req.Body)}, true
		},
		Event: func(req Request, id int) string {
			m := discordPathRE.FindStringSubmatch(strings.SplitN(req.Path, "?", 2)[0])
			if req.Method == "PATCH" {
				if !state.posted[m[3]] {
					return ""
				}
				return "resolve " + m[3]
			}
			var b discordMessage
			_ = json.Unmarshal(req.Body, &b)
			switch {
			case len(b.Embeds) == 0:
				return "follow-up"
			case strings.Contains(b.Embeds[0].Title, "[RESOLVED:"):
				return "resolve"
			}
			return "trigger " + DiscordMessageID(id)
		},
	}
}

// DiscordMessageID is the snowflake of the stand-in's message number n.
func DiscordMessageID(n int) string { return fmt.Sprint(1300000000000000000 + n) }

// DiscordError is a Discord JSON error answer.
func DiscordError(status, code int, message string) Response {
	msg, _ := json.Marshal(message)
	return Response{Status: status, Body: fmt.Sprintf(`{"message":%s,"code":%d}`, msg, code)}
}

// DiscordRateLimit is Discord's 429: the JSON retry_after (fractional
// seconds), Retry-After, and the bucket's X-RateLimit-* headers
// (https://discord.com/developers/docs/topics/rate-limits).
func DiscordRateLimit(seconds float64) Response {
	return Response{Status: 429,
		Body:       fmt.Sprintf(`{"message":"You are being rate limited.","retry_after":%g,"global":false}`, seconds),
		RetryAfter: fmt.Sprint(int(seconds + 0.999)),
		Header: map[string]string{"X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset-After": fmt.Sprintf("%.3f", seconds),
			"X-RateLimit-Bucket": "0a1b2c3d4e5f", "X-RateLimit-Scope": "user"}}
}

func discordAnswer(id, webhook string, body []byte) string {
	var m struct {
		Content string          `json:"content"`
		Embeds  json.RawMessage `json:"embeds"`
	}
	_ = json.Unmarshal(body, &m)
	content, _ := json.Marshal(m.Content)
	embeds := string(m.Embeds)
	if embeds == "" || embeds == "null" {
		embeds = "[]"
	}
	return fmt.Sprintf(`{"id":%q,"type":0,"channel_id":"1200000000000000001","webhook_id":%q,"content":%s,"embeds":%s,"timestamp":"2026-03-14T15:09:26.000000+00:00"}`,
		id, webhook, content, embeds)
}

func checkDiscord(req Request, token string) []string {
	u, err := url.Parse(req.Path)
	if err != nil {
		return []string{"path does not parse"}
	}
	m := discordPathRE.FindStringSubmatch(u.Path)
	switch {
	case m == nil:
		return []string{"path is not /api/webhooks/<id>/<token>[/messages/<id>]"}
	case token != "" && m[2] != token:
		return []string{"not this webhook's token"}
	case req.Method == "POST" && m[3] != "":
		return []string{"POST to a message"}
	case req.Method == "POST" && u.Query().Get("wait") != "true":
		return []string{"execute without wait=true: Discord answers 204 and no message id"}
	case req.Method == "PATCH" && m[3] == "":
		return []string{"PATCH without a message"}
	case req.Method != "POST" && req.Method != "PATCH":
		return []string{"method " + req.Method}
	case !strings.HasPrefix(req.Header.Get("Content-Type"), "application/json"):
		return []string{"Content-Type " + req.Header.Get("Content-Type") + ", want application/json"}
	}
	var b discordMessage
	dec := json.NewDecoder(bytes.NewReader(req.Body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return []string{"body: " + err.Error()}
	}
	return checkDiscordBody(b)
}

func checkDiscordBody(b discordMessage) []string {
	var out []string
	limit := func(what, s string, max int) {
		if n := utf8.RuneCountInString(s); n > max {
			out = append(out, fmt.Sprintf("%s is %d characters, over %d", what, n, max))
		}
	}
	content := ""
	if b.Content != nil {
		content = *b.Content
	}
	limit("content", content, 2000)
	if content == "" && len(b.Embeds) == 0 {
		out = append(out, "neither content nor an embed")
	}
	if len(b.Embeds) > 10 {
		out = append(out, fmt.Sprintf("%d embeds, over 10", len(b.Embeds)))
	}
	if am := b.AllowedMentions; am != nil {
		for _, p := range am.Parse {
			if p != "roles" && p != "users" && p != "everyone" {
				out = append(out, "allowed_mentions.parse has "+p)
			}
		}
	}
	for i, e := range b.Embeds {
		at := fmt.Sprintf("embeds[%d]", i)
		total := utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
		limit(at+".title", e.Title, 256)
		limit(at+".description", e.Description, 4096)
		if len(e.Fields) > 25 {
			out = append(out, fmt.Sprintf("%s has %d fields, over 25", at, len(e.Fields)))
		}
		for j, f := range e.Fields {
			fat := fmt.Sprintf("%s.fields[%d]", at, j)
			if f.Name == "" || f.Value == "" {
				out = append(out, fat+" has an empty name or value")
			}
			limit(fat+".name", f.Name, 256)
			limit(fat+".value", f.Value, 1024)
			total += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
		}
		if e.Footer != nil {
			limit(at+".footer.text", e.Footer.Text, 2048)
			total += utf8.RuneCountInString(e.Footer.Text)
		}
		if total > 6000 {
			out = append(out, fmt.Sprintf("%s totals %d characters, over 6000", at, total))
		}
		if e.Color != nil && (*e.Color < 0 || *e.Color > 0xffffff) {
			out = append(out, fmt.Sprintf("%s.color %d is not an RGB value", at, *e.Color))
		}
		if e.Timestamp != "" {
			if _, err := time.Parse(time.RFC3339, e.Timestamp); err != nil {
				out = append(out, at+".timestamp is not ISO8601: "+e.Timestamp)
			}
		}
		if e.URL != "" {
			if u, err := url.Parse(e.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				out = append(out, at+".url is not an http(s) URL")
			}
		}
	}
	return out
}
