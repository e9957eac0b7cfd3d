package observe

import (
	"sort"
	"time"
)

// Peer is what one probe of another lpwatch's /health/live saw.
type Peer struct {
	Name string
	At   time.Time
	// Err is nil when the peer answered 200; Reason classifies the failure
	// ("connection", "timeout", "http_503").
	Err    error
	Reason string
	// LastOK is when the peer last answered.
	LastOK time.Time
	// FailingSince is when the current run of failures began (zero when ok).
	FailingSince time.Time
}

// PutPeer records a peer observation, keeping LastOK and FailingSince.
func (s *Store) PutPeer(o Peer) {
	s.mu.Lock()
	prev, had := s.peers[o.Name]
	o.LastOK, o.FailingSince = streak(o.At, o.Err != nil, had, prev.Err != nil, prev.LastOK, prev.FailingSince)
	if s.peers == nil {
		s.peers = make(map[string]Peer)
	}
	s.peers[o.Name] = o
	s.bump()
	s.mu.Unlock()
}

// RetainPeers drops peers that are no longer configured (after a reload).
func (s *Store) RetainPeers(names []string) {
	s.mu.Lock()
	retain(s.peers, names)
	s.bump()
	s.mu.Unlock()
}

// peersLocked returns the peers sorted by name; call with s.mu held.
func (s *Store) peersLocked() []Peer {
	if len(s.peers) == 0 {
		return nil
	}
	out := make([]Peer, 0, len(s.peers))
	for _, p := range s.peers {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Peer returns the observation of one peer.
func (snap Snapshot) Peer(name string) (Peer, bool) {
	i := sort.Search(len(snap.Peers), func(i int) bool { return snap.Peers[i].Name >= name })
	if i < len(snap.Peers) && snap.Peers[i].Name == name {
		return snap.Peers[i], true
	}
	return Peer{}, false
}
