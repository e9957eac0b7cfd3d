package contracts

import (
	"context"
	"crypto/ecdsa"
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// SendAs sends data to contract to from key (an orchestrator's or a reward
// caller's, not the driver's), waits until it is mined and returns its
// receipt; a revert is an error wrapping ErrReverted.
func (d *Driver) SendAs(ctx context.Context, key *ecdsa.PrivateKey, to common.Address, data []byte) (*types.Receipt, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	opts := bind.NewKeyedTransactor(key, d.chainID)
	opts.Context = ctx
	inst := bind.NewBoundContract(to, d.ctrl.GetABI(), d.backend, d.backend, d.backend)
	tx, err := bind.Transact(inst, opts, data)
	if err != nil {
		return nil, err
	}
	rs, err := d.mine(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("mine: %w", err)
	}
	if len(rs) != 1 || rs[0] == nil || rs[0].Status != types.ReceiptStatusSuccessful {
		return nil, fmt.Errorf("tx %s: %w", tx.Hash(), ErrReverted)
	}
	return rs[0], nil
}
