package nodeapi

import "slices"

// ChainBackedPaths returns the read-only paths of generation gen whose
// handler makes a call to the node's Ethereum client (an eth_call or a
// balance read through -ethUrl) before it answers. When that client's node
// is down, these paths fail while the node's HTTP server and its other
// paths keep answering: Current and V05 answer 500 with http.Error's text
// (some v0.5-era handlers 200 with an empty body), the 2018 generations
// (V03, Legacy) always 200 with an empty body. Paths served from the node's own state (its
// account, its settings, its database, the block watcher's last block) are
// not listed. A new slice is returned on each call; nil for Auto or an
// unknown generation.
func ChainBackedPaths(gen Generation) []string {
	switch gen {
	case Current, V05, Gated:
		paths := []string{
			PathOrchestratorInfo, PathCurrentRound, PathRoundInitialized, PathEthBalance,
			"/tokenBalance", "/delegatorInfo", "/registeredOrchestrators", "/protocolParameters",
			"/orchestratorEarningPoolsForRound", "/senderInfo", "/ticketBrokerParams",
		}
		if gen == Gated {
			paths = append(paths, PathRewardCaller)
		}
		return paths
	case V03, Legacy:
		return []string{
			PathTranscoderInfo, PathCurrentRound, PathRoundInitialized, PathEthBalance,
			"/tokenBalance", "/delegatorInfo", "/registeredTranscoders", "/protocolParameters",
			"/transcoderEarningPoolsForRound", "/broadcasterDeposit",
		}
	}
	return nil
}

// IsChainBacked reports whether path is one of ChainBackedPaths(gen).
func IsChainBacked(gen Generation, path string) bool {
	return slices.Contains(ChainBackedPaths(gen), path)
}
