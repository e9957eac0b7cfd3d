package chain

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// Layout names the shape of a getTranscoder answer.
type Layout string

// getTranscoder layouts.
const (
	// LayoutCurrent is the 10-word tuple of today's BondingManager.
	LayoutCurrent Layout = "current"
	// LayoutLegacy is the 7-word tuple of the 2018 L1 BondingManager.
	LayoutLegacy Layout = "legacy"
)

const (
	wordSize           = 32
	currentWords       = 10
	legacyWords        = 7
	getTranscoderFn    = "getTranscoder(address)"
	isActiveFn         = "isActiveTranscoder(address)"
	isActiveLegacyFn   = "isActiveTranscoder(address,uint256)"
	transcoderStatusFn = "transcoderStatus(address)"
)

// Transcoder is a decoded getTranscoder answer. LastRewardRound is the
// first word in both layouts; the other fields are nil where the layout has
// no such word.
type Transcoder struct {
	Layout          Layout
	LastRewardRound uint64
	RewardCut       *big.Int
	FeeShare        *big.Int

	// Current layout only.
	LastActiveStakeUpdateRound *big.Int
	ActivationRound            *big.Int
	DeactivationRound          *big.Int
	ActiveCumulativeRewards    *big.Int
	CumulativeRewards          *big.Int
	CumulativeFees             *big.Int
	LastFeeRound               *big.Int

	// Legacy (2018) layout only.
	PricePerSegment        *big.Int
	PendingRewardCut       *big.Int
	PendingFeeShare        *big.Int
	PendingPricePerSegment *big.Int
}

// DecodeTranscoder decodes a getTranscoder answer of either layout: 10 words
// (or more, should an upgrade append fields) is the current layout, 7 words
// the 2018 one. Anything else is a DecodeError.
func DecodeTranscoder(data []byte) (*Transcoder, error) {
	if len(data) == 0 || len(data)%wordSize != 0 {
		return nil, decodeErr(getTranscoderFn, "answer of %d bytes is not a whole number of words", len(data))
	}
	words := len(data) / wordSize
	w := func(i int) *big.Int { return new(big.Int).SetBytes(data[i*wordSize : (i+1)*wordSize]) }
	if words != legacyWords && words < currentWords {
		return nil, decodeErr(getTranscoderFn, "answer has %d words, want %d (current) or %d (2018)", words, currentWords, legacyWords)
	}
	last, err := toU64(getTranscoderFn+" lastRewardRound", w(0))
	if err != nil {
		return nil, err
	}
	t := &Transcoder{LastRewardRound: last, RewardCut: w(1), FeeShare: w(2)}
	if words == legacyWords {
		t.Layout = LayoutLegacy
		t.PricePerSegment, t.PendingRewardCut, t.PendingFeeShare, t.PendingPricePerSegment = w(3), w(4), w(5), w(6)
		return t, nil
	}
	t.Layout = LayoutCurrent
	t.LastActiveStakeUpdateRound, t.ActivationRound, t.DeactivationRound = w(3), w(4), w(5)
	t.ActiveCumulativeRewards, t.CumulativeRewards, t.CumulativeFees, t.LastFeeRound = w(6), w(7), w(8), w(9)
	return t, nil
}

// TranscoderStatus is BondingManager.transcoderStatus.
type TranscoderStatus uint8

// Transcoder statuses.
const (
	NotRegistered TranscoderStatus = 0
	Registered    TranscoderStatus = 1
)

// String implements fmt.Stringer.
func (s TranscoderStatus) String() string {
	switch s {
	case NotRegistered:
		return "not_registered"
	case Registered:
		return "registered"
	}
	return fmt.Sprintf("status_%d", uint8(s))
}

// AccountInfo is what one observation knows about a monitored address. A
// nil field could not be read (see Observation.Errors).
type AccountInfo struct {
	Address      common.Address
	Transcoder   *Transcoder
	Active       *bool
	Status       *TranscoderStatus
	TotalStake   *big.Int
	Balance      *big.Int
	PendingNonce *uint64
	MinedNonce   *uint64
	// RewardCaller is the account's LIP-118 reward caller (nil when it
	// could not be read; none has a zero Address).
	RewardCaller *RewardCaller
}

// NonceGap returns PendingNonce - MinedNonce: transactions sent but not mined.
func (a AccountInfo) NonceGap() (gap uint64, ok bool) {
	if a.PendingNonce == nil || a.MinedNonce == nil || *a.PendingNonce < *a.MinedNonce {
		return 0, false
	}
	return *a.PendingNonce - *a.MinedNonce, true
}

// readAccount queues the BondingManager reads of one address that need no other answer.
func (bd bindings) readAccount(ph *phase, bm common.Address, block *big.Int, a *AccountInfo) {
	addr, c := a.Address, bd.bonding
	ph.add(addr, "account.getTranscoder", contractCall(bm, block, getTranscoderFn, c.PackGetTranscoder(addr), DecodeTranscoder, store(&a.Transcoder)))
	ph.add(addr, "account.transcoderStatus", contractCall(bm, block, transcoderStatusFn, c.PackTranscoderStatus(addr), c.UnpackTranscoderStatus,
		func(v uint8) error {
			s := TranscoderStatus(v)
			if s != NotRegistered && s != Registered {
				return decodeErr(transcoderStatusFn, "unknown status %d", v)
			}
			a.Status = &s
			return nil
		}))
	ph.add(addr, "account.transcoderTotalStake", contractCall(bm, block, "transcoderTotalStake(address)", c.PackTranscoderTotalStake(addr), c.UnpackTranscoderTotalStake, store(&a.TotalStake)))
}

// readActive queues isActiveTranscoder in the form of layout: the 2018
// contract takes the round as a second argument, which round gives (nil
// when it could not be read: the read then fails at once).
func (bd bindings) readActive(ph *phase, bm common.Address, block *big.Int, a *AccountInfo, layout Layout, round *uint64) {
	addr := a.Address
	if layout != LayoutLegacy {
		ph.add(addr, fieldActive, contractCall(bm, block, isActiveFn, bd.bonding.PackIsActiveTranscoder(addr), bd.bonding.UnpackIsActiveTranscoder, into(&a.Active)))
		return
	}
	if round == nil {
		ph.fail(addr, fieldActive, fmt.Errorf("%s needs the current round, which could not be read: %w", isActiveLegacyFn, errNoRound))
		return
	}
	r := new(big.Int).SetUint64(*round)
	ph.add(addr, fieldActive, contractCall(bm, block, isActiveLegacyFn, bd.legacy.PackIsActiveTranscoder(addr, r), bd.legacy.UnpackIsActiveTranscoder, into(&a.Active)))
}

const fieldActive = "account.isActiveTranscoder"

var errNoRound = errors.New("missing input")
