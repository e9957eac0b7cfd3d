package nodeapi

import (
	"fmt"
	"math/big"
)

// Status values of Transcoder.Status, as go-livepeer writes them.
const (
	StatusRegistered    = "Registered"
	StatusNotRegistered = "Not Registered"
)

// Transcoder is the node account's on-chain orchestrator record as the node
// reports it. Numbers are exact. Fields that a generation does not report
// are nil (or "" for ServiceURI).
type Transcoder struct {
	// Address is the account, as the node wrote it (lowercase hex in JSON).
	Address string
	// ServiceURI is the registered service URI (current API only).
	ServiceURI string
	// LastRewardRound is the last round in which reward was called.
	LastRewardRound *big.Int
	// RewardCut is the share of rewards the orchestrator keeps, divisor 1,000,000.
	RewardCut *big.Int
	// FeeShare is the share of fees passed to delegators, divisor 1,000,000.
	FeeShare *big.Int
	// DelegatedStake is the total stake bonded to the orchestrator, in LPT wei.
	DelegatedStake *big.Int
	// ActivationRound is the round the orchestrator became active (current API).
	ActivationRound *big.Int
	// DeactivationRound is the round it stops being active; 2^256-1 while
	// active (current API).
	DeactivationRound *big.Int
	// LastActiveStakeUpdateRound is the last round its active stake was
	// updated (current API; nil on v0.5-era nodes, which do not report it).
	LastActiveStakeUpdateRound *big.Int
	// PricePerSegment is the 2018 per-segment price (legacy API).
	PricePerSegment *big.Int
	// Active reports membership of the active set.
	Active bool
	// Status is StatusRegistered or StatusNotRegistered.
	Status string
}

// Registered reports whether the account is a registered orchestrator.
func (t Transcoder) Registered() bool { return t.Status == StatusRegistered }

// bigField names one required number of the transcoder record.
type bigField struct {
	key string
	dst **big.Int
}

// decodeCommon reads the fields both generations share.
func decodeCommon(o object, t *Transcoder) error {
	var err error
	addr, err := o.str("Address")
	if err != nil {
		return err
	}
	if t.Address, err = parseAddress(addr); err != nil {
		return fmt.Errorf("field Address: %w", err)
	}
	if t.Active, err = o.boolean("Active"); err != nil {
		return err
	}
	if t.Status, err = o.str("Status"); err != nil {
		return err
	}
	if t.Status != StatusRegistered && t.Status != StatusNotRegistered {
		return fmt.Errorf("field Status: unknown value %q", abbreviate(t.Status))
	}
	return nil
}

func decodeBigFields(o object, fields []bigField) error {
	for _, f := range fields {
		n, err := o.bigInt(f.key)
		if err != nil {
			return err
		}
		*f.dst = n
	}
	return nil
}

// decodeCurrentTranscoder reads the Transcoder object of /orchestratorInfo.
func decodeCurrentTranscoder(o object) (Transcoder, error) {
	var t Transcoder
	if err := decodeCommon(o, &t); err != nil {
		return Transcoder{}, err
	}
	var err error
	if t.ServiceURI, err = o.str("ServiceURI"); err != nil {
		return Transcoder{}, err
	}
	err = decodeBigFields(o, []bigField{
		{"LastRewardRound", &t.LastRewardRound},
		{"RewardCut", &t.RewardCut},
		{"FeeShare", &t.FeeShare},
		{"DelegatedStake", &t.DelegatedStake},
		{"ActivationRound", &t.ActivationRound},
		{"DeactivationRound", &t.DeactivationRound},
	})
	if err != nil {
		return Transcoder{}, err
	}
	// Added after v0.5.x; nodes of that era do not write it.
	if t.LastActiveStakeUpdateRound, err = o.optBigInt("LastActiveStakeUpdateRound"); err != nil {
		return Transcoder{}, err
	}
	return t, nil
}

// DecodeOrchestratorInfo decodes the body of the current API's
// /orchestratorInfo: {"Transcoder": {...}, "PriceInfo": "1200"}. PriceInfo
// is nil when the node wrote null (no base price set).
func DecodeOrchestratorInfo(body []byte) (Transcoder, *big.Rat, error) {
	o, err := decodeObject(body)
	if err != nil {
		return Transcoder{}, nil, err
	}
	inner, err := o.object("Transcoder")
	if err != nil {
		return Transcoder{}, nil, err
	}
	t, err := decodeCurrentTranscoder(inner)
	if err != nil {
		return Transcoder{}, nil, fmt.Errorf("field Transcoder: %w", err)
	}
	price, err := o.ratOrNil("PriceInfo")
	if err != nil {
		return Transcoder{}, nil, err
	}
	return t, price, nil
}

// DecodeLegacyTranscoder decodes the body of the 2018 API's
// /transcoderInfo: the bare transcoder struct, with PricePerSegment and
// the Pending* fields (which are ignored) and no round bookkeeping.
func DecodeLegacyTranscoder(body []byte) (Transcoder, error) {
	o, err := decodeObject(body)
	if err != nil {
		return Transcoder{}, err
	}
	if _, wrapped := o["Transcoder"]; wrapped {
		return Transcoder{}, fmt.Errorf("found a wrapped Transcoder object, not the bare 2018 struct")
	}
	var t Transcoder
	if err := decodeCommon(o, &t); err != nil {
		return Transcoder{}, err
	}
	if t.ServiceURI, err = o.optStr("ServiceURI"); err != nil {
		return Transcoder{}, err
	}
	err = decodeBigFields(o, []bigField{
		{"LastRewardRound", &t.LastRewardRound},
		{"RewardCut", &t.RewardCut},
		{"FeeShare", &t.FeeShare},
		{"PricePerSegment", &t.PricePerSegment},
		{"DelegatedStake", &t.DelegatedStake},
	})
	if err != nil {
		return Transcoder{}, err
	}
	return t, nil
}
