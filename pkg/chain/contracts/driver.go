package contracts

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

func u256(v uint64) *big.Int { return new(big.Int).SetUint64(v) }

// SetContract registers addr under keccak256(name) in the Controller (an upgrade).
func (d *Driver) SetContract(ctx context.Context, name string, addr common.Address) error {
	return d.do(ctx, "setContractInfo("+name+")", d.dep.Controller,
		d.ctrl.PackSetContractInfo(crypto.Keccak256Hash([]byte(name)), addr, [20]byte{}))
}

// SetRoundLength changes the round length as the real contract does.
func (d *Driver) SetRoundLength(ctx context.Context, length uint64) error {
	return d.do(ctx, "setRoundLength", d.dep.RoundsManager, d.rounds.PackSetRoundLength(u256(length)))
}

// SetRoundStart declares that round starts at startBlock (blockNum() units, not in the future).
func (d *Driver) SetRoundStart(ctx context.Context, round, startBlock uint64) error {
	return d.do(ctx, "setRoundStart", d.dep.RoundsManager, d.rounds.PackSetRoundStart(u256(round), u256(startBlock)))
}

// StartRoundAtHead starts the next round at the head's block, without
// sealing a round's worth of blocks (which would put the head's time far
// ahead of the clock).
func (d *Driver) StartRoundAtHead(ctx context.Context) error {
	s, err := d.RoundState(ctx)
	if err != nil {
		return err
	}
	return d.SetRoundStart(ctx, s.CurrentRound+1, s.BlockNum)
}

// SetBlockNumOffset makes blockNum() return block.number + offset.
func (d *Driver) SetBlockNumOffset(ctx context.Context, offset int64) error {
	return d.do(ctx, "setBlockNumOffset", d.dep.RoundsManager, d.rounds.PackSetBlockNumOffset(big.NewInt(offset)))
}

// SetLastInitializedRound sets lastInitializedRound directly (no event).
func (d *Driver) SetLastInitializedRound(ctx context.Context, round uint64) error {
	return d.do(ctx, "setLastInitializedRound", d.dep.RoundsManager, d.rounds.PackSetLastInitializedRound(u256(round)))
}

// InitializeRound initializes the current round (emits NewRound).
func (d *Driver) InitializeRound(ctx context.Context) error {
	return d.do(ctx, "initializeRound", d.dep.RoundsManager, d.rounds.PackInitializeRound())
}

// SetActive makes t active from the current round (and registered), or inactive.
func (d *Driver) SetActive(ctx context.Context, t common.Address, active bool) error {
	return d.do(ctx, "setActive", d.dep.BondingManager, d.bonding.PackSetActive(t, active))
}

// SetRegistered sets t's registration flag.
func (d *Driver) SetRegistered(ctx context.Context, t common.Address, registered bool) error {
	return d.do(ctx, "setRegistered", d.dep.BondingManager, d.bonding.PackSetRegistered(t, registered))
}

// SetTotalStake sets t's total stake.
func (d *Driver) SetTotalStake(ctx context.Context, t common.Address, stake *big.Int) error {
	return d.do(ctx, "setTotalStake", d.dep.BondingManager, d.bonding.PackSetTotalStake(t, stake))
}

// SetLastRewardRound sets t's lastRewardRound.
func (d *Driver) SetLastRewardRound(ctx context.Context, t common.Address, round uint64) error {
	return d.do(ctx, "setLastRewardRound", d.dep.BondingManager, d.bonding.PackSetLastRewardRound(t, u256(round)))
}

// RewardFor records a reward of amount for t in the current round (emits Reward).
func (d *Driver) RewardFor(ctx context.Context, t common.Address, amount *big.Int) error {
	return d.do(ctx, "rewardFor", d.dep.BondingManager, d.bonding.PackRewardFor(t, amount))
}

// Slash takes penalty from t's stake (emits TranscoderSlashed).
func (d *Driver) Slash(ctx context.Context, t, finder common.Address, penalty, finderReward *big.Int) error {
	return d.do(ctx, "slash", d.dep.BondingManager, d.bonding.PackSlash(t, finder, penalty, finderReward))
}

// Unbond takes amount from delegate's stake as delegator unbonding it (emits Unbond).
func (d *Driver) Unbond(ctx context.Context, delegate, delegator common.Address, amount *big.Int) error {
	return d.do(ctx, "unbondFrom", d.dep.BondingManager, d.bonding.PackUnbondFrom(delegate, delegator, amount))
}

// SetActivationRounds sets t's activation and deactivation rounds (current BondingManager only).
func (d *Driver) SetActivationRounds(ctx context.Context, t common.Address, activation, deactivation *big.Int) error {
	return d.do(ctx, "setActivationRounds", d.dep.BondingManager, d.bonding.PackSetActivationRounds(t, activation, deactivation))
}

func (d *Driver) do(ctx context.Context, what string, to common.Address, data []byte) error {
	if err := d.Send(ctx, to, data); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// RoundState is the RoundsManager's round arithmetic at the latest block.
type RoundState struct {
	BlockNum, CurrentRound, StartBlock, Length uint64
	Initialized                                bool
}

// RoundState reads the round state at the latest block.
func (d *Driver) RoundState(ctx context.Context) (RoundState, error) {
	inst := d.rounds.Instance(d.backend, d.dep.RoundsManager)
	opts := &bind.CallOpts{Context: ctx}
	var s RoundState
	for _, r := range []struct {
		dst    *uint64
		data   []byte
		unpack func([]byte) (*big.Int, error)
	}{
		{&s.BlockNum, d.rounds.PackBlockNum(), d.rounds.UnpackBlockNum},
		{&s.CurrentRound, d.rounds.PackCurrentRound(), d.rounds.UnpackCurrentRound},
		{&s.StartBlock, d.rounds.PackCurrentRoundStartBlock(), d.rounds.UnpackCurrentRoundStartBlock},
		{&s.Length, d.rounds.PackRoundLength(), d.rounds.UnpackRoundLength},
	} {
		v, err := bind.Call(inst, opts, r.data, r.unpack)
		if err != nil {
			return s, fmt.Errorf("round state: %w", err)
		}
		*r.dst = v.Uint64()
	}
	init, err := bind.Call(inst, opts, d.rounds.PackCurrentRoundInitialized(), d.rounds.UnpackCurrentRoundInitialized)
	if err != nil {
		return s, fmt.Errorf("round state: %w", err)
	}
	s.Initialized = init
	return s, nil
}
