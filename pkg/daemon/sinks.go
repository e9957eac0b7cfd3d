package daemon

import (
	"net/http"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alertmanager"
	"github.com/lpwatch/lpwatch/pkg/alert/sinks"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// BuildSinks returns the function that builds every configured sink
// with the registry of sink types, reporting all bad ones at once.
func BuildSinks(log logrus.FieldLogger, client *http.Client, c clock.Clock) func(cfg *config.Config) (map[string]alert.Sink, error) {
	opts := alert.SinkOptions{HTTPClient: client, Logger: log, Clock: c}
	return func(cfg *config.Config) (map[string]alert.Sink, error) {
		return sinks.Default().Build(cfg, opts)
	}
}

// loadConfig reads the file at path with the registry of sink types and
// the catalog of alerts.
func loadConfig(path string) (*config.Config, error) {
	return config.Load(path, sinks.Default(), checks.Catalog())
}

// routes returns the engine's view of the configured sinks.
func routes(cfg *config.Config) []alert.Route {
	out := make([]alert.Route, 0, len(cfg.Alert.Sinks))
	for _, s := range cfg.Alert.Sinks {
		sev, _ := alert.ParseSeverity(s.MinSeverity) // validated by config
		out = append(out, alert.Route{Name: s.Name, Type: s.Type, MinSeverity: sev,
			Alerts: s.Alerts, Exclude: s.ExcludeAlerts, SendResolved: s.SendResolved,
			Heartbeat: cfg.Alert.Heartbeat.Alertmanager && s.Type == alertmanager.Type})
	}
	return out
}

// repeat returns the repeat intervals of a configuration.
func repeat(cfg *config.Config) alert.Repeat {
	a := cfg.Alert
	return alert.Repeat{Default: a.RepeatInterval, Critical: a.RepeatIntervalCritical, Warning: a.RepeatIntervalWarning, Info: a.RepeatIntervalInfo}
}
