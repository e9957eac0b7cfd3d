package probes

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// ChainKind probes the [chain] endpoints when chain.urls are configured.
// Each configuration gets its own connections, closed when its job set is
// released.
type ChainKind struct {
	deps Deps

	mu   sync.Mutex
	open []*chain.Client
}

func newChainKind(deps Deps) Kind { return &ChainKind{deps: deps} }

// Jobs returns the chain probe's job when chain.urls are configured.
func (k *ChainKind) Jobs(cfg *config.Config) (Built, error) {
	c := cfg.Chain
	if len(c.URLs) == 0 {
		return Built{}, nil
	}
	conn, err := chain.Dial(chain.DialConfig{
		URLs: c.URLs, ReferenceURLs: c.ReferenceURLs, CallTimeout: c.Timeout / 2, ChainID: c.ChainID, BatchSize: c.BatchSize,
		Prober: chain.ProberConfig{
			Controller: common.HexToAddress(c.Controller), RoundsManager: common.HexToAddress(c.RoundsManager),
			BondingManager: common.HexToAddress(c.BondingManager), Peers: c.CheckPeers, MaxLogRange: c.MaxLogRange, NoMulticall: !c.Multicall,
			Clock: k.deps.Clock, Logger: k.deps.Logger.WithField("component", "chain"),
		},
	})
	if err != nil {
		return Built{}, fmt.Errorf("chain: %w", err)
	}
	var addrs []common.Address
	for _, t := range cfg.Targets() {
		if t.Address.Valid() {
			addrs = append(addrs, t.Address.Addr())
		}
	}
	p, err := NewChainProbe(conn.Prober, k.deps.Store, k.deps.Clock, ChainProbeConfig{
		Interval: c.Interval, Timeout: c.Timeout, Addresses: addrs,
		MaxLogRange: c.MaxLogRange, Scan: true, WatchActiveSet: c.WatchActiveSet,
	})
	if err != nil {
		conn.Close()
		return Built{}, fmt.Errorf("chain: %w", err)
	}
	k.mu.Lock()
	k.open = append(k.open, conn)
	k.mu.Unlock()
	return Built{Jobs: []Job{p.Job()}, Release: func() { k.release(conn) }}, nil
}

// release closes the connections of one configuration.
func (k *ChainKind) release(conn *chain.Client) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.open = slices.DeleteFunc(k.open, func(c *chain.Client) bool { return c == conn })
	conn.Close()
}

// Open returns the connections built and not yet released, oldest first.
func (k *ChainKind) Open() []*chain.Client {
	k.mu.Lock()
	defer k.mu.Unlock()
	return slices.Clone(k.open)
}

// MaxScanChunks bounds the slash scan of one cycle to this many
// eth_getLogs ranges; after a longer gap the oldest blocks are skipped.
const MaxScanChunks = 10

// ChainProbeConfig configures a ChainProbe.
type ChainProbeConfig struct {
	Interval time.Duration
	Timeout  time.Duration
	// Addresses are the monitored accounts (each node's expected_address).
	Addresses []common.Address
	// MaxLogRange is the widest block range of one eth_getLogs call of the
	// slash scan.
	MaxLogRange uint64
	// Scan enables the scan of TranscoderSlashed, Unbond and Reward logs.
	Scan bool
	// WatchActiveSet also observes the transcoder pool's accounts (their
	// contract state and rewards), the pool read again each round.
	WatchActiveSet bool
}

// ChainProbe runs one chain observation per cycle and stores it as an
// observe.Chain, then scans the new blocks up to its head for the
// TranscoderSlashed and Unbond events of the monitored accounts and adds
// the scan to the record's events. The scan's To tells the checks which
// observation it covers.
type ChainProbe struct {
	cfg    ChainProbeConfig
	prober *chain.Prober
	store  *observe.Store
	clock  clock.Clock

	mu     sync.Mutex
	cursor uint64 // last block scanned; 0 before the first scan
	rate   chain.BlockRate
	active activeSet
}

// NewChainProbe returns the chain probe over prober.
func NewChainProbe(prober *chain.Prober, store *observe.Store, c clock.Clock, cfg ChainProbeConfig) (*ChainProbe, error) {
	switch {
	case prober == nil || store == nil || c == nil:
		return nil, errors.New("chain probe needs a prober, a store and a clock")
	case cfg.Interval <= 0 || cfg.Timeout <= 0:
		return nil, fmt.Errorf("chain probe interval %s and timeout %s must be positive", cfg.Interval, cfg.Timeout)
	case cfg.Scan && cfg.MaxLogRange == 0:
		return nil, errors.New("chain probe slash scan needs a positive max log range")
	}
	seen := make(map[common.Address]bool, len(cfg.Addresses))
	var addrs []common.Address
	for _, a := range cfg.Addresses {
		if !seen[a] {
			seen[a] = true
			addrs = append(addrs, a)
		}
	}
	cfg.Addresses = addrs
	return &ChainProbe{cfg: cfg, prober: prober, store: store, clock: c}, nil
}

// Job returns the scheduler job of this probe.
func (p *ChainProbe) Job() Job {
	return Job{Probe: "chain", Target: "chain", Interval: p.cfg.Interval, Timeout: p.cfg.Timeout, Run: p.Run}
}

// Run observes the chain once and records what it saw. It fails when no
// endpoint could be used; single failed reads are in the observation.
func (p *ChainProbe) Run(ctx context.Context) error {
	at := p.clock.Now()
	pool, poolRound := p.pool(ctx)
	obs, err := p.prober.Observe(ctx, p.cfg.Addresses, pool...)
	rec := observe.Chain{At: at, Err: err, Reason: chain.Reason(err), Obs: obs, BlockTime: p.blockTime(obs)}
	if p.cfg.WatchActiveSet {
		rec.Pool, rec.PoolRound = pool, poolRound
	}
	p.store.PutChain(rec, p.cfg.Scan)
	if err != nil {
		return err
	}
	p.active.observed(obs)
	if p.cfg.Scan && obs.Block != nil && (len(p.cfg.Addresses) > 0 || p.cfg.WatchActiveSet) {
		p.store.PutChainScan(p.scan(ctx, obs.Block.Number))
	}
	return nil
}

// blockTime adds obs's head and blockNum() to the block rate and returns
// its estimate (0 while unknown).
func (p *ChainProbe) blockTime(obs *chain.Observation) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	if obs != nil && obs.Block != nil && obs.Round.BlockNum != nil {
		p.rate.Add(obs.Block.Time, *obs.Round.BlockNum)
	}
	d, _ := p.rate.Estimate()
	return d
}

// scan reads the TranscoderSlashed, Unbond and RewardCallerSet logs of
// the monitored accounts, and the Reward logs of the watched ones with
// their transactions, in the blocks after the last scan, up to head: one
// round trip, and one more when there are Reward logs (see
// chain.Prober.Scan). The first scan covers the last MaxLogRange blocks;
// a failed scan is retried from the same block.
func (p *ChainProbe) scan(ctx context.Context, head uint64) observe.ChainScan {
	p.mu.Lock()
	cursor := p.cursor
	p.mu.Unlock()
	from := cursor + 1
	if cursor == 0 || head-min(head, cursor) > MaxScanChunks*p.cfg.MaxLogRange {
		span := p.cfg.MaxLogRange
		if cursor != 0 {
			span = MaxScanChunks * p.cfg.MaxLogRange
		}
		from = head - min(head, span-1)
	}
	r := observe.ChainScan{From: from, To: head}
	if from > head {
		return r // nothing new (or the head went back in a reorganisation)
	}
	ev, err := p.prober.Scan(ctx, from, head, p.cfg.Addresses, p.rewardAddresses())
	r.Slashes, r.Unbonds, r.RewardCallers, r.Rewards, r.Err = ev.Slashes, ev.Unbonds, ev.RewardCallers, ev.Rewards, err
	r.Calls, r.RoundTrips, r.Bytes = ev.Calls, ev.RoundTrips, ev.Bytes
	if r.Err == nil {
		p.mu.Lock()
		p.cursor = head
		p.mu.Unlock()
	}
	return r
}
