package chain

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// RewardFunction names the BondingManager function a reward transaction
// called.
type RewardFunction string

// The functions that mint a transcoder's reward. The first two are sent
// by the orchestrator's own account (go-livepeer sends rewardWithHint);
// the last two by its reward caller (LIP-118; go-livepeer in delegated
// mode sends rewardForTranscoderWithHint).
const (
	FnReward                      RewardFunction = "reward"
	FnRewardWithHint              RewardFunction = "rewardWithHint"
	FnRewardForTranscoder         RewardFunction = "rewardForTranscoder"
	FnRewardForTranscoderWithHint RewardFunction = "rewardForTranscoderWithHint"
	// FnOther is a transaction whose input starts with none of their
	// selectors: a contract (a keeper, a multisig) that called one of
	// them internally.
	FnOther RewardFunction = "other"
)

// rewardSignatures are the canonical signatures of the reward functions;
// their selectors are keccak-256 of these (docs: livepeer-facts §5.3, §10).
var rewardSignatures = []struct {
	fn  RewardFunction
	sig string
}{
	{FnReward, "reward()"},
	{FnRewardWithHint, "rewardWithHint(address,address)"},
	{FnRewardForTranscoder, "rewardForTranscoder(address)"},
	{FnRewardForTranscoderWithHint, "rewardForTranscoderWithHint(address,address,address)"},
}

// Selector returns the 4-byte function selector of a canonical signature.
func Selector(signature string) [4]byte {
	var s [4]byte
	copy(s[:], crypto.Keccak256([]byte(signature))[:4])
	return s
}

// RewardSelectors returns the selector of each reward function.
func RewardSelectors() map[RewardFunction][4]byte {
	out := make(map[RewardFunction][4]byte, len(rewardSignatures))
	for _, r := range rewardSignatures {
		out[r.fn] = Selector(r.sig)
	}
	return out
}

// RewardFunctionOf names the reward function a transaction input calls,
// by its selector; FnOther when it is none of them.
func RewardFunctionOf(input []byte) RewardFunction {
	if len(input) < 4 {
		return FnOther
	}
	for _, r := range rewardSignatures {
		if s := Selector(r.sig); [4]byte(input[:4]) == s {
			return r.fn
		}
	}
	return FnOther
}

// RewardTx is one Reward event with the transaction that emitted it.
type RewardTx struct {
	RewardEvent
	// From is the account that sent the transaction (the orchestrator, its
	// reward caller, or whoever called a keeper contract).
	From common.Address
	// To is the contract the transaction was sent to.
	To *common.Address
	// Function is what the transaction's input called.
	Function RewardFunction
	// GasUsed and EffectiveGasPrice are from the receipt; their product is
	// the fee paid, in wei.
	GasUsed           uint64
	EffectiveGasPrice *big.Int
	// L1BlockNumber is Arbitrum's receipt field: the block number the
	// RoundsManager's blockNum() gave the transaction (nil on other chains).
	L1BlockNumber *uint64
	// Err says why the transaction or its receipt could not be read
	// (nil when both were): the event is kept, without attribution.
	Err error
}

// CostWei returns GasUsed × EffectiveGasPrice, nil when unknown.
func (r RewardTx) CostWei() *big.Int {
	if r.EffectiveGasPrice == nil || r.Err != nil {
		return nil
	}
	return new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice)
}

// RewardTxs returns the Reward logs in blocks [from, to] of the given
// transcoders (all when none are given), each with its transaction and
// receipt. A transaction that cannot be read leaves its entry's Err set;
// only a failed log query fails the call.
func (p *Prober) RewardTxs(ctx context.Context, from, to uint64, transcoders ...common.Address) ([]RewardTx, error) {
	evs, err := p.RewardEvents(ctx, from, to, transcoders...)
	if err != nil {
		return nil, err
	}
	out := make([]RewardTx, len(evs))
	b := newBatch(ctx, p.cfg.Parallelism)
	for i := range evs {
		out[i].RewardEvent = evs[i]
		if evs[i].Removed {
			continue
		}
		r := &out[i]
		b.run("", evs[i].Transcoder, "reward.tx", func(ctx context.Context) error {
			r.Err = p.pool.Do(ctx, func(ctx context.Context, e *Endpoint) error { return e.attribute(ctx, r) })
			return nil
		})
	}
	b.wait()
	return out, nil
}

type rpcTx struct {
	From  *common.Address `json:"from"`
	To    *common.Address `json:"to"`
	Input hexutil.Bytes   `json:"input"`
}

type rpcReceipt struct {
	GasUsed           *hexutil.Uint64 `json:"gasUsed"`
	EffectiveGasPrice *hexutil.Big    `json:"effectiveGasPrice"`
	L1BlockNumber     *hexutil.Uint64 `json:"l1BlockNumber"`
}

// txReader reads transactions and receipts with go-ethereum's types.
type txReader interface {
	TransactionByHash(ctx context.Context, hash common.Hash) (*types.Transaction, bool, error)
	TransactionReceipt(ctx context.Context, hash common.Hash) (*types.Receipt, error)
}

// attribute reads the transaction and receipt of r's event into r. With
// raw JSON-RPC access it reads them as JSON, which keeps the receipt's
// l1BlockNumber (Arbitrum); else through the backend's typed reads.
func (e *Endpoint) attribute(ctx context.Context, r *RewardTx) error {
	raw := true
	if err := e.do(ctx, "eth_getTransactionByHash", func(ctx context.Context, c *conn) error {
		raw = c.raw != nil
		if raw {
			return nil
		}
		tr, ok := c.b.(txReader)
		if !ok {
			return ErrUnsupported
		}
		return typedAttribute(ctx, tr, r)
	}); err != nil || !raw {
		return err
	}
	var tx rpcTx
	var rc rpcReceipt
	for _, q := range []struct {
		method string
		dst    any
	}{{"eth_getTransactionByHash", &tx}, {"eth_getTransactionReceipt", &rc}} {
		err := e.do(ctx, q.method, func(ctx context.Context, c *conn) error {
			if c.raw == nil {
				return ErrUnsupported
			}
			var raw json.RawMessage
			if err := c.raw.CallContext(ctx, &raw, q.method, r.TxHash); err != nil {
				return err
			}
			if len(raw) == 0 || string(raw) == "null" {
				return ethereum.NotFound
			}
			if err := json.Unmarshal(raw, q.dst); err != nil {
				return &DecodeError{What: q.method, Err: err}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if tx.From == nil || rc.GasUsed == nil || rc.EffectiveGasPrice == nil {
		return decodeErr("reward transaction "+r.TxHash.Hex(), "lacks from, gasUsed or effectiveGasPrice")
	}
	r.From, r.To, r.Function = *tx.From, tx.To, RewardFunctionOf(tx.Input)
	r.GasUsed, r.EffectiveGasPrice = uint64(*rc.GasUsed), rc.EffectiveGasPrice.ToInt()
	if rc.L1BlockNumber != nil {
		l1 := uint64(*rc.L1BlockNumber)
		r.L1BlockNumber = &l1
	}
	return nil
}

// typedAttribute is attribute through go-ethereum's typed reads.
func typedAttribute(ctx context.Context, tr txReader, r *RewardTx) error {
	tx, _, err := tr.TransactionByHash(ctx, r.TxHash)
	if err != nil {
		return err
	}
	rc, err := tr.TransactionReceipt(ctx, r.TxHash)
	if err != nil {
		return err
	}
	var signer types.Signer = types.HomesteadSigner{}
	if id := tx.ChainId(); id != nil && id.Sign() > 0 {
		signer = types.LatestSignerForChainID(id)
	}
	from, err := types.Sender(signer, tx)
	if err != nil {
		return &DecodeError{What: "sender of " + r.TxHash.Hex(), Err: err}
	}
	if rc.EffectiveGasPrice == nil {
		return decodeErr("receipt of "+r.TxHash.Hex(), "lacks effectiveGasPrice")
	}
	r.From, r.To, r.Function = from, tx.To(), RewardFunctionOf(tx.Data())
	r.GasUsed, r.EffectiveGasPrice = rc.GasUsed, new(big.Int).Set(rc.EffectiveGasPrice)
	return nil
}

// ContractBlock returns the block of r in the RoundsManager's blockNum()
// units: the receipt's l1BlockNumber on Arbitrum, else the log's block
// shifted by offset (blockNum() minus the head's number, read together:
// 0 on Ethereum). ok is false when it cannot be known.
func (r RewardTx) ContractBlock(offset int64) (uint64, bool) {
	if r.L1BlockNumber != nil {
		return *r.L1BlockNumber, true
	}
	b := int64(r.BlockNumber) + offset
	if b < 0 || r.BlockNumber > 1<<62 {
		return 0, false
	}
	return uint64(b), true
}

// MaxPoolSize bounds the transcoder pool walk: the active set is 100 on
// Arbitrum today.
const MaxPoolSize = 500

// TranscoderPool returns the BondingManager's transcoder pool (the
// active set of the next round), in pool order, walked with
// getFirstTranscoderInPool and getNextTranscoderInPool at the head.
func (p *Prober) TranscoderPool(ctx context.Context) ([]common.Address, error) {
	cs, err := p.Contracts(ctx)
	if err != nil {
		return nil, err
	}
	var out []common.Address
	err = p.pool.Do(ctx, func(ctx context.Context, e *Endpoint) error {
		out = out[:0]
		first := Selector("getFirstTranscoderInPool()")
		addr, err := call(ctx, e, cs.BondingManager, nil, "getFirstTranscoderInPool()", first[:], unpackAddress)
		if err != nil {
			return err
		}
		seen := map[common.Address]bool{}
		next := Selector("getNextTranscoderInPool(address)")
		for addr != (common.Address{}) {
			if seen[addr] || len(out) >= MaxPoolSize {
				return fmt.Errorf("transcoder pool: %w", errPoolLoop)
			}
			seen[addr] = true
			out = append(out, addr)
			data := append(next[:], common.LeftPadBytes(addr.Bytes(), wordSize)...)
			if addr, err = call(ctx, e, cs.BondingManager, nil, "getNextTranscoderInPool(address)", data, unpackAddress); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

var errPoolLoop = errors.New("the pool's list loops or exceeds the size bound")

// unpackAddress decodes an ABI-encoded address answer.
func unpackAddress(b []byte) (common.Address, error) {
	if len(b) != wordSize {
		return common.Address{}, fmt.Errorf("answer of %d bytes, want one word", len(b))
	}
	return common.BytesToAddress(b[12:]), nil
}
