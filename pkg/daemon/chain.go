package daemon

import (
	"fmt"
	"sync"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/probes"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// maxRecentSlashes bounds the slash events, and the unbond events, kept
// for the checks.
const maxRecentSlashes = 64

// chainRuntime is what chain monitoring keeps for the daemon's life: the
// slash events the scans found and the checks' facts.
type chainRuntime struct {
	mu     sync.Mutex
	events checks.ChainEvents
	scan   uint64 // RPC calls of the latest slash scan
	facts  map[string]checks.NodeChainFacts
}

// noteScan records a slash scan's result (it runs on the probe's goroutine).
func (r *chainRuntime) noteScan(s probes.ScanResult) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.scan = s.Calls
	r.events.Err = s.Err
	if s.Err != nil {
		return
	}
	r.events.Scanned, r.events.ScannedTo = true, s.To
	r.events.Slashes = addEvents(r.events.Slashes, s.Slashes, func(ev chain.SlashEvent) chain.EventMeta { return ev.EventMeta })
	r.events.Unbonds = addEvents(r.events.Unbonds, s.Unbonds, func(ev chain.UnbondEvent) chain.EventMeta { return ev.EventMeta })
}

// addEvents appends the events of found that known lacks, keeping the
// latest maxRecentSlashes.
func addEvents[T any](known, found []T, meta func(T) chain.EventMeta) []T {
	seen := make(map[string]bool, len(known))
	for _, ev := range known {
		m := meta(ev)
		seen[fmt.Sprintf("%s#%d", m.TxHash, m.LogIndex)] = true
	}
	for _, ev := range found {
		if m := meta(ev); !seen[fmt.Sprintf("%s#%d", m.TxHash, m.LogIndex)] {
			known = append(known, ev)
		}
	}
	if n := len(known); n > maxRecentSlashes {
		known = append([]T(nil), known[n-maxRecentSlashes:]...)
	}
	return known
}

// chainEvents returns a copy of the scans' results for the evaluator.
func (r *chainRuntime) chainEvents() checks.ChainEvents {
	r.mu.Lock()
	defer r.mu.Unlock()
	ev := r.events
	ev.Slashes = append([]chain.SlashEvent(nil), r.events.Slashes...)
	ev.Unbonds = append([]chain.UnbondEvent(nil), r.events.Unbonds...)
	return ev
}

// statusFacts returns what /status shows of the chain checks' facts and
// the scans.
func (r *chainRuntime) statusFacts() status.ChainFacts {
	r.mu.Lock()
	defer r.mu.Unlock()
	return status.ChainFacts{Nodes: r.facts, Slashes: len(r.events.Slashes)}
}
