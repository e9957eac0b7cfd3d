package chain

import (
	"context"
	"encoding/json"
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
func (e *Endpoint) ChainID(ctx context.Context) (id *big.Int, err error) {
	return id, e.one(ctx, chainIDRequest(&id))
}

// SyncStatus reads eth_syncing.
func (e *Endpoint) SyncStatus(ctx context.Context) (s *SyncStatus, err error) {
	return s, e.one(ctx, syncRequest(&s))
}

// PeerCount reads net_peerCount.
func (e *Endpoint) PeerCount(ctx context.Context) (uint64, error) {
	var n *uint64
	if err := e.one(ctx, peersRequest(&n)); err != nil {
		return 0, err
	}
	return *n, nil
}

// GasPrice reads eth_gasPrice.
func (e *Endpoint) GasPrice(ctx context.Context) (p *big.Int, err error) {
	return p, e.one(ctx, gasPriceRequest(&p))
}

// Balance reads the balance of addr at block (nil means latest).
func (e *Endpoint) Balance(ctx context.Context, addr common.Address, block *big.Int) (b *big.Int, err error) {
	return b, e.one(ctx, balanceRequest(addr, block, &b))
}

// Nonce reads the mined nonce of addr at block (nil means latest).
func (e *Endpoint) Nonce(ctx context.Context, addr common.Address, block *big.Int) (uint64, error) {
	var n *uint64
	if err := e.one(ctx, nonceRequest(addr, block, &n)); err != nil {
		return 0, err
	}
	return *n, nil
}

// PendingNonce reads the nonce of addr including transactions in the node's pool.
func (e *Endpoint) PendingNonce(ctx context.Context, addr common.Address) (uint64, error) {
	var n *uint64
	if err := e.one(ctx, pendingNonceRequest(addr, &n)); err != nil {
		return 0, err
	}
	return *n, nil
}

// Call runs eth_call of data on contract to at block (nil means latest).
func (e *Endpoint) Call(ctx context.Context, to common.Address, data []byte, block *big.Int) (out []byte, err error) {
	return out, e.one(ctx, callRequest(&ethCall{to: to, data: data, block: block, answer: func(b []byte) error { out = b; return nil }}))
}

// FilterLogs runs one eth_getLogs query.
func (e *Endpoint) FilterLogs(ctx context.Context, q ethereum.FilterQuery) (logs []types.Log, err error) {
	return logs, e.one(ctx, logsRequest(q, &logs))
}

// logsRequest runs eth_getLogs of q (its block range, not a block hash).
func logsRequest(q ethereum.FilterQuery, dst *[]types.Log) *request {
	arg := map[string]any{"fromBlock": blockArg(q.FromBlock), "toBlock": blockArg(q.ToBlock)}
	if q.FromBlock == nil {
		arg["fromBlock"] = "0x0"
	}
	if len(q.Addresses) > 0 {
		arg["address"] = q.Addresses
	}
	if q.Topics != nil {
		arg["topics"] = q.Topics
	}
	return &request{
		method: "eth_getLogs",
		args:   []any{arg},
		decode: func(raw json.RawMessage) error {
			var logs []types.Log
			if err := json.Unmarshal(raw, &logs); err != nil {
				return err
			}
			*dst = logs
			return nil
		},
		direct: func(ctx context.Context, c *conn) (err error) {
			*dst, err = c.b.FilterLogs(ctx, q)
			return err
		},
	}
}
