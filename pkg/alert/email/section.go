package email

import (
	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// Section is what an email sink adds to its [[alert.sink]] table.
// Password is a secret, read from password_file by the loader.
type Section struct {
	Host         string        `toml:"host"`
	Port         int           `toml:"port"`
	TLS          string        `toml:"tls"`
	Username     string        `toml:"username"`
	Password     config.Secret `toml:"password"`
	PasswordFile string        `toml:"password_file"`
	From         string        `toml:"from"`
	To           []string      `toml:"to"`
	CAFile       string        `toml:"ca_file"`
}

// Validate implements config.SinkSettings.
func (s *Section) Validate(r *config.SinkReport) {
	r.Bad("host", checkHost(s.Host))
	r.Bad("port", checkPort(s.Port))
	r.Bad("tls", checkTLS(TLSMode(s.TLS), s.Host, s.CAFile))
	r.Bad("username", checkAuth(s.Username, s.Password != ""))
	_, err := parseFrom(s.From)
	r.Bad("from", err)
	_, err = parseTo(s.To)
	r.Bad("to", err)
	_, err = loadCA(s.CAFile)
	r.Bad("ca_file", err)
}

// MapURLs implements config.SinkSettings: the section has no URL.
func (s *Section) MapURLs(func(string) string) config.SinkSettings {
	c := *s
	c.To = append([]string(nil), s.To...)
	return &c
}

// Build makes the sink c describes, c.Settings being s.
func (s *Section) Build(c config.Sink, opts alert.SinkOptions) (alert.Sink, error) {
	return New(Config{
		Name: c.Name, Host: s.Host, Port: s.Port, TLS: TLSMode(s.TLS),
		Username: s.Username, Password: s.Password.Reveal(),
		From: s.From, To: s.To, CAFile: s.CAFile, Timeout: c.Timeout,
	}, opts)
}
