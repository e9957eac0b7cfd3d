package chain

import (
	"context"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// SyncStatus is an endpoint's eth_syncing answer.
type SyncStatus struct {
	// Progress is nil when the node reports it is not syncing.
	Progress *ethereum.SyncProgress
}

// Syncing reports whether eth_syncing returned progress at all. geth also
// reports progress while only its transaction or state index is being built.
func (s SyncStatus) Syncing() bool { return s.Progress != nil }

// BlockSyncing reports whether the node is behind on blocks (current < highest).
func (s SyncStatus) BlockSyncing() bool {
	return s.Progress != nil && s.Progress.CurrentBlock < s.Progress.HighestBlock
}

// BlocksBehind returns highest - current (0 when not block-syncing).
func (s SyncStatus) BlocksBehind() uint64 {
	if !s.BlockSyncing() {
		return 0
	}
	return s.Progress.HighestBlock - s.Progress.CurrentBlock
}

// ChainID reads eth_chainId.
func (e *Endpoint) ChainID(ctx context.Context) (*big.Int, error) {
	var id *big.Int
	err := e.do(ctx, "eth_chainId", func(ctx context.Context, c *conn) (err error) {
		id, err = c.b.ChainID(ctx)
		return err
	})
	return id, err
}

// SyncStatus reads eth_syncing.
func (e *Endpoint) SyncStatus(ctx context.Context) (*SyncStatus, error) {
	var s *SyncStatus
	err := e.do(ctx, "eth_syncing", func(ctx context.Context, c *conn) error {
		if c.sync == nil {
			return ErrUnsupported
		}
		p, err := c.sync.SyncProgress(ctx)
		if err != nil {
			return err
		}
		s = &SyncStatus{Progress: p}
		return nil
	})
	return s, err
}

// PeerCount reads net_peerCount.
func (e *Endpoint) PeerCount(ctx context.Context) (uint64, error) {
	var n uint64
	err := e.do(ctx, "net_peerCount", func(ctx context.Context, c *conn) (err error) {
		if c.peers == nil {
			return ErrUnsupported
		}
		n, err = c.peers.PeerCount(ctx)
		return err
	})
	return n, err
}

// GasPrice reads eth_gasPrice.
func (e *Endpoint) GasPrice(ctx context.Context) (*big.Int, error) {
	var p *big.Int
	err := e.do(ctx, "eth_gasPrice", func(ctx context.Context, c *conn) (err error) {
		p, err = c.b.SuggestGasPrice(ctx)
		return err
	})
	return p, err
}

// Balance reads the balance of addr at block (nil means latest).
func (e *Endpoint) Balance(ctx context.Context, addr common.Address, block *big.Int) (*big.Int, error) {
	var b *big.Int
	err := e.do(ctx, "eth_getBalance", func(ctx context.Context, c *conn) (err error) {
		b, err = c.b.BalanceAt(ctx, addr, block)
		return err
	})
	return b, err
}

// Nonce reads the mined nonce of addr at block (nil means latest).
func (e *Endpoint) Nonce(ctx context.Context, addr common.Address, block *big.Int) (uint64, error) {
	var n uint64
	err := e.do(ctx, "eth_getTransactionCount", func(ctx context.Context, c *conn) (err error) {
		n, err = c.b.NonceAt(ctx, addr, block)
		return err
	})
	return n, err
}

// PendingNonce reads the nonce of addr including transactions in the node's pool.
func (e *Endpoint) PendingNonce(ctx context.Context, addr common.Address) (uint64, error) {
	var n uint64
	err := e.do(ctx, "eth_getTransactionCount(pending)", func(ctx context.Context, c *conn) (err error) {
		n, err = c.b.PendingNonceAt(ctx, addr)
		return err
	})
	return n, err
}

// Call runs eth_call of data on contract to at block (nil means latest).
func (e *Endpoint) Call(ctx context.Context, to common.Address, data []byte, block *big.Int) ([]byte, error) {
	var out []byte
	err := e.do(ctx, "eth_call", func(ctx context.Context, c *conn) (err error) {
		out, err = c.b.CallContract(ctx, ethereum.CallMsg{To: &to, Data: data}, block)
		return err
	})
	return out, err
}

// FilterLogs runs one eth_getLogs query.
func (e *Endpoint) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	var logs []types.Log
	err := e.do(ctx, "eth_getLogs", func(ctx context.Context, c *conn) (err error) {
		logs, err = c.b.FilterLogs(ctx, q)
		return err
	})
	return logs, err
}
