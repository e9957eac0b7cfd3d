// Package alert holds the alert lifecycle (pending, firing, resolved), the
// routing of notifications to sinks, and the types every sink shares.
// Each sink lives in its own sub-package; the durable outbox lives in
// pkg/alert/outbox.
package alert

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Severity orders how urgent an alert is.
type Severity int

// Severities, from least to most urgent.
const (
	SeverityInfo Severity = iota + 1
	SeverityWarning
	SeverityCritical
)

// String returns the lower-case name used in config, labels and payloads.
func (s Severity) String() string {
	switch s {
	case SeverityInfo:
		return "info"
	case SeverityWarning:
		return "warning"
	case SeverityCritical:
		return "critical"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity parses "info", "warning" or "critical".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "info":
		return SeverityInfo, nil
	case "warning":
		return SeverityWarning, nil
	case "critical":
		return SeverityCritical, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want info, warning or critical)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Status says whether a notification announces a firing alert or its end.
type Status string

// Notification statuses.
const (
	StatusFiring   Status = "firing"
	StatusResolved Status = "resolved"
)

// Notification is one message about one alert, as stored in the outbox and
// handed to a sink. It is self-contained: a sink needs nothing else to
// render it.
type Notification struct {
	// ID identifies the event the notification announces (see
	// NotificationID): a re-send of the same event carries the same ID, so
	// that the outbox and receivers can recognise it. Used for logs too.
	ID string `json:"id"`
	// Alert is the alert name, e.g. "RewardNotCalled".
	Alert string `json:"alert"`
	// Target is what the alert is about: a node name, a chain endpoint, a unit.
	Target string `json:"target"`
	// Severity is the alert's current severity.
	Severity Severity `json:"severity"`
	// Status is firing or resolved.
	Status Status `json:"status"`
	// Summary is a one-line human description.
	Summary string `json:"summary"`
	// Description gives the details: values, thresholds, what was observed.
	Description string `json:"description,omitempty"`
	// Cause names a firing root-cause alert when this one is a symptom.
	Cause string `json:"cause,omitempty"`
	// Labels identify the alert (alertname, target, severity, instance, ...).
	Labels map[string]string `json:"labels,omitempty"`
	// Details are extra key/value facts (current round, balance, ...).
	Details map[string]string `json:"details,omitempty"`
	// RunbookURL links to the runbook section of this alert.
	RunbookURL string `json:"runbook_url,omitempty"`
	// StartsAt is when the alert started firing.
	StartsAt time.Time `json:"starts_at"`
	// EndsAt is when it resolved (zero while firing).
	EndsAt time.Time `json:"ends_at,omitempty"`
	// CreatedAt is when the notification was produced.
	CreatedAt time.Time `json:"created_at"`
	// Seq increases with every notification of one alert identity, so a
	// resolve always sorts after its trigger.
	Seq uint64 `json:"seq"`
	// Source names the lpwatch instance (host name by default).
	Source string `json:"source"`
	// Test marks a notification sent by `lpwatch test-alert`.
	Test bool `json:"test,omitempty"`
	// Why says what made the engine send a firing notification: "new" for
	// the first of its firing episode (and for a one-off event), else
	// "severity", "epoch" or "repeat". It is empty for a resolve and for
	// a notification made outside the engine. Sinks that thread messages
	// (email) start a thread with the first and reply to it with the rest.
	Why Reason `json:"why,omitempty"`
	// Dedup is the key of the alert's incident at sinks that deduplicate
	// (DedupKey), chosen by the engine; empty in notifications made
	// outside it and in those stored before it was recorded.
	Dedup string `json:"dedup_key,omitempty"`
}

// Key is the alert's identity: name and target.
func (n *Notification) Key() string { return Key(n.Alert, n.Target) }

// DedupKey is the stable identifier of the alert's incident for sinks
// that deduplicate, such as PagerDuty's dedup_key: the one the engine
// chose (SharedDedupKey, or DedupKey for a Local alert), else that of
// (source, alert, target).
func (n *Notification) DedupKey() string {
	if n.Dedup != "" {
		return n.Dedup
	}
	return DedupKey(n.Source, n.Alert, n.Target)
}

// Key returns the identity of an alert from its name and target.
func Key(alert, target string) string { return alert + "/" + target }

// DedupKey returns a stable hash of (source, alert, target), at most 64
// hex characters: the key of an alert about one instance itself (a Local
// rule), and of every alert before keys were shared across instances.
func DedupKey(source, alert, target string) string {
	h := sha256.Sum256([]byte("lpwatch\x00" + source + "\x00" + alert + "\x00" + target))
	return "lpwatch-" + hex.EncodeToString(h[:16])
}

// SharedDedupKey returns a stable hash of (alert, target) alone: the key
// of an alert about a watched orchestrator or peer, the same from every
// lpwatch instance that watches it, so that PagerDuty opens one incident
// for both instances' notifications. It never equals a DedupKey.
func SharedDedupKey(alert, target string) string {
	h := sha256.Sum256([]byte("lpwatch-shared\x00" + alert + "\x00" + target))
	return "lpwatch-" + hex.EncodeToString(h[:16])
}

// NotificationID derives a notification's ID from what identifies the
// event it announces: source, alert identity, status, the engine's
// sequence number and the alert's epoch. Delivery is at least once: when
// lpwatch is killed after queueing a notification but before saving its
// alert state, the restarted engine evaluates again, takes the same
// sequence number for the same event and so builds the same ID; the
// outbox then keeps the copy it already holds, and a receiver that got
// the first can tell the second is a re-send. The alert's start
// (firing_since) is left out on purpose: a first trigger lost that way is
// rebuilt with the time of the new evaluation. A one-off event, never
// evaluated again, passes its own time as the epoch.
func NotificationID(source, alert, target string, status Status, seq uint64, epoch string) string {
	h := sha256.Sum256([]byte(strings.Join([]string{"lpwatch-notification", source, alert, target, string(status),
		strconv.FormatUint(seq, 10), epoch}, "\x00")))
	return hex.EncodeToString(h[:16])
}
