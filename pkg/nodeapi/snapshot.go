package nodeapi

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"
)

// Snapshot is the node's own view of itself, read from its CLI API.
type Snapshot struct {
	// Generation is the API generation that was read.
	Generation Generation
	// Address is the node's ETH account as /ethAddr gave it (checksummed).
	Address string
	// NodeID is the 2018 libp2p node ID (Legacy only: v0.3.x and later
	// have none, and Address alone identifies them).
	NodeID string
	// Version is the go-livepeer version from /status (Current and V05;
	// the 2018 generations do not report one).
	Version string
	// CurrentRound is the round the node computes from block numbers; it
	// may not be initialized yet.
	CurrentRound *big.Int
	// RoundInitialized is nil when unknown (optional on Legacy: 0.2.0 to
	// 0.2.3 do not have it).
	RoundInitialized *bool
	// Transcoder is the node account's orchestrator record.
	Transcoder Transcoder
	// PriceInfo is the base price in wei per pixel (Current and V05; nil
	// when the node has none set).
	PriceInfo *big.Rat
	// EthBalance is the account's ETH balance in wei.
	EthBalance *big.Int
	// MaxGasPrice is the node's -maxGasPrice in wei; nil means no maximum,
	// unless Optional holds PathMaxGasPrice, which means unknown.
	MaxGasPrice *big.Int
	// Optional maps each optional endpoint that failed to its error. It is
	// never nil.
	Optional map[string]error
	// FetchedAt is the client clock's time when the fetch began.
	FetchedAt time.Time
}

// endpoint is one path of a snapshot and how to read it into the snapshot.
// Each read writes fields that no other endpoint writes.
type endpoint struct {
	path     string
	optional bool
	read     func(ctx context.Context) error
}

// Snapshot reads every read-only endpoint of the given generation,
// concurrently, each with ctx. With Auto it calls Detect first.
//
// Current, Gated and V05: /status, /orchestratorInfo, /currentRound
// (decimal text on Current and Gated, raw big-endian bytes on V05), /roundInitialized, /ethAddr,
// /ethBalance, and /maxGasPrice, which is optional because nodes before
// v0.5.15 do not have it. V03: /transcoderInfo, /currentRound, /ethAddr,
// /ethBalance, /status and /roundInitialized. Legacy: /transcoderInfo,
// /nodeID, /currentRound, /ethAddr, /ethBalance, /status, and
// /roundInitialized, which is optional because it appeared in 0.2.4.
//
// A failed required endpoint fails the snapshot: the error joins one *Error
// per failed endpoint, in the order above (errors.As gives the first).
// So does, before them, a version on /status of another generation than
// gen (see checkVersion).
func (c *Client) Snapshot(ctx context.Context, gen Generation) (*Snapshot, error) {
	if gen == Auto {
		detected, err := c.Detect(ctx)
		if err != nil {
			return nil, err
		}
		gen = detected
	}
	s := &Snapshot{Generation: gen, Optional: map[string]error{}, FetchedAt: c.clock.Now()}
	var eps []endpoint
	switch gen {
	case Current, V05, Gated:
		eps = c.currentEndpoints(s, gen)
	case V03:
		eps = c.v03Endpoints(s)
	case Legacy:
		eps = c.legacyEndpoints(s)
	default:
		return nil, fmt.Errorf("snapshot: unknown node api generation %q", gen)
	}
	errs := make([]error, len(eps))
	var wg sync.WaitGroup
	for i, ep := range eps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = ep.read(ctx)
		}()
	}
	wg.Wait()
	var failed []error
	if err := checkVersion(gen, s.Version); err != nil {
		failed = append(failed, err)
	}
	for i, ep := range eps {
		switch {
		case errs[i] == nil:
		case ep.optional:
			s.Optional[ep.path] = errs[i]
		default:
			failed = append(failed, errs[i])
		}
	}
	if len(failed) > 0 {
		return nil, errors.Join(failed...)
	}
	return s, nil
}

// checkVersion refuses the snapshot of a Current or V05 node whose /status
// version belongs to the other of the two: an upgraded or downgraded node
// under a pinned api, whose /currentRound would be read in the wrong form.
// Decimal digits are valid raw bytes too ("4253" is round 875705651), so
// the round itself cannot always tell. The reason is ReasonDecode, which
// makes a probe with api auto detect again.
func checkVersion(gen Generation, version string) error {
	if gen != Current && gen != V05 && gen != Gated {
		return nil
	}
	reported, ok := generationOfVersion(version)
	if !ok || reported == gen || (gen == Gated && reported == Current) {
		return nil // a version tells Current and Gated nodes apart from V05 only
	}
	return decodeError(PathStatus, fmt.Errorf("the node reports version %s, which speaks the %q api, not %q: set api = %q or %q",
		version, reported, gen, reported, Auto))
}
