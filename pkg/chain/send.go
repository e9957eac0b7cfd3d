package chain

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/ethereum/go-ethereum/rpc"
)

// DefaultBatchSize is the most requests one JSON-RPC batch carries when
// no WithBatchSize is given: geth's and Nitro's default batch request
// limit (rpc.batch-request-limit).
const DefaultBatchSize = 1000

// one sends r alone: one call, one round trip.
func (e *Endpoint) one(ctx context.Context, r *request) error {
	e.send(ctx, []*request{r}, false)
	return r.err
}

// send makes the reads of reqs and sets each one's err. With raw JSON-RPC
// access they go out as batches of at most the endpoint's batch size, one
// round trip each; with multicall, the contract reads among them are first
// folded into Multicall3 aggregate3 calls (see fold). Without raw access
// each is made alone through the backend's typed methods.
//
// A batch the server refuses as too large (geth and Nitro answer "batch
// too large" for the first request and nothing for the rest), or whose
// answers it cuts off as too large, is sent again in halves, and the
// endpoint keeps the smaller size. An aggregate3 call that fails as a
// whole has its reads sent again one by one in a further batch.
func (e *Endpoint) send(ctx context.Context, reqs []*request, multicall bool) {
	if len(reqs) == 0 {
		return
	}
	c, err := e.connect(ctx)
	if err != nil {
		for _, r := range reqs {
			e.count(ctx, 1, 0, 0)
			e.fail(r, err)
			r.unanswered = true
		}
		return
	}
	if c.raw == nil {
		for _, r := range reqs {
			e.direct(ctx, c, r)
		}
		return
	}
	out := reqs
	var folds []*fold
	if multicall {
		out, folds = e.foldCalls(reqs)
	}
	e.batch(ctx, c, out)
	var again []*request
	for _, f := range folds {
		again = append(again, e.settle(f)...)
	}
	if len(again) > 0 {
		e.batch(ctx, c, again)
	}
}

// direct makes one read through the backend's typed method.
func (e *Endpoint) direct(ctx context.Context, c *conn, r *request) {
	e.count(ctx, 1, 1, 0)
	ctx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()
	if err := r.direct(ctx, c); err != nil {
		e.fail(r, err)
	}
}

// batch sends reqs in chunks of the endpoint's batch size.
func (e *Endpoint) batch(ctx context.Context, c *conn, reqs []*request) {
	e.chunks(ctx, c, reqs, int(e.batchSize.Load()))
}

// chunks sends reqs in chunks of size. A chunk refused as too large is
// sent again in halves, and the endpoint keeps the smaller size; the
// calls of a chunk left unanswered without a reason are sent again in
// smaller chunks of their own (down to single calls), the size kept.
func (e *Endpoint) chunks(ctx context.Context, c *conn, reqs []*request, size int) {
	for len(reqs) > 0 {
		n := min(len(reqs), size)
		retry, refused := e.roundTrip(ctx, c, reqs[:n])
		reqs = reqs[n:]
		if len(retry) == 0 {
			continue
		}
		half := max(1, n/2)
		log := e.log.WithField("endpoint", e.name).WithField("batch_size", half)
		if refused {
			e.batchSize.Store(int64(half))
			size = half
			log.Warn("chain endpoint refused a batch as too large; sending smaller ones")
			reqs = append(retry, reqs...)
			continue
		}
		log.WithField("unanswered", len(retry)).Warn("chain endpoint left calls of a batch unanswered; sending them again in smaller batches")
		e.chunks(ctx, c, retry, half)
	}
}

// roundTrip sends reqs in one round trip (a batch, or a single call for
// one request) and returns those to send again in smaller batches:
// refused says the server called the batch or its answer too large.
func (e *Endpoint) roundTrip(ctx context.Context, c *conn, reqs []*request) (retry []*request, refused bool) {
	results := make([]json.RawMessage, len(reqs))
	elems := make([]rpc.BatchElem, len(reqs))
	sent := 0
	for i, r := range reqs {
		elems[i] = rpc.BatchElem{Method: wireMethod(r.method), Args: r.args, Result: &results[i]}
		sent += argsSize(r.args)
	}
	tctx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()
	var err error
	if len(elems) == 1 {
		err = c.raw.CallContext(tctx, elems[0].Result, elems[0].Method, elems[0].Args...)
		if answered(err) {
			elems[0].Error, err = err, nil
		}
	} else {
		err = c.raw.BatchCallContext(tctx, elems)
	}
	received := 0
	for i, r := range reqs {
		switch {
		case err != nil:
			e.fail(r, err)
			r.unanswered = true
		case len(reqs) > 1 && (tooLarge(elems[i].Error) || errors.Is(elems[i].Error, rpc.ErrMissingBatchResponse)):
			retry = append(retry, r)
			refused = refused || tooLarge(elems[i].Error)
		case elems[i].Error != nil:
			e.fail(r, elems[i].Error)
		default:
			received += len(results[i])
			if derr := r.decode(results[i]); derr != nil {
				e.fail(r, decodeFailure(r.method, derr))
			}
		}
	}
	e.count(ctx, len(reqs)-len(retry), 1, sent+received)
	return retry, refused
}

// answered reports whether a single call's error is the server's answer
// (a JSON-RPC error object), not a failure to get one.
func answered(err error) bool {
	var re rpc.Error
	return err != nil && errors.As(err, &re)
}

// wireMethod is the JSON-RPC method of a request's name ("x(pending)" is x).
func wireMethod(name string) string {
	if i := strings.IndexByte(name, '('); i > 0 {
		return name[:i]
	}
	return name
}

// decodeFailure makes a JSON error a DecodeError of what and keeps the
// package's own errors (a DecodeError, NotFound) as they are.
func decodeFailure(what string, err error) error {
	var je *json.UnmarshalTypeError
	var se *json.SyntaxError
	if errors.As(err, &je) || errors.As(err, &se) {
		return &DecodeError{What: what, Err: err}
	}
	return err
}

// tooLarge reports whether a batch element failed because the batch or
// its answer was too large for the server.
func tooLarge(err error) bool {
	if err == nil {
		return false
	}
	msg := err.Error()
	return strings.Contains(msg, "batch too large") || strings.Contains(msg, "response too large")
}

// argsSize is the JSON size of a request's parameters.
func argsSize(args []any) int {
	if len(args) == 0 {
		return 0
	}
	b, err := json.Marshal(args)
	if err != nil {
		return 0
	}
	return len(b)
}

// cycleCounter counts the calls, round trips and bytes of one probe cycle.
type cycleCounter struct {
	calls, trips, bytes atomic.Int64
}

type counterKey struct{}

// withCounter returns a context under which every endpoint call counts in n.
func withCounter(ctx context.Context, n *cycleCounter) context.Context {
	return context.WithValue(ctx, counterKey{}, n)
}

// count adds calls, round trips and JSON bytes to the endpoint's totals
// and the cycle's.
func (e *Endpoint) count(ctx context.Context, calls, trips, bytes int) {
	e.calls.Add(uint64(calls))
	e.trips.Add(uint64(trips))
	e.bytes.Add(uint64(bytes))
	if n, ok := ctx.Value(counterKey{}).(*cycleCounter); ok {
		n.calls.Add(int64(calls))
		n.trips.Add(int64(trips))
		n.bytes.Add(int64(bytes))
	}
}

// fail sets r's error: err as the CallError of r's method on e, under
// r's label when it has one.
func (e *Endpoint) fail(r *request, err error) {
	r.err = e.callError(r.method, err)
	if r.label != "" {
		r.err = fmt.Errorf("%s: %w", r.label, r.err)
	}
}

// callError wraps err as the CallError of method on e.
func (e *Endpoint) callError(method string, err error) error {
	return &CallError{Endpoint: e.name, Method: method, msg: e.clean(err.Error()), err: err}
}
