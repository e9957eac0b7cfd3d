package checks

import (
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/statefile"
)

// ledgerRetry is how long a failed write of the ledger waits before the
// next attempt.
const ledgerRetry = 30 * time.Second

// ledger is the chain checks' durable history, one entry per node. It is
// written atomically (pkg/statefile) whenever it changed, so rounds are
// never judged twice and missed rounds never counted twice, across
// restarts of lpwatch.
type ledger struct {
	path     string
	file     ledgerFile
	dirty    bool
	failedAt time.Time
	// newer is set when the file is in a newer format: it is never
	// overwritten, and the history is kept in memory only.
	newer bool
}

// ledgerVersion is the format version of ChainStateFile written.
const ledgerVersion = 1

// ChainStateFormat is the format of the chain checks' history file.
func ChainStateFormat() statefile.Format {
	return statefile.Format{Name: ChainStateFile, Version: ledgerVersion}
}

type ledgerFile struct {
	Version int                    `json:"version"`
	Nodes   map[string]*nodeLedger `json:"nodes"`
}

// nodeLedger is the history of one node's account.
type nodeLedger struct {
	Address string `json:"address"`
	// Judged is the highest round whose outcome has been decided.
	Judged uint64 `json:"judged"`
	// Watches are what observations saw of rounds not judged yet.
	Watches []roundWatch `json:"watches,omitempty"`
	// MissedTotal counts every missed round ever judged.
	MissedTotal uint64 `json:"missed_total"`
	// StreakLast is the latest missed round of the current streak (0: none);
	// Streak is how many rounds the streak has.
	StreakLast uint64 `json:"streak_last,omitempty"`
	Streak     uint64 `json:"streak,omitempty"`
	// Balance holds samples of the account's balance for the runway.
	Balance []balanceSample `json:"balance,omitempty"`
	// BalanceOf is the account the samples are of, when it is not
	// Address: the orchestrator's reward caller, which sends its rewards.
	BalanceOf string `json:"balance_of,omitempty"`
}

// balanceOf is the account the balance samples are of.
func (n *nodeLedger) balanceOf() string {
	if n.BalanceOf != "" {
		return n.BalanceOf
	}
	return n.Address
}

// roundWatch is what was seen of one round while it was current.
type roundWatch struct {
	Round       uint64 `json:"round"`
	Initialized bool   `json:"initialized"`
	ActiveKnown bool   `json:"active_known"`
	Active      bool   `json:"active"`
}

// balanceSample is one balance reading, in wei.
type balanceSample struct {
	At  time.Time `json:"at"`
	Wei string    `json:"wei"`
}

// openLedger reads the ledger at path. A missing file gives an empty
// ledger; an unreadable one is moved aside (statefile) and the error says
// so, while the returned ledger starts empty. A file in a newer format is
// left as it is and never written: the ledger then lives in memory only.
func openLedger(path string, now time.Time) (*ledger, error) {
	l := &ledger{path: path, file: ledgerFile{Version: ledgerVersion, Nodes: map[string]*nodeLedger{}}}
	if _, err := statefile.ReadVersioned(path, ChainStateFormat(), &l.file, now); err != nil {
		l.file = ledgerFile{Version: ledgerVersion, Nodes: map[string]*nodeLedger{}}
		l.newer = errors.Is(err, statefile.ErrNewer)
		return l, fmt.Errorf("chain check history: %w", err)
	}
	if l.file.Nodes == nil {
		l.file.Nodes = map[string]*nodeLedger{}
	}
	for name, n := range l.file.Nodes {
		if n == nil {
			delete(l.file.Nodes, name)
		}
	}
	return l, nil
}

// flush writes the ledger when it changed; after a failure it waits
// ledgerRetry before trying again.
func (l *ledger) flush(now time.Time) error {
	if !l.dirty || l.newer || (!l.failedAt.IsZero() && now.Sub(l.failedAt) < ledgerRetry) {
		return nil
	}
	if err := statefile.WriteJSON(l.path, &l.file); err != nil {
		l.failedAt = now
		return fmt.Errorf("chain check history: %w", err)
	}
	l.dirty, l.failedAt = false, time.Time{}
	return nil
}

// retain forgets nodes that are no longer configured.
func (l *ledger) retain(names map[string]bool) {
	for name := range l.file.Nodes {
		if !names[name] {
			delete(l.file.Nodes, name)
			l.dirty = true
		}
	}
}

// roundFacts are the reads one observation gives about a node's rounds.
type roundFacts struct {
	round        *uint64
	initialized  *bool
	lastInit     *uint64
	lastReward   *uint64
	active       *bool
	activation   *big.Int
	deactivation *big.Int
}

// facts extracts the round facts of account a from o.
func facts(o *chain.Observation, a *chain.AccountInfo) roundFacts {
	f := roundFacts{round: o.Round.CurrentRound, initialized: o.Round.Initialized, lastInit: o.Round.LastInitializedRound, active: a.Active}
	if t := a.Transcoder; t != nil {
		l := t.LastRewardRound
		f.lastReward = &l
		f.activation, f.deactivation = t.ActivationRound, t.DeactivationRound
	}
	return f
}

// learn records one observation of node's account; balance is that of
// the account balanceOf, which sends the reward transactions. Samples of
// another account are dropped. judged is told the verdict of each round
// judged.
func (l *ledger) learn(node string, addr common.Address, f roundFacts, at time.Time, balanceOf common.Address, balance *big.Int, window time.Duration, judged func(uint64, verdict)) {
	n := l.file.Nodes[node]
	reset := n == nil || n.Address != addr.Hex() || (f.round != nil && n.Judged >= *f.round && *f.round > 0)
	if reset && f.round == nil {
		return
	}
	if reset {
		// First sight of this account: only the round before this one is judged.
		n = &nodeLedger{Address: addr.Hex(), Judged: saturatingSub(*f.round, 2)}
		l.file.Nodes[node] = n
		l.dirty = true
	}
	if f.round != nil && n.advance(f, judged) {
		l.dirty = true
	}
	if balance != nil && n.balanceOf() != balanceOf.Hex() {
		n.Balance, n.BalanceOf = nil, balanceOf.Hex()
		if balanceOf == addr {
			n.BalanceOf = ""
		}
		l.dirty = true
	}
	if balance != nil && n.sample(at, balance, window) {
		l.dirty = true
	}
}

func saturatingSub(a, b uint64) uint64 {
	if a < b {
		return 0
	}
	return a - b
}
