package chain

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
)

// multicall3Hex is where Multicall3 is deployed, at the same address on
// Arbitrum One, Ethereum and most other chains.
const multicall3Hex = "0xcA11bde05977b3631167028862bE2a173976CA11"

// DefaultMulticallSize is the most contract reads one aggregate3 call
// carries when no WithMulticallSize is given. A getTranscoder read costs
// about 25,000 gas, so 250 of them stay far below the 50,000,000 gas cap
// geth and Nitro put on eth_call by default.
const DefaultMulticallSize = 250

// Multicall3Address returns the address of Multicall3 on the chains that have it.
func Multicall3Address() common.Address { return common.HexToAddress(multicall3Hex) }

// getEthBalance is the balance read of addr as a call of Multicall3's
// getEthBalance, so that it can travel in an aggregate3 call.
func getEthBalance(addr common.Address, block *big.Int, set func(*big.Int)) *ethCall {
	sel := Selector("getEthBalance(address)")
	return &ethCall{
		to: Multicall3Address(), data: append(sel[:], common.LeftPadBytes(addr.Bytes(), wordSize)...), block: block,
		answer: func(b []byte) error {
			if len(b) != wordSize {
				return decodeErr("getEthBalance(address)", "answer of %d bytes, want one word", len(b))
			}
			set(new(big.Int).SetBytes(b))
			return nil
		},
	}
}

// fold is one aggregate3 call standing for the contract reads subs.
type fold struct {
	req  *request
	subs []*request
	// results are the decoded answers, one per sub, once req succeeded.
	results []contracts.Multicall3Result
}

// foldCalls returns reqs with their contract reads (those with a call)
// replaced by aggregate3 calls of at most size reads each, grouped by
// block, and the folds made.
func (e *Endpoint) foldCalls(reqs []*request) ([]*request, []*fold) {
	var out []*request
	var folds []*fold
	open := map[string]*fold{}
	for _, r := range reqs {
		if r.call == nil {
			out = append(out, r)
			continue
		}
		key := blockArg(r.call.block)
		f := open[key]
		if f == nil || len(f.subs) >= e.multicallSize {
			f = &fold{}
			open[key] = f
			folds = append(folds, f)
		}
		f.subs = append(f.subs, r)
	}
	for _, f := range folds {
		f.req = e.aggregate(f)
		out = append(out, f.req)
	}
	return out, folds
}

// aggregate returns the aggregate3 eth_call of f's reads, every one
// allowed to fail on its own.
func (e *Endpoint) aggregate(f *fold) *request {
	calls := make([]contracts.Multicall3Call3, len(f.subs))
	for i, s := range f.subs {
		calls[i] = contracts.Multicall3Call3{Target: s.call.to, AllowFailure: true, CallData: s.call.data}
	}
	return callRequest(&ethCall{
		to: Multicall3Address(), data: e.multicall.PackAggregate3(calls), block: f.subs[0].call.block,
		answer: func(b []byte) error {
			res, err := e.multicall.UnpackAggregate3(b)
			if err != nil {
				return &DecodeError{What: "aggregate3", Err: err}
			}
			if len(res) != len(f.subs) {
				return decodeErr("aggregate3", "%d results for %d calls", len(res), len(f.subs))
			}
			f.results = res
			return nil
		},
	})
}

// settle hands each read of f its answer, and returns the reads to send
// again on their own when the aggregate3 call failed as a whole but the
// endpoint answered (an out-of-gas or a reverted aggregate, say). When the
// endpoint did not answer at all, every read fails with that error.
func (e *Endpoint) settle(f *fold) (again []*request) {
	if err := f.req.err; err != nil {
		for _, s := range f.subs {
			if f.req.unanswered {
				s.err = err
				continue
			}
			s.call = nil
			again = append(again, s)
		}
		return again
	}
	for i, s := range f.subs {
		res := f.results[i]
		if !res.Success {
			e.fail(s, revertError{res.ReturnData})
			continue
		}
		if err := s.call.answer(res.ReturnData); err != nil {
			e.fail(s, err)
		}
	}
	return nil
}

// revertError is the error of a read that reverted inside aggregate3,
// classified like a reverted eth_call (rpc_3).
type revertError struct{ data []byte }

func (e revertError) Error() string {
	if reason, err := abi.UnpackRevert(e.data); err == nil {
		return "execution reverted: " + reason
	}
	if len(e.data) == 0 {
		return "execution reverted"
	}
	return fmt.Sprintf("execution reverted with data 0x%x", e.data)
}

// ErrorCode implements rpc.Error: 3 is the code of a revert.
func (revertError) ErrorCode() int { return executionRevertedError }
