// Package checks turns observations into check results: one state per
// (check, target), ok, warning, critical or unknown. A check whose input
// could not be read is unknown: never a false ok, never a false alarm.
// Checks are named after the alert they feed (SPEC §4).
//
// Every alert is one Definition (catalog.go): its rule, its for, its
// relevance to /health and its evaluation function. Adding a check is one
// definition, one function, and one section in docs/runbooks.md.
package checks

import (
	"encoding/json"
	"fmt"
)

// State is the outcome of one check for one target.
type State int

// States, ordered so that a larger value is worse, except Unknown.
const (
	OK State = iota
	Warning
	Critical
	Unknown
)

// States lists every state in exposition order.
func States() []State { return []State{OK, Warning, Critical, Unknown} }

// String returns "ok", "warning", "critical" or "unknown".
func (s State) String() string {
	switch s {
	case OK:
		return "ok"
	case Warning:
		return "warning"
	case Critical:
		return "critical"
	case Unknown:
		return "unknown"
	}
	return fmt.Sprintf("state(%d)", int(s))
}

// MarshalJSON renders the state by name.
func (s State) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// Result is the outcome of one check for one target.
type Result struct {
	Check  string `json:"check"`
	Target string `json:"target"`
	State  State  `json:"state"`
	// Reason says why, in words a person on call understands.
	Reason string `json:"reason"`
	// Epoch changes when a still-failing check has news worth a new
	// notification (a further missed round, for example).
	Epoch string `json:"epoch,omitempty"`
	// Details are facts for the notification (round, balance, ...).
	Details map[string]string `json:"details,omitempty"`
}

func ok(check, target, reason string) Result {
	return Result{Check: check, Target: target, State: OK, Reason: reason}
}

func unknown(check, target, reason string) Result {
	return Result{Check: check, Target: target, State: Unknown, Reason: reason}
}

func failing(check, target string, s State, reason string, details map[string]string) Result {
	return Result{Check: check, Target: target, State: s, Reason: reason, Details: details}
}

// UnmarshalJSON reads a state by name.
func (s *State) UnmarshalJSON(b []byte) error {
	var name string
	if err := json.Unmarshal(b, &name); err != nil {
		return fmt.Errorf("check state: %w", err)
	}
	for _, st := range States() {
		if st.String() == name {
			*s = st
			return nil
		}
	}
	return fmt.Errorf("unknown check state %q", name)
}
