package contracts

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/lpwatch/lpwatch/pkg/chain/contracts/legacy"
)

// DefaultRoundLockAmount is Livepeer's lock period: 10% of a round (of PERC_DIVISOR 1e6).
const DefaultRoundLockAmount = 100000

// ErrReverted is returned when a mined transaction has status 0.
var ErrReverted = errors.New("transaction reverted")

// Backend is what the Driver needs from a chain.
type Backend interface {
	bind.ContractBackend
	ChainID(ctx context.Context) (*big.Int, error)
}

// Miner makes sent transactions part of the chain (the simulated backend
// commits a block; a geth --dev chain is waited on) and returns their
// receipts in the same order.
type Miner func(ctx context.Context, txs ...*types.Transaction) ([]*types.Receipt, error)

// DeployConfig configures Deploy.
type DeployConfig struct {
	// RoundLength in blockNum() blocks; must be positive.
	RoundLength uint64
	// RoundLockAmount is the lock period as a fraction of 1e6 (DefaultRoundLockAmount is Livepeer's).
	RoundLockAmount uint64
	// Legacy deploys the 2018 BondingManager (7-word getTranscoder) instead of the current one.
	Legacy bool
}

// Deployment is where the contracts live.
type Deployment struct {
	Controller     common.Address
	RoundsManager  common.Address
	BondingManager common.Address
	Legacy         bool
}

// Driver sends the transactions that set the test contracts' state. Every
// method waits until its transaction is mined and fails on a revert. It is
// safe for concurrent use; transactions are sent one at a time.
type Driver struct {
	backend Backend
	key     *ecdsa.PrivateKey
	from    common.Address
	chainID *big.Int
	mine    Miner
	dep     Deployment
	ctrl    *Controller
	rounds  *RoundsManager
	bonding *BondingManager
	mu      sync.Mutex
}

// Deploy deploys the Controller, the RoundsManager and a BondingManager
// (current or legacy) from key, registers the two managers in the
// Controller under keccak256 of their names, and returns a Driver for them.
func Deploy(ctx context.Context, backend Backend, key *ecdsa.PrivateKey, mine Miner, cfg DeployConfig) (*Driver, error) {
	switch {
	case backend == nil, key == nil, mine == nil:
		return nil, errors.New("deploy needs a backend, a key and a miner")
	case cfg.RoundLength == 0:
		return nil, errors.New("deploy: round length must be positive")
	case cfg.RoundLockAmount > 1000000:
		return nil, fmt.Errorf("deploy: round lock amount %d exceeds 1000000", cfg.RoundLockAmount)
	}
	id, err := backend.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("deploy: chain id: %w", err)
	}
	d := &Driver{
		backend: backend, key: key, from: crypto.PubkeyToAddress(key.PublicKey), chainID: id, mine: mine,
		ctrl: NewController(), rounds: NewRoundsManager(), bonding: NewBondingManager(),
	}
	if err := d.deploy(ctx, cfg); err != nil {
		return nil, fmt.Errorf("deploy: %w", err)
	}
	return d, nil
}

func (d *Driver) deploy(ctx context.Context, cfg DeployConfig) error {
	nonce, err := d.backend.PendingNonceAt(ctx, d.from)
	if err != nil {
		return fmt.Errorf("nonce: %w", err)
	}
	bm, bmBin := d.bonding.PackConstructor, BondingManagerMetaData.Bin
	if cfg.Legacy {
		bm, bmBin = legacy.NewLegacyBondingManager().PackConstructor, legacy.LegacyBondingManagerMetaData.Bin
	}
	// The constructors do not depend on each other, so all three go out before one wait.
	ctrlAddr := crypto.CreateAddress(d.from, nonce)
	creations := []struct {
		bin  string
		args []byte
	}{
		{ControllerMetaData.Bin, nil},
		{RoundsManagerMetaData.Bin, d.rounds.PackConstructor(new(big.Int).SetUint64(cfg.RoundLength), new(big.Int).SetUint64(cfg.RoundLockAmount))},
		{bmBin, bm(ctrlAddr)},
	}
	var addrs []common.Address
	var txs []*types.Transaction
	for i, c := range creations {
		opts := d.opts(ctx)
		opts.Nonce = new(big.Int).SetUint64(nonce + uint64(i))
		addr, tx, err := bind.DeployContract(opts, common.FromHex(c.bin), d.backend, c.args)
		if err != nil {
			return fmt.Errorf("contract %d: %w", i, err)
		}
		addrs, txs = append(addrs, addr), append(txs, tx)
	}
	if err := d.await(ctx, txs...); err != nil {
		return err
	}
	d.dep = Deployment{Controller: addrs[0], RoundsManager: addrs[1], BondingManager: addrs[2], Legacy: cfg.Legacy}
	if err := d.SetContract(ctx, "RoundsManager", d.dep.RoundsManager); err != nil {
		return err
	}
	return d.SetContract(ctx, "BondingManager", d.dep.BondingManager)
}

// Deployment returns the contract addresses.
func (d *Driver) Deployment() Deployment { return d.dep }

// From returns the address that sends the driver's transactions.
func (d *Driver) From() common.Address { return d.from }

func (d *Driver) opts(ctx context.Context) *bind.TransactOpts {
	o := bind.NewKeyedTransactor(d.key, d.chainID)
	o.Context = ctx
	return o
}

// await mines txs and checks that none reverted.
func (d *Driver) await(ctx context.Context, txs ...*types.Transaction) error {
	receipts, err := d.mine(ctx, txs...)
	if err != nil {
		return fmt.Errorf("mine: %w", err)
	}
	if len(receipts) != len(txs) {
		return fmt.Errorf("mine: %d receipts for %d transactions", len(receipts), len(txs))
	}
	for i, r := range receipts {
		if r == nil || r.Status != types.ReceiptStatusSuccessful {
			return fmt.Errorf("tx %s: %w", txs[i].Hash(), ErrReverted)
		}
	}
	return nil
}

// Send sends data to contract to from the driver's key and waits until it is mined.
func (d *Driver) Send(ctx context.Context, to common.Address, data []byte) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	inst := bind.NewBoundContract(to, d.ctrl.GetABI(), d.backend, d.backend, d.backend)
	tx, err := bind.Transact(inst, d.opts(ctx), data)
	if err != nil {
		return err
	}
	return d.await(ctx, tx)
}
