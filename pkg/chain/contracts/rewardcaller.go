package contracts

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// ErrNoRewardCallerKey is returned when a LIP-118 transaction is asked
// for without the key that must sign it.
var ErrNoRewardCallerKey = errors.New("no key given")

// SendAs sends data to contract to from key (not the driver's key) and
// waits until it is mined. It returns the receipt; a revert found while
// estimating gas is returned with the contract's reason, one found in the
// receipt as ErrReverted.
func (d *Driver) SendAs(ctx context.Context, key *ecdsa.PrivateKey, to common.Address, data []byte) (*types.Receipt, error) {
	if key == nil {
		return nil, ErrNoRewardCallerKey
	}
	opts := bind.NewKeyedTransactor(key, d.chainID)
	opts.Context = ctx
	return d.sendWith(ctx, opts, to, data)
}

// sendWith sends data to to with opts, waits until it is mined and returns the receipt.
func (d *Driver) sendWith(ctx context.Context, opts *bind.TransactOpts, to common.Address, data []byte) (*types.Receipt, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	inst := bind.NewBoundContract(to, d.bonding.GetABI(), d.backend, d.backend, d.backend)
	tx, err := bind.Transact(inst, opts, data)
	if err != nil {
		return nil, err
	}
	receipts, err := d.mine(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("mine: %w", err)
	}
	if len(receipts) != 1 || receipts[0] == nil {
		return nil, fmt.Errorf("mine: no receipt for %s", tx.Hash())
	}
	if receipts[0].Status != types.ReceiptStatusSuccessful {
		return receipts[0], fmt.Errorf("tx %s: %w", tx.Hash(), ErrReverted)
	}
	return receipts[0], nil
}

// SetRewardCaller sends BondingManager.setRewardCaller(caller) signed by
// the orchestrator's key (LIP-118); the zero address unsets.
func (d *Driver) SetRewardCaller(ctx context.Context, orchestrator *ecdsa.PrivateKey, caller common.Address) error {
	_, err := d.SendAs(ctx, orchestrator, d.dep.BondingManager, d.bonding.PackSetRewardCaller(caller))
	if err != nil {
		return fmt.Errorf("setRewardCaller: %w", err)
	}
	return nil
}

// SetRewardCallerOf sets t's reward caller without t's key (a test driver
// of the mimic contract; it emits RewardCallerSet as setRewardCaller does).
func (d *Driver) SetRewardCallerOf(ctx context.Context, t, caller common.Address) error {
	return d.do(ctx, "setRewardCallerOf", d.dep.BondingManager, d.bonding.PackSetRewardCallerOf(t, caller))
}

// RewardForTranscoderWithHint sends rewardForTranscoderWithHint(t, 0, 0)
// signed by the caller's key, as go-livepeer does in delegated mode, and
// returns its receipt.
func (d *Driver) RewardForTranscoderWithHint(ctx context.Context, caller *ecdsa.PrivateKey, t common.Address) (*types.Receipt, error) {
	r, err := d.SendAs(ctx, caller, d.dep.BondingManager, d.bonding.PackRewardForTranscoderWithHint(t, common.Address{}, common.Address{}))
	if err != nil {
		return r, fmt.Errorf("rewardForTranscoderWithHint: %w", err)
	}
	return r, nil
}

// RewardForTranscoder sends rewardForTranscoder(t) signed by the caller's
// key and returns its receipt.
func (d *Driver) RewardForTranscoder(ctx context.Context, caller *ecdsa.PrivateKey, t common.Address) (*types.Receipt, error) {
	r, err := d.SendAs(ctx, caller, d.dep.BondingManager, d.bonding.PackRewardForTranscoder(t))
	if err != nil {
		return r, fmt.Errorf("rewardForTranscoder: %w", err)
	}
	return r, nil
}

// RewardCallerOf reads transcoderToRewardCaller(t) at the latest block.
func (d *Driver) RewardCallerOf(ctx context.Context, t common.Address) (common.Address, error) {
	inst := d.bonding.Instance(d.backend, d.dep.BondingManager)
	a, err := bind.Call(inst, &bind.CallOpts{Context: ctx}, d.bonding.PackTranscoderToRewardCaller(t), d.bonding.UnpackTranscoderToRewardCaller)
	if err != nil {
		return common.Address{}, fmt.Errorf("transcoderToRewardCaller: %w", err)
	}
	return a, nil
}

// DeployKeeper deploys a RewardKeeper for the BondingManager from the
// driver's key and returns its address.
func (d *Driver) DeployKeeper(ctx context.Context) (common.Address, error) {
	k := NewRewardKeeper()
	d.mu.Lock()
	defer d.mu.Unlock()
	addr, tx, err := bind.DeployContract(d.opts(ctx), common.FromHex(RewardKeeperMetaData.Bin), d.backend, k.PackConstructor(d.dep.BondingManager))
	if err != nil {
		return common.Address{}, fmt.Errorf("deploy keeper: %w", err)
	}
	if err := d.await(ctx, tx); err != nil {
		return common.Address{}, fmt.Errorf("deploy keeper: %w", err)
	}
	return addr, nil
}

// Subscribe makes the orchestrator (its key signs) a subscriber of the
// keeper; the keeper must already be its reward caller.
func (d *Driver) Subscribe(ctx context.Context, orchestrator *ecdsa.PrivateKey, keeper common.Address) error {
	if _, err := d.SendAs(ctx, orchestrator, keeper, NewRewardKeeper().PackSubscribe()); err != nil {
		return fmt.Errorf("subscribe: %w", err)
	}
	return nil
}

// keeperGas is the gas limit of a rewardAll transaction. Gas estimation
// would find the least gas with which rewardAll succeeds, which is the gas
// with which every reward inside it fails and is skipped.
const keeperGas = 3_000_000

// RewardAll calls the keeper's rewardAll from the driver's key (anyone
// may) and returns its receipt.
func (d *Driver) RewardAll(ctx context.Context, keeper common.Address) (*types.Receipt, error) {
	opts := d.opts(ctx)
	opts.GasLimit = keeperGas
	r, err := d.sendWith(ctx, opts, keeper, NewRewardKeeper().PackRewardAll())
	if err != nil {
		return r, fmt.Errorf("rewardAll: %w", err)
	}
	return r, nil
}

// SetPaused pauses or unpauses the protocol through the Controller.
func (d *Driver) SetPaused(ctx context.Context, paused bool) error {
	if paused {
		return d.do(ctx, "pause", d.dep.Controller, d.ctrl.PackPause())
	}
	return d.do(ctx, "unpause", d.dep.Controller, d.ctrl.PackUnpause())
}
