package checks

import (
	"fmt"
	"math"
	"math/big"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// Runway sampling: at most RunwaySamples balance samples per runway window
// are kept, and the spend rate is only trusted once they span
// RunwayMinSpan of the window.
const (
	RunwaySamples = 200
	RunwayMinSpan = 0.5
)

// sample adds a balance sample when the last one is older than
// window/RunwaySamples, and drops samples older than the window.
func (n *nodeLedger) sample(at time.Time, wei *big.Int, window time.Duration) bool {
	if window <= 0 {
		return false
	}
	changed := false
	keep := n.Balance[:0]
	for _, s := range n.Balance {
		if at.Sub(s.At) <= window && !s.At.After(at) {
			keep = append(keep, s)
		} else {
			changed = true
		}
	}
	n.Balance = keep
	if k := len(n.Balance); k == 0 || at.Sub(n.Balance[k-1].At) >= window/RunwaySamples {
		n.Balance = append(n.Balance, balanceSample{At: at, Wei: wei.String()})
		changed = true
	}
	return changed
}

// spend returns the ETH spent over the samples and the current balance,
// ignoring increases (top-ups), and the time the samples span.
func spend(samples []balanceSample, now time.Time, current *big.Int) (spent *big.Int, span time.Duration, ok bool) {
	if len(samples) == 0 {
		return nil, 0, false
	}
	spent = new(big.Int)
	prev, okPrev := new(big.Int).SetString(samples[0].Wei, 10)
	if !okPrev {
		return nil, 0, false
	}
	next := func(v *big.Int) {
		if v.Cmp(prev) < 0 {
			spent.Add(spent, new(big.Int).Sub(prev, v))
		}
		prev = v
	}
	for _, s := range samples[1:] {
		v, okV := new(big.Int).SetString(s.Wei, 10)
		if !okV {
			return nil, 0, false
		}
		next(v)
	}
	next(current)
	return spent, now.Sub(samples[0].At), true
}

// runwayOf returns the balance's runway at the spend rate of the samples:
// +Inf when nothing was spent; ok is false until the samples span enough.
func runwayOf(samples []balanceSample, now time.Time, current *big.Int, window time.Duration) (runway time.Duration, inf bool, span time.Duration, ok bool) {
	spent, span, ok := spend(samples, now, current)
	if !ok || window <= 0 || span < time.Duration(RunwayMinSpan*float64(window)) {
		return 0, false, span, false
	}
	if spent.Sign() == 0 {
		return 0, true, span, true
	}
	perSec := new(big.Float).Quo(new(big.Float).SetInt(spent), big.NewFloat(span.Seconds()))
	secs, _ := new(big.Float).Quo(new(big.Float).SetInt(current), perSec).Float64()
	if secs > float64(math.MaxInt64/int64(time.Second)) {
		return 0, true, span, true
	}
	return time.Duration(secs * float64(time.Second)), false, span, true
}

// runway is EthRunwayShort: at the spend rate of lpwatch's own balance
// samples over checks.runway_window, the balance lasts under runway_warn.
// It stays unknown until the samples span half the window.
func runway(in accountInput) Result {
	check, node, now, c, l := alert.EthRunwayShort, in.node.Name, in.now, in.cfg.Checks, in.st.ledger
	snd, done := senderAccount(in, check)
	if done != nil {
		return *done
	}
	a := snd.acct
	n := l.file.Nodes[node]
	if n != nil && n.balanceOf() != a.Address.Hex() {
		n = nil // the samples are of another account
	}
	if a.Balance == nil {
		return unknown(check, node, "the balance could not be read")
	}
	if n == nil {
		return unknown(check, node, "no balance history yet")
	}
	d, inf, span, known := runwayOf(n.Balance, now, a.Balance, c.RunwayWindow)
	switch {
	case !known:
		return unknown(check, node, fmt.Sprintf("collecting balance history: %s of the %s needed", roundDur(span), roundDur(time.Duration(RunwayMinSpan*float64(c.RunwayWindow)))))
	case inf:
		return ok(check, node, "no ETH"+snd.of()+" spent in the last "+roundDur(span))
	}
	days := d.Hours() / 24
	desc := fmt.Sprintf("balance %s ETH%s lasts %.1f days at the spend rate of the last %s", formatEther(a.Balance), snd.of(), days, roundDur(span))
	if d < c.RunwayWarn {
		return failing(check, node, Warning, desc+", under "+roundDur(c.RunwayWarn), map[string]string{
			"runway_days": fmt.Sprintf("%.1f", days), "balance_ether": formatEther(a.Balance), "window": roundDur(span),
		})
	}
	return ok(check, node, desc)
}

// NodeChainFacts are per-node figures of the chain checks for metrics and
// /status.
type NodeChainFacts struct {
	// MissedTotal counts the rounds judged missed, ever (persisted).
	MissedTotal uint64
	// RunwayKnown is false until enough balance history exists; Runway is
	// +Inf when nothing was spent.
	RunwayKnown   bool
	RunwaySeconds float64
	// Rounds is the target's reward history, oldest first (at most
	// HistoryRounds).
	Rounds []RoundRecord
	// Observed marks an orchestrator of the active set that is not
	// configured: followed, but judged by no check; Address is its account.
	Observed bool
	Address  string
	// Sender is who sends the node's reward transactions.
	Sender RewardSender
}

// chainFacts returns the chain checks' figures per node, as of now.
func (e *Evaluator) chainFacts(now time.Time) map[string]NodeChainFacts {
	out := make(map[string]NodeChainFacts)
	e.openLedger(now)
	for name, n := range e.chain.ledger.file.Nodes {
		f := NodeChainFacts{MissedTotal: n.MissedTotal}
		if k := len(n.Balance); k > 0 {
			cur, okCur := new(big.Int).SetString(n.Balance[k-1].Wei, 10)
			if okCur {
				d, inf, _, ok := runwayOf(n.Balance, now, cur, e.cfg.Checks.RunwayWindow)
				f.RunwayKnown, f.RunwaySeconds = ok, d.Seconds()
				if inf {
					f.RunwaySeconds = math.Inf(1)
				}
			}
		}
		out[name] = f
	}
	for name, m := range e.chain.mem {
		f := out[name]
		f.Sender = m.senderFacts()
		out[name] = f
	}
	e.historyFacts(out)
	return out
}
