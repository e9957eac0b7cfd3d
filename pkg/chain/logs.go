package chain

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// EventMeta locates a log. BlockNumber is the chain's own block number (L2 on Arbitrum).
type EventMeta struct {
	BlockNumber uint64
	TxHash      common.Hash
	LogIndex    uint
	// Removed is set for a log undone by a reorganisation.
	Removed bool
}

// Key identifies the log: its transaction and its index in the block.
func (m EventMeta) Key() string { return fmt.Sprintf("%s#%d", m.TxHash.Hex(), m.LogIndex) }

// RewardEvent is BondingManager.Reward(address indexed transcoder, uint256 amount).
type RewardEvent struct {
	EventMeta
	Transcoder common.Address
	Amount     *big.Int
}

// NewRoundEvent is RoundsManager.NewRound(uint256 indexed round, bytes32 blockHash).
type NewRoundEvent struct {
	EventMeta
	Round     *big.Int
	BlockHash common.Hash
}

// SlashEvent is BondingManager.TranscoderSlashed(address indexed transcoder,
// address finder, uint256 penalty, uint256 finderReward).
type SlashEvent struct {
	EventMeta
	Transcoder   common.Address
	Finder       common.Address
	Penalty      *big.Int
	FinderReward *big.Int
}

// UnbondEvent is BondingManager.Unbond(address indexed delegate, address
// indexed delegator, uint256 unbondingLockId, uint256 amount, uint256
// withdrawRound): a delegator took amount of its stake off delegate.
type UnbondEvent struct {
	EventMeta
	Delegate      common.Address
	Delegator     common.Address
	LockID        *big.Int
	Amount        *big.Int
	WithdrawRound *big.Int
}

// StakeEvents are the logs that take stake from a transcoder: slashes of
// it, and unbonds of its delegators.
type StakeEvents struct {
	Slashes []SlashEvent
	Unbonds []UnbondEvent
}

func meta(l *types.Log) EventMeta {
	return EventMeta{BlockNumber: l.BlockNumber, TxHash: l.TxHash, LogIndex: l.Index, Removed: l.Removed}
}

// RewardEvents returns the Reward logs in blocks [from, to], of the given
// transcoders (all when none are given).
func (p *Prober) RewardEvents(ctx context.Context, from, to uint64, transcoders ...common.Address) ([]RewardEvent, error) {
	c := p.bd.bonding
	return events(ctx, p, from, to, bondingManager, []common.Hash{c.GetABI().Events["Reward"].ID}, addressTopics(transcoders),
		func(l *types.Log) (RewardEvent, error) {
			ev, err := c.UnpackRewardEvent(l)
			if err != nil {
				return RewardEvent{}, err
			}
			return RewardEvent{EventMeta: meta(l), Transcoder: ev.Transcoder, Amount: ev.Amount}, nil
		})
}

// SlashEvents returns the TranscoderSlashed logs in blocks [from, to], of
// the given transcoders (all when none are given).
func (p *Prober) SlashEvents(ctx context.Context, from, to uint64, transcoders ...common.Address) ([]SlashEvent, error) {
	c := p.bd.bonding
	return events(ctx, p, from, to, bondingManager, []common.Hash{c.GetABI().Events["TranscoderSlashed"].ID}, addressTopics(transcoders),
		p.decodeSlash)
}

// StakeEvents returns, with one log query per block range, the
// TranscoderSlashed logs of the given transcoders and the Unbond logs of
// their delegators in blocks [from, to] (all transcoders when none are
// given): both index the transcoder first.
func (p *Prober) StakeEvents(ctx context.Context, from, to uint64, transcoders ...common.Address) (StakeEvents, error) {
	abi := p.bd.bonding.GetABI()
	slashID, unbondID := abi.Events["TranscoderSlashed"].ID, abi.Events["Unbond"].ID
	type stakeLog struct {
		slash  *SlashEvent
		unbond *UnbondEvent
	}
	logs, err := events(ctx, p, from, to, bondingManager, []common.Hash{slashID, unbondID}, addressTopics(transcoders),
		func(l *types.Log) (stakeLog, error) {
			if len(l.Topics) > 0 && l.Topics[0] == unbondID {
				ev, err := p.bd.bonding.UnpackUnbondEvent(l)
				if err != nil {
					return stakeLog{}, err
				}
				return stakeLog{unbond: &UnbondEvent{EventMeta: meta(l), Delegate: ev.Delegate, Delegator: ev.Delegator,
					LockID: ev.UnbondingLockId, Amount: ev.Amount, WithdrawRound: ev.WithdrawRound}}, nil
			}
			ev, err := p.decodeSlash(l)
			return stakeLog{slash: &ev}, err
		})
	if err != nil {
		return StakeEvents{}, err
	}
	var out StakeEvents
	for _, l := range logs {
		if l.slash != nil {
			out.Slashes = append(out.Slashes, *l.slash)
		} else {
			out.Unbonds = append(out.Unbonds, *l.unbond)
		}
	}
	return out, nil
}

func (p *Prober) decodeSlash(l *types.Log) (SlashEvent, error) {
	ev, err := p.bd.bonding.UnpackTranscoderSlashedEvent(l)
	if err != nil {
		return SlashEvent{}, err
	}
	return SlashEvent{EventMeta: meta(l), Transcoder: ev.Transcoder, Finder: ev.Finder, Penalty: ev.Penalty, FinderReward: ev.FinderReward}, nil
}

// NewRoundEvents returns the NewRound logs in blocks [from, to].
func (p *Prober) NewRoundEvents(ctx context.Context, from, to uint64) ([]NewRoundEvent, error) {
	c := p.bd.rounds
	return events(ctx, p, from, to, roundsManager, []common.Hash{c.GetABI().Events["NewRound"].ID}, nil,
		func(l *types.Log) (NewRoundEvent, error) {
			ev, err := c.UnpackNewRoundEvent(l)
			if err != nil {
				return NewRoundEvent{}, err
			}
			return NewRoundEvent{EventMeta: meta(l), Round: ev.Round, BlockHash: ev.BlockHash}, nil
		})
}

func addressTopics(addrs []common.Address) []common.Hash {
	topics := make([]common.Hash, len(addrs))
	for i, a := range addrs {
		topics[i] = common.BytesToHash(a.Bytes())
	}
	return topics
}

type contractKind int

const (
	roundsManager contractKind = iota
	bondingManager
)

// events fetches and decodes the logs of the event types ids (topic0)
// through the pool, failing over as a whole when an endpoint stops
// answering.
func events[T any](ctx context.Context, p *Prober, from, to uint64, kind contractKind, ids, topic1 []common.Hash, decode func(*types.Log) (T, error)) ([]T, error) {
	if from > to {
		return nil, fmt.Errorf("log range %d-%d: from is after to", from, to)
	}
	cs, err := p.Contracts(ctx)
	if err != nil {
		return nil, err
	}
	addr := cs.RoundsManager
	if kind == bondingManager {
		addr = cs.BondingManager
	}
	topics := [][]common.Hash{ids}
	if len(topic1) > 0 {
		topics = append(topics, topic1)
	}
	var out []T
	err = p.pool.Do(ctx, func(ctx context.Context, e *Endpoint) error {
		logs, err := FetchLogs(ctx, e, ethereum.FilterQuery{Addresses: []common.Address{addr}, Topics: topics}, from, to, p.cfg.MaxLogRange)
		if err != nil {
			return err
		}
		out = make([]T, 0, len(logs))
		for i := range logs {
			v, err := decode(&logs[i])
			if err != nil {
				return &DecodeError{What: fmt.Sprintf("log %s#%d", logs[i].TxHash, logs[i].Index), Err: err}
			}
			out = append(out, v)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// FetchLogs runs q over blocks [from, to] in chunks of at most maxRange
// blocks per eth_getLogs call (q's own block fields are ignored). On error
// it returns the logs of the chunks that succeeded and the failing chunk's
// range in the error.
func FetchLogs(ctx context.Context, e *Endpoint, q ethereum.FilterQuery, from, to, maxRange uint64) ([]types.Log, error) {
	if from > to {
		return nil, fmt.Errorf("log range %d-%d: from is after to", from, to)
	}
	if maxRange == 0 {
		return nil, fmt.Errorf("log range %d-%d: max range per call is 0", from, to)
	}
	var all []types.Log
	for start := from; ; start += maxRange {
		end := to
		if to-start >= maxRange {
			end = start + maxRange - 1
		}
		q.BlockHash = nil
		q.FromBlock, q.ToBlock = new(big.Int).SetUint64(start), new(big.Int).SetUint64(end)
		logs, err := e.FilterLogs(ctx, q)
		if err != nil {
			return all, fmt.Errorf("logs of blocks %d-%d: %w", start, end, err)
		}
		all = append(all, logs...)
		if end == to {
			return all, nil
		}
	}
}
