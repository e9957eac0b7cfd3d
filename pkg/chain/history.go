package chain

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/big"

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
// receipt, read in one batch. A transaction that cannot be read leaves
// its entry's Err set; only a failed log query fails the call.
func (p *Prober) RewardTxs(ctx context.Context, from, to uint64, transcoders ...common.Address) ([]RewardTx, error) {
	evs, err := p.RewardEvents(ctx, from, to, transcoders...)
	if err != nil {
		return nil, err
	}
	return p.attribute(ctx, evs), nil
}

// attribute returns the reward events with the transaction and receipt
// of each (but those removed by a reorganisation), read through the
// pool in one batch. A read the endpoint leaves unanswered is made again
// on the next endpoint; an entry whose reads fail has its Err set.
func (p *Prober) attribute(ctx context.Context, evs []RewardEvent) []RewardTx {
	out := make([]RewardTx, len(evs))
	var pending []*RewardTx
	for i := range evs {
		out[i].RewardEvent = evs[i]
		if !evs[i].Removed {
			pending = append(pending, &out[i])
		}
	}
	if len(pending) == 0 {
		return out
	}
	err := p.pool.Do(ctx, func(ctx context.Context, e *Endpoint) error {
		reads := make([]rewardTxReads, len(pending))
		reqs := make([]*request, 0, 2*len(pending))
		for i, r := range pending {
			reqs = append(reqs, txRequest(r.TxHash, &reads[i]), receiptRequest(r.TxHash, &reads[i]))
		}
		e.send(ctx, reqs, false)
		var again []*RewardTx
		var unanswered error
		for i, r := range pending {
			err := cmp.Or(reqs[2*i].err, reqs[2*i+1].err)
			if err != nil && failover(err) {
				again = append(again, r)
				unanswered = cmp.Or(unanswered, err)
				continue
			}
			r.Err = err
			if err == nil {
				reads[i].apply(r)
			}
		}
		pending = again
		return unanswered
	})
	for _, r := range pending {
		r.Err = err
	}
	return out
}

// rewardTxReads are what the transaction and the receipt of a Reward
// event say of it.
type rewardTxReads struct {
	from              common.Address
	to                *common.Address
	input             []byte
	gasUsed           uint64
	effectiveGasPrice *big.Int
	l1BlockNumber     *uint64
}

func (t *rewardTxReads) apply(r *RewardTx) {
	r.From, r.To, r.Function = t.from, t.to, RewardFunctionOf(t.input)
	r.GasUsed, r.EffectiveGasPrice, r.L1BlockNumber = t.gasUsed, t.effectiveGasPrice, t.l1BlockNumber
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

// txRequest reads eth_getTransactionByHash of hash: its sender, recipient
// and input, into dst. Without raw JSON-RPC access the sender is
// recovered from the typed transaction's signature.
func txRequest(hash common.Hash, dst *rewardTxReads) *request {
	return &request{
		method: "eth_getTransactionByHash",
		args:   []any{hash},
		decode: decodeInto(func(tx rpcTx) error {
			if tx.From == nil {
				return decodeErr("transaction "+hash.Hex(), "lacks from")
			}
			dst.from, dst.to, dst.input = *tx.From, tx.To, tx.Input
			return nil
		}),
		direct: func(ctx context.Context, c *conn) error {
			tr, ok := c.b.(txReader)
			if !ok {
				return ErrUnsupported
			}
			tx, _, err := tr.TransactionByHash(ctx, hash)
			if err != nil {
				return err
			}
			var signer types.Signer = types.HomesteadSigner{}
			if id := tx.ChainId(); id != nil && id.Sign() > 0 {
				signer = types.LatestSignerForChainID(id)
			}
			from, err := types.Sender(signer, tx)
			if err != nil {
				return &DecodeError{What: "sender of " + hash.Hex(), Err: err}
			}
			dst.from, dst.to, dst.input = from, tx.To(), tx.Data()
			return nil
		},
	}
}

// receiptRequest reads eth_getTransactionReceipt of hash: the gas used,
// its price and, on Arbitrum, the l1BlockNumber (which only the raw
// JSON-RPC answer keeps), into dst.
func receiptRequest(hash common.Hash, dst *rewardTxReads) *request {
	return &request{
		method: "eth_getTransactionReceipt",
		args:   []any{hash},
		decode: decodeInto(func(rc rpcReceipt) error {
			if rc.GasUsed == nil || rc.EffectiveGasPrice == nil {
				return decodeErr("receipt of "+hash.Hex(), "lacks gasUsed or effectiveGasPrice")
			}
			dst.gasUsed, dst.effectiveGasPrice = uint64(*rc.GasUsed), rc.EffectiveGasPrice.ToInt()
			if rc.L1BlockNumber != nil {
				dst.l1BlockNumber = ptr(uint64(*rc.L1BlockNumber))
			}
			return nil
		}),
		direct: func(ctx context.Context, c *conn) error {
			tr, ok := c.b.(txReader)
			if !ok {
				return ErrUnsupported
			}
			rc, err := tr.TransactionReceipt(ctx, hash)
			if err != nil {
				return err
			}
			if rc.EffectiveGasPrice == nil {
				return decodeErr("receipt of "+hash.Hex(), "lacks effectiveGasPrice")
			}
			dst.gasUsed, dst.effectiveGasPrice = rc.GasUsed, new(big.Int).Set(rc.EffectiveGasPrice)
			return nil
		},
	}
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
