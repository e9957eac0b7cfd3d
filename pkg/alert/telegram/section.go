package telegram

import (
	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// Section is what a telegram sink adds to its [[alert.sink]] table.
// BotToken is a secret, read from bot_token_file by the loader.
type Section struct {
	BotToken        config.Secret `toml:"bot_token"`
	BotTokenFile    string        `toml:"bot_token_file"`
	ChatID          string        `toml:"chat_id"`
	MessageThreadID int64         `toml:"message_thread_id"`
	// APIURL overrides DefaultAPIURL (a local Bot API server).
	APIURL string `toml:"api_url"`
}

// Validate implements config.SinkSettings.
func (s *Section) Validate(r *config.SinkReport) {
	if s.BotToken == "" {
		r.NeedSecret("bot_token")
	} else {
		r.Bad("bot_token", checkToken(s.BotToken.Reveal()))
	}
	r.Bad("chat_id", checkChat(s.ChatID))
	r.Bad("message_thread_id", checkThread(s.MessageThreadID))
	if s.APIURL != "" && r.URL("api_url", s.APIURL) {
		r.Bad("api_url", checkAPIURL(s.APIURL))
	}
}

// MapURLs implements config.SinkSettings: api_url is shown by f; the
// token is a Secret and never shown.
func (s *Section) MapURLs(f func(string) string) config.SinkSettings {
	c := *s
	c.APIURL = f(c.APIURL)
	return &c
}

// Build makes the sink c describes, c.Settings being s.
func (s *Section) Build(c config.Sink, opts alert.SinkOptions) (alert.Sink, error) {
	return New(Config{Name: c.Name, BotToken: s.BotToken.Reveal(), ChatID: s.ChatID, MessageThreadID: s.MessageThreadID,
		APIURL: s.APIURL, Timeout: c.Timeout}, opts)
}
