package httpsink

import "github.com/lpwatch/lpwatch/pkg/config"

// AuthSection is the optional authentication keys of an HTTP sink's
// config section (username, password, bearer_token and their *_file
// forms), for a sink package to embed in its own section.
type AuthSection struct {
	Username        string        `toml:"username"`
	Password        config.Secret `toml:"password"`
	PasswordFile    string        `toml:"password_file"`
	BearerToken     config.Secret `toml:"bearer_token"`
	BearerTokenFile string        `toml:"bearer_token_file"`
}

// Auth returns the credentials, secrets already read from their files.
func (a AuthSection) Auth() Auth {
	return Auth{Username: a.Username, Password: a.Password.Reveal(), BearerToken: a.BearerToken.Reveal()}
}

// Validate reports Auth's rules at the keys they are about.
func (a AuthSection) Validate(r *config.SinkReport) {
	auth := a.Auth()
	r.Bad("password", auth.checkBasic())
	r.Bad("bearer_token", auth.checkOne())
	r.Bad("bearer_token", auth.checkToken())
}

// EndpointSection is the keys of an HTTP sink that posts to a URL of the
// operator's choosing, with optional auth, for a sink package to embed in
// its own section.
type EndpointSection struct {
	URL string `toml:"url"`
	AuthSection
}

// Validate reports the rules of the URL and of the auth at their keys.
func (e EndpointSection) Validate(r *config.SinkReport) {
	CheckURL(r, "url", e.URL)
	e.AuthSection.Validate(r)
}

// CheckURL reports raw, the URL of key, by the rule of every URL in the
// config file and, when it passes that one, by ValidateURL's stricter one,
// so that a URL the sink would refuse is refused at load.
func CheckURL(r *config.SinkReport, key, raw string) {
	if r.URL(key, raw) {
		r.Bad(key, ValidateURL(raw))
	}
}

// WebhookSection is the keys of a sink that posts to one secret webhook
// URL (Slack, Discord): webhook_url, or webhook_url_file, for a sink
// package to embed in its own section.
type WebhookSection struct {
	WebhookURL     config.Secret `toml:"webhook_url"`
	WebhookURLFile string        `toml:"webhook_url_file"`
}

// Check reports that the URL is missing, or what check (the sink's rule
// of it, whose messages never show the URL) finds wrong with it.
func (w WebhookSection) Check(r *config.SinkReport, check func(string) error) {
	if w.WebhookURL == "" {
		r.NeedSecret("webhook_url")
		return
	}
	r.Bad("webhook_url", check(w.WebhookURL.Reveal()))
}
