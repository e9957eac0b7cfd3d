package config_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// TestExpectedAddressIsParsedAtLoad: expected_address is read once into
// an address, and written back (in messages, in JSON) as it was given; a
// value that is not a string is refused as before.
func TestExpectedAddressIsParsedAtLoad(t *testing.T) {
	const given = "0x5be44E23041e93cdf9bcd5a0968524e104e38AE1" // neither lower case nor EIP-55
	node := func(addr string) string {
		return "[[node]]\nname = \"tc001\"\nurl = \"http://127.0.0.1:7935\"\nexpected_address = " + addr + "\n"
	}
	c, err := config.Parse("mem.toml", []byte(node(`"`+given+`"`)), nil, checks.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	a := c.Nodes[0].ExpectedAddress
	if !a.Valid() || a.Addr() != common.HexToAddress(given) || a.String() != given {
		t.Fatalf("expected_address = %q (%v, valid %v)", a, a.Addr(), a.Valid())
	}
	b, err := json.Marshal(c.Nodes[0])
	if err != nil || !strings.Contains(string(b), `"ExpectedAddress":"`+given+`"`) {
		t.Fatalf("JSON %s (%v), want the address as given", b, err)
	}
	var back config.Node
	if err := json.Unmarshal(b, &back); err != nil || back.ExpectedAddress != a {
		t.Fatalf("JSON round trip %+v (%v)", back.ExpectedAddress, err)
	}
	if config.AddressOf(a.Addr()).String() != common.HexToAddress(given).Hex() {
		t.Errorf("AddressOf writes %q", config.AddressOf(a.Addr()))
	}

	_, err = config.Parse("mem.toml", []byte(node("12")), nil, checks.Catalog())
	if err == nil || !strings.Contains(err.Error(), `node[0].expected_address: expected a string, got integer 12`) ||
		!strings.Contains(err.Error(), `node[0].expected_address: "" is not a 0x-prefixed 20-byte hex address`) {
		t.Errorf("an integer address: %v", err)
	}
	if a := config.ParseAddress(given[2:]); a.Valid() || a.String() != given[2:] {
		t.Errorf("an address without 0x is valid: %+v", a)
	}
}
