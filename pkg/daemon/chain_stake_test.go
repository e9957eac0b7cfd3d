package daemon

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
)

// lpt is n LPT in wei.
func lpt(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

// stakeWorld is a node of 1000 LPT stake, rewarded this round, watched by
// a daemon that has judged its stake once.
func stakeWorld(t *testing.T) (*simWorld, *harness) {
	t.Helper()
	w := newSimWorld(t)
	w.freshRound(func(r uint64) uint64 { return r })
	w.must(w.sim.Driver().SetTotalStake(w.ctx, nodeAddr, lpt(1000)))
	h, _ := runDaemon(t, w.config(t.TempDir()), simStart)
	h.waitState(alert.StakeDropped, "tc001", checks.OK)
	h.quiet()
	return w, h
}

// TestSlashPagesOnceWithTheSlash: a slash that also drops the stake by
// more than stake_drop_fraction is judged with its TranscoderSlashed event
// in one evaluation: one StakeDropped notification, critical, carrying the
// slash, and no warning before it.
func TestSlashPagesOnceWithTheSlash(t *testing.T) {
	w, h := stakeWorld(t)

	finder := common.HexToAddress("0xf1")
	w.must(w.sim.Driver().Slash(w.ctx, nodeAddr, finder, lpt(500), lpt(5)))
	n := h.expect(alert.StakeDropped, alert.StatusFiring)
	if n.Severity != alert.SeverityCritical || n.Details["penalty"] != lpt(500).String() || n.Details["finder"] != finder.Hex() ||
		!strings.Contains(n.Description, "TranscoderSlashed") {
		t.Fatalf("first StakeDropped notification: %s %q %v, want critical with the slash", n.Severity, n.Description, n.Details)
	}
	h.waitState(alert.StakeDropped, "tc001", checks.Critical)
	h.quiet()
}

// TestUnbondIsNotASlash: a delegator's voluntary unbond that drops the
// stake by more than stake_drop_fraction is a StakeDropped warning that
// says it was an unbond.
func TestUnbondIsNotASlash(t *testing.T) {
	w, h := stakeWorld(t)

	w.must(w.sim.Driver().Unbond(w.ctx, nodeAddr, common.HexToAddress("0xde1e"), lpt(300)))
	n := h.expect(alert.StakeDropped, alert.StatusFiring)
	if n.Severity != alert.SeverityWarning || n.Details["cause"] != "unbond" || n.Details["unbonded"] != lpt(300).String() ||
		!strings.Contains(n.Description, "a voluntary unbond, not a slash") {
		t.Fatalf("StakeDropped after an unbond: %s %q %v, want a warning naming the unbond", n.Severity, n.Description, n.Details)
	}
	h.quiet()
}
