package alerttest

import (
	"context"
	"fmt"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
)

// T0 is the fixed start time of fixtures.
func T0() time.Time { return time.Date(2026, 3, 14, 15, 9, 26, 0, time.UTC) }

// Notification returns a fully populated notification of alertName on
// target, with the texts the engine writes: firing at T0 (the catalog's
// summary, a cause), or resolved an hour later (the catalog's resolve
// text, what the check sees now, no cause).
func Notification(alertName, target string, status alert.Status, seq uint64) *alert.Notification {
	rule := checks.Catalog()[alertName]
	n := &alert.Notification{
		ID:          fmt.Sprintf("%s-%s-%d", alertName, target, seq),
		Alert:       alertName,
		Target:      target,
		Severity:    alert.SeverityCritical,
		Status:      status,
		Summary:     rule.Summary,
		Description: "lastRewardRound 3999 < currentRound 4000, 26% of the round left",
		Cause:       "EthNodeHeadStale",
		Labels:      map[string]string{"alertname": alertName, "target": target, "severity": "critical"},
		Details:     map[string]string{"current_round": "4000", "last_reward_round": "3999"},
		RunbookURL:  "https://lpwatch.example/runbook#" + alertName,
		StartsAt:    T0(),
		CreatedAt:   T0(),
		Seq:         seq,
		Source:      "orch-1",
	}
	if n.Summary == "" {
		n.Summary = alertName
	}
	if status == alert.StatusResolved {
		n.EndsAt = T0().Add(time.Hour)
		n.CreatedAt = n.EndsAt
		n.Summary, n.Description, n.Cause = rule.Resolved, "reward called for round 4000", ""
		if n.Summary == "" {
			n.Summary = "resolved: " + alertName
		}
	}
	return n
}

// SinkFunc adapts a function to alert.Sink.
type SinkFunc struct {
	SinkName string
	SinkType string
	Fn       func(ctx context.Context, n *alert.Notification) error
}

// Name implements alert.Sink.
func (s SinkFunc) Name() string { return s.SinkName }

// Type implements alert.Sink.
func (s SinkFunc) Type() string { return s.SinkType }

// Notify implements alert.Sink.
func (s SinkFunc) Notify(ctx context.Context, n *alert.Notification) error { return s.Fn(ctx, n) }
