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
	// ServiceURI is the registered service URI ("" on 0.2.x, which does
	// not report it).
	ServiceURI string
	// LastRewardRound is the last round in which reward was called.
	LastRewardRound *big.Int
	// RewardCut is the share of rewards the orchestrator keeps, divisor 1,000,000.
	RewardCut *big.Int
	// FeeShare is the share of fees passed to delegators, divisor 1,000,000.
	FeeShare *big.Int
	// DelegatedStake is the total stake bonded to the orchestrator, in LPT wei.
	DelegatedStake *big.Int
	// ActivationRound is the round the orchestrator became active
	// (/orchestratorInfo; nil from v0.5.0, which does not report it).
	ActivationRound *big.Int
	// DeactivationRound is the round it stops being active; 2^256-1 while
	// active (/orchestratorInfo; nil from v0.5.0).
	DeactivationRound *big.Int
	// LastActiveStakeUpdateRound is the last round its active stake was
	// updated (/orchestratorInfo; nil before v0.5.20, which added it).
	LastActiveStakeUpdateRound *big.Int
	// PricePerSegment is the 2018 per-segment price (/transcoderInfo:
	// 0.2.x and v0.3.x).
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

// decodeCommon reads the fields every generation shares.
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

// decodeCurrentTranscoder reads the Transcoder object of /orchestratorInfo
// as generation gen (Current or V05) writes it.
func decodeCurrentTranscoder(o object, gen Generation) (Transcoder, error) {
	var t Transcoder
	if err := decodeCommon(o, &t); err != nil {
		return Transcoder{}, err
	}
	var err error
	if t.ServiceURI, err = o.str("ServiceURI"); err != nil {
		return Transcoder{}, err
	}
	required := []bigField{
		{"LastRewardRound", &t.LastRewardRound},
		{"RewardCut", &t.RewardCut},
		{"FeeShare", &t.FeeShare},
		{"DelegatedStake", &t.DelegatedStake},
	}
	// v0.5.20 added it.
	optional := []bigField{{"LastActiveStakeUpdateRound", &t.LastActiveStakeUpdateRound}}
	// v0.5.1 added them: only a V05 record may lack them.
	rounds := []bigField{
		{"ActivationRound", &t.ActivationRound},
		{"DeactivationRound", &t.DeactivationRound},
	}
	if gen == V05 {
		optional = append(optional, rounds...)
	} else {
		required = append(required, rounds...)
	}
	if err := decodeBigFields(o, required); err != nil {
		return Transcoder{}, err
	}
	for _, f := range optional {
		if *f.dst, err = o.optBigInt(f.key); err != nil {
			return Transcoder{}, err
		}
	}
	return t, nil
}

// DecodeOrchestratorInfo decodes the body of the current API's
// /orchestratorInfo: {"Transcoder": {...}, "PriceInfo": "1200"}. PriceInfo
// is nil when the node wrote null (no base price set).
func DecodeOrchestratorInfo(body []byte) (Transcoder, *big.Rat, error) {
	return decodeOrchestratorInfo(body, Current)
}

// decodeOrchestratorInfo is DecodeOrchestratorInfo for generation gen
// (Current or V05): a V05 record may lack the fields v0.5.0 did not have.
func decodeOrchestratorInfo(body []byte, gen Generation) (Transcoder, *big.Rat, error) {
	o, err := decodeObject(body)
	if err != nil {
		return Transcoder{}, nil, err
	}
	inner, err := o.object("Transcoder")
	if err != nil {
		return Transcoder{}, nil, err
	}
	t, err := decodeCurrentTranscoder(inner, gen)
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
// /transcoderInfo (0.2.x and v0.3.x): the bare transcoder struct, with
// PricePerSegment and the Pending* fields (which are ignored), ServiceURI
// from v0.3.0 on, and no round bookkeeping.
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
