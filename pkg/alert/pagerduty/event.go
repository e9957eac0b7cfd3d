package pagerduty

import (
	"fmt"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
)

// maxSummary is PagerDuty's limit on payload.summary: "A brief text
// summary of the event ... The maximum permitted length of this property
// is 1024 characters."
// https://developer.pagerduty.com/docs/events-api-v2/trigger-events/
const maxSummary = 1024

// Event is an Events API v2 request body.
type Event struct {
	RoutingKey  string   `json:"routing_key"`
	EventAction string   `json:"event_action"`
	DedupKey    string   `json:"dedup_key"`
	Payload     *Payload `json:"payload,omitempty"`
	Links       []Link   `json:"links,omitempty"`
	Client      string   `json:"client"`
}

// Payload is the event's payload object.
type Payload struct {
	Summary       string        `json:"summary"`
	Source        string        `json:"source"`
	Severity      string        `json:"severity"`
	Timestamp     string        `json:"timestamp,omitempty"`
	Component     string        `json:"component,omitempty"`
	Group         string        `json:"group,omitempty"`
	Class         string        `json:"class,omitempty"`
	CustomDetails CustomDetails `json:"custom_details"`
}

// CustomDetails is what lpwatch puts in payload.custom_details.
type CustomDetails struct {
	Status      alert.Status      `json:"status"`
	Description string            `json:"description,omitempty"`
	Cause       string            `json:"cause,omitempty"`
	Details     map[string]string `json:"details,omitempty"`
	Labels      map[string]string `json:"labels,omitempty"`
	StartsAt    string            `json:"starts_at,omitempty"`
	EndsAt      string            `json:"ends_at,omitempty"`
	RunbookURL  string            `json:"runbook_url,omitempty"`
	Seq         uint64            `json:"seq"`
	Test        bool              `json:"test,omitempty"`
}

// Link is an entry of the event's links.
type Link struct {
	Href string `json:"href"`
	Text string `json:"text"`
}

// severity maps lpwatch severities onto PagerDuty's (critical, error,
// warning, info).
func severity(s alert.Severity) (string, error) {
	switch s {
	case alert.SeverityCritical:
		return "critical", nil
	case alert.SeverityWarning:
		return "warning", nil
	case alert.SeverityInfo:
		return "info", nil
	}
	return "", fmt.Errorf("severity %d has no pagerduty equivalent", int(s))
}

// NewEvent renders n: trigger while firing, resolve once resolved, both
// with the alert identity's dedup_key so PagerDuty resolves the incident
// the trigger opened.
func NewEvent(routingKey, group string, n *alert.Notification) (*Event, error) {
	sev, err := severity(n.Severity)
	if err != nil {
		return nil, err
	}
	action := "trigger"
	if n.Status == alert.StatusResolved {
		action = "resolve"
	}
	if g := n.Labels["group"]; g != "" {
		group = g
	}
	source := n.Source
	if source == "" {
		source = "lpwatch"
	}
	ev := &Event{
		RoutingKey:  routingKey,
		EventAction: action,
		DedupKey:    n.DedupKey(),
		Client:      "lpwatch",
		Payload: &Payload{
			Summary:   httpsink.Truncate(summary(n), maxSummary),
			Source:    source,
			Severity:  sev,
			Timestamp: timestamp(n.StartsAt),
			Component: n.Target,
			Group:     group,
			Class:     n.Alert,
			CustomDetails: CustomDetails{
				Status:      n.Status,
				Description: n.Description,
				Cause:       n.Cause,
				Details:     n.Details,
				Labels:      n.Labels,
				StartsAt:    timestamp(n.StartsAt),
				EndsAt:      timestamp(n.EndsAt),
				RunbookURL:  n.RunbookURL,
				Seq:         n.Seq,
				Test:        n.Test,
			},
		},
	}
	if n.RunbookURL != "" {
		ev.Links = []Link{{Href: n.RunbookURL, Text: "Runbook: " + n.Alert}}
	}
	return ev, nil
}

// summary is the incident title: "[TEST] Alert on target: summary (cause: X)".
func summary(n *alert.Notification) string {
	s := n.Alert
	if n.Target != "" {
		s += " on " + n.Target
	}
	if n.Summary != "" {
		s += ": " + n.Summary
	}
	if n.Cause != "" {
		s += " (cause: " + n.Cause + ")"
	}
	if n.Test {
		s = "[TEST] " + s
	}
	return s
}

func timestamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
