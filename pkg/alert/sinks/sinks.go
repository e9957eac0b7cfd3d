// Package sinks is the registry of sink types: the one place that knows
// every sink package. Each [[alert.sink]] table is decoded by the section
// type of the sink package its `type` names, and built into an alert.Sink
// by that section; a new sink is a package of its own and one line of
// Default.
//
// The dependencies run one way: sink packages import pkg/config (for
// config.Secret and config.SinkReport) and pkg/alert; this package
// imports them all; pkg/config imports no sink and takes the registry as
// a parameter of config.Load (Registry implements config.SinkTypes); the
// daemon and the command line pass Default to config.Load and build with
// it.
package sinks

import (
	"errors"
	"fmt"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alertmanager"
	"github.com/lpwatch/lpwatch/pkg/alert/discord"
	"github.com/lpwatch/lpwatch/pkg/alert/email"
	"github.com/lpwatch/lpwatch/pkg/alert/logsink"
	"github.com/lpwatch/lpwatch/pkg/alert/pagerduty"
	"github.com/lpwatch/lpwatch/pkg/alert/slack"
	"github.com/lpwatch/lpwatch/pkg/alert/telegram"
	"github.com/lpwatch/lpwatch/pkg/alert/webhook"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// Settings is what a sink package's section type implements: the
// config.SinkSettings the loader decodes and validates, and Build.
type Settings interface {
	config.SinkSettings
	// Build makes the sink s describes, s.Settings being the receiver.
	Build(s config.Sink, opts alert.SinkOptions) (alert.Sink, error)
}

// Kind is one sink type of the registry.
type Kind struct {
	// Name is the value of the table's type key.
	Name string
	// New returns a fresh section with the type's defaults.
	New func() Settings
}

// Default returns the registry of every sink type lpwatch has, in the
// order the unknown-type message lists them.
func Default() *Registry {
	return New(
		Kind{pagerduty.Type, func() Settings { return &pagerduty.Section{} }},
		Kind{slack.Type, func() Settings { return &slack.Section{} }},
		Kind{webhook.Type, func() Settings { return &webhook.Section{} }},
		Kind{alertmanager.Type, func() Settings { return alertmanager.NewSection() }},
		Kind{logsink.Type, func() Settings { return &logsink.Section{} }},
		Kind{email.Type, func() Settings { return &email.Section{} }},
		Kind{telegram.Type, func() Settings { return &telegram.Section{} }},
		Kind{discord.Type, func() Settings { return &discord.Section{} }},
	)
}

// Registry is a set of sink types. It implements config.SinkTypes.
type Registry struct {
	kinds []Kind
}

// New returns a registry of kinds.
func New(kinds ...Kind) *Registry {
	return &Registry{kinds: append([]Kind(nil), kinds...)}
}

var _ config.SinkTypes = (*Registry)(nil)

// Names implements config.SinkTypes.
func (r *Registry) Names() []string {
	out := make([]string, len(r.kinds))
	for i, k := range r.kinds {
		out[i] = k.Name
	}
	return out
}

// NewSettings implements config.SinkTypes.
func (r *Registry) NewSettings(kind string) (config.SinkSettings, bool) {
	k, ok := r.kind(kind)
	if !ok {
		return nil, false
	}
	return k.New(), true
}

func (r *Registry) kind(name string) (Kind, bool) {
	for _, k := range r.kinds {
		if k.Name == name {
			return k, true
		}
	}
	return Kind{}, false
}

// Build builds every sink of cfg, reporting all bad ones at once. opts
// carries the dependencies; its ExternalURL is set from cfg. A sink built
// in code without Settings takes its type's defaults.
func (r *Registry) Build(cfg *config.Config, opts alert.SinkOptions) (map[string]alert.Sink, error) {
	opts.ExternalURL = cfg.Server.ExternalURL
	out := make(map[string]alert.Sink, len(cfg.Alert.Sinks))
	var errs []error
	for _, s := range cfg.Alert.Sinks {
		sink, err := r.build(s, opts)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out[s.Name] = sink
	}
	return out, errors.Join(errs...)
}

func (r *Registry) build(s config.Sink, opts alert.SinkOptions) (alert.Sink, error) {
	k, ok := r.kind(s.Type)
	if !ok {
		return nil, fmt.Errorf("sink %q: unknown type %q", s.Name, s.Type)
	}
	if s.Settings == nil {
		s.Settings = k.New()
	}
	st, ok := s.Settings.(Settings)
	if !ok {
		return nil, fmt.Errorf("sink %q: settings of type %T cannot build a %s sink", s.Name, s.Settings, s.Type)
	}
	return st.Build(s, opts)
}
