package checks

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/chain"
)

// endpointChecks evaluates the checks of the chain target.
func endpointChecks(defs []*Definition, in chainInput) []Result {
	out := make([]Result, 0, len(defs))
	for _, d := range defs {
		if in.down != "" {
			out = append(out, unknown(d.Name, alert.ChainTarget, in.down))
			continue
		}
		out = append(out, named(d, d.eval.chain(in))...)
	}
	return out
}

// answered reports whether an endpoint answered anything at all.
func answered(h chain.EndpointHealth) bool { return h.ChainID != nil || h.Head != nil }

// endpointsDown is EthNodeDown: no configured endpoint answers. An
// endpoint that answers for the wrong chain is up (EthChainMismatch says
// the rest).
func endpointsDown(in chainInput) Result {
	check, target, o := alert.EthNodeDown, alert.ChainTarget, in.obs
	var up, down []string
	details := map[string]string{}
	for _, h := range o.Endpoints {
		if answered(h) {
			up = append(up, h.Name)
			continue
		}
		down = append(down, fmt.Sprintf("%s (%s)", h.Name, h.Reason))
		details[h.Name] = h.Reason
	}
	if len(up) == 0 {
		return failing(check, target, Critical, "no chain endpoint answers: "+strings.Join(down, ", "), details)
	}
	reason := fmt.Sprintf("%d of %d chain endpoints answer", len(up), len(o.Endpoints))
	if o.Endpoint != "" {
		reason += "; reading from " + o.Endpoint
	}
	if len(down) > 0 {
		reason += "; down: " + strings.Join(down, ", ")
	}
	return ok(check, target, reason)
}

// syncing is EthNodeSyncing: an endpoint is behind on blocks. Progress
// reported at the head (geth building its indexes) is not block syncing.
func syncing(in chainInput) Result {
	check, target, o := alert.EthNodeSyncing, alert.ChainTarget, in.obs
	t := tally(o, "syncing", func(h chain.EndpointHealth) (bool, string, string) {
		if h.Sync == nil {
			return false, "", ""
		}
		if !h.Sync.BlockSyncing() {
			return true, "", ""
		}
		p := h.Sync.Progress
		return true, fmt.Sprintf("%s at block %d of %d", h.Name, p.CurrentBlock, p.HighestBlock), u64s(h.Sync.BlocksBehind())
	})
	switch {
	case len(t.bad) > 0:
		return failing(check, target, Critical, "syncing: "+strings.Join(t.bad, ", "), t.details)
	case t.known == 0:
		return unknown(check, target, unknownWhy("no endpoint reported its sync status", t.why))
	}
	return ok(check, target, fmt.Sprintf("%d endpoint(s) not syncing", t.known))
}

// endpointTally is one per-endpoint reading over the pool's endpoints.
type endpointTally struct {
	bad, why []string
	known    int
	details  map[string]string
}

// tally reads field of every pool endpoint with read, which reports
// whether the value was there and, when it is bad, a description and a
// detail; endpoints that answered without the value say why.
func tally(o *chain.Observation, field string, read func(chain.EndpointHealth) (bool, string, string)) endpointTally {
	t := endpointTally{details: map[string]string{}}
	for _, h := range o.Endpoints {
		present, bad, detail := read(h)
		switch {
		case !present && answered(h):
			t.why = append(t.why, h.Name+": "+endpointWhy(o, h.Name, field))
		case !present:
		case bad != "":
			t.known++
			t.bad = append(t.bad, bad)
			t.details[h.Name] = detail
		default:
			t.known++
		}
	}
	return t
}

// headStale is EthNodeHeadStale: an endpoint's newest block is older than
// chain.head_max_age at the evaluation's time.
func headStale(in chainInput) Result {
	check, target, maxAge := alert.EthNodeHeadStale, alert.ChainTarget, in.cfg.Chain.HeadMaxAge
	var bad, fresh []string
	details := map[string]string{}
	for _, h := range in.obs.Endpoints {
		age, ok := h.HeadAge(in.now)
		if !ok {
			continue
		}
		desc := fmt.Sprintf("%s block %d is %s old", h.Name, h.Head.Number, roundDur(age))
		if h.Head.Stale(in.now, maxAge) {
			bad = append(bad, desc)
			details[h.Name] = fmt.Sprintf("block %d, %s old", h.Head.Number, roundDur(age))
		} else {
			fresh = append(fresh, desc)
		}
	}
	switch {
	case len(bad) > 0:
		return failing(check, target, Critical, "head older than "+maxAge.String()+": "+strings.Join(bad, ", "), details)
	case len(fresh) == 0:
		return unknown(check, target, "no endpoint's head could be read")
	}
	return ok(check, target, strings.Join(fresh, ", "))
}

// chainMismatch is EthChainMismatch: an endpoint (or reference) serves
// another chain than chain.chain_id.
func chainMismatch(in chainInput) Result {
	check, target, o := alert.EthChainMismatch, alert.ChainTarget, in.obs
	want := new(big.Int).SetUint64(in.cfg.Chain.ChainID)
	var bad []string
	known := 0
	details := map[string]string{"expected": want.String()}
	for _, h := range append(append([]chain.EndpointHealth(nil), o.Endpoints...), o.References...) {
		if h.ChainID == nil {
			continue
		}
		known++
		if h.ChainID.Cmp(want) != 0 {
			bad = append(bad, fmt.Sprintf("%s serves chain %s", h.Name, h.ChainID))
			details[h.Name] = h.ChainID.String()
		}
	}
	switch {
	case len(bad) > 0:
		return failing(check, target, Critical, strings.Join(bad, ", ")+", expected chain "+want.String(), details)
	case known == 0:
		return unknown(check, target, "no endpoint's chain id could be read")
	}
	return ok(check, target, "chain id "+want.String())
}

// behindReference is EthNodeBehindReference: a local head is more than
// checks.behind_reference_blocks behind the highest reference head.
func behindReference(in chainInput) Result {
	check, target, o, limit := alert.EthNodeBehindReference, alert.ChainTarget, in.obs, in.cfg.Checks.BehindReferenceBlocks
	var ref *chain.EndpointHealth
	for i, r := range o.References {
		if r.Head != nil && (ref == nil || r.Head.Number > ref.Head.Number) {
			ref = &o.References[i]
		}
	}
	if ref == nil {
		return unknown(check, target, "no reference endpoint's head could be read")
	}
	var bad, good []string
	details := map[string]string{"reference": ref.Name, "reference_head": u64s(ref.Head.Number)}
	for _, h := range o.Endpoints {
		if h.Head == nil {
			continue
		}
		if h.Head.Number+limit < ref.Head.Number {
			behind := ref.Head.Number - h.Head.Number
			bad = append(bad, fmt.Sprintf("%s is %d blocks behind %s", h.Name, behind, ref.Name))
			details[h.Name] = u64s(behind)
		} else {
			good = append(good, h.Name)
		}
	}
	switch {
	case len(bad) > 0:
		return failing(check, target, Warning, strings.Join(bad, ", "), details)
	case len(good) == 0:
		return unknown(check, target, "no local endpoint's head could be read")
	}
	return ok(check, target, fmt.Sprintf("within %d blocks of %s (head %d)", limit, ref.Name, ref.Head.Number))
}

// peersLow is EthNodePeersLow: an endpoint has fewer than chain.min_peers.
func peersLow(in chainInput) Result {
	check, target, o, minPeers := alert.EthNodePeersLow, alert.ChainTarget, in.obs, in.cfg.Chain.MinPeers
	t := tally(o, "peers", func(h chain.EndpointHealth) (bool, string, string) {
		if h.Peers == nil {
			return false, "", ""
		}
		if *h.Peers >= uint64(minPeers) {
			return true, "", ""
		}
		return true, fmt.Sprintf("%s has %d peers", h.Name, *h.Peers), u64s(*h.Peers)
	})
	switch {
	case len(t.bad) > 0:
		return failing(check, target, Warning, strings.Join(t.bad, ", ")+fmt.Sprintf(", fewer than %d", minPeers), t.details)
	case t.known == 0:
		return unknown(check, target, unknownWhy("no endpoint reported its peer count", t.why))
	}
	return ok(check, target, fmt.Sprintf("%d endpoint(s) with at least %d peers", t.known, minPeers))
}

func unknownWhy(what string, why []string) string {
	if len(why) == 0 {
		return what
	}
	return what + ": " + strings.Join(why, "; ")
}

// endpointWhy explains why one endpoint's read of field left no value.
func endpointWhy(o *chain.Observation, endpoint, field string) string {
	for _, e := range o.Errors {
		if e.Endpoint == endpoint && e.Field == field {
			return e.Reason
		}
	}
	return "not read"
}
