package status

import (
	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/checks"
)

// Kinds of RewardCaller.Kind.
const (
	CallerNone     = "none"
	CallerAccount  = "account"
	CallerContract = "contract"
	CallerUnknown  = "unknown"
)

// RewardCaller is an orchestrator's LIP-118 reward caller in /status,
// and who sends its reward transactions.
type RewardCaller struct {
	// Address is the reward caller; "" when none is set.
	Address string `json:"address,omitempty"`
	// Kind is CallerNone, CallerAccount, CallerContract or CallerUnknown
	// (its code could not be read).
	Kind string `json:"kind"`
	// Sender is the account whose balance and nonces the account shows:
	// the caller when the node runs as it, else the orchestrator; "" when
	// a contract rewards.
	Sender string `json:"sender,omitempty"`
	// Text says it for a person: "runs as reward caller 0x… of 0x…",
	// "rewarded by contract 0x…".
	Text string `json:"text"`
}

// applySender sets the reward caller of as and, when another account than
// the orchestrator sends the rewards, shows that account's balance and
// nonces; when a contract does, none.
func applySender(as *Account, s checks.RewardSender) {
	rc := s.Caller
	if rc == nil {
		return
	}
	c := &RewardCaller{Kind: CallerNone, Sender: as.Address, Text: "no reward caller: the orchestrator " + as.Address + " sends its rewards"}
	if rc.Set() {
		c.Address = rc.Address.Hex()
		switch {
		case rc.IsContract():
			c.Kind = CallerContract
		case rc.IsAccount():
			c.Kind = CallerAccount
		default:
			c.Kind = CallerUnknown
		}
		c.Text = "reward caller " + c.Address + " (" + c.Kind + "); the node runs as the orchestrator " + as.Address
	}
	switch {
	case s.Contract != (common.Address{}):
		c.Sender, c.Text = "", "rewarded by contract "+s.Contract.Hex()
		as.BalanceEther, as.PendingNonce, as.MinedNonce = nil, nil, nil
	case s.AsCaller && s.Account != nil:
		a := s.Account
		c.Sender, c.Text = a.Address.Hex(), "runs as reward caller "+a.Address.Hex()+" of "+as.Address
		as.BalanceEther, as.PendingNonce, as.MinedNonce = nil, a.PendingNonce, a.MinedNonce
		if a.Balance != nil {
			b := checks.Ether(a.Balance)
			as.BalanceEther = &b
		}
	}
	as.RewardCaller = c
}

// callerText is the page's line about the reward caller: "" when the
// orchestrator has none (or it is not read yet), nothing to tell.
func callerText(c *RewardCaller) string {
	if c == nil || c.Kind == CallerNone {
		return ""
	}
	return c.Text
}
