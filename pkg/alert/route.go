package alert

import "time"

// Route is what the engine needs to know about one sink to decide whether a
// notification goes there.
type Route struct {
	Name         string
	Type         string
	MinSeverity  Severity
	Alerts       []string // only these (empty: all)
	Exclude      []string // never these
	SendResolved bool
	// Heartbeat marks a sink that takes the always-firing LpwatchHeartbeat
	// alert, whatever its min_severity; no other sink ever takes it.
	Heartbeat bool
}

// accepts reports whether the route takes a firing notification.
func (r Route) accepts(n *Notification) bool {
	if n.Alert == LpwatchHeartbeat {
		return r.Heartbeat && !contains(r.Exclude, n.Alert)
	}
	if n.Severity < r.MinSeverity {
		return false
	}
	// A sink that fails is reported through the other sinks only.
	if n.Alert == NotificationDeliveryFailing && n.Target == r.Name {
		return false
	}
	for _, a := range r.Exclude {
		if a == n.Alert {
			return false
		}
	}
	if len(r.Alerts) == 0 {
		return true
	}
	for _, a := range r.Alerts {
		if a == n.Alert {
			return true
		}
	}
	return false
}

// Repeat holds the repeat interval per severity.
type Repeat struct {
	Default  time.Duration
	Critical time.Duration
	Warning  time.Duration
	Info     time.Duration
}

// For returns the repeat interval of a severity.
func (r Repeat) For(s Severity) time.Duration {
	var d time.Duration
	switch s {
	case SeverityCritical:
		d = r.Critical
	case SeverityWarning:
		d = r.Warning
	case SeverityInfo:
		d = r.Info
	}
	if d <= 0 {
		d = r.Default
	}
	return d
}

// Reason says why a firing alert is notified now.
type Reason string

// Reasons a firing alert is notified.
const (
	ReasonNone     Reason = ""
	ReasonNew      Reason = "new"
	ReasonSeverity Reason = "severity"
	ReasonEpoch    Reason = "epoch"
	ReasonRepeat   Reason = "repeat"
)

// needsUpdate decides whether a firing alert must be notified now: first
// notification, changed severity, new epoch, or repeat interval elapsed.
func needsUpdate(rec *record, sev Severity, epoch string, repeat time.Duration, now time.Time) Reason {
	switch {
	case rec.LastSent.IsZero():
		return ReasonNew
	case sev != rec.SentSeverity:
		return ReasonSeverity
	case epoch != rec.SentEpoch:
		return ReasonEpoch
	case repeat > 0 && now.Sub(rec.LastSent) >= repeat:
		return ReasonRepeat
	}
	return ReasonNone
}
