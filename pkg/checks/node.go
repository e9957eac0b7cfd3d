package checks

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/observe"
	"github.com/lpwatch/lpwatch/pkg/redact"
)

// weiPerEther is 1e18.
var weiPerEther = new(big.Float).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil))

// nodeInput is what one evaluation knows of a node from its own API.
type nodeInput struct {
	node config.Node
	obs  observe.Node
	// seen is false until the node's first probe.
	seen bool
	// caller is the orchestrator's reward caller, when a chain tells.
	caller callerInfo
}

// down says why the node's own view cannot be read ("" when it can).
func (in nodeInput) down() string {
	switch {
	case !in.seen:
		return "the node has not been probed yet"
	case in.obs.Err != nil && len(in.obs.ChainErrors) > 0:
		return "the node's endpoints that read the chain fail"
	case in.obs.Err != nil:
		return "the node API does not answer"
	}
	return ""
}

// viewInput is the node's own view, for the checks that read it.
type viewInput struct {
	node   config.Node
	snap   *nodeapi.Snapshot
	checks config.Checks
	// caller is the orchestrator's reward caller, when a chain tells.
	caller callerInfo
}

// nodeDown is LivepeerNodeDown: the node's API does not answer. A node
// whose endpoints that read the chain fail answers: its chain is down.
func nodeDown(in nodeInput) Result {
	check, n, o := alert.LivepeerNodeDown, in.node, in.obs
	switch {
	case !in.seen:
		return unknown(check, n.Name, in.down())
	case o.Err != nil && len(o.ChainErrors) > 0:
		return ok(check, n.Name, fmt.Sprintf("node API answers; %d endpoint(s) that read the chain fail", len(o.ChainErrors)))
	case o.Err != nil:
		return failing(check, n.Name, Critical,
			fmt.Sprintf("node API at %s does not answer: %s", redact.URL(n.URL), o.Reason),
			map[string]string{"url": redact.URL(n.URL), "error": o.Reason})
	}
	return ok(check, n.Name, "node API answers ("+string(o.Snapshot.Generation)+" API)")
}

// nodeChainErrors is LivepeerNodeChainErrors: the node's HTTP server
// answers while the endpoints that read the chain fail. It names the
// failing endpoints with their reasons (never the node's error text, which
// may quote its -ethUrl and so a key).
func nodeChainErrors(in nodeInput) Result {
	check, n, o := alert.LivepeerNodeChainErrors, in.node, in.obs
	switch {
	case !in.seen:
		return unknown(check, n.Name, in.down())
	case o.Err != nil && len(o.ChainErrors) > 0:
	case o.Err != nil:
		return unknown(check, n.Name, in.down())
	default:
		return ok(check, n.Name, "the node's endpoints that read the chain answer")
	}
	paths := make([]string, 0, len(o.ChainErrors))
	listed := make([]string, 0, len(o.ChainErrors))
	for _, e := range o.ChainErrors {
		paths = append(paths, e.Path)
		listed = append(listed, e.Path+" ("+e.Reason+")")
	}
	return failing(check, n.Name, Warning,
		fmt.Sprintf("node API at %s answers, but its endpoints that read the chain fail: %s: the node's Ethereum client cannot read the chain",
			n.URL, strings.Join(listed, ", ")),
		map[string]string{"url": n.URL, "endpoints": strings.Join(paths, ","), "error": o.ChainErrors[0].Reason})
}

// identity is LivepeerNodeIdentityMismatch: the node reports another ETH
// address than expected_address (the orchestrator) and, when the chain
// tells, than the orchestrator's LIP-118 reward caller, which a node may
// run as to reward for the orchestrator.
func identity(in viewInput) Result {
	check, n, s := alert.LivepeerNodeIdentityMismatch, in.node, in.snap
	addr := s.Address
	if addr == "" {
		addr = s.Transcoder.Address
	}
	if addr == "" {
		return unknown(check, n.Name, "the node reported no ETH address")
	}
	expected := n.ExpectedAddress.String()
	rc := in.caller.caller
	switch {
	case nodeapi.SameAddress(addr, expected):
		return ok(check, n.Name, "node address is "+addr)
	case rc != nil && rc.Set() && nodeapi.SameAddress(addr, rc.Address.Hex()):
		return ok(check, n.Name, fmt.Sprintf("runs as reward caller %s of %s", addr, expected))
	case in.caller.pending != "":
		return unknown(check, n.Name, fmt.Sprintf("node reports address %s, not the orchestrator %s; whether it is its reward caller is not known yet: %s",
			addr, expected, in.caller.pending))
	case rc != nil:
		return failing(check, n.Name, Critical,
			fmt.Sprintf("node reports address %s, which is neither the orchestrator %s nor its reward caller (%s): this node can no longer reward",
				addr, expected, callerText(rc)),
			map[string]string{"address": addr, "expected": expected, "reward_caller": rc.Address.Hex()})
	}
	return failing(check, n.Name, Critical,
		fmt.Sprintf("node reports address %s, expected %s", addr, expected),
		map[string]string{"address": addr, "expected": expected, "node_id": s.NodeID})
}

// inactive is TranscoderInactive: the node's address is not a registered
// transcoder in the active set.
func inactive(in viewInput) Result {
	check, name := alert.TranscoderInactive, in.node.Name
	t := in.snap.Transcoder
	if !t.Registered() {
		return failing(check, name, Warning, fmt.Sprintf("the node's address is not registered as a transcoder (status %q)", t.Status),
			map[string]string{"status": t.Status})
	}
	if !t.Active {
		return failing(check, name, Warning, "the transcoder is registered but not in the active set",
			map[string]string{"status": t.Status, "active": "false"})
	}
	return ok(check, name, "registered and active")
}

// rewardNodeView is RewardNotCalled as the node itself sees it.
func rewardNodeView(in viewInput) Result {
	check, name, s := alert.RewardNotCalled, in.node.Name, in.snap
	t := s.Transcoder
	switch {
	case t.LastRewardRound == nil || s.CurrentRound == nil:
		return unknown(check, name, "the node reported no round or last reward round")
	case s.RoundInitialized != nil && !*s.RoundInitialized:
		return ok(check, name, fmt.Sprintf("round %s is not initialized yet: reward is not possible", s.CurrentRound))
	case !t.Active:
		return ok(check, name, "the transcoder is not active: no reward is due")
	case t.LastRewardRound.Cmp(s.CurrentRound) >= 0:
		return ok(check, name, fmt.Sprintf("reward called for round %s", t.LastRewardRound))
	}
	if s.RoundInitialized == nil {
		return unknown(check, name, "the node does not say whether the round is initialized")
	}
	return failing(check, name, Warning,
		fmt.Sprintf("last reward round %s is behind current round %s (node's view)", t.LastRewardRound, s.CurrentRound),
		map[string]string{"current_round": s.CurrentRound.String(), "last_reward_round": t.LastRewardRound.String(), "view": "node"})
}

// nodeBalance is EthBalanceLow from the node's /ethBalance.
func nodeBalance(in viewInput) Result {
	return balance(in.node.Name, in.snap.EthBalance, in.checks, "/ethBalance")
}

// balance is EthBalanceLow from a balance in wei.
func balance(name string, wei *big.Int, cfg config.Checks, source string) Result {
	check := alert.EthBalanceLow
	if wei == nil {
		return unknown(check, name, "the balance could not be read from "+source)
	}
	eth, _ := new(big.Float).Quo(new(big.Float).SetInt(wei), weiPerEther).Float64()
	details := map[string]string{"balance_ether": formatEther(wei), "source": source}
	switch {
	case eth < cfg.BalanceCriticalEther:
		return failing(check, name, Critical, fmt.Sprintf("balance %s ETH is under %g ETH", formatEther(wei), cfg.BalanceCriticalEther), details)
	case eth < cfg.BalanceWarnEther:
		return failing(check, name, Warning, fmt.Sprintf("balance %s ETH is under %g ETH", formatEther(wei), cfg.BalanceWarnEther), details)
	}
	return ok(check, name, "balance "+formatEther(wei)+" ETH")
}

// Ether converts wei to ether as a float, for metrics.
func Ether(wei *big.Int) float64 {
	if wei == nil {
		return 0
	}
	f, _ := new(big.Float).Quo(new(big.Float).SetInt(wei), weiPerEther).Float64()
	return f
}

// formatEther renders wei as ether with up to 6 decimals, exactly.
func formatEther(wei *big.Int) string {
	// Rounded to micro-ether in integers: a big.Rat per call was a hot spot
	// with a thousand nodes.
	micro := new(big.Int).Add(wei, big.NewInt(5e11))
	if wei.Sign() < 0 {
		micro.Sub(wei, big.NewInt(5e11))
	}
	micro.Quo(micro, big.NewInt(1e12))
	sign := ""
	if micro.Sign() < 0 {
		sign, micro = "-", micro.Neg(micro)
	}
	q, r := new(big.Int).QuoRem(micro, big.NewInt(1e6), new(big.Int))
	if r.Sign() == 0 {
		return sign + q.String()
	}
	frac := strings.TrimRight(fmt.Sprintf("%06d", r.Int64()), "0")
	return sign + q.String() + "." + frac
}
