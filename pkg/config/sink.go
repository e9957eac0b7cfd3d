package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"time"
)

// Sink is one notification destination: one [[alert.sink]] table. The
// keys every sink has are fields of Sink; the keys of its type (url,
// routing_key, ...) are decoded into Settings, a value of the sink
// package that owns them. The table stays flat in the file.
type Sink struct {
	Name          string        `toml:"name"`
	Type          string        `toml:"type"` // a name of the SinkTypes the file is loaded with
	MinSeverity   string        `toml:"min_severity"`
	Alerts        []string      `toml:"alerts"`         // only these alert names (empty: all)
	ExcludeAlerts []string      `toml:"exclude_alerts"` // never these alert names
	SendResolved  bool          `toml:"send_resolved"`
	Timeout       time.Duration `toml:"timeout"`

	// Settings holds the keys of the sink's type, decoded and validated by
	// its sink package. It is nil for an unknown type; a Sink built in code
	// may leave it nil to take the type's defaults.
	Settings SinkSettings `toml:"-" json:"-"`
}

// SinkSettings is the type-specific section of a sink, owned by its sink
// package: a pointer to a struct whose toml-tagged fields are the keys the
// type adds to the common ones (embedded structs without a tag add theirs
// too). A Secret field named by tag "k" is read from the file named by a
// string field tagged "k_file" when that one is set, and setting both is
// an error; secrets are resolved before Validate runs.
type SinkSettings interface {
	// Validate reports every problem of the section to r.
	Validate(r *SinkReport)
	// MapURLs returns a copy with f applied to every URL field that is not
	// a Secret, so that /status can show each by scheme and host only.
	MapURLs(f func(string) string) SinkSettings
}

// SinkTypes is the registry of sink types a configuration is decoded
// with (pkg/alert/sinks holds lpwatch's). pkg/config knows no sink type
// of its own.
type SinkTypes interface {
	// Names lists the known types, as the unknown-type message lists them.
	Names() []string
	// NewSettings returns a fresh section of the named type, filled with
	// its defaults, or false for an unknown type.
	NewSettings(kind string) (SinkSettings, bool)
}

// plainSink is Sink without its methods, for encoding its common fields.
type plainSink Sink

// MarshalJSON encodes the common fields and those of Settings as one flat
// object, as the table stands in the file. Secrets encode as "<secret>".
func (s Sink) MarshalJSON() ([]byte, error) {
	head, err := encodeJSON(plainSink(s))
	if err != nil || s.Settings == nil {
		return head, err
	}
	tail, err := encodeJSON(s.Settings)
	if err != nil {
		return nil, fmt.Errorf("sink %q: %w", s.Name, err)
	}
	if !bytes.HasPrefix(tail, []byte("{")) {
		return nil, fmt.Errorf("sink %q: settings of type %T do not encode as an object", s.Name, s.Settings)
	}
	if bytes.Equal(tail, []byte("{}")) {
		return head, nil
	}
	out := make([]byte, 0, len(head)+len(tail))
	out = append(out, head[:len(head)-1]...)
	out = append(out, ',')
	return append(out, tail[1:]...), nil
}

// encodeJSON encodes v without escaping HTML characters: the encoder that
// called MarshalJSON escapes them, or not, as it was told.
func encodeJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON decodes the common fields, and the others, which only the
// registry of sink types could decode into their section, as
// DecodedSettings (nil when there are none). `lpwatch status` reads
// /status so; encoding the result gives the same object back.
func (s *Sink) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, (*plainSink)(s)); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var rest DecodedSettings
	if err := dec.Decode(&rest); err != nil {
		return err
	}
	for _, f := range reflect.VisibleFields(reflect.TypeOf(plainSink{})) {
		delete(rest, f.Name)
	}
	s.Settings = nil
	if len(rest) > 0 {
		s.Settings = rest
	}
	return nil
}

// DecodedSettings is the type-specific fields of a Sink decoded from JSON
// without the registry, by field name (numbers as json.Number): a record
// of what was shown, secrets and URLs as redacted as they were encoded.
// It checks nothing and builds no sink.
type DecodedSettings map[string]any

// Validate implements SinkSettings: a decoded record has nothing to check.
func (DecodedSettings) Validate(*SinkReport) {}

// MapURLs implements SinkSettings: the record's URLs were mapped when it
// was encoded, and it is returned as it is.
func (d DecodedSettings) MapURLs(func(string) string) SinkSettings { return d }
