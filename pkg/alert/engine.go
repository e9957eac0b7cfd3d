package alert

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/statefile"
)

// ChainTarget is the target of alerts about the chain itself.
const ChainTarget = "chain"

// Input is the current condition of one alert identity, as the checks see
// it. The engine turns a stream of inputs into the pending -> firing ->
// resolved lifecycle.
type Input struct {
	Alert  string
	Target string
	// Active is true while the condition holds (check warning or critical).
	Active bool
	// Unknown is true when the input could not be read: the alert neither
	// fires nor resolves.
	Unknown  bool
	Severity Severity
	Reason   string
	// Epoch changes when a firing alert has news worth a new notification.
	Epoch   string
	Details map[string]string
	// For is how long the condition must hold before the alert fires.
	For time.Duration
}

// Enqueuer stores a notification durably for delivery to the named sinks.
type Enqueuer interface {
	Enqueue(ctx context.Context, n *Notification, sinks []string) error
}

// EngineOptions configures an Engine.
type EngineOptions struct {
	// Catalog has the rule of every alert (checks.Catalog).
	Catalog        Catalog
	StateDir       string
	Source         string
	RunbookBaseURL string
	Routes         []Route
	Repeat         Repeat
	Outbox         Enqueuer
	Silences       *Silences
	Clock          clock.Clock
	Logger         logrus.FieldLogger
	Registerer     prometheus.Registerer
}

// Engine runs the alert lifecycle, routing, silences and inhibition.
type Engine struct {
	mu      sync.Mutex
	opts    EngineOptions
	rules   Catalog
	state   persisted
	metrics *engineMetrics
	log     logrus.FieldLogger
}

// NewEngine loads the persisted alert state from opts.StateDir. A corrupt
// state file is moved aside and reported in the returned error while the
// engine still starts (empty), so that monitoring never stops for it. A
// state file in a newer format is refused (statefile.ErrNewer) and left as
// it is.
func NewEngine(opts EngineOptions) (*Engine, error) {
	if opts.Clock == nil {
		opts.Clock = clock.Real{}
	}
	if opts.Logger == nil {
		opts.Logger = logrus.New()
	}
	if opts.Outbox == nil || opts.Silences == nil || len(opts.Catalog) == 0 {
		return nil, errors.New("alert engine: a catalog, an outbox and silences are required")
	}
	e := &Engine{
		opts:    opts,
		rules:   opts.Catalog,
		state:   persisted{Version: stateVersion, Alerts: make(map[string]*record)},
		metrics: newEngineMetrics(opts.Registerer, opts.Catalog),
		log:     opts.Logger.WithField("component", "alert"),
	}
	var loadErr error
	if _, err := statefile.ReadVersioned(statePath(opts.StateDir), StateFormat(), &e.state, opts.Clock.Now()); err != nil {
		if errors.Is(err, statefile.ErrNewer) {
			return nil, fmt.Errorf("load alert state: %w", err) // never overwrite it
		}
		loadErr = fmt.Errorf("load alert state: %w", err)
		e.state = persisted{Version: stateVersion, Alerts: make(map[string]*record)}
	}
	if e.state.Alerts == nil {
		e.state.Alerts = make(map[string]*record)
	}
	e.updateMetrics()
	return e, loadErr
}

// SetRoutes replaces routes and repeat intervals after a reload.
func (e *Engine) SetRoutes(routes []Route, repeat Repeat, source, runbookBase string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.opts.Routes, e.opts.Repeat = routes, repeat
	e.opts.Source, e.opts.RunbookBaseURL = source, runbookBase
}

// Update applies the current inputs. Alert identities that had state but
// are absent from inputs are resolved (their target is no longer
// monitored). Notifications that could not be queued are retried on the
// next Update; the error reports them.
func (e *Engine) Update(ctx context.Context, inputs []Input) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.opts.Clock.Now()
	seen := make(map[string]Input, len(inputs))
	for _, in := range inputs {
		seen[Key(in.Alert, in.Target)] = in
	}
	changed := e.advance(now, seen)
	var errs []error
	keys := make([]string, 0, len(e.state.Alerts))
	for k := range e.state.Alerts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// Resolves first, so that a symptom whose cause just ended is judged
	// without it.
	for _, k := range keys {
		in, present := seen[k]
		if !present || (!in.Active && !in.Unknown) {
			why := "no longer monitored"
			if present {
				why = in.Reason
			}
			c, err := e.resolve(ctx, now, k, e.state.Alerts[k], why)
			changed = changed || c
			errs = append(errs, err)
		}
	}
	for _, k := range keys {
		rec, ok := e.state.Alerts[k]
		if !ok || rec.Phase != PhaseFiring || rec.Unknown || rec.Resolving {
			continue
		}
		c, err := e.notifyFiring(ctx, now, rec, seen[k].For)
		changed = changed || c
		errs = append(errs, err)
	}
	if changed {
		e.persist()
	}
	e.updateMetrics()
	return errors.Join(errs...)
}

// advance moves every identity through pending and firing.
func (e *Engine) advance(now time.Time, inputs map[string]Input) bool {
	changed := false
	for k, in := range inputs {
		rec := e.state.Alerts[k]
		switch {
		case in.Unknown:
			if rec != nil && !rec.Unknown {
				rec.Unknown, changed = true, true
			}
			continue
		case !in.Active:
			continue
		case rec == nil:
			rec = &record{Alert: in.Alert, Target: in.Target, Phase: PhasePending, PendingSince: now}
			e.state.Alerts[k] = rec
			changed = true
		}
		if rec.Unknown || rec.Resolving {
			rec.Unknown, rec.Resolving, changed = false, false, true
		}
		rec.Severity, rec.Reason, rec.Details, rec.Epoch = in.Severity, in.Reason, in.Details, in.Epoch
		if rec.Phase == PhasePending && now.Sub(rec.PendingSince) >= in.For {
			rec.Phase, rec.FiringSince, changed = PhaseFiring, now, true
			e.log.WithFields(logrus.Fields{"alert": rec.Alert, "target": rec.Target, "severity": rec.Severity.String(), "reason": rec.Reason}).Info("alert firing")
		}
	}
	return changed
}

// notifyFiring queues a firing notification when one is due. A symptom
// that was only ever held back by its cause, and whose cause has ended,
// goes back to pending for forDur instead: it is judged afresh.
func (e *Engine) notifyFiring(ctx context.Context, now time.Time, rec *record, forDur time.Duration) (bool, error) {
	rec.Cause = e.cause(rec.Alert, rec.Target)
	if rec.Cause == "" && forDur > 0 && rec.LastSent.IsZero() && strings.HasPrefix(rec.Suppressed, inhibitedBy) {
		e.log.WithFields(logrus.Fields{"alert": rec.Alert, "target": rec.Target, "was": rec.Suppressed}).Info("symptom outlived its cause: pending again")
		rec.Phase, rec.PendingSince, rec.FiringSince, rec.Suppressed = PhasePending, now, time.Time{}, ""
		return true, nil
	}
	why := needsUpdate(rec, rec.Severity, rec.Epoch, e.opts.Repeat.For(rec.Severity), now)
	if why == ReasonNone {
		return false, nil
	}
	if sup := e.suppressed(rec.Alert, rec.Target, now); sup != "" {
		changed := rec.Suppressed != sup
		rec.Suppressed = sup
		return changed, nil
	}
	n := e.build(now, rec, StatusFiring)
	n.Why = why
	var sinks []string
	for _, r := range e.opts.Routes {
		if r.accepts(n) {
			sinks = append(sinks, r.Name)
		}
	}
	if len(sinks) > 0 {
		if err := e.opts.Outbox.Enqueue(ctx, n, sinks); err != nil {
			e.metrics.enqueueErrors.Inc()
			return false, fmt.Errorf("queue %s for %s: %w", n.Alert, n.Target, err)
		}
	}
	e.log.WithFields(logrus.Fields{"alert": rec.Alert, "target": rec.Target, "severity": rec.Severity.String(),
		"why": string(why), "sinks": strings.Join(sinks, ","), "seq": n.Seq}).Info("notification queued")
	rec.LastSent, rec.SentSeverity, rec.SentEpoch, rec.SentSeq, rec.Suppressed = now, rec.Severity, rec.Epoch, n.Seq, ""
	rec.Dedup = n.Dedup
	rec.SentTo = union(rec.SentTo, sinks)
	return true, nil
}

// resolve ends an alert: pending ones vanish, firing ones send a resolve
// to every sink that got the trigger. why is what holds now (the check's
// reason), the resolve's description.
func (e *Engine) resolve(ctx context.Context, now time.Time, k string, rec *record, why string) (bool, error) {
	if rec.Phase == PhaseFiring && len(rec.SentTo) > 0 {
		n := e.build(now, rec, StatusResolved)
		n.Description, n.Cause = why, ""
		var sinks []string
		for _, r := range e.opts.Routes {
			if r.SendResolved && contains(rec.SentTo, r.Name) {
				sinks = append(sinks, r.Name)
			}
		}
		if len(sinks) > 0 {
			if err := e.opts.Outbox.Enqueue(ctx, n, sinks); err != nil {
				e.metrics.enqueueErrors.Inc()
				rec.Resolving = true
				return true, fmt.Errorf("queue resolve of %s for %s: %w", rec.Alert, rec.Target, err)
			}
		}
		e.log.WithFields(logrus.Fields{"alert": rec.Alert, "target": rec.Target, "sinks": strings.Join(sinks, ","), "seq": n.Seq}).Info("alert resolved")
	} else if rec.Phase == PhaseFiring {
		e.log.WithFields(logrus.Fields{"alert": rec.Alert, "target": rec.Target}).Info("alert resolved (never notified)")
	}
	delete(e.state.Alerts, k)
	return true, nil
}

// Emit routes and queues a one-off event (a remediation, the started
// notice, the digest). Silences apply; there is no lifecycle.
func (e *Engine) Emit(ctx context.Context, alert, target string, sev Severity, summary, description string, details map[string]string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.opts.Clock.Now()
	if sup := e.suppressed(alert, target, now); sup != "" {
		e.log.WithFields(logrus.Fields{"alert": alert, "target": target, "suppressed": sup}).Info("event suppressed")
		return nil
	}
	// Its time is its epoch: an event is never evaluated again, so its ID
	// stays unique even when the sequence number could not be saved.
	rec := &record{Alert: alert, Target: target, Severity: sev, Reason: description, Details: details, FiringSince: now,
		Epoch: now.UTC().Format(time.RFC3339Nano)}
	n := e.build(now, rec, StatusFiring)
	n.Why = ReasonNew
	if summary != "" {
		n.Summary = summary
	}
	var sinks []string
	for _, r := range e.opts.Routes {
		if r.accepts(n) {
			sinks = append(sinks, r.Name)
		}
	}
	e.persist() // the sequence number moved
	if len(sinks) == 0 {
		return nil
	}
	if err := e.opts.Outbox.Enqueue(ctx, n, sinks); err != nil {
		e.metrics.enqueueErrors.Inc()
		return fmt.Errorf("queue %s event: %w", alert, err)
	}
	return nil
}

// build makes the next notification of rec: it takes a new sequence number.
func (e *Engine) build(now time.Time, rec *record, st Status) *Notification {
	e.state.Seq++
	return e.notification(now, rec, st, e.state.Seq)
}

// notification makes the notification of rec with sequence number seq.
func (e *Engine) notification(now time.Time, rec *record, st Status, seq uint64) *Notification {
	rule := e.rules[rec.Alert]
	n := &Notification{
		ID: NotificationID(e.opts.Source, rec.Alert, rec.Target, st, seq, rec.Epoch), Alert: rec.Alert, Target: rec.Target, Severity: rec.Severity, Status: st,
		Summary: rule.Summary, Description: rec.Reason, Cause: rec.Cause, Details: copyMap(rec.Details),
		StartsAt: rec.FiringSince, CreatedAt: now, Seq: seq, Source: e.opts.Source,
		Labels: map[string]string{"alertname": rec.Alert, "target": rec.Target, "severity": rec.Severity.String(), "instance": e.opts.Source},
		Dedup:  e.dedupKey(rec),
	}
	if n.Summary == "" {
		n.Summary = rec.Alert
	}
	if st == StatusResolved {
		n.EndsAt = now
		n.Summary = rule.Resolved
		if n.Summary == "" {
			n.Summary = "resolved: " + rec.Alert
		}
	}
	if e.opts.RunbookBaseURL != "" {
		n.RunbookURL = strings.TrimRight(e.opts.RunbookBaseURL, "#") + "#" + RunbookAnchor(rec.Alert)
	}
	return n
}

// dedupKey is the dedup key of rec's notifications: the one its episode
// recorded; else, for an episode notified before keys were recorded (a
// state file of an older lpwatch), the instance's key its incident was
// opened with, so that its resolve closes that incident; else the
// instance's key for a Local alert and the shared key for the others.
func (e *Engine) dedupKey(rec *record) string {
	switch {
	case rec.Dedup != "":
		return rec.Dedup
	case !rec.LastSent.IsZero() || e.rules[rec.Alert].Local:
		return DedupKey(e.opts.Source, rec.Alert, rec.Target)
	}
	return SharedDedupKey(rec.Alert, rec.Target)
}

// cause names the first firing root cause of an alert.
func (e *Engine) cause(alert, target string) string {
	for _, c := range e.rules[alert].Causes {
		for _, t := range []string{target, ChainTarget} {
			if r := e.state.Alerts[Key(c, t)]; r != nil && r.Phase == PhaseFiring {
				return fmt.Sprintf("%s on %s: %s", c, t, r.Reason)
			}
		}
	}
	return ""
}

// inhibitedBy starts the suppression reason of a symptom held back by its cause.
const inhibitedBy = "inhibited by "

// suppressed says why notifications of (alert, target) are held back now:
// a silence, or inhibition of a pure symptom by its firing cause.
func (e *Engine) suppressed(alert, target string, now time.Time) string {
	if s, ok := e.opts.Silences.Match(alert, target, now); ok {
		return "silenced by " + s.ID
	}
	if e.rules[alert].Symptom {
		if c := e.cause(alert, target); c != "" {
			return inhibitedBy + strings.SplitN(c, ":", 2)[0]
		}
	}
	return ""
}

func (e *Engine) persist() {
	if err := statefile.WriteJSON(statePath(e.opts.StateDir), &e.state); err != nil {
		e.metrics.stateErrors.Inc()
		e.log.WithError(err).Error("cannot persist alert state; it is kept in memory")
	}
}

// Alerts returns every pending and firing alert, most severe first.
func (e *Engine) Alerts() []View {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]View, 0, len(e.state.Alerts))
	for _, r := range e.state.Alerts {
		out = append(out, r.view())
	}
	sortViews(out)
	return out
}

// Firing returns fresh notifications of the alerts firing towards sink,
// for sinks that re-post while firing (Alertmanager). A re-post repeats
// the last trigger queued: it has its sequence number and ID and takes no
// new number, which would never be saved (re-posts change no state) and
// would shift the numbers, so the IDs, of what a restart queues again.
func (e *Engine) Firing(sink string) []*Notification {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.opts.Clock.Now()
	var out []*Notification
	for _, r := range e.state.Alerts {
		if r.Phase == PhaseFiring && contains(r.SentTo, sink) {
			n := e.notification(now, r, StatusFiring, r.SentSeq)
			out = append(out, n)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key() < out[j].Key() })
	return out
}

func union(a, b []string) []string {
	out := append([]string(nil), a...)
	for _, s := range b {
		if !contains(out, s) {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func copyMap(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
