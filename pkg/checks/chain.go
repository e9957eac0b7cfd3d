package checks

import (
	"time"

	"github.com/lpwatch/lpwatch/pkg/observe"
)

// chainState is the history the chain checks keep between evaluations.
type chainState struct{}

func newChainState() *chainState { return &chainState{} }

// chainChecks evaluates the checks that read the chain.
func (e *Evaluator) chainChecks(now time.Time, snap observe.Snapshot) []Result {
	return nil
}
