package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// fleetOpts says what one measurement watches.
type fleetOpts struct {
	// nodes are fake go-livepeer nodes; orchestrators are further
	// accounts on the chain without a node (watched from the chain alone).
	nodes, orchestrators int
	// chain starts the simulated chain holding every account; off, each
	// node keeps fakenode.DefaultAddress and nothing is on a chain.
	chain bool
	// monitor serves each node's /metrics (go-livepeer's -monitor).
	monitor bool
	// noReward lists node indexes whose account never calls reward.
	noReward []int
	// block and roundBlocks pace the chain.
	block       time.Duration
	roundBlocks uint64
}

// fleet is the world lpwatch watches: fake nodes on their own loopback
// ports in this process, the simulated chain, and a pid file naming this
// process as the nodes' process (for the host probe's open-files check).
type fleet struct {
	opts    fleetOpts
	dir     string
	pidFile string
	nodes   []*fakenode.Node
	// addrs are the accounts of the nodes, then of the orchestrators.
	addrs []common.Address
	chain *simChain // nil with the chain off
	// rpc is what lpwatch is told of the chain (nil with the chain off).
	rpc *rpcEndpoint
}

// rpcEndpoint is a chain's JSON-RPC URL and its Controller's address.
type rpcEndpoint struct {
	url        string
	controller common.Address
}

func startFleet(ctx context.Context, o fleetOpts) (*fleet, error) {
	dir, err := os.MkdirTemp("", "lpwatch-bench-fleet-")
	if err != nil {
		return nil, err
	}
	f := &fleet{opts: o, dir: dir, pidFile: filepath.Join(dir, "livepeer.pid")}
	if err := os.WriteFile(f.pidFile, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o600); err != nil {
		f.close()
		return nil, err
	}
	views := map[common.Address]*fakenode.Node{}
	for i := range o.nodes {
		n := fakenode.New(nodeapi.Current)
		if _, err := n.Start(); err != nil {
			f.close()
			return nil, fmt.Errorf("fake node %d: %w", i, err)
		}
		n.SetMonitor(o.monitor)
		a := common.HexToAddress(fakenode.DefaultAddress)
		if o.chain {
			a = benchAccount(i)
			n.SetAddress(a)
			views[a] = n
		}
		f.nodes = append(f.nodes, n)
		f.addrs = append(f.addrs, a)
	}
	if !o.chain {
		return f, nil
	}
	for i := range o.orchestrators {
		f.addrs = append(f.addrs, benchAccount(o.nodes+i))
	}
	skip := map[common.Address]bool{}
	for _, i := range o.noReward {
		skip[f.addrs[i]] = true
	}
	f.chain, err = startChain(ctx, chainOpts{accounts: f.addrs, views: views, noReward: skip, block: o.block, roundBlocks: o.roundBlocks})
	if err != nil {
		f.close()
		return nil, err
	}
	f.rpc = &rpcEndpoint{url: f.chain.URL(), controller: f.chain.Controller()}
	return f, nil
}

// nodeName is the configured name of node i.
func nodeName(i int) string { return fmt.Sprintf("n%04d", i) }

// orchestratorName is the configured name of chain-only orchestrator i.
func orchestratorName(i int) string { return fmt.Sprintf("o%04d", i) }

func (f *fleet) close() {
	if f.chain != nil {
		f.chain.close()
	}
	for _, n := range f.nodes {
		n.Close()
	}
	os.RemoveAll(f.dir)
}
