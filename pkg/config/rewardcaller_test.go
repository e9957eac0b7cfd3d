package config_test

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// expected_reward_caller is optional, an address (the zero address: no
// caller), and read from the chain, so it needs chain.urls.
func TestExpectedRewardCaller(t *testing.T) {
	const node = "[[node]]\nname = \"tc001\"\nurl = \"http://127.0.0.1:7935\"\nexpected_address = \"0x5bE44e23041E93CDF9bCd5A0968524e104e38ae1\"\n"
	const chain = "[chain]\nurls = [\"http://127.0.0.1:8545\"]\ncontroller = \"0xD8E8328501E9645d16Cf49539efC04f734606ee4\"\n"
	parse := func(extra, sections string) (*config.Config, error) {
		return config.Parse("mem.toml", []byte(node+extra+sections), nil, checks.Catalog())
	}
	c, err := parse("", chain)
	if err != nil {
		t.Fatal(err)
	}
	if a := c.Nodes[0].ExpectedRewardCaller; a.String() != "" || a.Valid() {
		t.Errorf("unset expected_reward_caller = %+v", a)
	}
	const caller = "0x71562b71999873DB5b286dF957af199Ec94617F7"
	c, err = parse("expected_reward_caller = \""+caller+"\"\n", chain)
	if err != nil {
		t.Fatal(err)
	}
	if a := c.Nodes[0].ExpectedRewardCaller; !a.Valid() || a.Addr() != common.HexToAddress(caller) {
		t.Errorf("expected_reward_caller = %+v", a)
	}
	for _, tt := range []struct{ value, sections, want string }{
		{"0x1234", chain, `node[0].expected_reward_caller: "0x1234" is not a 0x-prefixed 20-byte hex address`},
		{caller, "", "node[0].expected_reward_caller: needs chain.urls"},
	} {
		_, err := parse("expected_reward_caller = \""+tt.value+"\"\n", tt.sections)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.value, err, tt.want)
		}
	}
}
