package chain

import (
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// fieldContractChanges is the read of the Controller's SetContractInfo
// logs that keeps the resolved addresses trusted.
const fieldContractChanges = "contracts.changes"

// tagContractWatch is the phase group of that read (see readMeta.tag).
const tagContractWatch = -1

// contractWatch is one cycle's read of the Controller's SetContractInfo
// logs in the blocks after the addresses were last known good, up to to.
type contractWatch struct {
	to   uint64
	logs []types.Log
}

// watchContracts queues into ph the read of the Controller's
// SetContractInfo logs since the addresses were resolved, up to head:
// they are trusted until one of those logs registers a new RoundsManager
// or BondingManager. It returns nil when nothing needs reading (the
// addresses are configured, or no block is new).
func (p *Prober) watchContracts(ph *phase, head uint64) *contractWatch {
	if p.overridden() {
		return nil
	}
	p.mu.Lock()
	at := p.resolvedAt
	p.mu.Unlock()
	if at == 0 || head <= at {
		return nil
	}
	w := &contractWatch{to: head}
	q := ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(at + 1), ToBlock: new(big.Int).SetUint64(head),
		Addresses: []common.Address{p.cfg.Controller},
		Topics:    [][]common.Hash{{p.bd.controller.GetABI().Events["SetContractInfo"].ID}},
	}
	ph.addTagged(tagContractWatch, common.Address{}, fieldContractChanges, logsRequest(q, &w.logs))
	return w
}

// contractsChanged reports whether w's logs register a new address for a
// contract that is resolved, not configured; when none do, the addresses
// are good up to w's last block. It fails when the logs could not be read.
func (p *Prober) contractsChanged(w *contractWatch, ph *phase) (bool, error) {
	if w == nil {
		return false, nil
	}
	if errs := ph.errsOf(tagContractWatch); len(errs) > 0 {
		return false, errs[0].Err
	}
	watched := map[[32]byte]bool{}
	if p.cfg.RoundsManager == (common.Address{}) {
		watched[ContractID(RoundsManagerName)] = true
	}
	if p.cfg.BondingManager == (common.Address{}) {
		watched[ContractID(BondingManagerName)] = true
	}
	for i := range w.logs {
		ev, err := p.bd.controller.UnpackSetContractInfoEvent(&w.logs[i])
		if err != nil {
			return false, &DecodeError{What: "SetContractInfo log", Err: err}
		}
		if watched[ev.Id] && !w.logs[i].Removed {
			return true, nil
		}
	}
	p.mu.Lock()
	if p.resolvedAt != 0 && p.resolvedAt < w.to {
		p.resolvedAt = w.to
	}
	p.mu.Unlock()
	return false, nil
}
