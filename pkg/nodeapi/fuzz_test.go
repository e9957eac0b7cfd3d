package nodeapi

import (
	"bytes"
	"encoding/json"
	"math/big"
	"testing"
)

// FuzzDecodeTranscoder feeds arbitrary bodies to the transcoder decoders
// and to both round parsers. None may panic; what they accept must have
// every required field, and must survive being written the way the node
// writes it and decoded again unchanged. The seed corpus is in
// testdata/fuzz/FuzzDecodeTranscoder.
func FuzzDecodeTranscoder(f *testing.F) {
	f.Add([]byte(orchestratorInfoBody))
	f.Add([]byte(transcoderInfoBody))
	f.Fuzz(func(t *testing.T, body []byte) {
		tr, price, currentErr := DecodeOrchestratorInfo(body)
		if currentErr == nil {
			requireFields(t, tr, tr.ActivationRound, tr.DeactivationRound)
			again, againPrice, err := DecodeOrchestratorInfo(encodeCurrent(t, tr, price))
			if err != nil {
				t.Fatalf("re-decoding accepted current record: %v", err)
			}
			sameTranscoder(t, tr, again)
			if (price == nil) != (againPrice == nil) || (price != nil && price.Cmp(againPrice) != 0) {
				t.Fatalf("price %v became %v", price, againPrice)
			}
		}
		if tr, err := DecodeLegacyTranscoder(body); err == nil {
			requireFields(t, tr, tr.PricePerSegment)
			again, err := DecodeLegacyTranscoder(encodeLegacy(t, tr))
			if err != nil {
				t.Fatalf("re-decoding accepted legacy record: %v", err)
			}
			sameTranscoder(t, tr, again)
		}
		if tr, price, err := decodeOrchestratorInfo(body, V05); err == nil {
			requireFields(t, tr)
			again, _, err := decodeOrchestratorInfo(encodeCurrent(t, tr, price), V05)
			if err != nil {
				t.Fatalf("re-decoding accepted v0.5 record: %v", err)
			}
			sameTranscoder(t, tr, again)
		} else if currentErr == nil {
			t.Fatalf("a record the current api accepts is refused as v0.5: %v", err)
		}
		// Each round form is exact: the number, written back the way the
		// node writes it, is the body.
		if r, err := parseRoundText(body); err == nil && r.String() != string(body) {
			t.Fatalf("parseRoundText read %q as %v", body, r)
		}
		if r, err := parseRoundBytes(body); err == nil && !bytes.Equal(r.Bytes(), body) {
			t.Fatalf("parseRoundBytes read %x as %v", body, r)
		}
	})
}

func requireFields(t *testing.T, tr Transcoder, extra ...*big.Int) {
	t.Helper()
	for i, n := range append([]*big.Int{tr.LastRewardRound, tr.RewardCut, tr.FeeShare, tr.DelegatedStake}, extra...) {
		if n == nil || n.Sign() < 0 || n.BitLen() > 256 {
			t.Fatalf("number %d of accepted record is %v", i, n)
		}
	}
	if !isHexAddress(tr.Address) || (tr.Status != StatusRegistered && tr.Status != StatusNotRegistered) {
		t.Fatalf("accepted record has address %q, status %q", tr.Address, tr.Status)
	}
}

func encodeCurrent(t *testing.T, tr Transcoder, price *big.Rat) []byte {
	t.Helper()
	type rec struct {
		Address                                              string
		ServiceURI                                           string
		LastRewardRound, RewardCut, FeeShare, DelegatedStake *big.Int
		ActivationRound, DeactivationRound                   *big.Int
		LastActiveStakeUpdateRound                           *big.Int
		Active                                               bool
		Status                                               string
	}
	body, err := json.Marshal(struct {
		Transcoder rec
		PriceInfo  *big.Rat
	}{rec{tr.Address, tr.ServiceURI, tr.LastRewardRound, tr.RewardCut, tr.FeeShare, tr.DelegatedStake,
		tr.ActivationRound, tr.DeactivationRound, tr.LastActiveStakeUpdateRound, tr.Active, tr.Status}, price})
	if err != nil {
		t.Fatal(err)
	}
	return body
}

func encodeLegacy(t *testing.T, tr Transcoder) []byte {
	t.Helper()
	body, err := json.Marshal(struct {
		Address                                                               string
		ServiceURI                                                            string
		LastRewardRound, RewardCut, FeeShare, PricePerSegment, DelegatedStake *big.Int
		Active                                                                bool
		Status                                                                string
	}{tr.Address, tr.ServiceURI, tr.LastRewardRound, tr.RewardCut, tr.FeeShare, tr.PricePerSegment,
		tr.DelegatedStake, tr.Active, tr.Status})
	if err != nil {
		t.Fatal(err)
	}
	return body
}

func sameTranscoder(t *testing.T, a, b Transcoder) {
	t.Helper()
	pairs := [][2]*big.Int{
		{a.LastRewardRound, b.LastRewardRound}, {a.RewardCut, b.RewardCut}, {a.FeeShare, b.FeeShare},
		{a.DelegatedStake, b.DelegatedStake}, {a.ActivationRound, b.ActivationRound},
		{a.DeactivationRound, b.DeactivationRound}, {a.LastActiveStakeUpdateRound, b.LastActiveStakeUpdateRound},
		{a.PricePerSegment, b.PricePerSegment},
	}
	for i, p := range pairs {
		if (p[0] == nil) != (p[1] == nil) || (p[0] != nil && p[0].Cmp(p[1]) != 0) {
			t.Fatalf("number %d changed from %v to %v", i, p[0], p[1])
		}
	}
	if a.Address != b.Address || a.ServiceURI != b.ServiceURI || a.Active != b.Active || a.Status != b.Status {
		t.Fatalf("record changed from %+v to %+v", a, b)
	}
}
