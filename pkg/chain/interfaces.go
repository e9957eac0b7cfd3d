// Package chain reads an Ethereum-compatible chain (Ethereum L1 or Arbitrum
// One) and the Livepeer protocol contracts deployed on it, for lpwatch's
// probes. It is a thin layer over go-ethereum: endpoints with per-call
// deadlines, a failover pool, error classification into short reasons,
// contract reads that keep partial results, bounded log queries, and one
// full Observation per probe cycle. It holds no Prometheus and no alert logic.
package chain

import (
	"context"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// HeaderReader reads block headers; a nil number means the latest block.
type HeaderReader interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// BalanceReader reads an account balance at a block (nil means latest).
type BalanceReader interface {
	BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error)
}

// NonceReader reads the mined nonce at a block and the pending nonce.
type NonceReader interface {
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
}

// LogReader runs eth_getLogs queries.
type LogReader interface {
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

// Backend is every method lpwatch needs from one chain connection. Both
// *ethclient.Client and the simulated backend's Client() satisfy it.
type Backend interface {
	ethereum.ChainIDReader
	ethereum.ContractCaller
	ethereum.GasPricer
	HeaderReader
	BalanceReader
	NonceReader
	LogReader
}

// PeerCounter reads net_peerCount. Optional: an endpoint whose backend lacks
// it reports ErrUnsupported for peer counts.
type PeerCounter interface {
	PeerCount(ctx context.Context) (uint64, error)
}

// RawCaller performs raw JSON-RPC calls and batches (*rpc.Client
// implements it). When available every read goes through it: in batches,
// and the head block with Arbitrum's l1BlockNumber.
type RawCaller interface {
	CallContext(ctx context.Context, result any, method string, args ...any) error
	BatchCallContext(ctx context.Context, b []rpc.BatchElem) error
}
