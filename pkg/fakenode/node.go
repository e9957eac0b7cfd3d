// Package fakenode is a faithful, controllable fake of go-livepeer's CLI
// HTTP API, for tests and for `lpwatch demo`. It serves each API
// generation as one real release of it does (v0.9.1, v0.6.0, v0.3.3,
// 0.2.4, and a release after v0.9.1 whose transaction routes are gated
// behind -enableCliTxRoutes and POST), with the node's exact shapes: PascalCase JSON with bare big
// numbers and lowercase addresses, an EIP-55 checksummed /ethAddr,
// PriceInfo as a JSON string rational, text/plain errors written by
// http.Error from v0.5.0 on and 200 empty bodies on the 2018 releases, an
// empty /maxGasPrice when no maximum is set, /currentRound as raw bytes on
// v0.6.0, and 404 for paths the real mux does not have.
//
// Tests change its state with the Set* methods, inject faults per path with
// SetFault, and observe what was requested with Requests and ActionRequests.
// All methods are safe for concurrent use.
package fakenode

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// handler serves one path from a copy of the node's state.
type handler func(w http.ResponseWriter, r *http.Request, s state)

// Node is a fake go-livepeer node. It implements http.Handler, so it can
// also be mounted in an httptest.Server instead of using Start.
type Node struct {
	gen      nodeapi.Generation
	clk      clock.Clock
	handlers map[string]handler

	mu        sync.Mutex
	st        state
	faults    map[string]Fault
	chain     chainLink
	reward    func(ctx context.Context) error
	hold      rewardHold
	calls     []Call
	txRoutes  bool // -enableCliTxRoutes (nodeapi.Gated)
	logged    chan struct{}
	srv       *http.Server
	serveDone chan struct{}
	addr      string
	isClosed  bool
	closed    chan struct{}
	inflight  sync.WaitGroup
}

// Option configures a Node.
type Option func(*Node)

// WithClock sets the clock that Latency faults wait on (default clock.Real{}).
func WithClock(c clock.Clock) Option {
	return func(n *Node) {
		if c != nil {
			n.clk = c
		}
	}
}

// New returns a fake node of generation gen (one of nodeapi.Generations)
// in its default state: see the Default constants. Any other generation
// gives a node whose Start fails and whose every answer is a 500 naming
// the problem.
func New(gen nodeapi.Generation, opts ...Option) *Node {
	n := &Node{
		gen:    gen,
		clk:    clock.Real{},
		st:     defaultState(),
		faults: map[string]Fault{},
		logged: make(chan struct{}),
		closed: make(chan struct{}),
	}
	if p, ok := profileOf(gen); ok {
		n.handlers, n.st.version = p.handlers(n), p.version
	}
	for _, o := range opts {
		o(n)
	}
	return n
}

func (n *Node) checkGeneration() error {
	if n.handlers == nil {
		return fmt.Errorf("fake node: generation %q is not one of %q", n.gen, nodeapi.Generations())
	}
	return nil
}

// ServeHTTP implements http.Handler.
func (n *Node) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n.mu.Lock()
	if n.isClosed {
		n.mu.Unlock()
		http.Error(w, "fake node closed", http.StatusServiceUnavailable)
		return
	}
	n.inflight.Add(1)
	defer n.inflight.Done()
	n.record(Call{Method: r.Method, Path: r.URL.Path})
	f := n.faultFor(r.URL.Path)
	n.mu.Unlock()

	if err := n.checkGeneration(); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if n.applyFault(w, r, f) {
		return
	}
	h, ok := n.handlers[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	n.mu.Lock()
	s := n.st
	n.mu.Unlock()
	h(w, r, s)
}

// Start serves the node on a free loopback port and returns its base URL.
func (n *Node) Start() (string, error) {
	if err := n.checkGeneration(); err != nil {
		return "", err
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	switch {
	case n.isClosed:
		return "", errors.New("fake node: closed")
	case n.srv != nil:
		return "", errors.New("fake node: already started")
	case n.addr != "":
		return "", errors.New("fake node: started before; use Restart")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("fake node: listen: %w", err)
	}
	n.serve(ln)
	return n.urlLocked(), nil
}

// serve starts serving on ln; the caller holds n.mu.
func (n *Node) serve(ln net.Listener) {
	srv := &http.Server{Handler: n, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = srv.Serve(ln)
	}()
	n.srv, n.serveDone, n.addr = srv, done, ln.Addr().String()
}

// URL returns the base URL, also while the node is stopped ("" before Start).
func (n *Node) URL() string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.urlLocked()
}

func (n *Node) urlLocked() string {
	if n.addr == "" {
		return ""
	}
	return "http://" + n.addr
}

// Stop closes the listener and every connection: new connections are
// refused, and requests in flight see their context canceled. Restart
// serves again on the same port. Stop on a stopped node does nothing.
func (n *Node) Stop() {
	n.mu.Lock()
	srv, done := n.srv, n.serveDone
	n.srv, n.serveDone = nil, nil
	n.mu.Unlock()
	if srv == nil {
		return
	}
	_ = srv.Close()
	<-done
}

// Restart stops the node if it is running and serves it again on the same
// port, as a restarted go-livepeer would.
func (n *Node) Restart() error {
	n.Stop()
	n.mu.Lock()
	defer n.mu.Unlock()
	switch {
	case n.isClosed:
		return errors.New("fake node: closed")
	case n.addr == "":
		return errors.New("fake node: never started")
	case n.srv != nil:
		return errors.New("fake node: restarted concurrently")
	}
	_, port, err := net.SplitHostPort(n.addr)
	if err != nil {
		return fmt.Errorf("fake node: address %q: %w", n.addr, err)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", port))
	if err != nil {
		return fmt.Errorf("fake node: listen again on port %s: %w", port, err)
	}
	n.serve(ln)
	return nil
}

// Close stops the node for good, releases every request parked on a Hang
// or Latency fault, and waits until all handlers have returned.
func (n *Node) Close() {
	n.mu.Lock()
	if !n.isClosed {
		n.isClosed = true
		close(n.closed)
	}
	n.mu.Unlock()
	n.Stop()
	n.inflight.Wait()
}
