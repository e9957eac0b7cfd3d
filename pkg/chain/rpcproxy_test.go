package chain_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

// rpcMsg is one JSON-RPC request or answer.
type rpcMsg struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcErr         `json:"error,omitempty"`
}

type rpcErr struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// result returns the answer to q with result v.
func (q rpcMsg) result(v any) *rpcMsg {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return &rpcMsg{JSONRPC: "2.0", ID: q.ID, Result: b}
}

// fail returns the answer to q with a JSON-RPC error.
func (q rpcMsg) fail(code int, msg string) *rpcMsg {
	return &rpcMsg{JSONRPC: "2.0", ID: q.ID, Error: &rpcErr{Code: code, Message: msg}}
}

// target returns the address a request's first parameter names ("to" of
// an eth_call, the address of eth_getCode, eth_getBalance or
// eth_getTransactionCount).
func (q rpcMsg) target() (common.Address, bool) {
	var params []json.RawMessage
	if json.Unmarshal(q.Params, &params) != nil || len(params) == 0 {
		return common.Address{}, false
	}
	var a common.Address
	if json.Unmarshal(params[0], &a) == nil {
		return a, true
	}
	var call struct {
		To *common.Address `json:"to"`
	}
	if json.Unmarshal(params[0], &call) != nil || call.To == nil {
		return common.Address{}, false
	}
	return *call.To, true
}

// callData returns the data of an eth_call.
func (q rpcMsg) callData() []byte {
	var params []json.RawMessage
	if json.Unmarshal(q.Params, &params) != nil || len(params) == 0 {
		return nil
	}
	var call struct {
		Data hexutil.Bytes `json:"data"`
	}
	if json.Unmarshal(params[0], &call) != nil {
		return nil
	}
	return call.Data
}

// isCallTo reports whether q is an eth_call to a.
func (q rpcMsg) isCallTo(a common.Address) bool {
	to, ok := q.target()
	return q.Method == "eth_call" && ok && to == a
}

// proxyRequest is one HTTP request the proxy received: a batch or a single call.
type proxyRequest struct {
	batch bool
	calls []rpcMsg
	// refused: a batch answered "batch too large" as a whole.
	refused bool
	// dropped counts the calls left unanswered.
	dropped int
}

// interceptFunc answers a call instead of the chain: handled is false to
// forward it, and a nil answer leaves it unanswered.
type interceptFunc func(q rpcMsg, inBatch bool) (answer *rpcMsg, handled bool)

// rpcProxy is a JSON-RPC server over HTTP on 127.0.0.1 in front of the
// simulated chain's IPC socket. It can refuse batches larger than a limit
// the way geth and Nitro do (one "batch too large" error carrying the
// first call's id, nothing for the rest), answer calls itself or leave
// them unanswered, and records every request.
type rpcProxy struct {
	URL string
	ipc string

	mu        sync.Mutex
	maxBatch  int
	intercept interceptFunc
	log       []proxyRequest
}

func newProxy(t testing.TB, sim *simchain.Chain) *rpcProxy {
	t.Helper()
	p := &rpcProxy{ipc: sim.IPC()}
	ts := httptest.NewServer(p)
	t.Cleanup(ts.Close)
	p.URL = ts.URL
	return p
}

// endpoint dials the proxy.
func (p *rpcProxy) endpoint(t testing.TB, opts ...chain.EndpointOption) *chain.Endpoint {
	t.Helper()
	return dial(t, p.URL, opts...)
}

// setMaxBatch makes the proxy refuse batches of more than n calls (0: any size).
func (p *rpcProxy) setMaxBatch(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.maxBatch = n
}

// setIntercept sets the function that answers calls instead of the chain.
func (p *rpcProxy) setIntercept(f interceptFunc) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.intercept = f
}

// take returns the requests received since the last take.
func (p *rpcProxy) take() []proxyRequest {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.log
	p.log = nil
	return out
}

func (p *rpcProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	body = bytes.TrimSpace(body)
	batch := len(body) > 0 && body[0] == '['
	var calls []rpcMsg
	if batch {
		err = json.Unmarshal(body, &calls)
	} else {
		calls = make([]rpcMsg, 1)
		err = json.Unmarshal(body, &calls[0])
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	p.mu.Lock()
	maxBatch, intercept := p.maxBatch, p.intercept
	p.mu.Unlock()
	rec := proxyRequest{batch: batch, calls: calls}
	defer func() {
		p.mu.Lock()
		p.log = append(p.log, rec)
		p.mu.Unlock()
	}()

	if batch && maxBatch > 0 && len(calls) > maxBatch {
		rec.refused = true
		writeJSON(w, []*rpcMsg{calls[0].fail(-32600, "batch too large")})
		return
	}
	answers := make([]*rpcMsg, len(calls))
	var forward []rpcMsg
	var at []int
	for i, q := range calls {
		if intercept != nil {
			if a, ok := intercept(q, batch); ok {
				answers[i] = a
				continue
			}
		}
		forward, at = append(forward, q), append(at, i)
	}
	if len(forward) > 0 {
		got, err := p.forward(forward)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		byID := make(map[string]*rpcMsg, len(got))
		for i := range got {
			byID[string(got[i].ID)] = &got[i]
		}
		for j, q := range forward {
			answers[at[j]] = byID[string(q.ID)]
		}
	}
	if !batch {
		a := answers[0]
		if a == nil { // an answer with neither a result nor an error
			rec.dropped++
			a = &rpcMsg{JSONRPC: "2.0", ID: calls[0].ID}
		}
		writeJSON(w, a)
		return
	}
	out := make([]*rpcMsg, 0, len(answers))
	for _, a := range answers {
		if a == nil {
			rec.dropped++
			continue
		}
		out = append(out, a)
	}
	writeJSON(w, out)
}

// forward sends calls to the chain as one batch over its IPC socket and
// returns the answers.
func (p *rpcProxy) forward(calls []rpcMsg) ([]rpcMsg, error) {
	c, err := net.DialTimeout("unix", p.ipc, 5*time.Second)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	if err := c.SetDeadline(time.Now().Add(10 * time.Second)); err != nil {
		return nil, err
	}
	if err := json.NewEncoder(c).Encode(calls); err != nil {
		return nil, fmt.Errorf("forward: %w", err)
	}
	var got []rpcMsg
	if err := json.NewDecoder(c).Decode(&got); err != nil {
		return nil, fmt.Errorf("forward: answer: %w", err)
	}
	return got, nil
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// methodCount returns how many calls of method reqs carry.
func methodCount(reqs []proxyRequest, method string) int {
	n := 0
	for _, r := range reqs {
		for _, q := range r.calls {
			if q.Method == method {
				n++
			}
		}
	}
	return n
}
