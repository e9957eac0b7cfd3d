package alert

import "strings"

// Alert names. They are part of lpwatch's contract (SPEC §4).
const (
	LivepeerNodeDown             = "LivepeerNodeDown"
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
	Summary  string
	// Causes lists alerts that, when firing for the same target (or for the
	// chain, which every node depends on), explain this one. The first
	// firing cause is named in the notification.
	Causes []string
	// Symptom marks an alert that is pure noise while one of its causes
	// fires: its notifications are inhibited until the cause resolves.
	Symptom bool
}

// Catalog returns every built-in alert rule, keyed by name. It is built on
// each call so nobody can mutate a shared copy.
func Catalog() map[string]Rule {
	chainDown := []string{EthNodeDown, EthChainMismatch, EthNodeSyncing, EthNodeHeadStale}
	rules := []Rule{
		{Name: LivepeerNodeDown, Severity: SeverityCritical, Summary: "the livepeer node API does not answer"},
		{Name: LivepeerNodeIdentityMismatch, Severity: SeverityCritical, Summary: "the node's ETH address differs from the expected one"},
		{Name: RewardNotCalled, Severity: SeverityWarning, Summary: "reward() has not been called this round",
			Causes: append([]string{LivepeerNodeDown, TxStalled, GasPriceAboveNodeMax, EthBalanceLow, NodeChainDisagreement}, chainDown...)},
		{Name: RewardRoundMissed, Severity: SeverityCritical, Summary: "a round ended without a reward call",
			Causes: append([]string{LivepeerNodeDown, TxStalled, GasPriceAboveNodeMax, EthBalanceLow}, chainDown...)},
		{Name: RoundNotInitialized, Severity: SeverityWarning, Summary: "the current round is not initialized yet", Causes: chainDown},
		{Name: RewardStatusUnknown, Severity: SeverityWarning, Summary: "the reward status could not be evaluated",
			Causes: append([]string{LivepeerNodeDown}, chainDown...)},
		{Name: NodeChainDisagreement, Severity: SeverityWarning, Summary: "the node's view of the chain disagrees with the chain",
			Causes: chainDown, Symptom: true},
		{Name: TranscoderInactive, Severity: SeverityWarning, Summary: "the transcoder is not in the active set"},
		{Name: StakeDropped, Severity: SeverityWarning, Summary: "the transcoder's total stake dropped"},
		{Name: EthBalanceLow, Severity: SeverityWarning, Summary: "the node's ETH balance is low"},
		{Name: EthRunwayShort, Severity: SeverityWarning, Summary: "the node's ETH lasts less than the runway limit at the recent spend rate"},
		{Name: EthNodeDown, Severity: SeverityCritical, Summary: "no chain RPC endpoint answers"},
		{Name: EthNodeSyncing, Severity: SeverityCritical, Summary: "the Ethereum node is syncing", Causes: []string{EthNodeDown}},
		{Name: EthNodeHeadStale, Severity: SeverityCritical, Summary: "the Ethereum node's newest block is stale", Causes: []string{EthNodeDown, EthNodeSyncing}},
		{Name: EthNodeBehindReference, Severity: SeverityWarning, Summary: "the local chain head is behind the reference endpoint",
			Causes: []string{EthNodeSyncing, EthNodeHeadStale}, Symptom: true},
		{Name: EthNodePeersLow, Severity: SeverityWarning, Summary: "the Ethereum node has too few peers"},
		{Name: EthChainMismatch, Severity: SeverityCritical, Summary: "the chain ID differs from the expected one"},
		{Name: TxStalled, Severity: SeverityCritical, Summary: "the node's transactions are stuck behind a nonce",
			Causes: []string{GasPriceAboveNodeMax, EthBalanceLow, EthNodeHeadStale, EthNodeSyncing}},
		{Name: GasPriceAboveNodeMax, Severity: SeverityWarning, Summary: "the gas price is above the node's -maxGasPrice: it will not send reward"},
		{Name: RewardCallErrors, Severity: SeverityWarning, Summary: "the node's reward call errors increased",
			Causes: append([]string{TxStalled, GasPriceAboveNodeMax, EthBalanceLow}, chainDown...)},
		{Name: SessionsNearCapacity, Severity: SeverityWarning, Summary: "the node's sessions are near its capacity"},
		{Name: TranscodeSuccessLow, Severity: SeverityWarning, Summary: "the node's transcode success rate is low"},
		{Name: FileDescriptorsHigh, Severity: SeverityWarning, Summary: "the livepeer process uses most of its open-file limit"},
		{Name: DiskSpaceLow, Severity: SeverityWarning, Summary: "a data volume is running out of space"},
		{Name: ClockUnsynchronized, Severity: SeverityWarning, Summary: "the system clock is not synchronized"},
		{Name: RemediationPerformed, Severity: SeverityInfo, Summary: "lpwatch restarted a unit"},
		{Name: RemediationExhausted, Severity: SeverityCritical, Summary: "self-healing gave up: a human is needed"},
		{Name: AutoRewardFailed, Severity: SeverityCritical, Summary: "lpwatch's reward call failed"},
		{Name: NotificationDeliveryFailing, Severity: SeverityWarning, Summary: "a notification sink keeps failing"},
		{Name: LpwatchTest, Severity: SeverityInfo, Summary: "test notification from lpwatch"},
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
