package chain

import (
	"context"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// ReadError is one failed read of an observation. The field it would have
// filled stays nil.
type ReadError struct {
	// Endpoint is the endpoint that was asked.
	Endpoint string
	// Address is the monitored account the read was for (zero when none).
	Address common.Address
	// Field names the read, e.g. "head", "round.currentRound", "account.balance".
	Field string
	// Reason is Reason(Err).
	Reason string
	Err    error
}

// phase collects the reads of one step of a probe cycle on one endpoint:
// reads that need no answer of each other. send makes them together, in
// as few round trips as the endpoint's batch size allows (see
// Endpoint.send), and returns their errors as ReadErrors. Each read
// writes its own destination; they are safe to use once send returns.
type phase struct {
	e         *Endpoint
	multicall bool
	reqs      []*request
	meta      []readMeta
	// failed are the reads that could not even be made.
	failed []ReadError
}

type readMeta struct {
	addr  common.Address
	field string
	// tag sets a read apart: 0 for the phase's own reads, else a group
	// whose errors only errsOf returns (reads made on a guess, say).
	tag int
}

func newPhase(e *Endpoint, multicall bool) *phase { return &phase{e: e, multicall: multicall} }

// add queues q, the read of field (for addr, or zero).
func (p *phase) add(addr common.Address, field string, q *request) { p.addTagged(0, addr, field, q) }

// addTagged queues q in the group tag (see readMeta.tag).
func (p *phase) addTagged(tag int, addr common.Address, field string, q *request) {
	p.reqs = append(p.reqs, q)
	p.meta = append(p.meta, readMeta{addr: addr, field: field, tag: tag})
}

// fail records a read that cannot be made for want of an input.
func (p *phase) fail(addr common.Address, field string, err error) {
	p.failed = append(p.failed, ReadError{Endpoint: p.e.Name(), Address: addr, Field: field, Reason: Reason(err), Err: err})
}

// send makes the queued reads and returns the errors of those of tag 0 that failed.
func (p *phase) send(ctx context.Context) []ReadError {
	p.e.send(ctx, p.reqs, p.multicall)
	return append(append([]ReadError(nil), p.failed...), p.errsOf(0)...)
}

// errsOf returns the errors of the sent reads of group tag.
func (p *phase) errsOf(tag int) []ReadError {
	var errs []ReadError
	for i, q := range p.reqs {
		if m := p.meta[i]; q.err != nil && m.tag == tag {
			errs = append(errs, ReadError{Endpoint: p.e.Name(), Address: m.addr, Field: m.field, Reason: Reason(q.err), Err: q.err})
		}
	}
	return errs
}

// contractCall is the request of a contract read: data (of function fn)
// sent to to at block, its answer decoded with unpack and handed to set.
// An empty answer (no contract there, or a function the contract lacks
// without a fallback) and an answer that does not decode fail as
// DecodeErrors naming fn.
func contractCall[T any](to common.Address, block *big.Int, fn string, data []byte, unpack func([]byte) (T, error), set func(T) error) *request {
	r := callRequest(&ethCall{to: to, data: data, block: block, answer: func(out []byte) error {
		if len(out) == 0 {
			return decodeErr(fn, "empty answer from %s: no contract there, or no such function", to)
		}
		v, err := unpack(out)
		if err != nil {
			return &DecodeError{What: fn, Err: err}
		}
		return set(v)
	}})
	r.label = fn
	return r
}

// into returns a set that stores a copy of the value in *dst.
func into[T any](dst **T) func(T) error {
	return func(v T) error {
		*dst = &v
		return nil
	}
}

// store returns a set that stores the value in *dst.
func store[T any](dst *T) func(T) error {
	return func(v T) error {
		*dst = v
		return nil
	}
}

// intoU64 returns a set that stores a uint256 answer that must fit 64 bits in *dst.
func intoU64(fn string, dst **uint64) func(*big.Int) error {
	return func(v *big.Int) error {
		n, err := toU64(fn, v)
		if err != nil {
			return err
		}
		*dst = &n
		return nil
	}
}

// toU64 converts a uint256 answer that must fit 64 bits (rounds, blocks).
func toU64(fn string, v *big.Int) (uint64, error) {
	if v == nil || v.Sign() < 0 || !v.IsUint64() {
		return 0, decodeErr(fn, "value %v does not fit 64 bits", v)
	}
	return v.Uint64(), nil
}
