package fakenode

import (
	"net/http"
	"slices"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// DefaultVersionGated is the version /status reports on a nodeapi.Gated node.
const DefaultVersionGated = "0.9.2"

// gatedOnlyActions are the action paths only the Gated generation has.
func gatedOnlyActions() []string { return []string{"/setRewardCaller"} }

// gatedTxRoutes are the transaction routes a Gated node registers only
// when it runs with -enableCliTxRoutes, each for POST only.
func gatedTxRoutes() []string {
	return []string{
		nodeapi.PathReward, "/initializeRound", "/claimEarnings", "/bond", "/unbond", "/rebond",
		"/withdrawStake", "/withdrawFees", "/transferTokens", "/activateOrchestrator", "/setOrchestratorConfig",
		"/fundDeposit", "/fundDepositAndReserve", "/unlock", "/cancelUnlock", "/withdraw", "/vote",
		"/voteOnProposal", "/requestTokens", "/setMaxGasPrice", "/setRewardCaller",
	}
}

// WithCliTxRoutes starts a nodeapi.Gated node as with -enableCliTxRoutes:
// its transaction routes are registered (POST only). Other generations
// ignore it.
func WithCliTxRoutes() Option { return func(n *Node) { n.txRoutes = true } }

// SetCliTxRoutes turns the transaction routes of a nodeapi.Gated node on
// or off, as restarting it with or without -enableCliTxRoutes would.
func (n *Node) SetCliTxRoutes(on bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.txRoutes = on
}

// SetOrchestrator makes the node run in delegated mode (-ethOrchAddr): its
// own account (SetAddress, /ethAddr, /ethBalance) is the orchestrator's
// reward caller, and /orchestratorInfo describes the orchestrator. The
// zero address ends it: the node is its own orchestrator.
func (n *Node) SetOrchestrator(a common.Address) { n.update(func(s *state) { s.orchestrator = a }) }

// SetRewardCaller sets what /rewardCaller reports, and what the default
// reward handler checks in delegated mode: the orchestrator's reward
// caller on-chain (zero: none).
func (n *Node) SetRewardCaller(a common.Address) { n.update(func(s *state) { s.rewardCaller = a }) }

// orchestratorAddress is the orchestrator the node works for: -ethOrchAddr
// in delegated mode, else its own account.
func (s *state) orchestratorAddress() common.Address {
	if s.orchestrator != (common.Address{}) {
		return s.orchestrator
	}
	return s.address
}

// gatedHandlers serve the API of go-livepeer after v0.9.1 with LIP-118
// (nodeapi.Gated): the current paths, /rewardCaller, and method patterns:
// action paths answer 405 to anything but POST, and the transaction routes
// exist (otherwise 404, as Go's mux answers) only with -enableCliTxRoutes.
func (n *Node) gatedHandlers() map[string]handler {
	m := n.currentHandlers()
	n.addActions(m, gatedOnlyActions())
	tx := gatedTxRoutes()
	for p, h := range m {
		switch {
		case slices.Contains(tx, p):
			m[p] = n.txRoute(postOnly(h))
		case nodeapi.IsActionPath(p):
			m[p] = postOnly(h)
		}
	}
	m[nodeapi.PathRewardCaller] = func(w http.ResponseWriter, _ *http.Request, s state) {
		if s.stake == nil {
			n.fail(w, "could not get reward caller: chain call failed")
			return
		}
		writeText(w, s.rewardCaller.Hex())
	}
	return m
}

// postOnly answers 405 to any method but POST, as a "POST /path" pattern of
// Go's mux does.
func postOnly(h handler) handler {
	return func(w http.ResponseWriter, r *http.Request, s state) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "Method Not Allowed", http.StatusMethodNotAllowed)
			return
		}
		h(w, r, s)
	}
}

// txRoute answers 404 while the node runs without -enableCliTxRoutes.
func (n *Node) txRoute(h handler) handler {
	return func(w http.ResponseWriter, r *http.Request, s state) {
		n.mu.Lock()
		on := n.txRoutes
		n.mu.Unlock()
		if !on {
			http.NotFound(w, r)
			return
		}
		h(w, r, s)
	}
}
