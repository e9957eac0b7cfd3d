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
	return scanOne(ctx, p, from, to, func(s *logScan, cs Contracts, dst *[]RewardEvent) { p.queueRewards(s, cs, transcoders, dst) })
}

// queueRewards queues into s the Reward logs of transcoders (all when
// none are given), decoded into *dst.
func (p *Prober) queueRewards(s *logScan, cs Contracts, transcoders []common.Address, dst *[]RewardEvent) {
	c := p.bd.bonding
	s.on(cs.BondingManager, c.GetABI().Events["Reward"].ID, transcoders, appendTo(dst, func(l *types.Log) (RewardEvent, error) {
		ev, err := c.UnpackRewardEvent(l)
		if err != nil {
			return RewardEvent{}, err
		}
		return RewardEvent{EventMeta: meta(l), Transcoder: ev.Transcoder, Amount: ev.Amount}, nil
	}))
}

// SlashEvents returns the TranscoderSlashed logs in blocks [from, to], of
// the given transcoders (all when none are given).
func (p *Prober) SlashEvents(ctx context.Context, from, to uint64, transcoders ...common.Address) ([]SlashEvent, error) {
	return scanOne(ctx, p, from, to, func(s *logScan, cs Contracts, dst *[]SlashEvent) {
		s.on(cs.BondingManager, p.bd.bonding.GetABI().Events["TranscoderSlashed"].ID, transcoders, appendTo(dst, p.decodeSlash))
	})
}

// StakeEvents returns, with one log query per block range, the
// TranscoderSlashed logs of the given transcoders and the Unbond logs of
// their delegators in blocks [from, to] (all transcoders when none are
// given): both index the transcoder first.
func (p *Prober) StakeEvents(ctx context.Context, from, to uint64, transcoders ...common.Address) (StakeEvents, error) {
	return scanOne(ctx, p, from, to, func(s *logScan, cs Contracts, dst *StakeEvents) { p.queueStake(s, cs, transcoders, dst) })
}

// queueStake queues into s the TranscoderSlashed logs of transcoders
// (all when none are given) and the Unbond logs of their delegators,
// decoded into *dst.
func (p *Prober) queueStake(s *logScan, cs Contracts, transcoders []common.Address, dst *StakeEvents) {
	*dst = StakeEvents{}
	abi := p.bd.bonding.GetABI()
	s.on(cs.BondingManager, abi.Events["TranscoderSlashed"].ID, transcoders, func(l *types.Log) error {
		ev, err := p.decodeSlash(l)
		if err == nil {
			dst.Slashes = append(dst.Slashes, ev)
		}
		return err
	})
	s.on(cs.BondingManager, abi.Events["Unbond"].ID, transcoders, func(l *types.Log) error {
		ev, err := p.bd.bonding.UnpackUnbondEvent(l)
		if err != nil {
			return err
		}
		dst.Unbonds = append(dst.Unbonds, UnbondEvent{EventMeta: meta(l), Delegate: ev.Delegate, Delegator: ev.Delegator,
			LockID: ev.UnbondingLockId, Amount: ev.Amount, WithdrawRound: ev.WithdrawRound})
		return nil
	})
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
	return scanOne(ctx, p, from, to, func(s *logScan, cs Contracts, dst *[]NewRoundEvent) {
		s.on(cs.RoundsManager, c.GetABI().Events["NewRound"].ID, nil, appendTo(dst, func(l *types.Log) (NewRoundEvent, error) {
			ev, err := c.UnpackNewRoundEvent(l)
			if err != nil {
				return NewRoundEvent{}, err
			}
			return NewRoundEvent{EventMeta: meta(l), Round: ev.Round, BlockHash: ev.BlockHash}, nil
		}))
	})
}

func addressTopics(addrs []common.Address) []common.Hash {
	topics := make([]common.Hash, len(addrs))
	for i, a := range addrs {
		topics[i] = common.BytesToHash(a.Bytes())
	}
	return topics
}

// FetchLogs runs q over blocks [from, to] in chunks of at most maxRange
// blocks per eth_getLogs call (q's own block fields are ignored), all
// sent together: one round trip up to the endpoint's batch size. On
// error it returns the logs of the chunks before the first that failed,
// and that chunk's range in the error.
func FetchLogs(ctx context.Context, e *Endpoint, q ethereum.FilterQuery, from, to, maxRange uint64) ([]types.Log, error) {
	s, err := newLogScan(from, to, maxRange)
	if err != nil {
		return nil, err
	}
	lq := s.filter(q)
	s.send(ctx, e)
	return lq.logs()
}
