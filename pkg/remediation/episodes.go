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
// or the round is over. Episodes of nodes no longer configured end too.
func (c *Controller) resolveEpisodes(f Feed) {
	nodes := map[string]config.Node{}
	for _, n := range f.Config.Nodes {
		nodes[n.Name] = n
	}
	var ended []string
	var rewardEnded []string
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
	})
	if len(ended) == 0 && len(rewardEnded) == 0 {
		return
	}
	err := c.ledger.update(func(st *ledgerState) {
		for _, t := range ended {
			delete(st.Exhausted, t)
		}
		for _, n := range rewardEnded {
			delete(st.RewardFailed, n)
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
