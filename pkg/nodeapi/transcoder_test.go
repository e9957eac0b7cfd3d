package nodeapi

import (
	"encoding/json"
	"math/big"
	"strings"
	"testing"
)

// The facts sheet's /orchestratorInfo example, with a full address.
const orchestratorInfoBody = `{"Transcoder":{"Address":"0xbd677e96a755207d348578727aa57a512c2022bd",` +
	`"ServiceURI":"https://1.2.3.4:8935","LastRewardRound":4252,"RewardCut":50000,"FeeShare":750000,` +
	`"DelegatedStake":123456789012345678901234567,"ActivationRound":2466,` +
	`"DeactivationRound":115792089237316195423570985008687907853269984665640564039457584007913129639935,` +
	`"LastActiveStakeUpdateRound":4253,"Active":true,"Status":"Registered","PricePerPixel":null},` +
	`"PriceInfo":"1200"}`

// The facts sheet's 2018 /transcoderInfo example.
const transcoderInfoBody = `{"Address":"0xbd677e96a755207d348578727aa57a512c2022bd","LastRewardRound":1050,` +
	`"RewardCut":300000,"FeeShare":200000,"PricePerSegment":150000000000,"PendingRewardCut":300000,` +
	`"PendingFeeShare":200000,"PendingPricePerSegment":150000000000,` +
	`"DelegatedStake":1234567890000000000000000,"Active":true,"Status":"Registered"}`

// edit decodes a JSON object, applies f to it (or to its "Transcoder"
// object when nested is true) and encodes it again, keeping raw values.
func edit(t *testing.T, body string, nested bool, f func(o map[string]json.RawMessage)) []byte {
	t.Helper()
	var top map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &top); err != nil {
		t.Fatal(err)
	}
	target := top
	if nested {
		if err := json.Unmarshal(top["Transcoder"], &target); err != nil {
			t.Fatal(err)
		}
	}
	f(target)
	if nested {
		inner, err := json.Marshal(target)
		if err != nil {
			t.Fatal(err)
		}
		top["Transcoder"] = inner
	}
	out, err := json.Marshal(top)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func set(key, raw string) func(map[string]json.RawMessage) {
	return func(o map[string]json.RawMessage) { o[key] = json.RawMessage(raw) }
}

func del(key string) func(map[string]json.RawMessage) {
	return func(o map[string]json.RawMessage) { delete(o, key) }
}

func TestDecodeOrchestratorInfo(t *testing.T) {
	t.Run("facts example", func(t *testing.T) {
		tr, price, err := DecodeOrchestratorInfo([]byte(orchestratorInfoBody))
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]*big.Int{
			"LastRewardRound": tr.LastRewardRound, "RewardCut": tr.RewardCut, "FeeShare": tr.FeeShare,
			"DelegatedStake": tr.DelegatedStake, "ActivationRound": tr.ActivationRound,
			"DeactivationRound": tr.DeactivationRound, "LastActiveStakeUpdateRound": tr.LastActiveStakeUpdateRound,
		}
		wantText := map[string]string{
			"LastRewardRound": "4252", "RewardCut": "50000", "FeeShare": "750000",
			"DelegatedStake": "123456789012345678901234567", "ActivationRound": "2466",
			"DeactivationRound": maxUint256Text, "LastActiveStakeUpdateRound": "4253",
		}
		for k, v := range want {
			if v == nil || v.String() != wantText[k] {
				t.Errorf("%s = %v, want %s", k, v, wantText[k])
			}
		}
		if tr.Address != "0xbd677e96a755207d348578727aa57a512c2022bd" || tr.ServiceURI != "https://1.2.3.4:8935" ||
			!tr.Active || !tr.Registered() || tr.PricePerSegment != nil {
			t.Errorf("unexpected transcoder %+v", tr)
		}
		if price == nil || price.Cmp(big.NewRat(1200, 1)) != 0 {
			t.Errorf("PriceInfo = %v, want 1200", price)
		}
	})

	tests := []struct {
		name    string
		nested  bool
		change  func(map[string]json.RawMessage)
		wantErr string
		check   func(t *testing.T, tr Transcoder, price *big.Rat)
	}{
		{name: "unknown fields tolerated", nested: true, change: set("Future", `{"x":[1,2]}`)},
		{name: "rational price", change: set("PriceInfo", `"1/3"`), check: func(t *testing.T, _ Transcoder, p *big.Rat) {
			if p.Cmp(big.NewRat(1, 3)) != 0 {
				t.Errorf("price %v, want 1/3", p)
			}
		}},
		{name: "old go price form", change: set("PriceInfo", `"1200/1"`), check: func(t *testing.T, _ Transcoder, p *big.Rat) {
			if p.Cmp(big.NewRat(1200, 1)) != 0 {
				t.Errorf("price %v, want 1200", p)
			}
		}},
		{name: "null price is no price", change: set("PriceInfo", `null`), check: func(t *testing.T, _ Transcoder, p *big.Rat) {
			if p != nil {
				t.Errorf("price %v, want nil", p)
			}
		}},
		{name: "v0.5 record without LastActiveStakeUpdateRound", nested: true, change: del("LastActiveStakeUpdateRound"),
			check: func(t *testing.T, tr Transcoder, _ *big.Rat) {
				if tr.LastActiveStakeUpdateRound != nil {
					t.Errorf("LastActiveStakeUpdateRound = %v, want nil", tr.LastActiveStakeUpdateRound)
				}
			}},
		{name: "not registered", nested: true, change: set("Status", `"Not Registered"`),
			check: func(t *testing.T, tr Transcoder, _ *big.Rat) {
				if tr.Registered() {
					t.Error("Registered() = true for Not Registered")
				}
			}},
		{name: "missing price", change: del("PriceInfo"), wantErr: "field PriceInfo is missing"},
		{name: "price as number", change: set("PriceInfo", `1200`), wantErr: "field PriceInfo: not a string"},
		{name: "missing transcoder", change: del("Transcoder"), wantErr: "field Transcoder is missing"},
		{name: "null transcoder", change: set("Transcoder", `null`), wantErr: "field Transcoder is null"},
		{name: "missing stake", nested: true, change: del("DelegatedStake"), wantErr: "field DelegatedStake is missing"},
		{name: "null round", nested: true, change: set("LastRewardRound", `null`), wantErr: "field LastRewardRound is null"},
		{name: "stake as string", nested: true, change: set("DelegatedStake", `"1"`), wantErr: "not an unsigned decimal integer"},
		{name: "stake as float", nested: true, change: set("DelegatedStake", `1.5e24`), wantErr: "not an unsigned decimal integer"},
		{name: "negative cut", nested: true, change: set("RewardCut", `-1`), wantErr: "not an unsigned decimal integer"},
		{name: "over uint256", nested: true, change: set("DeactivationRound", "1"+maxUint256Text), wantErr: "out of uint256 range"},
		{name: "active as string", nested: true, change: set("Active", `"true"`), wantErr: "field Active: not a boolean"},
		{name: "bad address", nested: true, change: set("Address", `"0x1234"`), wantErr: "field Address"},
		{name: "unknown status", nested: true, change: set("Status", `"Resigned"`), wantErr: "unknown value"},
		{name: "missing service uri", nested: true, change: del("ServiceURI"), wantErr: "field ServiceURI is missing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr, price, err := DecodeOrchestratorInfo(edit(t, orchestratorInfoBody, tc.nested, tc.change))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.check != nil {
				tc.check(t, tr, price)
			}
		})
	}
}

func TestDecodeLegacyTranscoder(t *testing.T) {
	tr, err := DecodeLegacyTranscoder([]byte(transcoderInfoBody))
	if err != nil {
		t.Fatal(err)
	}
	if tr.PricePerSegment.String() != "150000000000" || tr.DelegatedStake.String() != "1234567890000000000000000" ||
		tr.LastRewardRound.String() != "1050" || tr.ActivationRound != nil || tr.ServiceURI != "" || !tr.Active {
		t.Fatalf("unexpected transcoder %+v", tr)
	}

	tests := []struct {
		name    string
		body    string
		wantErr string
	}{
		{name: "wrapped current shape", body: orchestratorInfoBody, wantErr: "wrapped Transcoder"},
		{name: "array", body: `[1,2]`, wantErr: "not a JSON object"},
		{name: "null", body: `null`, wantErr: "got null"},
		{name: "empty", body: ``, wantErr: "not a JSON object"},
		{name: "missing price per segment", body: string(edit(t, transcoderInfoBody, false, del("PricePerSegment"))),
			wantErr: "field PricePerSegment is missing"},
		{name: "service uri wrong type", body: string(edit(t, transcoderInfoBody, false, set("ServiceURI", `7`))),
			wantErr: "field ServiceURI: not a string"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeLegacyTranscoder([]byte(tc.body))
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("error = %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
}

// TestDecodeV05Record reads the records of the v0.5.0-v0.6.x line:
// v0.5.0 wrote no activation rounds (v0.5.1 added them) and nothing before
// v0.5.20 wrote LastActiveStakeUpdateRound. Only the current API requires
// the activation rounds.
func TestDecodeV05Record(t *testing.T) {
	v050 := edit(t, orchestratorInfoBody, true, func(o map[string]json.RawMessage) {
		delete(o, "ActivationRound")
		delete(o, "DeactivationRound")
		delete(o, "LastActiveStakeUpdateRound")
		delete(o, "PricePerPixel")
	})
	tr, price, err := decodeOrchestratorInfo(v050, V05)
	if err != nil {
		t.Fatal(err)
	}
	if tr.ActivationRound != nil || tr.DeactivationRound != nil || tr.LastActiveStakeUpdateRound != nil ||
		tr.LastRewardRound.String() != "4252" || price.Cmp(big.NewRat(1200, 1)) != 0 {
		t.Fatalf("v0.5.0 record %+v, price %v", tr, price)
	}
	if _, _, err := decodeOrchestratorInfo(v050, Current); err == nil || !strings.Contains(err.Error(), "field ActivationRound is missing") {
		t.Fatalf("current api accepted a record without activation rounds: %v", err)
	}
	tr, _, err = decodeOrchestratorInfo([]byte(orchestratorInfoBody), V05)
	if err != nil || tr.ActivationRound.String() != "2466" || tr.LastActiveStakeUpdateRound.String() != "4253" {
		t.Fatalf("v0.6.0 record %+v: %v", tr, err)
	}
	bad := edit(t, orchestratorInfoBody, true, set("ActivationRound", `-1`))
	if _, _, err := decodeOrchestratorInfo(bad, V05); err == nil {
		t.Fatal("a negative activation round was accepted")
	}
}
