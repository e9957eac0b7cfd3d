package config_test

import (
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
)

// chain.batch_size defaults to geth's batch limit and is bounded;
// chain.multicall is on unless turned off.
func TestChainBatching(t *testing.T) {
	const node = "[[node]]\nname = \"tc001\"\nurl = \"http://127.0.0.1:7935\"\nexpected_address = \"0x5bE44e23041E93CDF9bCd5A0968524e104e38ae1\"\n"
	parse := func(chain string) (*config.Config, error) {
		return config.Parse("mem.toml", []byte(node+"[chain]\nurls = [\"http://127.0.0.1:8545\"]\n"+chain), nil, checks.Catalog())
	}
	c, err := parse("")
	if err != nil {
		t.Fatal(err)
	}
	if c.Chain.BatchSize != 1000 || !c.Chain.Multicall {
		t.Errorf("defaults: batch_size %d multicall %v, want 1000 and true", c.Chain.BatchSize, c.Chain.Multicall)
	}
	c, err = parse("batch_size = 1\nmulticall = false\n")
	if err != nil {
		t.Fatal(err)
	}
	if c.Chain.BatchSize != 1 || c.Chain.Multicall {
		t.Errorf("set: batch_size %d multicall %v, want 1 and false", c.Chain.BatchSize, c.Chain.Multicall)
	}
	for _, tt := range []struct{ chain, want string }{
		{"batch_size = 0\n", "mem.toml:7:1: chain.batch_size: 0 must be between 1 and 10000"},
		{"batch_size = 20000\n", "chain.batch_size: 20000 must be between 1 and 10000"},
		{"batch_size = \"big\"\n", "chain.batch_size"},
		{"multicall = \"yes\"\n", "chain.multicall"},
	} {
		if _, err := parse(tt.chain); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.chain, err, tt.want)
		}
	}
}
