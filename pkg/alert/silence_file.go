package alert

import (
	"bytes"
	"encoding/json"

	"github.com/lpwatch/lpwatch/pkg/statefile"
)

// The silences file in the state directory and the format version written.
// Version 1 (lpwatch before state files were versioned) was a bare JSON
// array of silences; it is still read.
const (
	silencesFile    = "silences.json"
	silencesVersion = 2
)

// SilencesFormat is the silences file's format.
func SilencesFormat() statefile.Format {
	return statefile.Format{Name: silencesFile, Version: silencesVersion}
}

// silencesState is the content of the silences file.
type silencesState struct {
	Version  int       `json:"version"`
	Silences []Silence `json:"silences"`
}

// UnmarshalJSON reads both formats: a bare array (version 1) and the
// versioned object.
func (f *silencesState) UnmarshalJSON(b []byte) error {
	if t := bytes.TrimLeft(b, " \t\r\n"); len(t) > 0 && t[0] == '[' {
		f.Version = 1
		return json.Unmarshal(b, &f.Silences)
	}
	type plain silencesState
	return json.Unmarshal(b, (*plain)(f))
}

// save writes list as the silences file.
func (s *Silences) save(list []Silence) error {
	if list == nil {
		list = []Silence{}
	}
	return statefile.WriteJSON(s.path, silencesState{Version: silencesVersion, Silences: list})
}
