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
	RewardCallerChanged          = "RewardCallerChanged"
	RewardCallerUnauthorized     = "RewardCallerUnauthorized"
	RewardCallErrors             = "RewardCallErrors"
	SessionsNearCapacity         = "SessionsNearCapacity"
	TranscodeSuccessLow          = "TranscodeSuccessLow"
	FileDescriptorsHigh          = "FileDescriptorsHigh"
	DiskSpaceLow                 = "DiskSpaceLow"
	ClockUnsynchronized          = "ClockUnsynchronized"
	RemediationPerformed         = "RemediationPerformed"
	RemediationExhausted         = "RemediationExhausted"
	AutoRewardFailed             = "AutoRewardFailed"
	AutoRewardUnavailable        = "AutoRewardUnavailable"
	NotificationDeliveryFailing  = "NotificationDeliveryFailing"
	LpwatchTest                  = "LpwatchTest"
	LpwatchStarted               = "LpwatchStarted"
	LpwatchDigest                = "LpwatchDigest"
)

// Rule describes one alert: its default severity, what it means, and how
// it relates to others. Rules are defined in pkg/checks, with the checks.
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

// Catalog holds the rule of every alert lpwatch raises, by name. pkg/checks
// builds it from its definitions (checks.Catalog); the engine, silences
// and the configuration's sink filters are given it.
type Catalog map[string]Rule

// Has reports whether name is an alert of the catalog.
func (c Catalog) Has(name string) bool {
	_, ok := c[name]
	return ok
}

// RunbookAnchor returns the anchor of an alert's section in docs/runbooks.md.
func RunbookAnchor(name string) string { return strings.ToLower(name) }
