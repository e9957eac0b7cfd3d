package fakenode

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// The shapes below serve read-only endpoints lpwatch does not use today,
// with plausible values, so that the fake answers them as a node would.

// delegator is go-livepeer's types.Delegator (current).
type delegator struct {
	Address             common.Address
	BondedAmount        *big.Int
	Fees                *big.Int
	DelegateAddress     common.Address
	DelegatedAmount     *big.Int
	StartRound          *big.Int
	LastClaimRound      *big.Int
	NextUnbondingLockId *big.Int
	PendingStake        *big.Int
	PendingFees         *big.Int
	Status              string
}

func currentDelegator(s state) any {
	return delegator{
		Address: s.address, BondedAmount: big.NewInt(0).Exp(big.NewInt(10), big.NewInt(22), nil),
		Fees: big.NewInt(0), DelegateAddress: s.address, DelegatedAmount: s.stake,
		StartRound: big.NewInt(2466), LastClaimRound: s.lastRewardRound,
		NextUnbondingLockId: big.NewInt(0), PendingStake: big.NewInt(0).Exp(big.NewInt(10), big.NewInt(22), nil),
		PendingFees: big.NewInt(0), Status: "Bonded",
	}
}

// protocolParameters is go-livepeer's types.ProtocolParameters. The
// verification and slashing fields are always zero or null today.
type protocolParameters struct {
	NumActiveTranscoders          *big.Int
	RoundLength                   *big.Int
	RoundLockAmount               *big.Int
	UnbondingPeriod               uint64
	VerificationRate              uint64
	VerificationPeriod            *big.Int
	SlashingPeriod                *big.Int
	FailedVerificationSlashAmount *big.Int
	MissedVerificationSlashAmount *big.Int
	DoubleClaimSegmentSlashAmount *big.Int
	FinderFee                     *big.Int
	Inflation                     *big.Int
	InflationChange               *big.Int
	TargetBondingRate             *big.Int
	VerificationCodeHash          string
	TotalBonded                   *big.Int
	TotalSupply                   *big.Int
	Paused                        bool
}

func currentProtocolParameters(state) any {
	return protocolParameters{
		NumActiveTranscoders: big.NewInt(100), RoundLength: big.NewInt(5760),
		RoundLockAmount: big.NewInt(100000), UnbondingPeriod: 7,
		Inflation: big.NewInt(221000), InflationChange: big.NewInt(500),
		TargetBondingRate: big.NewInt(500000000),
		TotalBonded:       mustBig("16234567890123456789012345"),
		TotalSupply:       mustBig("33123456789012345678901234"),
	}
}

// legacyProtocolParameters has the 2018 verification values filled in.
func legacyProtocolParameters(state) any {
	return protocolParameters{
		NumActiveTranscoders: big.NewInt(15), RoundLength: big.NewInt(5760),
		RoundLockAmount: big.NewInt(100000), UnbondingPeriod: 7, VerificationRate: 1000,
		VerificationPeriod: big.NewInt(50), SlashingPeriod: big.NewInt(50),
		FailedVerificationSlashAmount: big.NewInt(10000), MissedVerificationSlashAmount: big.NewInt(500),
		DoubleClaimSegmentSlashAmount: big.NewInt(30000), FinderFee: big.NewInt(50000),
		Inflation: big.NewInt(137), InflationChange: big.NewInt(3),
		TargetBondingRate: big.NewInt(500000), VerificationCodeHash: "QmUMk1wF6YmFLFyydhSVgeNCSKk4J8G38DzTzcx6FdYSzV",
		TotalBonded: mustBig("3123456789012345678901234"), TotalSupply: mustBig("10123456789012345678901234"),
	}
}

// senderInfo is the zero sender record /senderInfo returns for an orchestrator.
func senderInfo() any {
	type reserve struct{ FundsRemaining, ClaimedInCurrentRound *big.Int }
	return struct {
		Deposit       *big.Int
		WithdrawRound *big.Int
		Reserve       reserve
	}{big.NewInt(0), big.NewInt(0), reserve{big.NewInt(0), big.NewInt(0)}}
}

// earningsPool is one round's earnings pool of the node's account.
func earningsPool(s state) any {
	return struct {
		TotalStake             *big.Int
		TranscoderRewardCut    *big.Int
		TranscoderFeeShare     *big.Int
		CumulativeRewardFactor *big.Int
		CumulativeFeeFactor    *big.Int
	}{s.stake, s.rewardCut, s.feeShare, mustBig("1234567890123456789012345678"), big.NewInt(0)}
}

// legacyDelegator is the 2018 types.Delegator.
func legacyDelegator(s state) any {
	return struct {
		Address         common.Address
		BondedAmount    *big.Int
		Fees            *big.Int
		DelegateAddress common.Address
		DelegatedAmount *big.Int
		StartRound      *big.Int
		WithdrawRound   *big.Int
		LastClaimRound  *big.Int
		Status          string
	}{s.address, big.NewInt(0).Exp(big.NewInt(10), big.NewInt(21), nil), big.NewInt(0), s.address,
		s.stake, big.NewInt(600), big.NewInt(0), s.lastRewardRound, "Bonded"}
}

// mainnetContracts are the 2018 Ethereum mainnet addresses.
func mainnetContracts() map[string]common.Address {
	return map[string]common.Address{
		"Controller":     common.HexToAddress("0xf96d54e490317c557a967abfa5d6e33006be69b3"),
		"LivepeerToken":  common.HexToAddress("0x58b6a8a3302369daec383334672404ee733ab239"),
		"BondingManager": common.HexToAddress("0x511bc4556d823ae99630ae8de28b9b80df90ea2e"),
		"RoundsManager":  common.HexToAddress("0x3984fc4ceeef1739135476f625d36d6c35c40dc3"),
	}
}
