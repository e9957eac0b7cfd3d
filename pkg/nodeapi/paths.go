package nodeapi

// Read-only paths of the CLI API that this client requests.
const (
	PathStatus           = "/status"
	PathOrchestratorInfo = "/orchestratorInfo"
	PathTranscoderInfo   = "/transcoderInfo"
	PathCurrentRound     = "/currentRound"
	PathRoundInitialized = "/roundInitialized"
	PathEthAddr          = "/ethAddr"
	PathEthBalance       = "/ethBalance"
	PathMaxGasPrice      = "/maxGasPrice"
	PathNodeID           = "/nodeID"
	PathMetrics          = "/metrics"
	// PathRewardCaller is the read path of Gated nodes that reports the
	// orchestrator's reward caller (its body is not documented: only its
	// presence is used, to detect the generation).
	PathRewardCaller = "/rewardCaller"
)

// PathReward is the one action path lpwatch may request, and only through
// CallReward.
const PathReward = "/reward"

// ActionPaths returns the CLI API paths that act instead of read: they send
// a transaction, move funds, sign, change a node setting or start work.
// Nodes before the Gated generation check no HTTP method, so even a GET on
// any of them acts. The list
// covers every generation, including the 2018 names. A new slice is
// returned on each call.
func ActionPaths() []string {
	return []string{
		// Transactions (current names).
		PathReward,
		"/initializeRound",
		"/claimEarnings",
		"/bond",
		"/unbond",
		"/rebond",
		"/withdrawStake",
		"/withdrawFees",
		"/transferTokens",
		"/activateOrchestrator",
		"/setOrchestratorConfig",
		"/fundDeposit",
		"/fundDepositAndReserve",
		"/unlock",
		"/cancelUnlock",
		"/withdraw",
		"/vote",
		"/voteOnProposal",
		"/requestTokens",
		"/setRewardCaller",
		// Local settings and signing.
		"/setMaxGasPrice",
		"/setMinGasPrice",
		"/setLogLevel",
		"/signMessage",
		"/setBroadcastConfig",
		"/setMaxSessions",
		"/setMaxFaceValue",
		"/setPriceForBroadcaster",
		"/setMaxPriceForCapability",
		"/registerLiveRunners",
		// 2018 names.
		"/activateTranscoder",
		"/setTranscoderConfig",
		"/deposit",
		"/withdrawDeposit",
		"/setGasPrice",
		"/transcode",
	}
}

// IsActionPath reports whether path is one of ActionPaths.
func IsActionPath(path string) bool {
	for _, p := range ActionPaths() {
		if p == path {
			return true
		}
	}
	return false
}
