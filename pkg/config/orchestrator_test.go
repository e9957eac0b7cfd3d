package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert/sinks"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
)

func TestOrchestratorOnly(t *testing.T) {
	text := `
[chain]
urls = ["http://127.0.0.1:8545"]
watch_active_set = true

[[orchestrator]]
name = "tc001-chain"
address = "0x00000000000000000000000000000000000000aa"
`
	c, err := config.Parse("mem.toml", []byte(text), sinks.Default(), checks.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Nodes) != 0 || len(c.Orchestrators) != 1 || !c.Chain.WatchActiveSet {
		t.Fatalf("config %+v", c)
	}
	ts := c.Targets()
	if len(ts) != 1 || ts[0].Name != "tc001-chain" || ts[0].Node || !strings.EqualFold(ts[0].Address.Addr().Hex(), "0x00000000000000000000000000000000000000aa") {
		t.Errorf("targets %+v", ts)
	}
}

// The active set alone is a configuration: an observer without targets of its own.
func TestActiveSetOnly(t *testing.T) {
	text := `
[chain]
urls = ["http://127.0.0.1:8545"]
watch_active_set = true
`
	if _, err := config.Parse("mem.toml", []byte(text), sinks.Default(), checks.Catalog()); err != nil {
		t.Fatal(err)
	}
}

func TestOrchestratorInvalid(t *testing.T) {
	text := `
[[node]]
name = "tc001"
url = "http://127.0.0.1:7935"
expected_address = "0x0000000000000000000000000000000000000001"

[[orchestrator]]
name = "tc001"
address = "0x00000000000000000000000000000000000000aa"

[[orchestrator]]
name = "tc002"

[[orchestrator]]
name = "tc003"
address = "0xabc"

[chain]
watch_active_set = true
`
	_, err := config.Parse("mem.toml", []byte(text), sinks.Default(), checks.Catalog())
	if err == nil {
		t.Fatal("loaded without error")
	}
	want := []string{
		`mem.toml:8:1: orchestrator[0].name: duplicate name "tc001": nodes and orchestrators share one set of names`,
		`mem.toml:16:1: orchestrator[2].address: "0xabc" is not a 0x-prefixed 20-byte hex address`,
		`mem.toml:19:1: chain.watch_active_set: needs chain.urls`,
		`mem.toml: orchestrator: an [[orchestrator]] is watched from the chain alone: set chain.urls`,
		`mem.toml: orchestrator[1].address: must be set: the orchestrator's ETH address`,
	}
	if got := err.Error(); got != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// TestExampleOrchestratorBlock loads config.example.toml with its
// commented [[orchestrator]] block enabled, so that the example stays a
// valid configuration.
func TestExampleOrchestratorBlock(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "config.example.toml"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	in := false
	for i, l := range lines {
		switch {
		case l == "# [[orchestrator]]":
			in = true
		case in && !strings.HasPrefix(l, "# "):
			in = false
		}
		if in {
			lines[i] = strings.TrimPrefix(l, "# ")
		}
	}
	c, err := config.Parse("config.example.toml", []byte(strings.Join(lines, "\n")), sinks.Default(), checks.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Orchestrators) != 1 || c.Orchestrators[0].Name != "tc001-chain" || !c.Orchestrators[0].ExpectedRewardCaller.Valid() {
		t.Errorf("orchestrators %+v", c.Orchestrators)
	}
}
