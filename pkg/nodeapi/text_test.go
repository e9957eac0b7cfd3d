package nodeapi

import (
	"math/big"
	"strings"
	"testing"
)

const maxUint256Text = "115792089237316195423570985008687907853269984665640564039457584007913129639935"

func TestParseRoundText(t *testing.T) {
	tests := []struct {
		name    string
		body    []byte
		want    string
		wantErr string
	}{
		{name: "decimal", body: []byte("4253"), want: "4253"},
		{name: "zero", body: []byte("0"), want: "0"},
		{name: "decimal max uint256", body: []byte(maxUint256Text), want: maxUint256Text},
		{name: "empty", body: nil, wantErr: "empty round"},
		{name: "decimal leading zero", body: []byte("04253"), wantErr: "leading zero"},
		{name: "decimal over uint256", body: []byte(maxUint256Text[:77] + "6"), wantErr: "out of uint256 range"},
		// The raw bytes of a v0.5 round are not text, even when they look
		// like whitespace around digits: nothing is trimmed.
		{name: "trailing newline", body: []byte("4253\n"), wantErr: "not a decimal round"},
		{name: "raw 2613", body: []byte{0x0a, 0x35}, wantErr: "2 bytes 0x0a35 is not a decimal round"},
		{name: "raw 4253", body: []byte{0x10, 0x9d}, wantErr: `api "v0.5"`},
		{name: "printable", body: []byte("12a"), wantErr: `"12a" is not a decimal round`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseRoundText(tc.body)
			checkBig(t, got, err, tc.want, tc.wantErr)
		})
	}
}

// TestParseRoundBytes reads /currentRound as v0.5.0-v0.6.x write it:
// big.Int.Bytes(). Every byte counts, also those that look like
// whitespace or digits; reading those as text gave another round (2613,
// "\n5", read as 5).
func TestParseRoundBytes(t *testing.T) {
	tests := []struct {
		name    string
		round   *big.Int
		wantErr string
	}{
		{name: "2613 is \\n5", round: big.NewInt(2613)},
		{name: "9 is a tab", round: big.NewInt(0x09)},
		{name: "10 is a newline", round: big.NewInt(0x0a)},
		{name: "13 is a carriage return", round: big.NewInt(0x0d)},
		{name: "32 is a space", round: big.NewInt(0x20)},
		{name: "2353 is \\t1", round: big.NewInt(0x0931)},
		{name: "3378 is \\r2", round: big.NewInt(0x0d32)},
		{name: "8243 is space 3", round: big.NewInt(0x2033)},
		{name: "13600 is 5 space", round: big.NewInt(0x3520)},
		{name: "2570 is two newlines", round: big.NewInt(0x0a0a)},
		{name: "12594 is the digits 12", round: big.NewInt(0x3132)},
		{name: "4253", round: big.NewInt(4253)},
		{name: "255", round: big.NewInt(255)},
		{name: "0 is no bytes", round: big.NewInt(0)},
		{name: "max uint256", round: new(big.Int).SetBytes([]byte(strings.Repeat("\xff", 32)))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseRoundBytes(tc.round.Bytes())
			checkBig(t, got, err, tc.round.String(), "")
		})
	}
	for _, tc := range []struct {
		name    string
		body    []byte
		wantErr string
	}{
		{name: "33 bytes", body: []byte(strings.Repeat("\xff", 33)), wantErr: "longer than a big-endian uint256"},
		{name: "leading zero byte", body: []byte{0x00, 0x10}, wantErr: "leading zero byte"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseRoundBytes(tc.body)
			checkBig(t, got, err, "", tc.wantErr)
		})
	}
}

func TestGenerationOfVersion(t *testing.T) {
	tests := []struct {
		version string
		want    Generation // "": the version does not tell
	}{
		{"0.9.1", Current},
		{"0.7.0", Current},
		{"0.7.2-4ba2ad0e", Current},
		{"1.0.0", Current},
		{"0.5.0", V05},
		{"0.5.38", V05},
		{"0.5.38-4ba2ad0e", V05},
		{"0.6.0", V05},
		// Master builds after v0.6.0 switched to text in September 2023.
		{"0.6.0-a3e725c9", ""},
		{"0.4.1", Current},
		{"0.4.1-50330d9e", ""},
		{"undefined", ""},
		{"", ""},
		{"0.5", ""},
		{"0.5.x", ""},
		{"0.5.0-", ""},
		{"v0.5.0", ""},
		{"0.+5.0", ""},
	}
	for _, tc := range tests {
		got, ok := generationOfVersion(tc.version)
		if ok != (tc.want != "") || got != tc.want {
			t.Errorf("generationOfVersion(%q) = %q, %v; want %q", tc.version, got, ok, tc.want)
		}
	}
}

func TestParseUint256(t *testing.T) {
	tests := []struct {
		in, want, wantErr string
	}{
		{in: "0", want: "0"},
		{in: "1234567890123456789012345", want: "1234567890123456789012345"},
		{in: maxUint256Text, want: maxUint256Text},
		{in: "", wantErr: "empty number"},
		{in: "-1", wantErr: "not an unsigned decimal integer"},
		{in: "1.5", wantErr: "not an unsigned decimal integer"},
		{in: "1e18", wantErr: "not an unsigned decimal integer"},
		{in: "00", wantErr: "leading zero"},
		{in: "1" + maxUint256Text, wantErr: "out of uint256 range"},
		{in: strings.Repeat("9", 200), wantErr: "out of uint256 range"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := parseUint256(tc.in)
			checkBig(t, got, err, tc.want, tc.wantErr)
		})
	}
}

func checkBig(t *testing.T, got *big.Int, err error, want, wantErr string) {
	t.Helper()
	if wantErr != "" {
		if err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Fatalf("error = %v, want one containing %q (value %v)", err, wantErr, got)
		}
		return
	}
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	if got.String() != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}

func TestParseRat(t *testing.T) {
	tests := []struct {
		in      string
		want    *big.Rat
		wantErr bool
	}{
		{in: "1200", want: big.NewRat(1200, 1)},
		{in: "1/3", want: big.NewRat(1, 3)},
		{in: "1200/1", want: big.NewRat(1200, 1)},
		{in: "0", want: new(big.Rat)},
		{in: "1/0", wantErr: true},
		{in: "1.5", wantErr: true},
		{in: "1e999999999", wantErr: true},
		{in: "-1", wantErr: true},
		{in: "", wantErr: true},
		{in: "/3", wantErr: true},
		{in: "3/", wantErr: true},
		{in: "1/2/3", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := parseRat(tc.in)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("parseRat(%q) = %v, want an error", tc.in, got)
				}
				return
			}
			if err != nil || got.Cmp(tc.want) != 0 {
				t.Fatalf("parseRat(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestParseBoolBody(t *testing.T) {
	tests := []struct {
		in      string
		want    bool
		wantErr bool
	}{
		{in: "true", want: true},
		{in: "false\n", want: false},
		{in: "True", wantErr: true},
		{in: "1", wantErr: true},
		{in: "", wantErr: true},
	}
	for _, tc := range tests {
		got, err := parseBoolBody([]byte(tc.in))
		if (err != nil) != tc.wantErr || got != tc.want {
			t.Errorf("parseBoolBody(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
}

func TestSameAddress(t *testing.T) {
	const checksummed = "0x5bE44e23041E93CDF9bCd5A0968524e104e38ae1"
	const lower = "0x5be44e23041e93cdf9bcd5a0968524e104e38ae1"
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"checksummed vs lowercase", checksummed, lower, true},
		{"upper 0X prefix", "0X5BE44E23041E93CDF9BCD5A0968524E104E38AE1", lower, true},
		{"different", lower, "0x5be44e23041e93cdf9bcd5a0968524e104e38ae2", false},
		{"no prefix", lower[2:], lower, false},
		{"short", "0x5be4", "0x5be4", false},
		{"non-hex", "0x5be44e23041e93cdf9bcd5a0968524e104e38aeg", "0x5be44e23041e93cdf9bcd5a0968524e104e38aeg", false},
		{"empty", "", "", false},
		{"whitespace", lower + " ", lower, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := SameAddress(tc.a, tc.b); got != tc.want {
				t.Fatalf("SameAddress(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
			if got := SameAddress(tc.b, tc.a); got != tc.want {
				t.Fatalf("SameAddress is not symmetric for %q, %q", tc.a, tc.b)
			}
		})
	}
}

func TestParseNodeID(t *testing.T) {
	tests := []struct {
		in      string
		wantErr bool
	}{
		{in: "1220a5f3c6f1e0b2d4c6e8a0b2c4d6e8f0a2b4c6d8e0f2a4b6c8d0e2f4a6b8c0d2e4"},
		{in: "ab"},
		{in: "", wantErr: true},
		{in: "abc", wantErr: true},
		{in: "QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N", wantErr: true},
		{in: "12 0", wantErr: true},
	}
	for _, tc := range tests {
		if _, err := parseNodeID(tc.in); (err != nil) != tc.wantErr {
			t.Errorf("parseNodeID(%q) error = %v, want error %v", tc.in, err, tc.wantErr)
		}
	}
}

func TestParseGeneration(t *testing.T) {
	for _, s := range []string{"current", "v0.5", "v0.3", "legacy", "auto"} {
		if g, err := ParseGeneration(s); err != nil || string(g) != s {
			t.Errorf("ParseGeneration(%q) = %q, %v", s, g, err)
		}
	}
	for _, s := range []string{"", "Current", "v1", "v0.6", "0.5"} {
		if _, err := ParseGeneration(s); err == nil {
			t.Errorf("ParseGeneration(%q) succeeded, want an error", s)
		}
	}
	for _, g := range Generations() {
		if g.Releases() == "" {
			t.Errorf("generation %q names no release", g)
		}
	}
	if Auto.Releases() != "" {
		t.Errorf("auto names releases %q", Auto.Releases())
	}
}
