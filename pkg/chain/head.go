package chain

import (
	"context"
	"encoding/json"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// Head is the newest block of an endpoint.
type Head struct {
	Number uint64
	Hash   common.Hash
	// Time is the block timestamp in Unix seconds.
	Time uint64
	// L1BlockNumber is Arbitrum's l1BlockNumber field, nil on other chains
	// (or when the endpoint is read without raw JSON-RPC access).
	L1BlockNumber *uint64
}

// Timestamp returns the block time.
func (h *Head) Timestamp() time.Time { return time.Unix(int64(h.Time), 0) }

// Age returns how old the block is at now (negative when the block's time is ahead of now).
func (h *Head) Age(now time.Time) time.Duration { return now.Sub(h.Timestamp()) }

// Stale reports whether the block is older than maxAge at now: the
// chain.head_max_age rule of EthNodeHeadStale and of self-healing's chain
// health. A limit that is not positive makes no block stale.
func (h *Head) Stale(now time.Time, maxAge time.Duration) bool {
	return maxAge > 0 && h.Age(now) > maxAge
}

type rpcHead struct {
	Number        *hexutil.Uint64 `json:"number"`
	Hash          *common.Hash    `json:"hash"`
	Timestamp     *hexutil.Uint64 `json:"timestamp"`
	L1BlockNumber *hexutil.Uint64 `json:"l1BlockNumber"`
}

// Head reads the latest block. With raw JSON-RPC access it is one
// eth_getBlockByNumber("latest", false) that also yields l1BlockNumber.
func (e *Endpoint) Head(ctx context.Context) (h *Head, err error) {
	return h, e.one(ctx, headRequest(&h))
}

func headRequest(dst **Head) *request {
	return &request{
		method: "eth_getBlockByNumber",
		args:   []any{"latest", false},
		decode: func(raw json.RawMessage) (err error) {
			*dst, err = decodeHead(raw)
			return err
		},
		direct: func(ctx context.Context, c *conn) error {
			hdr, err := c.b.HeaderByNumber(ctx, nil)
			if err != nil {
				return err
			}
			if hdr == nil || hdr.Number == nil || !hdr.Number.IsUint64() {
				return decodeErr("head", "header without a valid number")
			}
			*dst = &Head{Number: hdr.Number.Uint64(), Hash: hdr.Hash(), Time: hdr.Time}
			return nil
		},
	}
}

func decodeHead(raw json.RawMessage) (*Head, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, ethereum.NotFound
	}
	var r rpcHead
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, &DecodeError{What: "head", Err: err}
	}
	if r.Number == nil || r.Hash == nil || r.Timestamp == nil {
		return nil, decodeErr("head", "block lacks number, hash or timestamp")
	}
	h := &Head{Number: uint64(*r.Number), Hash: *r.Hash, Time: uint64(*r.Timestamp)}
	if r.L1BlockNumber != nil {
		l1 := uint64(*r.L1BlockNumber)
		h.L1BlockNumber = &l1
	}
	return h, nil
}

// number returns the head number as a block argument for pinned reads.
func (h *Head) number() *big.Int { return new(big.Int).SetUint64(h.Number) }
