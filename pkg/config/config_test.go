package config_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert/pagerduty"
	"github.com/lpwatch/lpwatch/pkg/alert/sinks"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
)

func TestExampleLoads(t *testing.T) {
	c, err := config.Load(filepath.Join("..", "..", "config.example.toml"), sinks.Default(), checks.Catalog())
	if err != nil {
		t.Fatalf("config.example.toml: %v", err)
	}
	if got, want := c.Server.Listen, config.DefaultListen; got != want {
		t.Errorf("listen = %q, want %q", got, want)
	}
	if len(c.Nodes) != 1 || c.Nodes[0].Interval != 15*time.Second || c.Nodes[0].Timeout != 10*time.Second {
		t.Errorf("nodes = %+v", c.Nodes)
	}
	if c.Chain.ChainID != 42161 || c.Chain.Controller != config.DefaultController {
		t.Errorf("chain = %+v", c.Chain)
	}
	if c.Checks != config.DefaultChecks() {
		t.Errorf("example checks differ from the defaults:\n got %+v\nwant %+v", c.Checks, config.DefaultChecks())
	}
	if !c.Remediation.DryRun || c.Remediation.Enabled {
		t.Errorf("remediation must default to disabled and dry-run: %+v", c.Remediation)
	}
}

func TestInvalid(t *testing.T) {
	cases := map[string][]string{
		"invalid-unknown-key.toml": {
			`testdata/invalid-unknown-key.toml:3:1: unknown key "server.lisen"`,
			`testdata/invalid-unknown-key.toml:9:1: unknown key "node[0].colour"`,
		},
		"invalid-bad-duration.toml": {
			`testdata/invalid-bad-duration.toml:5:1: node[0].interval: invalid duration "15 seconds" (use a string such as "30s" or "4h")`,
			`testdata/invalid-bad-duration.toml:6:1: node[0].timeout: expected a duration string such as "30s", got integer 5`,
		},
		"invalid-timeout-interval.toml": {
			`testdata/invalid-timeout-interval.toml:6:1: node[0].timeout: 10s must be less than interval 10s`,
			`testdata/invalid-timeout-interval.toml:11:1: chain.timeout: 30s must be less than interval 5s`,
		},
		"invalid-secret-both.toml": {
			`testdata/invalid-secret-both.toml:10:1: alert.sink[0].routing_key_file: set routing_key or routing_key_file, not both`,
		},
		"invalid-types.toml": {
			`testdata/invalid-types.toml:2:1: server.listen: expected a string, got integer 9717`,
			`testdata/invalid-types.toml:5:1: node[0].name: "tc 001" is not a valid name (letters, digits, '.', '_', '-'; at most 63)`,
			`testdata/invalid-types.toml:6:1: node[0].url: ftp://127.0.0.1:7935 has scheme "ftp": want http:// or https://`,
			`testdata/invalid-types.toml:7:1: node[0].api: "v2" is not one of auto, gated, current, v0.5, v0.3, legacy`,
			`testdata/invalid-types.toml:8:1: node[0].expected_address: "0x1234" is not a 0x-prefixed 20-byte hex address`,
			`testdata/invalid-types.toml:11:1: checks.reward_warn_after: expected a number, got string "ten percent"`,
			`testdata/invalid-types.toml:12:1: checks.balance_warn_ether: 0.001 must be above balance_critical_ether 0.01, which must be above 0`,
			`testdata/invalid-types.toml:14:1: alert.sink[0]: a slack sink needs webhook_url or webhook_url_file`,
			`testdata/invalid-types.toml:17:1: alert.sink[0].min_severity: unknown severity "page" (want info, warning or critical)`,
			`testdata/invalid-types.toml:18:1: alert.sink[0].alerts: unknown alert name "RewardNotCaled"`,
		},
		"invalid-syntax.toml": {
			`testdata/invalid-syntax.toml:2:25: syntax error: strings cannot contain newlines`,
		},
		"invalid-node-chain-errors-for.toml": {
			`testdata/invalid-node-chain-errors-for.toml:11:1: checks.clock_unsynced_for: must not be negative`,
			`testdata/invalid-node-chain-errors-for.toml: checks.node_chain_errors_for: 3m0s must be longer than chain_down_for + chain.interval + chain.timeout (5m25s), so that a chain outage raises EthNodeDown first`,
		},
		"invalid-no-node.toml": {
			`testdata/invalid-no-node.toml: node: at least one [[node]] or [[orchestrator]] is required`,
		},
	}
	for file, want := range cases {
		t.Run(file, func(t *testing.T) {
			_, err := config.Load(filepath.Join("testdata", file), sinks.Default(), checks.Catalog())
			if err == nil {
				t.Fatal("loaded without error")
			}
			got := strings.Split(err.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func TestSecretFromFileNeverPrints(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "pd.key")
	if err := os.WriteFile(key, []byte("  s3cr3t-routing-key-0123456789abc\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	text := `
[[node]]
name = "tc001"
url = "http://127.0.0.1:7935"
expected_address = "0x0000000000000000000000000000000000000001"

[[alert.sink]]
name = "oncall"
type = "pagerduty"
routing_key_file = "` + key + `"
`
	c, err := config.Parse("mem.toml", []byte(text), sinks.Default(), checks.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	s := c.Alert.Sinks[0]
	pd, ok := s.Settings.(*pagerduty.Section)
	if !ok {
		t.Fatalf("settings of type %T, want *pagerduty.Section", s.Settings)
	}
	if pd.RoutingKey.Reveal() != "s3cr3t-routing-key-0123456789abc" {
		t.Fatalf("routing key = %q", pd.RoutingKey.Reveal())
	}
	for _, out := range []string{pd.RoutingKey.String(), strings.TrimSpace(sprintAll(s)), sprintAll(pd), marshal(t, s)} {
		if strings.Contains(out, "s3cr3t") {
			t.Errorf("secret printed: %s", out)
		}
	}
}

func TestSinkDefaultsApplyPerElement(t *testing.T) {
	text := `
[[node]]
name = "a"
url = "http://127.0.0.1:7935"
expected_address = "0x0000000000000000000000000000000000000001"

[[node]]
name = "b"
url = "http://127.0.0.1:8935"
api = "legacy"
expected_address = "0x0000000000000000000000000000000000000002"
interval = "1m"
timeout = "20s"
`
	c, err := config.Parse("mem.toml", []byte(text), sinks.Default(), checks.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	if c.Nodes[0].Interval != config.DefaultProbeInterval || c.Nodes[0].API != "auto" {
		t.Errorf("node a = %+v", c.Nodes[0])
	}
	if c.Nodes[1].Interval != time.Minute || c.Nodes[1].API != "legacy" || c.Nodes[1].SystemdUnit != config.DefaultNodeUnit {
		t.Errorf("node b = %+v", c.Nodes[1])
	}
}

func sprintAll(v any) string { return fmt.Sprintf("%v %+v %#v", v, v, v) }

func marshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
