package alertmanager

import (
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// PostableAlert is one element of the POST /api/v2/alerts body.
// https://github.com/prometheus/alertmanager/blob/main/api/v2/openapi.yaml
type PostableAlert struct {
	Labels       map[string]string `json:"labels"`
	Annotations  map[string]string `json:"annotations"`
	StartsAt     time.Time         `json:"startsAt,omitzero"`
	EndsAt       time.Time         `json:"endsAt"`
	GeneratorURL string            `json:"generatorURL,omitempty"`
}

// NewAlert renders n. A firing alert ends at now + validFor, so that
// Alertmanager resolves it by itself if lpwatch stops re-posting (as
// Prometheus does with 4x its resend delay); a resolved alert ends at
// n.EndsAt (or now when unset).
//
// Labels: n.Labels, then alertname, target, severity and instance (the
// lpwatch source), which always win; lpwatch_test="true" marks a test.
// Label names outside [a-zA-Z_][a-zA-Z0-9_]* are sanitized (other
// characters become "_"), and empty values are left out, as Alertmanager
// treats an empty label as absent. Annotations: summary, description,
// cause, runbook_url, then n.Details under sanitized names that do not
// replace those four.
func NewAlert(n *alert.Notification, now time.Time, validFor time.Duration, generatorURL string) PostableAlert {
	labels := map[string]string{}
	for k, v := range n.Labels {
		setNonEmpty(labels, sanitize(k), v)
	}
	setNonEmpty(labels, "alertname", n.Alert)
	setNonEmpty(labels, "target", n.Target)
	setNonEmpty(labels, "severity", n.Severity.String())
	setNonEmpty(labels, "instance", n.Source)
	if n.Test {
		labels["lpwatch_test"] = "true"
	}
	ann := map[string]string{}
	for k, v := range n.Details {
		setNonEmpty(ann, sanitize(k), v)
	}
	setNonEmpty(ann, "summary", n.Summary)
	setNonEmpty(ann, "description", n.Description)
	setNonEmpty(ann, "cause", n.Cause)
	setNonEmpty(ann, "runbook_url", n.RunbookURL)

	a := PostableAlert{Labels: labels, Annotations: ann, GeneratorURL: generatorURL}
	if !n.StartsAt.IsZero() {
		a.StartsAt = n.StartsAt.UTC()
	}
	switch {
	case n.Status == alert.StatusFiring:
		a.EndsAt = now.Add(validFor).UTC()
	case !n.EndsAt.IsZero():
		a.EndsAt = n.EndsAt.UTC()
	default:
		a.EndsAt = now.UTC()
	}
	return a
}

func setNonEmpty(m map[string]string, k, v string) {
	if v == "" {
		delete(m, k)
		return
	}
	m[k] = v
}

// sanitize maps a name onto Prometheus' label name syntax.
func sanitize(name string) string {
	if name == "" {
		return "_"
	}
	var b strings.Builder
	for i, r := range name {
		ok := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9')
		if !ok {
			r = '_'
		}
		b.WriteRune(r)
	}
	return b.String()
}
