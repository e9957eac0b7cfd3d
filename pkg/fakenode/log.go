package fakenode

import (
	"context"

	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// Call is one request the fake node received.
type Call struct {
	// Method is the HTTP method.
	Method string
	// Path is the URL path, without the query.
	Path string
}

// record appends a call and wakes WaitForRequest; the caller holds n.mu.
func (n *Node) record(c Call) {
	n.calls = append(n.calls, c)
	close(n.logged)
	n.logged = make(chan struct{})
}

// Calls returns every request received since the last ResetRequests, in order.
func (n *Node) Calls() []Call {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]Call(nil), n.calls...)
}

// Requests returns the paths of every request received since the last
// ResetRequests, in order.
func (n *Node) Requests() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	paths := make([]string, 0, len(n.calls))
	for _, c := range n.calls {
		paths = append(paths, c.Path)
	}
	return paths
}

// ActionRequests returns the paths of the requests, with any method, that
// named an action path (nodeapi.ActionPaths), whether or not this
// generation serves it.
func (n *Node) ActionRequests() []string {
	var out []string
	for _, p := range n.Requests() {
		if nodeapi.IsActionPath(p) {
			out = append(out, p)
		}
	}
	return out
}

// ResetRequests forgets the requests received so far.
func (n *Node) ResetRequests() {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.calls = nil
}

// WaitForRequest blocks until a request for path has been received (it is
// logged before any fault applies), or ctx ends. It lets a test know that a
// request is in flight, for example parked on a Hang fault.
func (n *Node) WaitForRequest(ctx context.Context, path string) error {
	for {
		n.mu.Lock()
		for _, c := range n.calls {
			if c.Path == path {
				n.mu.Unlock()
				return nil
			}
		}
		ch := n.logged
		n.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
