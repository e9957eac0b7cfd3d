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

// nodeChecks evaluates the checks that need only the node's own view.
// withChain says whether the chain is configured: reward timing and the
// balance then come from the chain checks instead.
func nodeChecks(n config.Node, o observe.Node, seen bool, cfg config.Checks, withChain bool) []Result {
	name := n.Name
	var out []Result
	if !seen {
		for _, c := range nodeViewChecks(withChain) {
			out = append(out, unknown(c, name, "the node has not been probed yet"))
		}
		return out
	}
	if o.Err != nil && len(o.ChainErrors) > 0 {
		return chainErrors(n, o.ChainErrors, withChain)
	}
	if o.Err != nil {
		out = append(out, failing(alert.LivepeerNodeDown, name, Critical,
			fmt.Sprintf("node API at %s does not answer: %s", redact.URL(n.URL), o.Reason),
			map[string]string{"url": redact.URL(n.URL), "error": o.Reason}))
		for _, c := range nodeViewChecks(withChain) {
			if c != alert.LivepeerNodeDown {
				out = append(out, unknown(c, name, "the node API does not answer"))
			}
		}
		return out
	}
	s := o.Snapshot
	out = append(out, ok(alert.LivepeerNodeDown, name, "node API answers ("+string(s.Generation)+" API)"))
	out = append(out, ok(alert.LivepeerNodeChainErrors, name, "the node's endpoints that read the chain answer"))
	out = append(out, identity(n, s))
	out = append(out, inactive(name, s))
	if !withChain {
		out = append(out, rewardNodeView(name, s))
		out = append(out, balance(name, s.EthBalance, cfg, "/ethBalance"))
	}
	return out
}

// nodeViewChecks lists the checks nodeChecks reports.
func nodeViewChecks(withChain bool) []string {
	c := []string{alert.LivepeerNodeDown, alert.LivepeerNodeChainErrors, alert.LivepeerNodeIdentityMismatch, alert.TranscoderInactive}
	if !withChain {
		c = append(c, alert.RewardNotCalled, alert.EthBalanceLow)
	}
	return c
}

// chainErrors judges a node whose HTTP server answers while the endpoints
// that read the chain fail: it is not down, its chain is.
// LivepeerNodeChainErrors names the failing endpoints with their reasons
// (never the node's error text, which may quote its -ethUrl and so a key).
func chainErrors(n config.Node, failed []*nodeapi.Error, withChain bool) []Result {
	paths := make([]string, 0, len(failed))
	listed := make([]string, 0, len(failed))
	for _, e := range failed {
		paths = append(paths, e.Path)
		listed = append(listed, e.Path+" ("+e.Reason+")")
	}
	out := []Result{
		ok(alert.LivepeerNodeDown, n.Name, fmt.Sprintf("node API answers; %d endpoint(s) that read the chain fail", len(failed))),
		failing(alert.LivepeerNodeChainErrors, n.Name, Warning,
			fmt.Sprintf("node API at %s answers, but its endpoints that read the chain fail: %s: the node's Ethereum client cannot read the chain",
				n.URL, strings.Join(listed, ", ")),
			map[string]string{"url": n.URL, "endpoints": strings.Join(paths, ","), "error": failed[0].Reason}),
	}
	for _, c := range nodeViewChecks(withChain) {
		if c != alert.LivepeerNodeDown && c != alert.LivepeerNodeChainErrors {
			out = append(out, unknown(c, n.Name, "the node's endpoints that read the chain fail"))
		}
	}
	return out
}

func identity(n config.Node, s *nodeapi.Snapshot) Result {
	check := alert.LivepeerNodeIdentityMismatch
	addr := s.Address
	if addr == "" {
		addr = s.Transcoder.Address
	}
	if addr == "" {
		return unknown(check, n.Name, "the node reported no ETH address")
	}
	if !nodeapi.SameAddress(addr, n.ExpectedAddress) {
		return failing(check, n.Name, Critical,
			fmt.Sprintf("node reports address %s, expected %s", addr, n.ExpectedAddress),
			map[string]string{"address": addr, "expected": n.ExpectedAddress, "node_id": s.NodeID})
	}
	return ok(check, n.Name, "node address is "+addr)
}

func inactive(name string, s *nodeapi.Snapshot) Result {
	check := alert.TranscoderInactive
	t := s.Transcoder
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
func rewardNodeView(name string, s *nodeapi.Snapshot) Result {
	check := alert.RewardNotCalled
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
