package fakenode

import (
	"context"
	"errors"
	"net/http"

	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// SetRewardHandler sets what a request to /reward does. The function runs
// with the request's context; its error becomes the node's answer. Nil
// restores the default, which behaves like the reward transaction on-chain:
// it fails when the round is not initialized, the node is not active, or
// reward was already called this round, and otherwise sets
// LastRewardRound to the current round.
func (n *Node) SetRewardHandler(f func(ctx context.Context) error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.reward = f
}

// defaultReward mimics BondingManager.reward's checks (the revert messages
// are the contract's).
func (n *Node) defaultReward(context.Context) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	switch {
	case !n.st.initialized:
		return errors.New("execution reverted: current round is not initialized")
	case !n.st.active:
		return errors.New("execution reverted: caller must be an active transcoder")
	case n.st.lastRewardRound.Cmp(n.st.round) == 0:
		return errors.New("execution reverted: caller has already called reward for the current round")
	}
	n.st.lastRewardRound = copyBig(n.st.round)
	return nil
}

// serveReward runs the reward handler. The current API answers 200 with an
// empty body on success and 500 "Error calling reward: ..." on failure; the
// 2018 API only logged the error and always answered 200 empty.
func (n *Node) serveReward(w http.ResponseWriter, r *http.Request, _ state) {
	n.mu.Lock()
	f := n.reward
	n.mu.Unlock()
	if f == nil {
		f = n.defaultReward
	}
	err := f(r.Context())
	if err != nil && n.gen != nodeapi.Legacy {
		http.Error(w, "Error calling reward: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// serveAction answers any other action path as a successful transaction
// would: 200 with an empty body. Nothing changes in the fake's state.
func serveAction(w http.ResponseWriter, _ *http.Request, _ state) {
	w.WriteHeader(http.StatusOK)
}
