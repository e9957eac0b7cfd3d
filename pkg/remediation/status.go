package remediation

import (
	"fmt"
	"sort"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// ladderKey keys the ladder's activity.
const ladderKey = "ladder"

// Activity is something the controller is doing.
type Activity struct {
	What  string    `json:"what"`
	Since time.Time `json:"since"`
}

// Status is the controller's state, for /status and the demo.
type Status struct {
	// Activity says what is going on: the ladder ("ladder") and reward
	// calls ("reward:<node>"); empty when idle.
	Activity map[string]Activity `json:"activity,omitempty"`
	// NextScheduledRestart is zero when no daily restart is configured.
	NextScheduledRestart time.Time              `json:"next_scheduled_restart,omitempty"`
	Restarts             []Entry                `json:"restarts"`
	Rewards              map[string]RewardEntry `json:"rewards"`
	Exhausted            map[string]Episode     `json:"exhausted"`
	RewardFailed         map[string]Episode     `json:"reward_failed"`
	// RewardUnavailable is, per node, why auto_reward cannot ask it: its
	// POST /reward is not registered.
	RewardUnavailable map[string]Episode `json:"reward_unavailable,omitempty"`
	// RewardHeld says, per node whose RewardNotCalled is critical, why
	// auto_reward does not ask it to call reward (the identity check, the
	// chain, gas, ...); absent while nothing is held back.
	RewardHeld map[string]string `json:"reward_held,omitempty"`
	// HoldSince is set when a damaged ledger was replaced.
	HoldSince time.Time `json:"hold_since,omitempty"`
	// Fed is the sequence number of the newest evaluation acted on since
	// lpwatch started (feeds that arrive while one is handled are merged).
	Fed uint64 `json:"fed"`
}

// Status returns a copy of the controller's state.
func (c *Controller) Status() Status {
	var st Status
	c.ledger.read(func(s *ledgerState) {
		cp := s.clone()
		st = Status{Restarts: cp.Restarts, Rewards: cp.Rewards, Exhausted: cp.Exhausted, RewardFailed: cp.RewardFailed,
			RewardUnavailable: cp.RewardUnavailable, HoldSince: cp.HoldSince}
	})
	c.mu.Lock()
	st.Activity, st.NextScheduledRestart, st.Fed = cloneMap(c.activity), c.next, c.fed
	st.RewardHeld = c.rewardHeld()
	c.mu.Unlock()
	return st
}

// Inputs returns the controller's stateful alerts for the alert engine:
// RemediationExhausted per target, AutoRewardFailed and
// AutoRewardUnavailable per node, while they last. Include them in every update: an absent input resolves.
func (c *Controller) Inputs() []alert.Input {
	var out []alert.Input
	c.ledger.read(func(s *ledgerState) {
		out = append(out, episodeInputs(alert.RemediationExhausted, alert.SeverityCritical, s.Exhausted)...)
		out = append(out, episodeInputs(alert.AutoRewardFailed, alert.SeverityCritical, s.RewardFailed)...)
		out = append(out, episodeInputs(alert.AutoRewardUnavailable, alert.SeverityWarning, s.RewardUnavailable)...)
	})
	return out
}

// episodeInputs turns episodes into firing inputs, sorted by target.
func episodeInputs(name string, sev alert.Severity, eps map[string]Episode) []alert.Input {
	out := make([]alert.Input, 0, len(eps))
	for target, ep := range eps {
		details := map[string]string{"since": ep.Since.Format(time.RFC3339)}
		if ep.Unit != "" {
			details["unit"] = ep.Unit
		}
		if ep.Round != 0 {
			details["round"] = fmt.Sprint(ep.Round)
		}
		out = append(out, alert.Input{Alert: name, Target: target, Active: true, Severity: sev,
			Reason: ep.Reason, Details: details})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Target < out[j].Target })
	return out
}
