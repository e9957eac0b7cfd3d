package webhook

import (
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// PayloadVersion is the version of the JSON schema in docs/webhook.md.
const PayloadVersion = "1"

// Payload is the JSON document the webhook sink POSTs, one per
// notification. Every field is always present; see docs/webhook.md.
type Payload struct {
	Version     string            `json:"version"`
	Status      alert.Status      `json:"status"`
	Alert       string            `json:"alert"`
	Target      string            `json:"target"`
	Severity    string            `json:"severity"`
	Summary     string            `json:"summary"`
	Description string            `json:"description"`
	Cause       string            `json:"cause"`
	Labels      map[string]string `json:"labels"`
	Details     map[string]string `json:"details"`
	StartsAt    time.Time         `json:"starts_at"`
	EndsAt      *time.Time        `json:"ends_at"`
	DedupKey    string            `json:"dedup_key"`
	Source      string            `json:"source"`
	RunbookURL  string            `json:"runbook_url"`
	Test        bool              `json:"test"`
	Seq         uint64            `json:"seq"`
	ID          string            `json:"id"`
}

// NewPayload renders n in the documented schema: times in UTC, ends_at
// null while firing, labels and details as objects (never null).
func NewPayload(n *alert.Notification) Payload {
	p := Payload{
		Version:     PayloadVersion,
		Status:      n.Status,
		Alert:       n.Alert,
		Target:      n.Target,
		Severity:    n.Severity.String(),
		Summary:     n.Summary,
		Description: n.Description,
		Cause:       n.Cause,
		Labels:      copyMap(n.Labels),
		Details:     copyMap(n.Details),
		StartsAt:    n.StartsAt.UTC(),
		DedupKey:    n.DedupKey(),
		Source:      n.Source,
		RunbookURL:  n.RunbookURL,
		Test:        n.Test,
		Seq:         n.Seq,
		ID:          n.ID,
	}
	if n.Status == alert.StatusResolved && !n.EndsAt.IsZero() {
		end := n.EndsAt.UTC()
		p.EndsAt = &end
	}
	return p
}

func copyMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
