package status

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// StripRounds is how many rounds the page's history strip shows.
const StripRounds = 30

// accountTarget is one account of the chain section.
type accountTarget struct {
	name, kind string
	addr       config.Address
}

// accountTargets are the configured targets (nodes, then orchestrators),
// then the observed accounts of the active set, by name.
func accountTargets(cfg *config.Config, facts ChainFacts) []accountTarget {
	var out []accountTarget
	for _, t := range cfg.Targets() {
		kind := KindOrchestrator
		if t.Node {
			kind = KindNode
		}
		out = append(out, accountTarget{name: t.Name, kind: kind, addr: t.Address})
	}
	var observed []string
	for name, f := range facts.Nodes {
		if f.Observed {
			observed = append(observed, name)
		}
	}
	sort.Strings(observed)
	for _, name := range observed {
		out = append(out, accountTarget{name: name, kind: KindActiveSet, addr: config.ParseAddress(facts.Nodes[name].Address)})
	}
	return out
}

// accountOf is the chain section's entry of t.
func accountOf(t accountTarget, f checks.NodeChainFacts, o *chain.Observation) Account {
	as := Account{Node: t.name, Kind: t.kind, Address: t.addr.String(), MissedRounds: f.MissedTotal, Rounds: f.Rounds}
	if f.RunwayKnown && !math.IsInf(f.RunwaySeconds, 1) {
		days := f.RunwaySeconds / 86400
		as.RunwayDays = &days
	}
	if o == nil || !t.addr.Valid() {
		return as
	}
	a := o.Account(t.addr.Addr())
	if a == nil {
		return as
	}
	if a.Transcoder != nil {
		l := a.Transcoder.LastRewardRound
		as.LastRewardRound = &l
	}
	as.Active, as.PendingNonce, as.MinedNonce = a.Active, a.PendingNonce, a.MinedNonce
	if a.Status != nil {
		reg := *a.Status == chain.Registered
		as.Registered = &reg
	}
	if a.Balance != nil {
		b := checks.Ether(a.Balance)
		as.BalanceEther = &b
	}
	if a.TotalStake != nil {
		s := checks.Ether(a.TotalStake)
		as.StakeLPT = &s
	}
	applySender(&as, f.Sender)
	return as
}

// stripCell is one round of the history strip.
type stripCell struct {
	Class string // early, late, missed, not_due, rewarded, pending
	Label string // one character, for a reader without colour
	Title string
}

// historyStrip is the last StripRounds rounds up to current (the chain's
// round; 0 when unknown) as cells, oldest first; none without history.
func historyStrip(rounds []checks.RoundRecord, current uint64, warnAfter float64) []stripCell {
	if len(rounds) == 0 {
		return nil
	}
	byRound := make(map[uint64]checks.RoundRecord, len(rounds))
	newest := current
	for _, r := range rounds {
		byRound[r.Round] = r
		newest = max(newest, r.Round)
	}
	if newest == 0 {
		return nil
	}
	// From the oldest round known, at most StripRounds back.
	first := rounds[0].Round
	for _, r := range rounds {
		first = min(first, r.Round)
	}
	if newest >= StripRounds {
		first = max(first, newest-StripRounds+1)
	}
	cells := make([]stripCell, 0, StripRounds)
	for k := first; k <= newest; k++ {
		r, ok := byRound[k]
		switch {
		case ok:
			cells = append(cells, recordCell(r, warnAfter))
		case k == current:
			cells = append(cells, stripCell{Class: "pending", Label: "·", Title: fmt.Sprintf("round %d: current, no reward yet", k)})
		default:
			cells = append(cells, stripCell{Class: "none", Label: " ", Title: fmt.Sprintf("round %d: not watched", k)})
		}
	}
	return cells
}

// recordCell renders one round of the history.
func recordCell(r checks.RoundRecord, warnAfter float64) stripCell {
	timing := r.Timing(warnAfter)
	c := stripCell{Class: timing}
	switch timing {
	case "early", checks.OutcomeRewarded:
		c.Label = "✓"
	case "late":
		c.Label = "!"
	case checks.OutcomeMissed:
		c.Label = "✗"
	default:
		c.Label = "–"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "round %d: %s", r.Round, strings.ReplaceAll(timing, "_", " "))
	if r.Block != nil && r.Length > 0 {
		fmt.Fprintf(&b, ", block %d of %d", *r.Block, r.Length)
	}
	if r.Function != "" {
		fmt.Fprintf(&b, ", %s by %s", r.Function, shortHex(r.Sender))
	}
	if c := weiOf(r.CostWei); c != nil {
		fmt.Fprintf(&b, ", cost %s ETH", etherText(c))
	}
	if m := weiOf(r.MintedWei); m != nil {
		fmt.Fprintf(&b, ", %s LPT minted", etherText(m))
	}
	if r.Tx != "" {
		fmt.Fprintf(&b, ", tx %s", r.Tx)
	}
	c.Title = b.String()
	return c
}

// historySummary says how the last n rounds went: "rewarded 29/30 rounds
// (2 late), avg cost 0.00004 ETH, 45.2 LPT minted" ("" without history).
// Rounds in which no reward was due are left out of the count.
func historySummary(rounds []checks.RoundRecord, n int, warnAfter float64) string {
	if len(rounds) > n {
		rounds = rounds[len(rounds)-n:]
	}
	due, rewarded, late, costed := 0, 0, 0, 0
	cost, minted := new(big.Int), new(big.Int)
	for _, r := range rounds {
		switch r.Outcome {
		case checks.OutcomeRewarded:
			due++
			rewarded++
			if r.Timing(warnAfter) == "late" {
				late++
			}
			if c := weiOf(r.CostWei); c != nil {
				cost.Add(cost, c)
				costed++
			}
			if m := weiOf(r.MintedWei); m != nil {
				minted.Add(minted, m)
			}
		case checks.OutcomeMissed:
			due++
		}
	}
	if due == 0 {
		return ""
	}
	s := fmt.Sprintf("rewarded %d/%d rounds", rewarded, due)
	if late > 0 {
		s += fmt.Sprintf(" (%d late)", late)
	}
	if costed > 0 {
		s += ", avg cost " + etherText(new(big.Int).Quo(cost, big.NewInt(int64(costed)))) + " ETH"
	}
	if minted.Sign() > 0 {
		s += ", " + etherText(minted) + " LPT minted"
	}
	return s
}

func weiOf(s string) *big.Int { return checks.ParseWei(s) }

// etherText renders wei in ether: to 0.1 from 100, to 0.001 from 1, and
// below 1 with two significant digits (0.000012).
func etherText(wei *big.Int) string {
	f := checks.Ether(wei)
	decimals := 1
	switch {
	case f == 0:
		return "0"
	case f >= 100:
	case f >= 1:
		decimals = 3
	default:
		decimals = int(math.Ceil(-math.Log10(f))) + 1
	}
	s := strconv.FormatFloat(f, 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// shortHex shortens an address or hash as explorers do.
func shortHex(s string) string {
	if len(s) > 12 {
		return s[:6] + "…" + s[len(s)-4:]
	}
	return s
}

// HistoryText is the account's reward history for a terminal: the last
// StripRounds rounds as one character each (✓ early, ! late, ✗ missed,
// – none due, · current), then the summary; "" without history.
func (a Account) HistoryText(current uint64, warnAfter float64) string {
	cells := historyStrip(a.Rounds, current, warnAfter)
	if len(cells) == 0 {
		return ""
	}
	var b strings.Builder
	for _, c := range cells {
		b.WriteString(c.Label)
	}
	if s := historySummary(a.Rounds, StripRounds, warnAfter); s != "" {
		b.WriteString("  " + s)
	}
	return b.String()
}
