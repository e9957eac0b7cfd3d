package chain

import (
	"context"
	"encoding/json"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// request is one JSON-RPC read. With raw JSON-RPC access it goes out in a
// batch with the other reads of its phase (see Endpoint.send) and decode
// turns its result into the destination; without, direct makes the same
// read through the backend's typed method. Each read of the package is
// defined once, as a request; the Endpoint methods send one alone.
type request struct {
	// method is the JSON-RPC method, named in CallErrors; a suffix in
	// parentheses, as in "eth_getTransactionCount(pending)", is not sent.
	method string
	// label, when set, names the read in its error ("getTranscoder(address): ...").
	label  string
	args   []any
	decode func(raw json.RawMessage) error
	direct func(ctx context.Context, c *conn) error
	// call, when set, is the read as a contract call, which an endpoint
	// with Multicall3 folds into an aggregate3 call (see multicall.go).
	call *ethCall
	// err is the read's error once sent (a *CallError).
	err error
	// unanswered: the endpoint gave no answer at all (the connection or
	// the whole batch failed), rather than an error for this read.
	unanswered bool
}

// ethCall is a contract read: data sent to to at block (nil means latest),
// its answer handed to answer.
type ethCall struct {
	to     common.Address
	data   []byte
	block  *big.Int
	answer func([]byte) error
}

// blockArg is the JSON-RPC block parameter of block (nil means latest).
func blockArg(block *big.Int) string {
	if block == nil {
		return "latest"
	}
	return hexutil.EncodeBig(block)
}

// decodeInto returns a decode that unmarshals into a fresh T and hands it to set.
func decodeInto[T any](set func(T) error) func(json.RawMessage) error {
	return func(raw json.RawMessage) error {
		if len(raw) == 0 || string(raw) == "null" {
			return ethereum.NotFound
		}
		var v T
		if err := json.Unmarshal(raw, &v); err != nil {
			return err
		}
		return set(v)
	}
}

// decodeBytes returns a decode of a hex byte string, handed to set. Unlike
// decodeInto, an empty answer ("0x") is an answer: no code, an empty return.
func decodeBytes(set func([]byte) error) func(json.RawMessage) error {
	return func(raw json.RawMessage) error {
		var v hexutil.Bytes
		if err := json.Unmarshal(raw, &v); err != nil {
			return err
		}
		return set(v)
	}
}

// ptr returns a pointer to a copy of v.
func ptr[T any](v T) *T { return &v }

func chainIDRequest(dst **big.Int) *request {
	return &request{
		method: "eth_chainId",
		decode: decodeInto(func(v hexutil.Big) error { *dst = v.ToInt(); return nil }),
		direct: func(ctx context.Context, c *conn) (err error) { *dst, err = c.b.ChainID(ctx); return err },
	}
}

func gasPriceRequest(dst **big.Int) *request {
	return &request{
		method: "eth_gasPrice",
		decode: decodeInto(func(v hexutil.Big) error { *dst = v.ToInt(); return nil }),
		direct: func(ctx context.Context, c *conn) (err error) { *dst, err = c.b.SuggestGasPrice(ctx); return err },
	}
}

func peersRequest(dst **uint64) *request {
	return &request{
		method: "net_peerCount",
		decode: decodeInto(func(v hexutil.Uint64) error { *dst = ptr(uint64(v)); return nil }),
		direct: func(ctx context.Context, c *conn) error {
			if c.peers == nil {
				return ErrUnsupported
			}
			n, err := c.peers.PeerCount(ctx)
			if err == nil {
				*dst = &n
			}
			return err
		},
	}
}

func balanceRequest(addr common.Address, block *big.Int, dst **big.Int) *request {
	set := func(v *big.Int) { *dst = v }
	return &request{
		method: "eth_getBalance",
		args:   []any{addr, blockArg(block)},
		decode: decodeInto(func(v hexutil.Big) error { set(v.ToInt()); return nil }),
		direct: func(ctx context.Context, c *conn) error {
			v, err := c.b.BalanceAt(ctx, addr, block)
			if err == nil {
				set(v)
			}
			return err
		},
		call: getEthBalance(addr, block, set),
	}
}

func nonceRequest(addr common.Address, block *big.Int, dst **uint64) *request {
	return &request{
		method: "eth_getTransactionCount",
		args:   []any{addr, blockArg(block)},
		decode: decodeInto(func(v hexutil.Uint64) error { *dst = ptr(uint64(v)); return nil }),
		direct: func(ctx context.Context, c *conn) error {
			n, err := c.b.NonceAt(ctx, addr, block)
			if err == nil {
				*dst = &n
			}
			return err
		},
	}
}

func pendingNonceRequest(addr common.Address, dst **uint64) *request {
	return &request{
		method: "eth_getTransactionCount(pending)",
		args:   []any{addr, "pending"},
		decode: decodeInto(func(v hexutil.Uint64) error { *dst = ptr(uint64(v)); return nil }),
		direct: func(ctx context.Context, c *conn) error {
			n, err := c.b.PendingNonceAt(ctx, addr)
			if err == nil {
				*dst = &n
			}
			return err
		},
	}
}

// codeRequest reads eth_getCode of addr at block and hands the code to set.
func codeRequest(addr common.Address, block *big.Int, set func([]byte) error) *request {
	return &request{
		method: "eth_getCode",
		args:   []any{addr, blockArg(block)},
		decode: decodeBytes(set),
		direct: func(ctx context.Context, c *conn) error {
			cr, ok := c.b.(CodeReader)
			if !ok {
				return ErrUnsupported
			}
			code, err := cr.CodeAt(ctx, addr, block)
			if err != nil {
				return err
			}
			return set(code)
		},
	}
}

// callRequest runs eth_call of c and hands the answer to c.answer.
func callRequest(c *ethCall) *request {
	return &request{
		method: "eth_call",
		args:   []any{map[string]any{"to": c.to, "data": hexutil.Bytes(c.data)}, blockArg(c.block)},
		decode: decodeBytes(c.answer),
		direct: func(ctx context.Context, cn *conn) error {
			out, err := cn.b.CallContract(ctx, ethereum.CallMsg{To: &c.to, Data: c.data}, c.block)
			if err != nil {
				return err
			}
			return c.answer(out)
		},
		call: c,
	}
}

// syncRequest reads eth_syncing: false, or the node's progress.
func syncRequest(dst **SyncStatus) *request {
	return &request{
		method: "eth_syncing",
		decode: func(raw json.RawMessage) error {
			var syncing bool
			if json.Unmarshal(raw, &syncing) == nil {
				if syncing {
					return decodeErr("eth_syncing", "true without progress")
				}
				*dst = &SyncStatus{}
				return nil
			}
			var p rpcSync
			if err := json.Unmarshal(raw, &p); err != nil {
				return err
			}
			*dst = &SyncStatus{Progress: p.progress()}
			return nil
		},
		direct: func(ctx context.Context, c *conn) error {
			if c.sync == nil {
				return ErrUnsupported
			}
			p, err := c.sync.SyncProgress(ctx)
			if err == nil {
				*dst = &SyncStatus{Progress: p}
			}
			return err
		},
	}
}

// rpcSync is eth_syncing's progress object: the block fields, and the
// state and index fields geth and Nitro report while not block-syncing.
type rpcSync struct {
	StartingBlock          hexutil.Uint64 `json:"startingBlock"`
	CurrentBlock           hexutil.Uint64 `json:"currentBlock"`
	HighestBlock           hexutil.Uint64 `json:"highestBlock"`
	PulledStates           hexutil.Uint64 `json:"pulledStates"`
	KnownStates            hexutil.Uint64 `json:"knownStates"`
	HealingTrienodes       hexutil.Uint64 `json:"healingTrienodes"`
	HealingBytecode        hexutil.Uint64 `json:"healingBytecode"`
	TxIndexFinishedBlocks  hexutil.Uint64 `json:"txIndexFinishedBlocks"`
	TxIndexRemainingBlocks hexutil.Uint64 `json:"txIndexRemainingBlocks"`
	StateIndexRemaining    hexutil.Uint64 `json:"stateIndexRemaining"`
}

func (p rpcSync) progress() *ethereum.SyncProgress {
	return &ethereum.SyncProgress{
		StartingBlock: uint64(p.StartingBlock), CurrentBlock: uint64(p.CurrentBlock), HighestBlock: uint64(p.HighestBlock),
		PulledStates: uint64(p.PulledStates), KnownStates: uint64(p.KnownStates),
		HealingTrienodes: uint64(p.HealingTrienodes), HealingBytecode: uint64(p.HealingBytecode),
		TxIndexFinishedBlocks: uint64(p.TxIndexFinishedBlocks), TxIndexRemainingBlocks: uint64(p.TxIndexRemainingBlocks),
		StateIndexRemaining: uint64(p.StateIndexRemaining),
	}
}
