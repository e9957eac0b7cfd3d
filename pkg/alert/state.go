package alert

import (
	"path/filepath"
	"sort"
	"time"

	"github.com/lpwatch/lpwatch/pkg/statefile"
)

// Phase is where an alert is in its lifecycle.
type Phase string

// Lifecycle phases. Resolved alerts are removed once their resolve is queued.
const (
	PhasePending Phase = "pending"
	PhaseFiring  Phase = "firing"
)

// record is the persisted lifecycle state of one alert identity.
type record struct {
	Alert        string            `json:"alert"`
	Target       string            `json:"target"`
	Phase        Phase             `json:"phase"`
	Severity     Severity          `json:"severity"`
	Reason       string            `json:"reason"`
	Epoch        string            `json:"epoch,omitempty"`
	Details      map[string]string `json:"details,omitempty"`
	PendingSince time.Time         `json:"pending_since"`
	FiringSince  time.Time         `json:"firing_since,omitempty"`
	// LastSent is when a notification of this alert was last queued (zero:
	// never, e.g. while silenced or inhibited).
	LastSent     time.Time `json:"last_sent,omitempty"`
	SentSeverity Severity  `json:"sent_severity,omitempty"`
	SentEpoch    string    `json:"sent_epoch,omitempty"`
	// SentSeq is the sequence number of that notification; re-posts
	// (Engine.Firing) repeat it (0 when queued before it was recorded).
	SentSeq uint64 `json:"sent_seq,omitempty"`
	// SentTo lists the sinks that received a trigger: they get the resolve.
	SentTo []string `json:"sent_to,omitempty"`
	// Suppressed says why the last due notification was held back.
	Suppressed string `json:"suppressed,omitempty"`
	// Cause names the firing root cause, when there is one.
	Cause string `json:"cause,omitempty"`
	// Resolving is set when the condition cleared but the resolve could not
	// be queued yet; it is retried on the next update.
	Resolving bool `json:"resolving,omitempty"`
	// Unknown is set while the alert's input cannot be read.
	Unknown bool `json:"unknown,omitempty"`
	// Dedup is the dedup key of the episode's notifications, recorded with
	// its first one (Engine.dedupKey).
	Dedup string `json:"dedup_key,omitempty"`
}

// persisted is the alert state file.
type persisted struct {
	Version int                `json:"version"`
	Seq     uint64             `json:"seq"`
	Alerts  map[string]*record `json:"alerts"`
}

// The alert state file and the format version written.
const (
	stateFile    = "alerts.json"
	stateVersion = 1
)

// StateFormat is the alert state file's format.
func StateFormat() statefile.Format { return statefile.Format{Name: stateFile, Version: stateVersion} }

func statePath(dir string) string { return filepath.Join(dir, stateFile) }

// View is a read-only view of one alert, for /status, /health and the
// status page.
type View struct {
	Alert        string            `json:"alert"`
	Target       string            `json:"target"`
	Phase        Phase             `json:"phase"`
	Severity     Severity          `json:"severity"`
	Reason       string            `json:"reason"`
	Cause        string            `json:"cause,omitempty"`
	Details      map[string]string `json:"details,omitempty"`
	PendingSince time.Time         `json:"pending_since"`
	FiringSince  time.Time         `json:"firing_since,omitempty"`
	LastSent     time.Time         `json:"last_sent,omitempty"`
	SentTo       []string          `json:"sent_to,omitempty"`
	Suppressed   string            `json:"suppressed,omitempty"`
	Unknown      bool              `json:"unknown,omitempty"`
}

func (r *record) view() View {
	return View{
		Alert: r.Alert, Target: r.Target, Phase: r.Phase, Severity: r.Severity, Reason: r.Reason,
		Cause: r.Cause, Details: r.Details, PendingSince: r.PendingSince, FiringSince: r.FiringSince,
		LastSent: r.LastSent, SentTo: append([]string(nil), r.SentTo...), Suppressed: r.Suppressed, Unknown: r.Unknown,
	}
}

func sortViews(s []View) {
	sort.Slice(s, func(i, j int) bool {
		if s[i].Severity != s[j].Severity {
			return s[i].Severity > s[j].Severity
		}
		if s[i].Alert != s[j].Alert {
			return s[i].Alert < s[j].Alert
		}
		return s[i].Target < s[j].Target
	})
}
