package telegram

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// DefaultAPIURL is the Bot API server. A local Bot API server
// (https://github.com/tdlib/telegram-bot-api) is set with api_url.
const DefaultAPIURL = "https://api.telegram.org"

// Config configures one Telegram sink, as New takes it (a configured
// sink's is made from its Section). BotToken is a secret: whoever has it
// controls the bot. It travels in the request path, so it is scrubbed
// from every error and never shown.
type Config struct {
	// Name is the sink's configured name.
	Name string
	// BotToken is the token @BotFather gave, "123456789:AA...".
	BotToken string
	// ChatID is the chat's numeric id ("-1001234567890") or a public
	// channel's "@username".
	ChatID string
	// MessageThreadID, when not 0, is the forum topic to post in.
	MessageThreadID int64
	// APIURL overrides DefaultAPIURL.
	APIURL string
	// Timeout bounds one attempt; 0 means httpsink.DefaultTimeout (10s).
	Timeout time.Duration
}

// tokenRE is the shape of a bot token: the bot's numeric id, a colon and
// a secret of URL-safe characters (https://core.telegram.org/bots/api#authorizing-your-bot).
var tokenRE = regexp.MustCompile(`^[0-9]{1,20}:[A-Za-z0-9_-]{20,}$`)

// chatRE is the shape of a chat_id: an integer, or "@" and a public
// username (5 to 32 letters, digits and underscores).
var chatRE = regexp.MustCompile(`^(-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$`)

// Validate reports every problem at once. No error contains the token.
func (c Config) Validate() error {
	return httpsink.CheckConfig(Type, c.Name, c.Timeout, checkToken(c.BotToken), checkChat(c.ChatID),
		checkThread(c.MessageThreadID), checkAPIURL(c.APIURL))
}

// checkToken is the rule of bot_token.
func checkToken(tok string) error {
	switch {
	case tok == "":
		return errors.New("bot_token is empty")
	case !tokenRE.MatchString(tok):
		return errors.New(`bot_token is not a bot token ("<bot id>:<secret>", as @BotFather gives it)`)
	}
	return nil
}

// checkChat is the rule of chat_id.
func checkChat(id string) error {
	switch {
	case id == "":
		return errors.New(`chat_id is empty (a chat's numeric id as a string, such as "-1001234567890", or a public channel's "@username")`)
	case !chatRE.MatchString(id):
		return fmt.Errorf(`chat_id %q is neither a numeric chat id nor a channel's "@username"`, id)
	}
	return nil
}

// checkThread is the rule of message_thread_id.
func checkThread(id int64) error {
	if id < 0 {
		return fmt.Errorf("message_thread_id %d is negative", id)
	}
	return nil
}

// checkAPIURL is the rule of api_url, which is optional: an http or https
// URL without query or fragment; the method's path is appended to it.
func checkAPIURL(raw string) error {
	if raw == "" {
		return nil
	}
	if err := httpsink.ValidateURL(raw); err != nil {
		return fmt.Errorf("api_url: %w", err)
	}
	if u, _ := url.Parse(raw); u.RawQuery != "" || u.User != nil {
		return errors.New("api_url must have no query and no user info")
	}
	return nil
}

// apiURL returns the configured API URL or DefaultAPIURL, without a
// trailing slash.
func (c Config) apiURL() string {
	if c.APIURL == "" {
		return DefaultAPIURL
	}
	return strings.TrimRight(c.APIURL, "/")
}

// methodURL is the URL of a Bot API method: the token is in its path.
func (c Config) methodURL(method string) string {
	return c.apiURL() + "/bot" + c.BotToken + "/" + method
}

// String describes c without the token.
func (c Config) String() string {
	tok := "<unset>"
	if c.BotToken != "" {
		tok = "<redacted>"
	}
	return fmt.Sprintf("telegram %q api_url=%s chat_id=%s message_thread_id=%d bot_token=%s timeout=%s",
		c.Name, httpsink.RedactURL(c.apiURL()), c.ChatID, c.MessageThreadID, tok, c.Timeout)
}

// GoString is String, so that %#v does not print the token either.
func (c Config) GoString() string { return c.String() }
