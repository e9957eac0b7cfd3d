// Package observe holds the latest observation of every probe target. The
// probes write into a Store; the checks, /health and /status read
// consistent copies of it and never wait on a probe.
package observe

import (
	"sort"
	"sync"
	"time"

	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// Node is what one probe of a livepeer node saw.
type Node struct {
	Name string
	At   time.Time
	// Err is nil when the node answered; Reason classifies the failure.
	Err    error
	Reason string
	// Snapshot is the node's own view; nil when the probe failed.
	Snapshot *nodeapi.Snapshot
	// ChainErrors, set only with Err, are the failed endpoints when every
	// failure was one of a path that reads the chain
	// (nodeapi.ChainBackedPaths): the node's HTTP server answers, the chain
	// behind it does not.
	ChainErrors []*nodeapi.Error
	// Metrics holds the node's own /metrics series (nil when not exposed).
	Metrics        map[string]float64
	MetricsExposed bool
	MetricsErr     error
	// LastOK is when the node last answered.
	LastOK time.Time
	// FailingSince is when the current run of failures began (zero when ok).
	FailingSince time.Time
}

// Store keeps the latest observation per target. It is safe for
// concurrent use.
type Store struct {
	mu      sync.RWMutex
	nodes   map[string]Node
	chain   *Chain
	events  *ChainEvents // what the log scans found, across observations
	host    *Host
	peers   map[string]Peer
	version uint64
	changed chan struct{}
}

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{nodes: make(map[string]Node), changed: make(chan struct{}, 1)}
}

// PutNode records a node observation, keeping LastOK and FailingSince.
func (s *Store) PutNode(o Node) {
	s.mu.Lock()
	prev, had := s.nodes[o.Name]
	o.LastOK, o.FailingSince = streak(o.At, o.Err != nil, had, prev.Err != nil, prev.LastOK, prev.FailingSince)
	if o.Err != nil {
		// Keep the last good snapshot out of the view: checks must see the failure.
		o.Snapshot = nil
	}
	s.nodes[o.Name] = o
	s.bump()
	s.mu.Unlock()
}

// PutChain records a chain observation. scans says whether its probe
// scans logs for events: the record then carries what the scans found so
// far (PutChainScan), empty before the first one; without scans it has no
// events.
func (s *Store) PutChain(o Chain, scans bool) {
	s.mu.Lock()
	c := o
	c.Events = nil
	if scans {
		if s.events == nil {
			s.events = &ChainEvents{}
		}
		c.Events = s.events
	}
	s.chain = &c
	s.bump()
	s.mu.Unlock()
}

// PutChainScan adds a log scan to the events of the chain record. It does
// not wake the evaluation (Changed): the observation whose head the scan
// read already did, and the next evaluation judges the events with it.
func (s *Store) PutChainScan(scan ChainScan) {
	s.mu.Lock()
	if s.events == nil {
		s.events = &ChainEvents{}
	}
	s.events.add(scan) // a scanning probe's record shares s.events
	s.version++
	s.mu.Unlock()
}

// PutHost records a host observation.
func (s *Store) PutHost(o Host) {
	s.mu.Lock()
	h := o
	s.host = &h
	s.bump()
	s.mu.Unlock()
}

// Retain drops nodes that are no longer configured (after a reload).
func (s *Store) Retain(names []string) {
	s.mu.Lock()
	retain(s.nodes, names)
	s.bump()
	s.mu.Unlock()
}

// retain deletes from m every key that is not one of names.
func retain[V any](m map[string]V, names []string) {
	keep := make(map[string]bool, len(names))
	for _, n := range names {
		keep[n] = true
	}
	for n := range m {
		if !keep[n] {
			delete(m, n)
		}
	}
}

// streak returns the LastOK and FailingSince of an observation made at
// at, failed or not, from those of the previous one of its target (had
// says there was one, prevFailed whether it failed): LastOK is the last
// success, FailingSince the start of the current run of failures.
func streak(at time.Time, failed, had, prevFailed bool, prevLastOK, prevSince time.Time) (lastOK, since time.Time) {
	if !failed {
		return at, time.Time{}
	}
	if had {
		lastOK = prevLastOK
	}
	if had && prevFailed && !prevSince.IsZero() {
		return lastOK, prevSince
	}
	return lastOK, at
}

func (s *Store) bump() {
	s.version++
	select {
	case s.changed <- struct{}{}:
	default:
	}
}

// Changed delivers a signal (coalesced) after every Put.
func (s *Store) Changed() <-chan struct{} { return s.changed }

// Snapshot is a consistent copy of the store.
type Snapshot struct {
	Version uint64
	Nodes   []Node // sorted by name
	Chain   *Chain
	Host    *Host
	Peers   []Peer // sorted by name
}

// Snapshot returns a consistent copy of the store.
func (s *Store) Snapshot() Snapshot {
	s.mu.RLock()
	defer s.mu.RUnlock()
	snap := Snapshot{Version: s.version, Nodes: make([]Node, 0, len(s.nodes))}
	for _, n := range s.nodes {
		snap.Nodes = append(snap.Nodes, n)
	}
	sort.Slice(snap.Nodes, func(i, j int) bool { return snap.Nodes[i].Name < snap.Nodes[j].Name })
	if s.chain != nil {
		c := *s.chain
		if c.Events != nil {
			c.Events = c.Events.clone()
		}
		snap.Chain = &c
	}
	if s.host != nil {
		h := *s.host
		snap.Host = &h
	}
	snap.Peers = s.peersLocked()
	return snap
}

// Node returns the observation of one node (a binary search: Nodes is
// sorted by name, and a fleet has a thousand of them).
func (snap Snapshot) Node(name string) (Node, bool) {
	i := sort.Search(len(snap.Nodes), func(i int) bool { return snap.Nodes[i].Name >= name })
	if i < len(snap.Nodes) && snap.Nodes[i].Name == name {
		return snap.Nodes[i], true
	}
	return Node{}, false
}
