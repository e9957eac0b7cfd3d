package fakenode

import (
	"net/http"
	"time"
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
			return false
		case <-r.Context().Done():
		case <-n.closed:
		}
	default:
		return false
	}
	return true
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
