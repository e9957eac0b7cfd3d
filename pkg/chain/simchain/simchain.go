// Package simchain is an in-process test chain: go-ethereum's simulated
// backend with lpwatch's Livepeer test contracts deployed from a funded
// developer key, helpers that commit blocks, advance rounds and set contract
// state, a stuck-transaction helper, and optionally a JSON-RPC server on a
// free 127.0.0.1 port so that an out-of-process lpwatch can use it. Fast
// tests and `lpwatch demo` use it.
//
// Blocks are made only by Commit (and the helpers that call it). Each block
// is stamped with the wall-clock second, or one second after its parent if
// that is later, so many quick commits put the head's time in the future.
//
// Stuck transactions: a transaction whose fee cap is below the base fee
// stays in the pool's pending set, so the pending nonce stays above the
// mined one while blocks go on (StuckTx). A nonce gap alone does not do
// that here: a transaction with a future nonce is only queued, and
// eth_getTransactionCount("pending") does not count queued transactions.
package simchain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
)

// DevKeyHex is go-ethereum's published developer key, the prefunded account
// of geth --dev; simchain funds and uses it too, so both test chains deploy
// the contracts at the same addresses.
const DevKeyHex = "b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291"

// ChainID is the simulated backend's chain ID.
const ChainID = 1337

// Defaults of Options.
const (
	DefaultRoundLength = 100
)

// Options configures New.
type Options struct {
	// RoundLength in blockNum() blocks (default DefaultRoundLength).
	RoundLength uint64
	// RoundLockAmount as a fraction of 1e6 (default contracts.DefaultRoundLockAmount).
	RoundLockAmount uint64
	// Legacy deploys the 2018 BondingManager (7-word getTranscoder).
	Legacy bool
	// Fund lists accounts credited with FundAmount at genesis.
	Fund []common.Address
	// HTTP serves JSON-RPC (eth, net, web3) on 127.0.0.1 at a free port; see URL.
	HTTP bool
	// NoMulticall leaves the Multicall3 address empty. By default the
	// chain has, like Arbitrum One, a Multicall3 at chain.Multicall3Address.
	NoMulticall bool
}

// FundAmount returns the genesis balance of the developer account and of
// every funded account: 1000 ETH.
func FundAmount() *big.Int { return new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18)) }

// Chain is a simulated chain with the test contracts deployed.
type Chain struct {
	backend *simulated.Backend
	key     *ecdsa.PrivateKey
	driver  *contracts.Driver
	url     string
	// dir holds ipc, the JSON-RPC socket Endpoint dials.
	dir, ipc string
	mu       sync.Mutex // serialises Commit
}

// New starts the chain and deploys the contracts.
func New(ctx context.Context, opts Options) (*Chain, error) {
	if opts.RoundLength == 0 {
		opts.RoundLength = DefaultRoundLength
	}
	if opts.RoundLockAmount == 0 {
		opts.RoundLockAmount = contracts.DefaultRoundLockAmount
	}
	key, err := crypto.HexToECDSA(DevKeyHex)
	if err != nil {
		return nil, fmt.Errorf("simchain: developer key: %w", err)
	}
	alloc := types.GenesisAlloc{crypto.PubkeyToAddress(key.PublicKey): {Balance: FundAmount()}}
	for _, a := range opts.Fund {
		alloc[a] = types.Account{Balance: FundAmount()}
	}
	if !opts.NoMulticall {
		alloc[chain.Multicall3Address()] = types.Account{Code: common.FromHex(contracts.Multicall3Runtime), Balance: new(big.Int)}
	}
	dir, err := os.MkdirTemp("", "simchain")
	if err != nil {
		return nil, fmt.Errorf("simchain: %w", err)
	}
	c := &Chain{key: key, dir: dir, ipc: filepath.Join(dir, "sim.ipc")}
	nodeOpts := []func(*node.Config, *ethconfig.Config){func(nc *node.Config, _ *ethconfig.Config) { nc.IPCPath = c.ipc }}
	if opts.HTTP {
		port, err := freePort()
		if err != nil {
			return nil, errors.Join(fmt.Errorf("simchain: %w", err), os.RemoveAll(dir))
		}
		c.url = fmt.Sprintf("http://127.0.0.1:%d", port)
		nodeOpts = append(nodeOpts, func(nc *node.Config, _ *ethconfig.Config) {
			nc.HTTPHost, nc.HTTPPort = "127.0.0.1", port
			nc.HTTPModules = []string{"eth", "net", "web3"}
		})
	}
	if c.backend, err = newBackend(alloc, nodeOpts); err != nil {
		return nil, errors.Join(fmt.Errorf("simchain: %w", err), os.RemoveAll(dir))
	}
	c.driver, err = contracts.Deploy(ctx, c.backend.Client(), key, c.Mine, contracts.DeployConfig{
		RoundLength: opts.RoundLength, RoundLockAmount: opts.RoundLockAmount, Legacy: opts.Legacy,
	})
	if err != nil {
		return nil, errors.Join(fmt.Errorf("simchain: %w", err), c.Close())
	}
	return c, nil
}

// newBackend turns the simulated backend's start-up panics (a port taken
// between freePort and the listen, say) into errors.
func newBackend(alloc types.GenesisAlloc, opts []func(*node.Config, *ethconfig.Config)) (b *simulated.Backend, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("simulated backend did not start: %v", r)
		}
	}()
	return simulated.NewBackend(alloc, opts...), nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Close stops the chain.
func (c *Chain) Close() error { return errors.Join(c.backend.Close(), os.RemoveAll(c.dir)) }

// Backend returns the simulated backend.
func (c *Chain) Backend() *simulated.Backend { return c.backend }

// Client returns the in-process client.
func (c *Chain) Client() simulated.Client { return c.backend.Client() }

// Endpoint returns a chain.Endpoint over the chain's JSON-RPC socket, as
// lpwatch reads a node through its IPC path: every read goes through
// JSON-RPC, in batches.
func (c *Chain) Endpoint(name string, opts ...chain.EndpointOption) (*chain.Endpoint, error) {
	return chain.DialEndpoint(c.ipc, append([]chain.EndpointOption{chain.WithName(name)}, opts...)...)
}

// IPC returns the path of the chain's JSON-RPC socket.
func (c *Chain) IPC() string { return c.ipc }

// URL returns the JSON-RPC URL ("" unless Options.HTTP).
func (c *Chain) URL() string { return c.url }

// Driver returns the contract driver (it sends from the developer key).
func (c *Chain) Driver() *contracts.Driver { return c.driver }

// Deployment returns the contract addresses.
func (c *Chain) Deployment() contracts.Deployment { return c.driver.Deployment() }

// DevKey returns the developer key.
func (c *Chain) DevKey() *ecdsa.PrivateKey { return c.key }
