package daemon

import (
	"sync"

	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/status"
)

// chainRuntime is what chain monitoring keeps for the daemon's life: the
// chain checks' facts of the latest evaluation, which /status shows.
type chainRuntime struct {
	mu    sync.Mutex
	facts map[string]checks.NodeChainFacts
}

// statusFacts returns what /status shows of the chain checks' facts.
func (r *chainRuntime) statusFacts() status.ChainFacts {
	r.mu.Lock()
	defer r.mu.Unlock()
	return status.ChainFacts{Nodes: r.facts}
}
