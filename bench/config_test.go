package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/alert/sinks"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// testFleet is a fleet of n started fake nodes, without a chain, with
// rpc standing for one when chain is set.
func testFleet(t *testing.T, n int, chain bool) *fleet {
	t.Helper()
	f := &fleet{opts: fleetOpts{nodes: n, chain: chain, monitor: chain, block: time.Second, roundBlocks: 60}, pidFile: filepath.Join(t.TempDir(), "livepeer.pid")}
	for i := range n {
		node := fakenode.New(nodeapi.Current)
		if _, err := node.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(node.Close)
		f.nodes = append(f.nodes, node)
		f.addrs = append(f.addrs, benchAccount(i))
	}
	if chain {
		f.rpc = &rpcEndpoint{url: "http://127.0.0.1:8545", controller: common.HexToAddress("0x00000000000000000000000000000000000000c0")}
	}
	return f
}

func loadConfig(t *testing.T, f *fleet, o lpOpts) *config.Config {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "lpwatch.toml")
	if err := os.WriteFile(path, []byte(lpwatchConfig(f, o, "127.0.0.1:9717", filepath.Join(dir, "state"))), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path, sinks.Default(), checks.Catalog())
	if err != nil {
		t.Fatalf("the bench's configuration does not load: %v", err)
	}
	return cfg
}

// The configuration operators run: chain, host probe, node /metrics, log
// level info; every node's account is its own.
func TestConfigChainOn(t *testing.T) {
	f := testFleet(t, 3, true)
	cfg := loadConfig(t, f, lpOpts{interval: 15 * time.Second, timeout: 10 * time.Second, hookURL: "http://127.0.0.1:1/hook"})
	if len(cfg.Chain.URLs) != 1 || cfg.Chain.URLs[0] != f.rpc.url || cfg.Chain.Controller != f.rpc.controller.Hex() {
		t.Errorf("chain = %v, controller %s", cfg.Chain.URLs, cfg.Chain.Controller)
	}
	if !cfg.Host.Enabled || len(cfg.Host.DataPaths) != 1 || cfg.Log.Level != "info" {
		t.Errorf("host %v (paths %v), log level %q", cfg.Host.Enabled, cfg.Host.DataPaths, cfg.Log.Level)
	}
	if len(cfg.Nodes) != 3 {
		t.Fatalf("%d nodes", len(cfg.Nodes))
	}
	for i, n := range cfg.Nodes {
		if n.Metrics != "on" || n.PIDFile != f.pidFile || n.ExpectedAddress.String() != benchAccount(i).Hex() {
			t.Errorf("node %d: metrics %q, pid file %q, address %s", i, n.Metrics, n.PIDFile, n.ExpectedAddress)
		}
	}
	if len(cfg.Alert.Sinks) != 1 || cfg.Alert.Sinks[0].Type != "webhook" {
		t.Errorf("sinks = %+v", cfg.Alert.Sinks)
	}
	if got := setupOf(f, lpOpts{interval: 15 * time.Second}).String(); got != "3 nodes at 15s, chain on (simulated, loopback JSON-RPC, cycle 15s, a block every 1s, rounds of 60 blocks), host on, node /metrics on, log info" {
		t.Errorf("setup = %q", got)
	}
}

// -chain=off is the configuration of the earlier figures, labelled.
func TestConfigChainOff(t *testing.T) {
	f := testFleet(t, 2, false)
	cfg := loadConfig(t, f, lpOpts{interval: 15 * time.Second, timeout: 10 * time.Second})
	if len(cfg.Chain.URLs) != 0 || cfg.Host.Enabled || cfg.Log.Level != "warn" || cfg.Nodes[0].Metrics != "off" {
		t.Errorf("chain %v, host %v, log %q, metrics %q", cfg.Chain.URLs, cfg.Host.Enabled, cfg.Log.Level, cfg.Nodes[0].Metrics)
	}
	if got := setupOf(f, lpOpts{interval: 15 * time.Second}).String(); got != "OLD CONFIGURATION (2 nodes at 15s, chain off, host off, node /metrics off, log warn)" {
		t.Errorf("setup = %q", got)
	}
}
