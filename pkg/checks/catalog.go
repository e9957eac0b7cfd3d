package checks

import (
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// forChecks is a For that reads one duration of [checks].
func forChecks(f func(config.Checks) time.Duration) func(*config.Config) time.Duration {
	return func(c *config.Config) time.Duration { return f(c.Checks) }
}

// definitions returns every alert lpwatch raises. Within each kind of
// input, checks are evaluated, and reported, in this order.
func definitions() []Definition {
	// chainDown are the alerts that mean the chain cannot be read: they
	// explain whatever else reads the chain.
	chainDown := []string{alert.EthNodeDown, alert.EthChainMismatch, alert.EthNodeSyncing, alert.EthNodeHeadStale}
	causes := func(names ...string) []string { return append(names, chainDown...) }
	return []Definition{
		// The node's own API.
		{Rule: alert.Rule{Name: alert.LivepeerNodeDown, Severity: alert.SeverityCritical,
			Summary:  "the livepeer node API does not answer",
			Resolved: "the livepeer node API answers again"},
			For: forChecks(func(c config.Checks) time.Duration { return c.NodeDownFor }), Health: true,
			eval: eval{node: nodeDown}},
		{Rule: alert.Rule{Name: alert.LivepeerNodeChainErrors, Severity: alert.SeverityWarning,
			Summary:  "the livepeer node answers, but its endpoints that read the chain fail",
			Resolved: "the livepeer node's endpoints that read the chain answer again", Causes: chainDown, Symptom: true},
			For:  forChecks(func(c config.Checks) time.Duration { return c.NodeChainErrorsFor }),
			eval: eval{node: nodeChainErrors}},
		{Rule: alert.Rule{Name: alert.LivepeerNodeIdentityMismatch, Severity: alert.SeverityCritical,
			Summary:  "the node's ETH address differs from the expected one",
			Resolved: "the node reports the expected ETH address again",
			// With a chain, RewardCallerUnauthorized says the same, and why.
			Causes: []string{alert.RewardCallerUnauthorized}, Symptom: true},
			Health: true, eval: eval{view: identity}},
		{Rule: alert.Rule{Name: alert.TranscoderInactive, Severity: alert.SeverityWarning,
			Summary:  "the transcoder is not in the active set",
			Resolved: "the transcoder is registered and in the active set"},
			// With a chain it is judged from the chain, for every target.
			eval: eval{view: inactive, account: inactiveChain, orchestrator: true}},

		// The chain's record of each node's account (and, without a chain,
		// the node's view of it).
		{Rule: alert.Rule{Name: alert.RewardNotCalled, Severity: alert.SeverityWarning,
			Summary:  "reward() has not been called this round",
			Resolved: "reward() was called for the round, or none is due",
			Causes: causes(alert.LivepeerNodeDown, alert.RewardCallerUnauthorized, alert.TxStalled, alert.GasPriceAboveNodeMax,
				alert.EthBalanceLow, alert.NodeChainDisagreement)},
			// Only the node's view, whose round timing is unknown, waits.
			For: func(c *config.Config) time.Duration {
				if len(c.Chain.URLs) > 0 {
					return 0
				}
				return c.Checks.RewardNodeViewFor
			},
			eval: eval{view: rewardNodeView, account: rewardChain, orchestrator: true}},
		{Rule: alert.Rule{Name: alert.RewardRoundMissed, Severity: alert.SeverityCritical,
			Summary:  "a round ended without a reward call",
			Resolved: "the streak of missed rounds ended: a later round got its reward",
			Causes:   causes(alert.LivepeerNodeDown, alert.RewardCallerUnauthorized, alert.TxStalled, alert.GasPriceAboveNodeMax, alert.EthBalanceLow)},
			eval: eval{account: roundMissed, orchestrator: true}},
		{Rule: alert.Rule{Name: alert.NodeChainDisagreement, Severity: alert.SeverityWarning,
			Summary:  "the node's view of the chain disagrees with the chain",
			Resolved: "the node's view of the chain agrees with the chain again", Causes: chainDown, Symptom: true},
			For:  forChecks(func(c config.Checks) time.Duration { return c.DisagreementFor }),
			eval: eval{account: disagreement}},
		{Rule: alert.Rule{Name: alert.StakeDropped, Severity: alert.SeverityWarning,
			Summary:  "the transcoder's total stake dropped",
			Resolved: "no stake drop or slash in the current round"},
			eval: eval{account: stakeDropped, orchestrator: true}},
		{Rule: alert.Rule{Name: alert.EthBalanceLow, Severity: alert.SeverityWarning,
			Summary:  "the node's ETH balance is low",
			Resolved: "the node's ETH balance is above the limits again"},
			eval: eval{view: nodeBalance, account: chainBalance}},
		{Rule: alert.Rule{Name: alert.EthRunwayShort, Severity: alert.SeverityWarning,
			Summary:  "the node's ETH lasts less than the runway limit at the recent spend rate",
			Resolved: "the node's ETH lasts longer than the runway limit again"},
			eval: eval{account: runway}},
		{Rule: alert.Rule{Name: alert.TxStalled, Severity: alert.SeverityCritical,
			Summary:  "the node's transactions are stuck behind a nonce",
			Resolved: "the node's transactions are being mined again",
			Causes:   []string{alert.GasPriceAboveNodeMax, alert.EthBalanceLow, alert.EthNodeHeadStale, alert.EthNodeSyncing}},
			// The check times the stall itself: the mined nonce moving restarts it.
			eval: eval{account: txStalled}},
		{Rule: alert.Rule{Name: alert.GasPriceAboveNodeMax, Severity: alert.SeverityWarning,
			Summary:  "the gas price is above the node's -maxGasPrice: it will not send reward",
			Resolved: "the gas price is within the node's -maxGasPrice again"},
			eval: eval{account: gasAboveMax}},
		{Rule: alert.Rule{Name: alert.RewardCallerChanged, Severity: alert.SeverityCritical,
			Summary:  "the orchestrator's reward caller was changed on-chain, or is not expected_reward_caller",
			Resolved: "the orchestrator's reward caller is as expected, with no recent change"},
			eval: eval{account: rewardCallerChanged, orchestrator: true}},
		{Rule: alert.Rule{Name: alert.RewardCallerUnauthorized, Severity: alert.SeverityCritical,
			Summary:  "the node runs as an account that is neither the orchestrator nor its reward caller: it cannot reward",
			Resolved: "the node runs as the orchestrator or its reward caller again"},
			eval: eval{account: rewardCallerUnauthorized}},

		// The chain itself.
		{Rule: alert.Rule{Name: alert.EthNodeDown, Severity: alert.SeverityCritical,
			Summary:  "no chain RPC endpoint answers",
			Resolved: "a chain RPC endpoint answers again"},
			For: forChecks(func(c config.Checks) time.Duration { return c.ChainDownFor }), Health: true,
			eval: eval{chain: endpointsDown}},
		{Rule: alert.Rule{Name: alert.EthNodeSyncing, Severity: alert.SeverityCritical,
			Summary:  "the Ethereum node is syncing",
			Resolved: "the Ethereum node is no longer syncing", Causes: []string{alert.EthNodeDown}},
			For: forChecks(func(c config.Checks) time.Duration { return c.SyncingFor }), Health: true,
			eval: eval{chain: syncing}},
		{Rule: alert.Rule{Name: alert.EthNodeHeadStale, Severity: alert.SeverityCritical,
			Summary:  "the Ethereum node's newest block is stale",
			Resolved: "the Ethereum node's newest block is fresh again", Causes: []string{alert.EthNodeDown, alert.EthNodeSyncing}},
			Health: true, eval: eval{chain: headStale}},
		{Rule: alert.Rule{Name: alert.RoundNotInitialized, Severity: alert.SeverityWarning,
			Summary:  "the current round is not initialized yet",
			Resolved: "the current round is initialized", Causes: chainDown},
			eval: eval{chain: roundNotInitialized}},
		{Rule: alert.Rule{Name: alert.EthChainMismatch, Severity: alert.SeverityCritical,
			Summary:  "the chain ID differs from the expected one",
			Resolved: "the chain ID is the expected one again"},
			Health: true, eval: eval{chain: chainMismatch, has: func(c *config.Config) bool { return c.Chain.ChainID != 0 }}},
		{Rule: alert.Rule{Name: alert.EthNodeBehindReference, Severity: alert.SeverityWarning,
			Summary:  "the local chain head is behind the reference endpoint",
			Resolved: "the local chain head has caught up with the reference endpoint",
			Causes:   []string{alert.EthNodeSyncing, alert.EthNodeHeadStale}, Symptom: true},
			eval: eval{chain: behindReference, has: func(c *config.Config) bool { return len(c.Chain.ReferenceURLs) > 0 }}},
		{Rule: alert.Rule{Name: alert.EthNodePeersLow, Severity: alert.SeverityWarning,
			Summary:  "the Ethereum node has too few peers",
			Resolved: "the Ethereum node has enough peers again"},
			eval: eval{chain: peersLow, has: func(c *config.Config) bool { return c.Chain.CheckPeers }}},

		// The node's own /metrics.
		{Rule: alert.Rule{Name: alert.RewardCallErrors, Severity: alert.SeverityWarning,
			Summary:  "the node's reward call errors increased",
			Resolved: "the node's reward call errors stopped increasing",
			Causes:   causes(alert.TxStalled, alert.GasPriceAboveNodeMax, alert.EthBalanceLow)},
			eval: eval{metrics: rewardErrors}},
		{Rule: alert.Rule{Name: alert.SessionsNearCapacity, Severity: alert.SeverityWarning,
			Summary:  "the node's sessions are near its capacity",
			Resolved: "the node's sessions are below the capacity limit again"},
			For:  forChecks(func(c config.Checks) time.Duration { return c.SessionsHighFor }),
			eval: eval{metrics: sessions}},
		{Rule: alert.Rule{Name: alert.TranscodeSuccessLow, Severity: alert.SeverityWarning,
			Summary:  "the node's transcode success rate is low",
			Resolved: "the node's transcode success rate is above the limit again"},
			For:  forChecks(func(c config.Checks) time.Duration { return c.SuccessRateLowFor }),
			eval: eval{metrics: successRate}},

		// The host.
		{Rule: alert.Rule{Name: alert.FileDescriptorsHigh, Severity: alert.SeverityWarning,
			Summary:  "the livepeer process uses most of its open-file limit",
			Resolved: "the livepeer process's open files are below the limit again"},
			eval: eval{host: fdChecks}},
		{Rule: alert.Rule{Name: alert.DiskSpaceLow, Severity: alert.SeverityWarning,
			Summary:  "a data volume is running out of space",
			Resolved: "the data volume has enough free space again"},
			eval: eval{host: diskChecks}},
		{Rule: alert.Rule{Name: alert.ClockUnsynchronized, Severity: alert.SeverityWarning,
			Summary:  "the system clock is not synchronized",
			Resolved: "the system clock is synchronized"},
			For:  forChecks(func(c config.Checks) time.Duration { return c.ClockUnsyncedFor }),
			eval: eval{host: clockChecks, has: func(c *config.Config) bool { return c.Host.Clock }}},

		// Other lpwatch instances.
		{Rule: alert.Rule{Name: alert.PeerDown, Severity: alert.SeverityCritical,
			Summary:  "a peer lpwatch does not answer: its host may be down, and nobody is paged from it",
			Resolved: "the peer lpwatch answers again"},
			For:  forChecks(func(c config.Checks) time.Duration { return c.PeerDownFor }),
			eval: eval{peer: peerDown}},

		// What the other checks' results say.
		{Rule: alert.Rule{Name: alert.RewardStatusUnknown, Severity: alert.SeverityWarning,
			Summary:  "the reward status could not be evaluated",
			Resolved: "the reward status can be evaluated again",
			Causes:   causes(alert.LivepeerNodeDown, alert.LivepeerNodeChainErrors)},
			For:  forChecks(func(c config.Checks) time.Duration { return c.RewardUnknownFor }),
			eval: eval{derived: rewardUnknown}},

		// Alerts raised outside the checks.
		{Rule: alert.Rule{Name: alert.RemediationPerformed, Severity: alert.SeverityInfo, Summary: "lpwatch restarted a unit"}},
		{Rule: alert.Rule{Name: alert.RemediationExhausted, Severity: alert.SeverityCritical,
			Summary:  "self-healing gave up: a human is needed",
			Resolved: "health returned: the unit is healthy again without lpwatch"}},
		{Rule: alert.Rule{Name: alert.AutoRewardFailed, Severity: alert.SeverityCritical,
			Summary:  "lpwatch's reward call failed",
			Resolved: "the round's reward is on-chain, or the round is over"}},
		{Rule: alert.Rule{Name: alert.AutoRewardUnavailable, Severity: alert.SeverityWarning,
			Summary:  "auto_reward cannot ask the node to call reward: the node does not expose POST /reward",
			Resolved: "the node accepted a reward call again, or auto_reward no longer asks it"}},
		{Rule: alert.Rule{Name: alert.NotificationDeliveryFailing, Severity: alert.SeverityWarning,
			Summary:  "a notification sink keeps failing",
			Resolved: "the notification sink delivers again"}},
		{Rule: alert.Rule{Name: alert.LpwatchTest, Severity: alert.SeverityInfo,
			Summary: "test notification from lpwatch", Resolved: "test notification from lpwatch: resolved"}},
		{Rule: alert.Rule{Name: alert.LpwatchStarted, Severity: alert.SeverityInfo, Summary: "lpwatch started"}},
		{Rule: alert.Rule{Name: alert.LpwatchDigest, Severity: alert.SeverityInfo, Summary: "daily digest"}},
		// Always firing while the scheduler completes cycles, to alertmanager sinks only.
		{Rule: alert.Rule{Name: alert.LpwatchHeartbeat, Severity: alert.SeverityInfo,
			Summary:  "lpwatch is alive: this alert always fires, for a dead man's switch",
			Resolved: "lpwatch's scheduler stalled: the heartbeat alert stopped"}},
	}
}
