package checks

import (
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// Evaluator computes every check from a snapshot of observations. It keeps
// the little history some checks need (stake within a round, nonce gaps,
// missed rounds); it is used from one goroutine.
type Evaluator struct {
	cfg      *config.Config
	chain    *chainState
	counters *counterState
}

// NewEvaluator returns an evaluator for cfg.
func NewEvaluator(cfg *config.Config) *Evaluator {
	return &Evaluator{cfg: cfg, chain: newChainState(), counters: newCounterState()}
}

// SetConfig swaps the configuration after a reload, keeping history.
func (e *Evaluator) SetConfig(cfg *config.Config) { e.cfg = cfg }

// WithChain reports whether chain monitoring is configured.
func (e *Evaluator) WithChain() bool { return len(e.cfg.Chain.URLs) > 0 }

// Evaluate returns every check result for the snapshot at time now.
func (e *Evaluator) Evaluate(now time.Time, snap observe.Snapshot) []Result {
	var out []Result
	withChain := e.WithChain()
	for _, n := range e.cfg.Nodes {
		o, seen := snap.Node(n.Name)
		out = append(out, nodeChecks(n, o, seen, e.cfg.Checks, withChain)...)
	}
	out = append(out, e.nodeMetricsChecks(now, snap)...)
	out = append(out, hostChecks(e.cfg, snap.Host)...)
	if withChain {
		out = append(out, e.chainChecks(now, snap)...)
	}
	out = append(out, rewardUnknown(out)...)
	return out
}

// rewardUnknown derives RewardStatusUnknown: the reward check of a node
// could not be evaluated. Its alert waits reward_unknown_for.
func rewardUnknown(results []Result) []Result {
	var out []Result
	for _, r := range results {
		if r.Check != alert.RewardNotCalled {
			continue
		}
		if r.State == Unknown {
			out = append(out, failing(alert.RewardStatusUnknown, r.Target, Warning, "reward status unknown: "+r.Reason, nil))
		} else {
			out = append(out, ok(alert.RewardStatusUnknown, r.Target, "reward status is known"))
		}
	}
	return out
}

// For returns how long a check must fail before its alert fires. TxStalled
// times the stall itself (the mined nonce moving restarts it), so its alert
// fires at once.
func (e *Evaluator) For(check string) time.Duration {
	c := e.cfg.Checks
	switch check {
	case alert.LivepeerNodeDown:
		return c.NodeDownFor
	case alert.LivepeerNodeChainErrors:
		return c.NodeChainErrorsFor
	case alert.ClockUnsynchronized:
		return c.ClockUnsyncedFor
	case alert.RewardNotCalled:
		if !e.WithChain() {
			return c.RewardNodeViewFor
		}
	case alert.RewardStatusUnknown:
		return c.RewardUnknownFor
	case alert.NodeChainDisagreement:
		return c.DisagreementFor
	case alert.EthNodeDown:
		return c.ChainDownFor
	case alert.EthNodeSyncing:
		return c.SyncingFor
	case alert.SessionsNearCapacity:
		return c.SessionsHighFor
	case alert.TranscodeSuccessLow:
		return c.SuccessRateLowFor
	}
	return 0
}

// HealthRelevant reports whether a check decides /health: the node and its
// chain must be usable.
func HealthRelevant(check string) bool {
	switch check {
	case alert.LivepeerNodeDown, alert.LivepeerNodeIdentityMismatch, alert.EthNodeDown,
		alert.EthNodeSyncing, alert.EthNodeHeadStale, alert.EthChainMismatch:
		return true
	}
	return false
}
