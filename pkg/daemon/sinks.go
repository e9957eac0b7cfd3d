package daemon

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alertmanager"
	"github.com/lpwatch/lpwatch/pkg/alert/logsink"
	"github.com/lpwatch/lpwatch/pkg/alert/pagerduty"
	"github.com/lpwatch/lpwatch/pkg/alert/slack"
	"github.com/lpwatch/lpwatch/pkg/alert/webhook"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// BuildSinks returns the function that builds every configured sink,
// reporting all bad ones at once.
func BuildSinks(log logrus.FieldLogger, client *http.Client, c clock.Clock) func(cfg *config.Config) (map[string]alert.Sink, error) {
	opts := webhook.Options{HTTPClient: client, Logger: log, Clock: c}
	return func(cfg *config.Config) (map[string]alert.Sink, error) {
		out := make(map[string]alert.Sink, len(cfg.Alert.Sinks))
		var errs []error
		for _, s := range cfg.Alert.Sinks {
			sink, err := buildSink(s, cfg, opts, log)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			out[s.Name] = sink
		}
		return out, errors.Join(errs...)
	}
}

func buildSink(s config.Sink, cfg *config.Config, opts webhook.Options, log logrus.FieldLogger) (alert.Sink, error) {
	auth := webhook.Auth{Username: s.Username, Password: s.Password.Reveal(), BearerToken: s.BearerToken.Reveal()}
	switch s.Type {
	case "pagerduty":
		return pagerduty.New(pagerduty.Config{Name: s.Name, RoutingKey: s.RoutingKey.Reveal(), URL: s.URL, Timeout: s.Timeout, Group: "livepeer"}, opts)
	case "slack":
		return slack.New(slack.Config{Name: s.Name, WebhookURL: s.WebhookURL.Reveal(), Timeout: s.Timeout}, opts)
	case "webhook":
		return webhook.New(webhook.Config{Name: s.Name, URL: s.URL, Timeout: s.Timeout, Auth: auth}, opts)
	case "alertmanager":
		return alertmanager.New(alertmanager.Config{Name: s.Name, URL: s.URL, Timeout: s.Timeout,
			ResendInterval: s.ResendInterval, GeneratorURL: cfg.Server.ExternalURL, Auth: auth}, opts)
	case "log":
		return logsink.New(logsink.Config{Name: s.Name}, logsink.Options{Logger: log})
	}
	return nil, fmt.Errorf("sink %q: unknown type %q", s.Name, s.Type)
}

// routes returns the engine's view of the configured sinks.
func routes(cfg *config.Config) []alert.Route {
	out := make([]alert.Route, 0, len(cfg.Alert.Sinks))
	for _, s := range cfg.Alert.Sinks {
		sev, _ := alert.ParseSeverity(s.MinSeverity) // validated by config
		out = append(out, alert.Route{Name: s.Name, Type: s.Type, MinSeverity: sev,
			Alerts: s.Alerts, Exclude: s.ExcludeAlerts, SendResolved: s.SendResolved})
	}
	return out
}

// repeat returns the repeat intervals of a configuration.
func repeat(cfg *config.Config) alert.Repeat {
	a := cfg.Alert
	return alert.Repeat{Default: a.RepeatInterval, Critical: a.RepeatIntervalCritical, Warning: a.RepeatIntervalWarning, Info: a.RepeatIntervalInfo}
}
