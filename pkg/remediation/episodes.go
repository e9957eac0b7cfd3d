package remediation

import (
	"time"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// resolveEpisodes ends the episodes whose health returned in f:
// RemediationExhausted on the chain once no chain trigger holds and the
// chain is healthy, on a node once no trigger of it holds and it agrees
// with the chain; AutoRewardFailed once the chain shows the round's reward
// or the round is over; AutoRewardUnavailable once auto_reward is off.
// Episodes of nodes no longer configured end too.
func (c *Controller) resolveEpisodes(f Feed) {
	nodes := map[string]config.Node{}
	for _, n := range f.Config.Nodes {
		nodes[n.Name] = n
	}
	var ended, rewardEnded, unavailableEnded []string
	c.ledger.read(func(st *ledgerState) {
		for target := range st.Exhausted {
			if target == alert.ChainTarget {
				if ok, _ := chainHealth(f, time.Time{}); ok && !chainTriggered(f) {
					ended = append(ended, target)
				}
				continue
			}
			if _, known := nodes[target]; !known {
				ended = append(ended, target)
				continue
			}
			if ok, _ := nodeAgrees(f, target, time.Time{}); ok && !nodeTriggered(f, target) {
				ended = append(ended, target)
			}
		}
		for name, ep := range st.RewardFailed {
			n, known := nodes[name]
			if !known || rewardOver(f, n, ep.Round) {
				rewardEnded = append(rewardEnded, name)
			}
		}
		unavailableEnded = unavailableOver(f, nodes, st.RewardUnavailable)
	})
	if len(ended) == 0 && len(rewardEnded) == 0 && len(unavailableEnded) == 0 {
		return
	}
	err := c.ledger.update(func(st *ledgerState) {
		for _, t := range ended {
			delete(st.Exhausted, t)
		}
		for _, n := range rewardEnded {
			delete(st.RewardFailed, n)
		}
		for _, n := range unavailableEnded {
			delete(st.RewardUnavailable, n)
		}
	})
	if err != nil {
		c.log.WithError(err).Error("cannot write the remediation ledger")
	}
	for _, t := range ended {
		c.log.WithField("target", t).Info("health returned: remediation no longer exhausted")
	}
	for _, n := range rewardEnded {
		c.log.WithField("node", n).Info("auto_reward failure is over: the reward is on-chain or the round ended")
	}
	for _, n := range unavailableEnded {
		c.log.WithField("node", n).Info("auto_reward no longer asks the node without POST /reward")
	}
	c.notify()
}

// rewardOver reports whether the chain in f shows node's reward for round,
// or a later round.
func rewardOver(f Feed, n config.Node, round uint64) bool {
	obs, acct := chainAccount(f, n.ExpectedAddress.Addr())
	if obs == nil {
		return false
	}
	if cur := obs.Round.CurrentRound; cur != nil && *cur > round {
		return true
	}
	return acct != nil && acct.Transcoder != nil && acct.Transcoder.LastRewardRound >= round
}

// raiseRewardFailed starts AutoRewardFailed for a node.
func (c *Controller) raiseRewardFailed(node string, round uint64, reason string) {
	now := c.clock.Now()
	err := c.ledger.update(func(st *ledgerState) {
		st.RewardFailed[node] = Episode{Reason: reason, Since: now, Round: round}
	})
	if err != nil {
		c.log.WithError(err).Error("cannot write the remediation ledger")
	}
	c.log.WithFields(logrus.Fields{"node": node, "round": round}).Error("auto_reward failed: " + reason)
	c.notify()
}

// unavailableOver returns the nodes whose AutoRewardUnavailable is over:
// auto_reward is off, or the node is no longer configured. A reward the
// node accepts ends it too (endRewardUnavailable).
func unavailableOver(f Feed, nodes map[string]config.Node, eps map[string]Episode) []string {
	var out []string
	for name := range eps {
		if _, known := nodes[name]; !known || !f.Config.Remediation.AutoReward {
			out = append(out, name)
		}
	}
	return out
}

// raiseRewardUnavailable starts AutoRewardUnavailable for a node, or keeps
// the one running: the error is logged once, not at every round's attempt.
func (c *Controller) raiseRewardUnavailable(node string, round uint64, reason string) {
	var known bool
	err := c.ledger.update(func(st *ledgerState) {
		ep, ok := st.RewardUnavailable[node]
		known = ok
		if !ok {
			ep = Episode{Since: c.clock.Now()}
		}
		ep.Reason, ep.Round = reason, round
		st.RewardUnavailable[node] = ep
	})
	if err != nil {
		c.log.WithError(err).Error("cannot write the remediation ledger")
	}
	log := c.log.WithFields(logrus.Fields{"node": node, "round": round})
	if known {
		log.Debug("auto_reward: " + reason)
	} else {
		log.Error("auto_reward: " + reason)
	}
	c.notify()
}

// endRewardUnavailable ends a node's AutoRewardUnavailable: it accepted a
// reward call.
func (c *Controller) endRewardUnavailable(node string) {
	var had bool
	c.ledger.read(func(st *ledgerState) { _, had = st.RewardUnavailable[node] })
	if !had {
		return
	}
	if err := c.ledger.update(func(st *ledgerState) { delete(st.RewardUnavailable, node) }); err != nil {
		c.log.WithError(err).Error("cannot write the remediation ledger")
	}
	c.log.WithField("node", node).Info("auto_reward: the node accepts POST /reward again")
}
