package config

import "time"

// SinkReport receives the problems a sink package finds in its section of
// one [[alert.sink]] table. Each problem stands at its key's line and
// column when the key is in the file, else at the table's header.
type SinkReport struct {
	v    *validator
	path string // "alert.sink[0]"
	kind string
}

// Bad reports err as a problem of key; a nil err is none, and each error
// of a joined one is reported on its own. The text of err names the key
// it is about and never contains a secret.
func (r *SinkReport) Bad(key string, err error) {
	if err == nil {
		return
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			r.Bad(key, e)
		}
		return
	}
	pos, ok := r.v.pos[r.path+"."+key]
	if !ok {
		pos = r.v.pos[r.path]
	}
	r.v.problems.add(&pos, r.path, err.Error())
}

// NeedSecret reports a required secret given neither as key nor as
// key_file.
func (r *SinkReport) NeedSecret(key string) {
	r.v.bad(r.path, "a %s sink needs %s or %s_file", r.kind, key, key)
}

// URL reports raw, the value of key, unless it is an http or https URL
// by the rule every URL of the file follows (its messages show no more of
// raw than its scheme and host). It says whether raw passed.
func (r *SinkReport) URL(key, raw string) bool {
	return r.v.httpURL(r.path+"."+key, raw)
}

// Positive reports a duration of key that is not above zero.
func (r *SinkReport) Positive(key string, d time.Duration) {
	r.v.positive(r.path+"."+key, d)
}
