package checks

import (
	"math/big"
	"testing"
)

func TestFormatEther(t *testing.T) {
	for in, want := range map[string]string{
		"0": "0", "1000000000000000000": "1", "500000000000000000": "0.5", "49999999999999999": "0.05",
		"10000000000000": "0.00001", "499999999999": "0", "500000000000": "0.000001", "123456789012345678901234567": "123456789.012346",
		"-1500000000000000000": "-1.5",
	} {
		w, _ := new(big.Int).SetString(in, 10)
		if got := formatEther(w); got != want {
			t.Errorf("formatEther(%s) = %s, want %s", in, got, want)
		}
	}
}
