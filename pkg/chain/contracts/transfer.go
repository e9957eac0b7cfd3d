package contracts

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// TxBackend is what Transfer needs from a chain.
type TxBackend interface {
	ChainID(ctx context.Context) (*big.Int, error)
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	SendTransaction(ctx context.Context, tx *types.Transaction) error
}

// TransferTx describes a plain value transfer.
type TransferTx struct {
	Key   *ecdsa.PrivateKey
	To    common.Address
	Value *big.Int
	// Nonce, when set, replaces the pending nonce of the key's address
	// (to replace a pending transaction).
	Nonce *uint64
	// FeeCap, when set, is both the fee cap and the tip (1 wei makes a
	// transaction that is never mined); nil prices it to be mined: a 1 gwei
	// tip over twice the head's base fee.
	FeeCap *big.Int
}

// Transfer signs and sends t and returns the transaction.
func Transfer(ctx context.Context, b TxBackend, t TransferTx) (*types.Transaction, error) {
	id, err := b.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("transfer: chain id: %w", err)
	}
	var nonce uint64
	if t.Nonce != nil {
		nonce = *t.Nonce
	} else if nonce, err = b.PendingNonceAt(ctx, crypto.PubkeyToAddress(t.Key.PublicKey)); err != nil {
		return nil, fmt.Errorf("transfer: nonce: %w", err)
	}
	tip, feeCap := t.FeeCap, t.FeeCap
	if feeCap == nil {
		head, err := b.HeaderByNumber(ctx, nil)
		if err != nil {
			return nil, fmt.Errorf("transfer: head: %w", err)
		}
		tip = big.NewInt(1e9)
		feeCap = new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
	}
	tx, err := types.SignNewTx(t.Key, types.LatestSignerForChainID(id), &types.DynamicFeeTx{
		ChainID: id, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: 21000, To: &t.To, Value: t.Value,
	})
	if err != nil {
		return nil, fmt.Errorf("transfer: sign: %w", err)
	}
	if err := b.SendTransaction(ctx, tx); err != nil {
		return nil, fmt.Errorf("transfer: send: %w", err)
	}
	return tx, nil
}
