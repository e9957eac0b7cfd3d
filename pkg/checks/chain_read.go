package checks

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
)

// missingWhy explains why the read of field (for addr; zero for reads not
// about an account) left no value in the observation.
func missingWhy(o *chain.Observation, field string, addr common.Address) string {
	if err := o.Err(field, addr); err != nil {
		return fmt.Sprintf("%s could not be read (%s)", field, chain.Reason(err))
	}
	if o.Endpoint == "" {
		return noEndpoint(o)
	}
	if o.Contracts == nil && (strings.HasPrefix(field, "round.") || isContractRead(field)) {
		if err := o.Err("contracts", common.Address{}); err != nil {
			return "the protocol contracts could not be resolved (" + chain.Reason(err) + ")"
		}
		return "the protocol contracts could not be resolved"
	}
	return field + " was not read"
}

func isContractRead(field string) bool {
	switch field {
	case "account.getTranscoder", "account.isActiveTranscoder", "account.transcoderStatus", "account.transcoderTotalStake":
		return true
	}
	return false
}

// need is a list of reads one check depends on; the first missing one
// explains why the check is unknown.
type need struct {
	o    *chain.Observation
	addr common.Address
	why  string
}

// u64 records a missing uint64 read.
func (n *need) u64(v *uint64, field string) uint64 {
	if v == nil {
		n.miss(field)
		return 0
	}
	return *v
}

// flag records a missing bool read.
func (n *need) flag(v *bool, field string) bool {
	if v == nil {
		n.miss(field)
		return false
	}
	return *v
}

// num records a missing big number read.
func (n *need) num(v *big.Int, field string) *big.Int {
	if v == nil {
		n.miss(field)
	}
	return v
}

// transcoder records a missing getTranscoder read.
func (n *need) transcoder(a *chain.AccountInfo) *chain.Transcoder {
	if a.Transcoder == nil {
		n.miss("account.getTranscoder")
	}
	return a.Transcoder
}

func (n *need) miss(field string) {
	if n.why != "" {
		return
	}
	addr := common.Address{}
	if strings.HasPrefix(field, "account.") {
		addr = n.addr
	}
	n.why = missingWhy(n.o, field, addr)
}

// ok reports whether every read was present.
func (n *need) ok() bool { return n.why == "" }

// roundView is the round arithmetic of an observation.
type roundView struct {
	round, length, elapsed, remaining uint64
	initialized                       bool
}

// readRound reads the round, its length and position; initialized is
// only required when withInit is set.
func readRound(n *need, r chain.RoundInfo, withInit bool) roundView {
	v := roundView{
		round:  n.u64(r.CurrentRound, "round.currentRound"),
		length: n.u64(r.Length, "round.roundLength"),
	}
	start := n.u64(r.StartBlock, "round.currentRoundStartBlock")
	block := n.u64(r.BlockNum, "round.blockNum")
	if withInit {
		v.initialized = n.flag(r.Initialized, "round.currentRoundInitialized")
	}
	if !n.ok() {
		return v
	}
	if block < start || v.length == 0 || block-start > v.length {
		n.why = fmt.Sprintf("inconsistent round data: blockNum %d, round start %d, round length %d", block, start, v.length)
		return v
	}
	v.elapsed = block - start
	v.remaining = v.length - v.elapsed
	return v
}

// details renders the round facts every reward notification carries.
func (v roundView) details() map[string]string {
	return map[string]string{
		"round": u64s(v.round), "round_length_blocks": u64s(v.length),
		"blocks_elapsed": u64s(v.elapsed), "blocks_remaining": u64s(v.remaining),
	}
}

func u64s(v uint64) string { return fmt.Sprint(v) }

// pct renders a fraction as a percentage, e.g. 0.1 as "10%".
func pct(f float64) string { return strconv.FormatFloat(f*100, 'g', 3, 64) + "%" }

// noEndpoint says that no endpoint could be used, and why for each.
func noEndpoint(o *chain.Observation) string {
	var why []string
	for _, h := range o.Endpoints {
		why = append(why, h.Name+": "+h.Reason)
	}
	return unknownWhy("no chain endpoint is usable", why)
}
