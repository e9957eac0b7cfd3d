package remediation

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// rewardSkipPrefix keys auto_reward skips in Controller.skips.
const rewardSkipPrefix = "reward:"

// alreadyRequested is rewardGate's answer when this round was asked for.
const alreadyRequested = "already requested"

// rewardGate decides whether node n may be asked to call reward now: it
// answers, it is the expected account (identityGate), the chain is
// healthy, the round is initialized and not yet rewarded on-chain, and the
// chain's gas price is not above the node's -maxGasPrice. It returns the round, or why not. last is the node's
// previous request, if requested; a dry run does not hold back a real
// request.
func rewardGate(f Feed, n config.Node, last RewardEntry, requested bool) (uint64, string) {
	o, seen := f.Snapshot.Node(n.Name)
	if !seen || o.Err != nil || o.Snapshot == nil {
		return 0, "the node does not answer"
	}
	if why := identityGate(f, n); why != "" {
		return 0, why
	}
	if ok, why := chainHealth(f, time.Time{}); !ok {
		return 0, "the chain is unhealthy: " + why
	}
	obs, acct := chainAccount(f, n.ExpectedAddress.Addr())
	r := obs.Round
	switch {
	case r.CurrentRound == nil || r.Initialized == nil:
		return 0, "the chain's round is unknown"
	case !*r.Initialized:
		return 0, fmt.Sprintf("round %d is not initialized", *r.CurrentRound)
	case requested && last.Round >= *r.CurrentRound && (!last.DryRun || f.Config.Remediation.DryRun):
		return 0, alreadyRequested
	case acct == nil || acct.Transcoder == nil:
		return 0, "the chain's record of " + n.ExpectedAddress.String() + " is unknown"
	case acct.Transcoder.LastRewardRound >= *r.CurrentRound:
		return 0, fmt.Sprintf("reward already called for round %d", *r.CurrentRound)
	}
	if why := gasGate(obs.GasPrice, o.Snapshot); why != "" {
		return 0, why
	}
	return *r.CurrentRound, ""
}

// identityGate says why node n must not be asked to call reward ("" when
// its LivepeerNodeIdentityMismatch check is ok in this feed). The node
// signs with whatever key it runs with: a node that reports another account
// than expected_address (a wrong URL, another operator's node behind a
// reused port, a keystore mix-up) would spend that account's ETH, and its
// reward would not be the one RewardNotCalled asks for.
func identityGate(f Feed, n config.Node) string {
	r, ok := f.result(alert.LivepeerNodeIdentityMismatch, n.Name)
	switch {
	case !ok:
		return "the node's identity is not checked yet: only a node that reports expected_address " + n.ExpectedAddress.String() + " is asked"
	case r.State != checks.OK:
		return fmt.Sprintf("the node's identity check is %s (%s): only a node that reports expected_address %s is asked",
			r.State, r.Reason, n.ExpectedAddress)
	}
	return ""
}

// gasGate says why the gas price forbids a reward call ("" when it does not).
func gasGate(gas *big.Int, s *nodeapi.Snapshot) string {
	if gas == nil {
		return "the chain's gas price is unknown"
	}
	if err := s.Optional[nodeapi.PathMaxGasPrice]; err != nil {
		return "the node's max gas price is unknown: " + err.Error()
	}
	if s.MaxGasPrice != nil && gas.Cmp(s.MaxGasPrice) > 0 {
		return fmt.Sprintf("the gas price %s wei is above the node's max %s wei", gas, s.MaxGasPrice)
	}
	return ""
}

// considerRewards asks each node whose RewardNotCalled is critical to call
// reward, at most once per round, when rewardGate allows it.
func (c *Controller) considerRewards(ctx context.Context, f Feed) {
	for _, n := range f.Config.Nodes {
		key := rewardSkipPrefix + n.Name
		if r, ok := f.result(alert.RewardNotCalled, n.Name); !ok || r.State != checks.Critical {
			c.clearSkip(key)
			continue
		}
		var last RewardEntry
		var requested bool
		c.ledger.read(func(st *ledgerState) { last, requested = st.Rewards[n.Name] })
		c.mu.Lock()
		busy := c.rewarding[n.Name]
		c.mu.Unlock()
		if busy {
			continue
		}
		round, why := rewardGate(f, n, last, requested)
		if why != "" {
			c.rewardSkip(key, n.Name, why)
			continue
		}
		c.clearSkip(key)
		c.requestReward(ctx, f.Config, n, round)
	}
}

// rewardSkip logs why a node's reward is not requested, once per reason.
func (c *Controller) rewardSkip(key, node, why string) {
	c.mu.Lock()
	repeated := c.skips[key] == why
	c.skips[key] = why
	c.mu.Unlock()
	if repeated {
		return
	}
	if why != alreadyRequested {
		c.log.WithField("node", node).Warn("auto_reward held back: " + why)
	}
	c.notify()
}

// rewardHeld returns, per node, why auto_reward does not ask it although
// its RewardNotCalled is critical; the caller holds c.mu.
func (c *Controller) rewardHeld() map[string]string {
	var out map[string]string
	for k, why := range c.skips {
		node, ok := strings.CutPrefix(k, rewardSkipPrefix)
		if !ok || why == alreadyRequested {
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		out[node] = why
	}
	return out
}

// clearRewardSkips forgets every reported reward skip: auto_reward is off.
func (c *Controller) clearRewardSkips() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.skips {
		if strings.HasPrefix(k, rewardSkipPrefix) {
			delete(c.skips, k)
		}
	}
}

// requestReward writes the request for round to the ledger, then (unless
// dry_run) calls the node's reward endpoint on its own goroutine and
// confirms on-chain. Nothing is sent when the ledger cannot be written: a
// request that is not on disk could be repeated after a restart.
func (c *Controller) requestReward(ctx context.Context, cfg *config.Config, n config.Node, round uint64) {
	now := c.clock.Now()
	log := c.log.WithFields(logrus.Fields{"node": n.Name, "round": round})
	e := RewardEntry{Round: round, At: now, Result: resultStarted}
	if cfg.Remediation.DryRun {
		e.Result, e.DryRun, e.Outcome = ResultDryRun, true, "dry run: nothing sent"
	}
	if err := c.ledger.commit(func(st *ledgerState) { st.Rewards[n.Name] = e }); err != nil {
		c.raiseRewardFailed(n.Name, round, fmt.Sprintf("reward not requested: the ledger cannot be written: %v", err))
		return
	}
	if e.DryRun {
		c.met.rewards.WithLabelValues(n.Name, ResultDryRun).Inc()
		log.Warn("dry run: would ask the node to call reward")
		c.notify()
		return
	}
	c.mu.Lock()
	c.rewarding[n.Name] = true
	c.mu.Unlock()
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		defer func() {
			c.mu.Lock()
			delete(c.rewarding, n.Name)
			c.mu.Unlock()
		}()
		result, outcome, missing := c.callReward(ctx, n, round)
		if result == "" {
			return // stopping: the request stays on record
		}
		e.Result, e.Outcome = result, outcome
		// Counted before the ledger shows it: whoever reads the result in
		// the status finds it in the metric too.
		c.met.rewards.WithLabelValues(n.Name, result).Inc()
		if err := c.ledger.update(func(st *ledgerState) { st.Rewards[n.Name] = e }); err != nil {
			c.log.WithError(err).Error("cannot write the remediation ledger")
		}
		switch {
		case missing:
			c.raiseRewardUnavailable(n.Name, round, outcome)
			return
		case result != ResultSuccess:
			c.raiseRewardFailed(n.Name, round, outcome)
			return
		}
		c.endRewardUnavailable(n.Name)
		log.WithField("outcome", outcome).Warn("auto_reward: reward called and confirmed on-chain")
		c.notify()
	}()
}

// callReward POSTs /reward and waits for the chain to show the reward.
// missing reports a node that has no POST /reward (404 or 405).
func (c *Controller) callReward(ctx context.Context, n config.Node, round uint64) (result, outcome string, missing bool) {
	c.log.WithFields(logrus.Fields{"node": n.Name, "round": round}).Warn("auto_reward: asking the node to call reward")
	key := rewardSkipPrefix + n.Name
	c.setActivity(key, fmt.Sprintf("asking the node to call reward for round %d", round))
	defer c.setActivity(key, "")
	caller, err := c.opts.Rewarder(n)
	if err != nil {
		return ResultFailed, fmt.Sprintf("reward for round %d not requested: %v", round, err), false
	}
	rctx, cancel := withClockTimeout(ctx, c.clock, c.opts.RewardCallTimeout, "reward call")
	err = caller.CallReward(rctx)
	if err != nil && ctx.Err() == nil && rctx.Err() != nil {
		err = context.Cause(rctx)
	}
	cancel()
	switch {
	case ctx.Err() != nil:
		return "", "", false
	case nodeapi.IsRouteMissing(err):
		return ResultFailed, fmt.Sprintf("%s (it answered %s to the reward call for round %d)", routeMissing, nodeapi.ReasonOf(err), round), true
	case err != nil:
		return ResultFailed, fmt.Sprintf("the node's reward call for round %d failed: %v", round, err), false
	}
	what := fmt.Sprintf("waiting for the chain to show the reward of round %d", round)
	_, err = c.await(ctx, key, what, c.opts.RewardConfirmTimeout, func(f Feed) bool {
		_, acct := chainAccount(f, n.ExpectedAddress.Addr())
		return acct != nil && acct.Transcoder != nil && acct.Transcoder.LastRewardRound >= round
	})
	switch {
	case ctx.Err() != nil:
		return "", "", false
	case err != nil:
		return ResultTimeout, fmt.Sprintf("the node answered the reward call but the chain does not show a reward for round %d after %s", round, c.opts.RewardConfirmTimeout), false
	}
	return ResultSuccess, fmt.Sprintf("the chain shows the reward for round %d", round), false
}

// routeMissing says what a 404 or 405 to POST /reward means.
const routeMissing = "the node does not expose POST /reward: start it with -enableCliTxRoutes"
