package chain

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

func words(vals ...uint64) []byte {
	var out []byte
	for _, v := range vals {
		out = append(out, common.BigToHash(new(big.Int).SetUint64(v)).Bytes()...)
	}
	return out
}

func TestDecodeTranscoder(t *testing.T) {
	huge := append(common.MaxHash.Bytes(), words(1, 2, 3, 4, 5, 6, 7, 8, 9)...)
	tests := []struct {
		name    string
		data    []byte
		layout  Layout
		last    uint64
		check   func(*Transcoder) bool
		wantErr string
	}{
		{"current", words(41, 50000, 300000, 40, 10, 99, 7, 8, 9, 39), LayoutCurrent, 41,
			func(tr *Transcoder) bool {
				return tr.ActivationRound.Uint64() == 10 && tr.DeactivationRound.Uint64() == 99 && tr.LastFeeRound.Uint64() == 39 && tr.PricePerSegment == nil
			}, ""},
		{"current with appended words", words(5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 77, 88), LayoutCurrent, 5, nil, ""},
		{"legacy", words(12, 1, 2, 3, 4, 5, 6), LayoutLegacy, 12,
			func(tr *Transcoder) bool {
				return tr.PricePerSegment.Uint64() == 3 && tr.PendingPricePerSegment.Uint64() == 6 && tr.ActivationRound == nil
			}, ""},
		{"empty", nil, "", 0, nil, "0 bytes"},
		{"partial word", words(1, 2)[:40], "", 0, nil, "not a whole number"},
		{"eight words", words(1, 2, 3, 4, 5, 6, 7, 8), "", 0, nil, "8 words"},
		{"one word", words(1), "", 0, nil, "1 words"},
		{"round beyond 64 bits", huge, "", 0, nil, "does not fit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := DecodeTranscoder(tt.data)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || Reason(err) != ReasonDecode {
					t.Fatalf("error %v (reason %q), want a decode error containing %q", err, Reason(err), tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tr.Layout != tt.layout || tr.LastRewardRound != tt.last {
				t.Fatalf("layout %s last %d, want %s %d", tr.Layout, tr.LastRewardRound, tt.layout, tt.last)
			}
			if tt.check != nil && !tt.check(tr) {
				t.Errorf("fields %+v", tr)
			}
		})
	}
}

func TestNonceGapAndRoundArithmetic(t *testing.T) {
	n := func(v uint64) *uint64 { return &v }
	gaps := []struct {
		pending, mined *uint64
		gap            uint64
		ok             bool
	}{
		{n(5), n(3), 2, true},
		{n(3), n(3), 0, true},
		{n(2), n(3), 0, false},
		{nil, n(3), 0, false},
		{n(3), nil, 0, false},
	}
	for _, g := range gaps {
		gap, ok := AccountInfo{PendingNonce: g.pending, MinedNonce: g.mined}.NonceGap()
		if gap != g.gap || ok != g.ok {
			t.Errorf("NonceGap(%v,%v) = %d,%v want %d,%v", u(g.pending), u(g.mined), gap, ok, g.gap, g.ok)
		}
	}
	rounds := []struct {
		r                   RoundInfo
		elapsed, remaining  uint64
		elapsedOK, remainOK bool
	}{
		{RoundInfo{BlockNum: n(1050), StartBlock: n(1000), Length: n(100)}, 50, 50, true, true},
		{RoundInfo{BlockNum: n(1000), StartBlock: n(1000), Length: n(100)}, 0, 100, true, true},
		{RoundInfo{BlockNum: n(999), StartBlock: n(1000), Length: n(100)}, 0, 0, false, false},
		{RoundInfo{BlockNum: n(1200), StartBlock: n(1000), Length: n(100)}, 200, 0, true, false},
		{RoundInfo{BlockNum: n(1050), StartBlock: n(1000)}, 50, 0, true, false},
		{RoundInfo{StartBlock: n(1000), Length: n(100)}, 0, 0, false, false},
	}
	for i, r := range rounds {
		el, eok := r.r.Elapsed()
		rem, rok := r.r.Remaining()
		if el != r.elapsed || eok != r.elapsedOK || rem != r.remaining || rok != r.remainOK {
			t.Errorf("#%d: elapsed %d,%v remaining %d,%v; want %d,%v %d,%v", i, el, eok, rem, rok, r.elapsed, r.elapsedOK, r.remaining, r.remainOK)
		}
	}
}

func u(p *uint64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestTranscoderStatusString(t *testing.T) {
	for s, want := range map[TranscoderStatus]string{NotRegistered: "not_registered", Registered: "registered", 7: "status_7"} {
		if got := s.String(); got != want {
			t.Errorf("%d: %q, want %q", uint8(s), got, want)
		}
	}
}
