package fakenode

import (
	"context"
	"errors"
	"net/http"

	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// SetRewardHandler sets what a request to /reward does. The function runs
// with the request's context; its error becomes the node's answer. It may
// block, as go-livepeer does until its transaction is mined: for example
// until a simulated chain mined the reward. Nil restores the default,
// which behaves like the reward transaction on-chain: it fails when the
// round is not initialized, the node is not active, or reward was already
// called this round, and otherwise sets LastRewardRound to the current
// round.
func (n *Node) SetRewardHandler(f func(ctx context.Context) error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.reward = f
}

// rewardHold parks /reward requests; the zero value holds nothing.
type rewardHold struct {
	// release is open while requests are held and closed to let them go;
	// nil when nothing is held.
	release chan struct{}
	// waiting counts the requests parked on release.
	waiting int
	// changed is closed and replaced whenever waiting changes; nil until
	// first needed.
	changed chan struct{}
}

// setWaiting changes the count of held requests by d and wakes
// WaitForHeldRewards; the caller holds n.mu.
func (h *rewardHold) setWaiting(d int) {
	h.waiting += d
	if h.changed != nil {
		close(h.changed)
		h.changed = nil
	}
}

// HoldRewards makes every /reward request wait before its handler runs,
// as go-livepeer's POST /reward answers only once the transaction is
// mined or failed (minutes: up to -transactionTimeout times
// -maxTransactionReplacements+1). A held request waits until
// ReleaseRewards, until its client gives up (the answer is then lost), or
// until Close. By default nothing is held and /reward answers at once,
// which is what the demo and most tests want.
func (n *Node) HoldRewards() {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.hold.release == nil {
		n.hold.release = make(chan struct{})
	}
}

// ReleaseRewards ends HoldRewards: the held requests and every later one
// run the reward handler and answer. Without a hold it does nothing.
func (n *Node) ReleaseRewards() {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.hold.release != nil {
		close(n.hold.release)
		n.hold.release = nil
	}
}

// HeldRewards returns how many /reward requests wait on HoldRewards now.
func (n *Node) HeldRewards() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.hold.waiting
}

// WaitForHeldRewards blocks until exactly count /reward requests wait on
// HoldRewards, or ctx ends.
func (n *Node) WaitForHeldRewards(ctx context.Context, count int) error {
	for {
		n.mu.Lock()
		if n.hold.waiting == count {
			n.mu.Unlock()
			return nil
		}
		if n.hold.changed == nil {
			n.hold.changed = make(chan struct{})
		}
		ch := n.hold.changed
		n.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// awaitRewardHold waits while /reward is held. It reports false when the
// request should not be served: its client went away or the node closed.
func (n *Node) awaitRewardHold(ctx context.Context) bool {
	n.mu.Lock()
	release := n.hold.release
	if release == nil {
		n.mu.Unlock()
		return true
	}
	n.hold.setWaiting(1)
	n.mu.Unlock()
	defer func() {
		n.mu.Lock()
		n.hold.setWaiting(-1)
		n.mu.Unlock()
	}()
	select {
	case <-release:
		return true
	case <-ctx.Done():
	case <-n.closed:
	}
	return false
}

// defaultReward mimics BondingManager.reward's checks (the revert messages
// are the contract's); in delegated mode (SetOrchestrator) the node's
// account must be the orchestrator's reward caller (SetRewardCaller).
func (n *Node) defaultReward(context.Context) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	switch {
	case n.st.orchestratorAddress() != n.st.address && n.st.rewardCaller != n.st.address:
		return errors.New("execution reverted: caller must be a reward caller set by the transcoder")
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

// serveReward waits while rewards are held, then runs the reward handler.
// The current API answers 200 with an empty body on success and 500
// "Error calling reward: ..." on failure; the 2018 API only logged the
// error and always answered 200 empty. A held request whose node closes
// answers 503, as any request to a closed fake node does.
func (n *Node) serveReward(w http.ResponseWriter, r *http.Request, _ state) {
	if !n.awaitRewardHold(r.Context()) {
		http.Error(w, "fake node closed", http.StatusServiceUnavailable)
		return
	}
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
