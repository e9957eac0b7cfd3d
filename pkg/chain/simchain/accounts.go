package simchain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
)

// burnAddress receives the helpers' transfers.
var burnAddress = common.HexToAddress("0x000000000000000000000000000000000000dEaD")

// FundedKey creates a key and funds it with wei from the developer account.
func (c *Chain) FundedKey(ctx context.Context, wei *big.Int) (*ecdsa.PrivateKey, error) {
	key, err := crypto.GenerateKey()
	if err != nil {
		return nil, fmt.Errorf("fund: %w", err)
	}
	tx, err := contracts.Transfer(ctx, c.backend.Client(), contracts.TransferTx{Key: c.key, To: crypto.PubkeyToAddress(key.PublicKey), Value: wei})
	if err != nil {
		return nil, fmt.Errorf("fund: %w", err)
	}
	if _, err := c.Mine(ctx, tx); err != nil {
		return nil, fmt.Errorf("fund: %w", err)
	}
	return key, nil
}

// StuckTx sends from key a transfer whose fee cap (1 wei) is below any base
// fee the chain reaches, so it stays pending: the pending nonce of key's
// address is then one above the mined nonce however many blocks follow.
// Use a key of its own (the monitored node's), not the developer key, or
// the driver's transactions queue up behind it.
func (c *Chain) StuckTx(ctx context.Context, key *ecdsa.PrivateKey) (*types.Transaction, error) {
	if key == nil || key.Equal(c.key) {
		return nil, errors.New("stuck tx: needs a key other than the developer key")
	}
	tx, err := contracts.Transfer(ctx, c.backend.Client(), contracts.TransferTx{Key: key, To: burnAddress, Value: big.NewInt(1), FeeCap: big.NewInt(1)})
	if err != nil {
		return nil, fmt.Errorf("stuck tx: %w", err)
	}
	c.Commit()
	return tx, nil
}

// ReplaceTx replaces a pending transaction of key (same nonce) with one
// priced to be mined, and mines it.
func (c *Chain) ReplaceTx(ctx context.Context, key *ecdsa.PrivateKey, stuck *types.Transaction) (*types.Receipt, error) {
	nonce := stuck.Nonce()
	tx, err := contracts.Transfer(ctx, c.backend.Client(), contracts.TransferTx{Key: key, To: burnAddress, Value: big.NewInt(1), Nonce: &nonce})
	if err != nil {
		return nil, fmt.Errorf("replace tx: %w", err)
	}
	rs, err := c.Mine(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("replace tx: %w", err)
	}
	return rs[0], nil
}
