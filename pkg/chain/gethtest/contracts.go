package gethtest

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
)

// DefaultMineTimeout bounds the wait for a transaction's receipt.
const DefaultMineTimeout = 30 * time.Second

// DevKey returns geth's prefunded developer key.
func DevKey() (*ecdsa.PrivateKey, error) { return crypto.HexToECDSA(simchain.DevKeyHex) }

// Miner returns a contracts.Miner that waits (polling) for the receipts of
// transactions geth seals on its own.
func Miner(c *ethclient.Client) contracts.Miner {
	return func(ctx context.Context, txs ...*types.Transaction) ([]*types.Receipt, error) {
		ctx, cancel := context.WithTimeout(ctx, DefaultMineTimeout)
		defer cancel()
		receipts := make([]*types.Receipt, len(txs))
		for i, tx := range txs {
			r, err := waitReceipt(ctx, c, tx.Hash())
			if err != nil {
				return nil, err
			}
			receipts[i] = r
		}
		return receipts, nil
	}
}

func waitReceipt(ctx context.Context, c *ethclient.Client, h common.Hash) (*types.Receipt, error) {
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	for {
		r, err := c.TransactionReceipt(ctx, h)
		if err == nil {
			return r, nil
		}
		// Not mined yet, or mined but not yet in geth's background hash index.
		if !errors.Is(err, ethereum.NotFound) && !strings.Contains(err.Error(), "transaction indexing is in progress") {
			return nil, fmt.Errorf("receipt of %s: %w", h, err)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("receipt of %s: %w", h, ctx.Err())
		case <-tick.C:
		}
	}
}

// Deploy deploys the Livepeer test contracts from the developer key and
// returns their driver. The client stays in use by the driver.
func (g *Geth) Deploy(ctx context.Context, c *ethclient.Client, cfg contracts.DeployConfig) (*contracts.Driver, error) {
	key, err := DevKey()
	if err != nil {
		return nil, err
	}
	return contracts.Deploy(ctx, c, key, Miner(c), cfg)
}

// FundedKey creates a key funded with wei by the developer account.
func (g *Geth) FundedKey(ctx context.Context, c *ethclient.Client, wei *big.Int) (*ecdsa.PrivateKey, error) {
	dev, err := DevKey()
	if err != nil {
		return nil, err
	}
	key, err := crypto.GenerateKey()
	if err != nil {
		return nil, err
	}
	tx, err := contracts.Transfer(ctx, c, contracts.TransferTx{Key: dev, To: crypto.PubkeyToAddress(key.PublicKey), Value: wei})
	if err != nil {
		return nil, fmt.Errorf("fund: %w", err)
	}
	if _, err := Miner(c)(ctx, tx); err != nil {
		return nil, fmt.Errorf("fund: %w", err)
	}
	return key, nil
}

// StuckTx sends from key a transfer with a fee cap of 1 wei, below any base
// fee geth's dev chain reaches (it bottoms out at 7 wei), so it stays
// pending and the pending nonce stays one above the mined nonce. It needs
// a chain started with Period >= 1 (see the package comment).
func (g *Geth) StuckTx(ctx context.Context, c *ethclient.Client, key *ecdsa.PrivateKey) (*types.Transaction, error) {
	if g.period == 0 {
		return nil, errors.New("stuck tx: geth --dev.period 0 seals empty blocks in a loop while a transaction waits; start with Period >= 1")
	}
	return contracts.Transfer(ctx, c, contracts.TransferTx{
		Key: key, To: common.HexToAddress("0x000000000000000000000000000000000000dEaD"), Value: big.NewInt(1), FeeCap: big.NewInt(1),
	})
}
