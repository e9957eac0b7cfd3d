package fakenode

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// FaultKind says how the fake node misbehaves on a path.
type FaultKind int

// Fault kinds.
const (
	// KindNone serves normally.
	KindNone FaultKind = iota
	// KindStatus answers an error status with a text body, like http.Error.
	KindStatus
	// KindGarbage answers 200 with a body that no endpoint accepts.
	KindGarbage
	// KindEmpty answers 200 with an empty body, as 2018 nodes do on errors.
	KindEmpty
	// KindHuge streams HugeBodyBytes of filler without allocating them.
	KindHuge
	// KindHang never answers: it blocks until the request's context ends
	// or the node is stopped or closed.
	KindHang
	// KindLatency waits Delay on the node's clock, then serves normally.
	KindLatency
)

// HugeBodyBytes is the size of the body of a Huge fault: 50 MB.
const HugeBodyBytes = 50 << 20

// AllPaths is the SetFault path that applies a fault to every path that has
// no fault of its own.
const AllPaths = "*"

// GarbageBody is the body of a Garbage fault: not JSON, not a number, not a
// boolean, not an address, and longer than any big-endian uint256.
const GarbageBody = "<html><body>\x00\xff\xfe garbage: this is not what a livepeer node writes</body></html>"

// Fault is a misbehaviour of the fake node. Build one with the functions below.
type Fault struct {
	// Kind selects the misbehaviour.
	Kind FaultKind
	// Code is the status of a KindStatus fault.
	Code int
	// Message is the body of a KindStatus fault.
	Message string
	// Delay is the wait of a KindLatency fault.
	Delay time.Duration
}

// None removes a fault.
func None() Fault { return Fault{Kind: KindNone} }

// Status answers code with msg as a text/plain body, as go-livepeer's
// http.Error calls do (for example 500 "missing ETH client").
func Status(code int, msg string) Fault { return Fault{Kind: KindStatus, Code: code, Message: msg} }

// Garbage answers 200 with GarbageBody.
func Garbage() Fault { return Fault{Kind: KindGarbage} }

// Empty answers 200 with an empty body.
func Empty() Fault { return Fault{Kind: KindEmpty} }

// Huge streams a 50 MB body.
func Huge() Fault { return Fault{Kind: KindHuge} }

// Hang never answers.
func Hang() Fault { return Fault{Kind: KindHang} }

// Latency delays the normal answer by d on the node's clock.
func Latency(d time.Duration) Fault { return Fault{Kind: KindLatency, Delay: d} }

// SetFault sets the fault of path ("/status"), or of every path without its
// own fault when path is AllPaths. None() clears it.
func (n *Node) SetFault(path string, f Fault) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if f.Kind == KindNone {
		delete(n.faults, path)
		return
	}
	n.faults[path] = f
}

// ClearFaults removes every fault.
func (n *Node) ClearFaults() {
	n.mu.Lock()
	defer n.mu.Unlock()
	clear(n.faults)
}

// faultFor returns the fault for path; the caller holds n.mu.
func (n *Node) faultFor(path string) Fault {
	if f, ok := n.faults[path]; ok {
		return f
	}
	return n.faults[AllPaths]
}

// applyFault performs f and reports whether the request was fully answered
// (true) or should now be served normally (false).
func (n *Node) applyFault(w http.ResponseWriter, r *http.Request, f Fault) bool {
	switch f.Kind {
	case KindStatus:
		http.Error(w, f.Message, f.Code)
	case KindGarbage:
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(GarbageBody))
	case KindEmpty:
		w.WriteHeader(http.StatusOK)
	case KindHuge:
		n.writeHuge(w, r)
	case KindHang:
		select {
		case <-r.Context().Done():
		case <-n.closed:
		}
	case KindLatency:
		t := n.clk.NewTimer(f.Delay)
		defer t.Stop()
		select {
		case <-t.C():
			return n.failChainCall(w, r)
		case <-r.Context().Done():
		case <-n.closed:
		}
	default:
		return n.failChainCall(w, r)
	}
	return true
}

// chainLink is the fake node's Ethereum client: the JSON-RPC URL its
// chain-backed paths call before they answer ("" for none).
type chainLink struct {
	url    string
	client *http.Client
}

// SetChainURL connects the fake node to a chain, as go-livepeer's -ethUrl
// does: from then on every path that reads the chain on the real node
// (nodeapi.ChainBackedPaths) first calls eth_blockNumber at url, with the
// request's context, and fails the way the generation fails a chain call
// when that does not succeed: 500 with a text message on the current API,
// 200 with an empty body on the 2018 one. A hanging chain makes those paths
// hang too. An empty url disconnects it (the default: the chain always
// answers). Only http and https URLs are supported.
func (n *Node) SetChainURL(url string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.chain = chainLink{url: url, client: &http.Client{}}
}

// failChainCall answers r as a failed chain call when r's path reads the
// chain and the chain does not answer, and reports whether it did.
func (n *Node) failChainCall(w http.ResponseWriter, r *http.Request) bool {
	n.mu.Lock()
	link := n.chain
	n.mu.Unlock()
	if link.url == "" || !nodeapi.IsChainBacked(n.gen, r.URL.Path) {
		return false
	}
	err := link.blockNumber(r.Context())
	if err == nil {
		return false
	}
	n.fail(w, "could not read the chain: "+err.Error())
	return true
}

// blockNumber makes one eth_blockNumber call.
func (l chainLink) blockNumber(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.url,
		strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}`))
	if err != nil {
		return fmt.Errorf("eth_blockNumber: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := l.client.Do(req)
	if err != nil {
		return fmt.Errorf("eth_blockNumber: %w", err)
	}
	defer resp.Body.Close()
	var answer struct {
		Result *string `json:"result"`
		Error  *struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	switch err := json.NewDecoder(io.LimitReader(resp.Body, 1<<16)).Decode(&answer); {
	case resp.StatusCode != http.StatusOK:
		return fmt.Errorf("eth_blockNumber: %s", resp.Status)
	case err != nil:
		return fmt.Errorf("eth_blockNumber: %w", err)
	case answer.Error != nil:
		return fmt.Errorf("eth_blockNumber: %s", answer.Error.Message)
	case answer.Result == nil:
		return errors.New("eth_blockNumber: no result")
	}
	return nil
}

// writeHuge streams HugeBodyBytes from one reused 64 KiB chunk, stopping
// as soon as the client goes away or the node closes.
func (n *Node) writeHuge(w http.ResponseWriter, r *http.Request) {
	chunk := make([]byte, 64<<10)
	for i := range chunk {
		chunk[i] = '0' + byte(i%10)
	}
	w.WriteHeader(http.StatusOK)
	for sent := 0; sent < HugeBodyBytes; sent += len(chunk) {
		select {
		case <-r.Context().Done():
			return
		case <-n.closed:
			return
		default:
		}
		if _, err := w.Write(chunk); err != nil {
			return
		}
	}
}
