package alert

import "strings"

// Alert names. They are part of lpwatch's contract (SPEC §4).
const (
	LivepeerNodeDown             = "LivepeerNodeDown"
	LivepeerNodeChainErrors      = "LivepeerNodeChainErrors"
	LivepeerNodeIdentityMismatch = "LivepeerNodeIdentityMismatch"
	RewardNotCalled              = "RewardNotCalled"
	RewardRoundMissed            = "RewardRoundMissed"
	RoundNotInitialized          = "RoundNotInitialized"
	RewardStatusUnknown          = "RewardStatusUnknown"
	NodeChainDisagreement        = "NodeChainDisagreement"
	TranscoderInactive           = "TranscoderInactive"
	StakeDropped                 = "StakeDropped"
	EthBalanceLow                = "EthBalanceLow"
	EthRunwayShort               = "EthRunwayShort"
	EthNodeDown                  = "EthNodeDown"
	EthNodeSyncing               = "EthNodeSyncing"
	EthNodeHeadStale             = "EthNodeHeadStale"
	EthNodeBehindReference       = "EthNodeBehindReference"
	EthNodePeersLow              = "EthNodePeersLow"
	EthChainMismatch             = "EthChainMismatch"
	TxStalled                    = "TxStalled"
	GasPriceAboveNodeMax         = "GasPriceAboveNodeMax"
	RewardCallErrors             = "RewardCallErrors"
	SessionsNearCapacity         = "SessionsNearCapacity"
	TranscodeSuccessLow          = "TranscodeSuccessLow"
	FileDescriptorsHigh          = "FileDescriptorsHigh"
	DiskSpaceLow                 = "DiskSpaceLow"
	ClockUnsynchronized          = "ClockUnsynchronized"
	RemediationPerformed         = "RemediationPerformed"
	RemediationExhausted         = "RemediationExhausted"
	AutoRewardFailed             = "AutoRewardFailed"
	NotificationDeliveryFailing  = "NotificationDeliveryFailing"
	LpwatchTest                  = "LpwatchTest"
	LpwatchStarted               = "LpwatchStarted"
	LpwatchDigest                = "LpwatchDigest"
)

// Rule describes one alert: its default severity, what it means, and how
// it relates to others.
type Rule struct {
	Name     string
	Severity Severity
	// Summary says what is wrong; it titles the firing notifications.
	Summary string
	// Resolved says what recovered; it titles the resolve. Alerts that are
	// one-off events (info notices) have none: they never resolve.
	Resolved string
	// Causes lists alerts that, when firing for the same target (or for the
	// chain, which every node depends on), explain this one. The first
	// firing cause is named in the notification.
	Causes []string
	// Symptom marks an alert that is pure noise while one of its causes
	// fires: its notifications are inhibited until the cause resolves. A
	// symptom that was held back and outlives its cause is judged afresh:
	// it goes back to pending and must hold for its own `for` again, since
	// it is often seen by another probe that has not caught up yet.
	Symptom bool
}

// Catalog returns every built-in alert rule, keyed by name. It is built on
// each call so nobody can mutate a shared copy.
func Catalog() map[string]Rule {
	chainDown := []string{EthNodeDown, EthChainMismatch, EthNodeSyncing, EthNodeHeadStale}
	rules := []Rule{
		{Name: LivepeerNodeDown, Severity: SeverityCritical, Summary: "the livepeer node API does not answer",
			Resolved: "the livepeer node API answers again"},
		{Name: LivepeerNodeChainErrors, Severity: SeverityWarning, Summary: "the livepeer node answers, but its endpoints that read the chain fail",
			Resolved: "the livepeer node's endpoints that read the chain answer again", Causes: chainDown, Symptom: true},
		{Name: LivepeerNodeIdentityMismatch, Severity: SeverityCritical, Summary: "the node's ETH address differs from the expected one",
			Resolved: "the node reports the expected ETH address again"},
		{Name: RewardNotCalled, Severity: SeverityWarning, Summary: "reward() has not been called this round",
			Resolved: "reward() was called for the round, or none is due",
			Causes:   append([]string{LivepeerNodeDown, TxStalled, GasPriceAboveNodeMax, EthBalanceLow, NodeChainDisagreement}, chainDown...)},
		{Name: RewardRoundMissed, Severity: SeverityCritical, Summary: "a round ended without a reward call",
			Resolved: "the streak of missed rounds ended: a later round got its reward",
			Causes:   append([]string{LivepeerNodeDown, TxStalled, GasPriceAboveNodeMax, EthBalanceLow}, chainDown...)},
		{Name: RoundNotInitialized, Severity: SeverityWarning, Summary: "the current round is not initialized yet",
			Resolved: "the current round is initialized", Causes: chainDown},
		{Name: RewardStatusUnknown, Severity: SeverityWarning, Summary: "the reward status could not be evaluated",
			Resolved: "the reward status can be evaluated again",
			Causes:   append([]string{LivepeerNodeDown, LivepeerNodeChainErrors}, chainDown...)},
		{Name: NodeChainDisagreement, Severity: SeverityWarning, Summary: "the node's view of the chain disagrees with the chain",
			Resolved: "the node's view of the chain agrees with the chain again", Causes: chainDown, Symptom: true},
		{Name: TranscoderInactive, Severity: SeverityWarning, Summary: "the transcoder is not in the active set",
			Resolved: "the transcoder is registered and in the active set"},
		{Name: StakeDropped, Severity: SeverityWarning, Summary: "the transcoder's total stake dropped",
			Resolved: "no stake drop or slash in the current round"},
		{Name: EthBalanceLow, Severity: SeverityWarning, Summary: "the node's ETH balance is low",
			Resolved: "the node's ETH balance is above the limits again"},
		{Name: EthRunwayShort, Severity: SeverityWarning, Summary: "the node's ETH lasts less than the runway limit at the recent spend rate",
			Resolved: "the node's ETH lasts longer than the runway limit again"},
		{Name: EthNodeDown, Severity: SeverityCritical, Summary: "no chain RPC endpoint answers",
			Resolved: "a chain RPC endpoint answers again"},
		{Name: EthNodeSyncing, Severity: SeverityCritical, Summary: "the Ethereum node is syncing",
			Resolved: "the Ethereum node is no longer syncing", Causes: []string{EthNodeDown}},
		{Name: EthNodeHeadStale, Severity: SeverityCritical, Summary: "the Ethereum node's newest block is stale",
			Resolved: "the Ethereum node's newest block is fresh again", Causes: []string{EthNodeDown, EthNodeSyncing}},
		{Name: EthNodeBehindReference, Severity: SeverityWarning, Summary: "the local chain head is behind the reference endpoint",
			Resolved: "the local chain head has caught up with the reference endpoint",
			Causes:   []string{EthNodeSyncing, EthNodeHeadStale}, Symptom: true},
		{Name: EthNodePeersLow, Severity: SeverityWarning, Summary: "the Ethereum node has too few peers",
			Resolved: "the Ethereum node has enough peers again"},
		{Name: EthChainMismatch, Severity: SeverityCritical, Summary: "the chain ID differs from the expected one",
			Resolved: "the chain ID is the expected one again"},
		{Name: TxStalled, Severity: SeverityCritical, Summary: "the node's transactions are stuck behind a nonce",
			Resolved: "the node's transactions are being mined again",
			Causes:   []string{GasPriceAboveNodeMax, EthBalanceLow, EthNodeHeadStale, EthNodeSyncing}},
		{Name: GasPriceAboveNodeMax, Severity: SeverityWarning, Summary: "the gas price is above the node's -maxGasPrice: it will not send reward",
			Resolved: "the gas price is within the node's -maxGasPrice again"},
		{Name: RewardCallErrors, Severity: SeverityWarning, Summary: "the node's reward call errors increased",
			Resolved: "the node's reward call errors stopped increasing",
			Causes:   append([]string{TxStalled, GasPriceAboveNodeMax, EthBalanceLow}, chainDown...)},
		{Name: SessionsNearCapacity, Severity: SeverityWarning, Summary: "the node's sessions are near its capacity",
			Resolved: "the node's sessions are below the capacity limit again"},
		{Name: TranscodeSuccessLow, Severity: SeverityWarning, Summary: "the node's transcode success rate is low",
			Resolved: "the node's transcode success rate is above the limit again"},
		{Name: FileDescriptorsHigh, Severity: SeverityWarning, Summary: "the livepeer process uses most of its open-file limit",
			Resolved: "the livepeer process's open files are below the limit again"},
		{Name: DiskSpaceLow, Severity: SeverityWarning, Summary: "a data volume is running out of space",
			Resolved: "the data volume has enough free space again"},
		{Name: ClockUnsynchronized, Severity: SeverityWarning, Summary: "the system clock is not synchronized",
			Resolved: "the system clock is synchronized"},
		{Name: RemediationPerformed, Severity: SeverityInfo, Summary: "lpwatch restarted a unit"},
		{Name: RemediationExhausted, Severity: SeverityCritical, Summary: "self-healing gave up: a human is needed",
			Resolved: "health returned: the unit is healthy again without lpwatch"},
		{Name: AutoRewardFailed, Severity: SeverityCritical, Summary: "lpwatch's reward call failed",
			Resolved: "the round's reward is on-chain, or the round is over"},
		{Name: NotificationDeliveryFailing, Severity: SeverityWarning, Summary: "a notification sink keeps failing",
			Resolved: "the notification sink delivers again"},
		{Name: LpwatchTest, Severity: SeverityInfo, Summary: "test notification from lpwatch", Resolved: "test notification from lpwatch: resolved"},
		{Name: LpwatchStarted, Severity: SeverityInfo, Summary: "lpwatch started"},
		{Name: LpwatchDigest, Severity: SeverityInfo, Summary: "daily digest"},
	}
	m := make(map[string]Rule, len(rules))
	for _, r := range rules {
		m[r.Name] = r
	}
	return m
}

// RunbookAnchor returns the anchor of an alert's section in docs/runbooks.md.
func RunbookAnchor(name string) string { return strings.ToLower(name) }
