package status

import (
	"time"

	"github.com/lpwatch/lpwatch/pkg/checks"
)

// HealthReport is the body of /health.
type HealthReport struct {
	Status string        `json:"status"` // "ok" or "fail"
	Checks []HealthCheck `json:"checks"`
}

// HealthCheck is one check in a HealthReport.
type HealthCheck struct {
	Check  string    `json:"check"`
	Target string    `json:"target"`
	State  string    `json:"state"`
	Reason string    `json:"reason"`
	Since  time.Time `json:"since"`
	// Health is true when this check decides the HTTP status.
	Health bool `json:"health_relevant"`
}

// Health computes the health report of results: "ok" when every
// health-relevant check is ok or warning, "fail" otherwise, and "fail"
// while none has been evaluated yet.
func Health(results []Check) HealthReport {
	rep := HealthReport{Status: "ok", Checks: []HealthCheck{}}
	relevant := 0
	for _, r := range results {
		h := checks.HealthRelevant(r.Check)
		rep.Checks = append(rep.Checks, healthCheck(r, h))
		if !h {
			continue
		}
		relevant++
		if r.State == checks.Critical || r.State == checks.Unknown {
			rep.Status = "fail"
		}
	}
	if relevant == 0 {
		rep.Status = "fail" // nothing evaluated yet
	}
	return rep
}

// healthCheck is r's entry in the health report; relevant says whether it
// decides the HTTP status.
func healthCheck(r Check, relevant bool) HealthCheck {
	return HealthCheck{Check: r.Check, Target: r.Target, State: r.State.String(), Reason: r.Reason, Since: r.Since, Health: relevant}
}
