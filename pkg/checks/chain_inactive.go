package checks

import (
	"fmt"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
)

// inactiveChain is TranscoderInactive from the chain: transcoderStatus
// says whether the account is registered, isActiveTranscoder whether it
// is in the active set of the current round.
func inactiveChain(in accountInput) Result {
	check, name, o, a := alert.TranscoderInactive, in.node.Name, in.obs, in.acct
	n := &need{o: o, addr: a.Address}
	if a.Status == nil {
		n.miss("account.transcoderStatus")
	}
	active := n.flag(a.Active, "account.isActiveTranscoder")
	if !n.ok() {
		return unknown(check, name, n.why)
	}
	round := "the current round"
	if r := o.Round.CurrentRound; r != nil {
		round = fmt.Sprintf("round %d", *r)
	}
	switch {
	case *a.Status != chain.Registered:
		return failing(check, name, Warning, fmt.Sprintf("%s is not registered as a transcoder on the chain (transcoderStatus %s)", a.Address.Hex(), a.Status),
			map[string]string{"status": a.Status.String(), "source": "chain"})
	case !active:
		return failing(check, name, Warning, fmt.Sprintf("%s is registered but not in the active set of %s (isActiveTranscoder false)", a.Address.Hex(), round),
			map[string]string{"status": a.Status.String(), "active": "false", "source": "chain"})
	}
	return ok(check, name, "registered and in the active set of "+round+" (chain)")
}
