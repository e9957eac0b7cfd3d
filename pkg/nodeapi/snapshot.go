package nodeapi

import (
	"bytes"
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
	// NodeID is the 2018 libp2p node ID (legacy only).
	NodeID string
	// Version is the go-livepeer version from /status (current only).
	Version string
	// CurrentRound is the round the node computes from block numbers; it
	// may not be initialized yet.
	CurrentRound *big.Int
	// RoundInitialized is nil when unknown (an optional legacy endpoint).
	RoundInitialized *bool
	// Transcoder is the node account's orchestrator record.
	Transcoder Transcoder
	// PriceInfo is the base price in wei per pixel (current only; nil when
	// the node has none set).
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
// Current: /status, /orchestratorInfo, /currentRound, /roundInitialized,
// /ethAddr, /ethBalance, and /maxGasPrice, which is optional because nodes
// before v0.5.15 do not have it. Legacy: /transcoderInfo, /nodeID,
// /currentRound, /ethAddr, /ethBalance, /status, and /roundInitialized,
// which is optional because it appeared in 0.2.4.
//
// A failed required endpoint fails the snapshot: the error joins one *Error
// per failed endpoint, in the order above (errors.As gives the first).
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
	case Current:
		eps = c.currentEndpoints(s)
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

func (c *Client) currentEndpoints(s *Snapshot) []endpoint {
	return []endpoint{
		{path: PathStatus, read: func(ctx context.Context) error {
			o, err := c.getObject(ctx, PathStatus)
			if err != nil {
				return err
			}
			if s.Version, err = o.str("Version"); err != nil {
				return decodeError(PathStatus, err)
			}
			return nil
		}},
		{path: PathOrchestratorInfo, read: func(ctx context.Context) error {
			body, err := c.getValue(ctx, PathOrchestratorInfo)
			if err != nil {
				return err
			}
			if s.Transcoder, s.PriceInfo, err = DecodeOrchestratorInfo(body); err != nil {
				return decodeError(PathOrchestratorInfo, err)
			}
			return nil
		}},
		c.roundEndpoint(s),
		{path: PathRoundInitialized, read: c.roundInitializedReader(s)},
		c.addressEndpoint(s),
		c.balanceEndpoint(s),
		{path: PathMaxGasPrice, optional: true, read: func(ctx context.Context) error {
			body, err := c.get(ctx, PathMaxGasPrice)
			if err != nil {
				return err
			}
			if len(bytes.TrimSpace(body)) == 0 {
				return nil // no maximum set
			}
			if s.MaxGasPrice, err = parseDecimalBody(body); err != nil {
				return decodeError(PathMaxGasPrice, err)
			}
			return nil
		}},
	}
}

func (c *Client) legacyEndpoints(s *Snapshot) []endpoint {
	return []endpoint{
		{path: PathTranscoderInfo, read: func(ctx context.Context) error {
			body, err := c.getValue(ctx, PathTranscoderInfo)
			if err != nil {
				return err
			}
			if s.Transcoder, err = DecodeLegacyTranscoder(body); err != nil {
				return decodeError(PathTranscoderInfo, err)
			}
			return nil
		}},
		{path: PathNodeID, read: func(ctx context.Context) error {
			body, err := c.getValue(ctx, PathNodeID)
			if err != nil {
				return err
			}
			if s.NodeID, err = parseNodeID(string(bytes.TrimSpace(body))); err != nil {
				return decodeError(PathNodeID, err)
			}
			return nil
		}},
		c.roundEndpoint(s),
		c.addressEndpoint(s),
		c.balanceEndpoint(s),
		{path: PathStatus, read: func(ctx context.Context) error {
			o, err := c.getObject(ctx, PathStatus)
			if err != nil {
				return err
			}
			if err := checkLegacyStatus(o); err != nil {
				return decodeError(PathStatus, err)
			}
			return nil
		}},
		{path: PathRoundInitialized, optional: true, read: c.roundInitializedReader(s)},
	}
}

// checkLegacyStatus checks the 2018 /status shape {"NodeID", "Manifests"}.
func checkLegacyStatus(o object) error {
	id, err := o.str("NodeID")
	if err != nil {
		return err
	}
	if _, err := parseNodeID(id); err != nil {
		return fmt.Errorf("field NodeID: %w", err)
	}
	if m, ok := o["Manifests"]; !ok {
		return errors.New("field Manifests is missing")
	} else if !isNull(m) {
		if _, err := o.object("Manifests"); err != nil {
			return err
		}
	}
	return nil
}

func (c *Client) getObject(ctx context.Context, path string) (object, error) {
	body, err := c.getValue(ctx, path)
	if err != nil {
		return nil, err
	}
	o, err := decodeObject(body)
	if err != nil {
		return nil, decodeError(path, err)
	}
	return o, nil
}

func (c *Client) roundEndpoint(s *Snapshot) endpoint {
	return endpoint{path: PathCurrentRound, read: func(ctx context.Context) error {
		// Not getValue: a binary round may legitimately contain bytes that
		// look like whitespace.
		body, err := c.get(ctx, PathCurrentRound)
		if err != nil {
			return err
		}
		if len(body) == 0 {
			return emptyBody(PathCurrentRound)
		}
		if s.CurrentRound, err = parseRound(body); err != nil {
			return decodeError(PathCurrentRound, err)
		}
		return nil
	}}
}

func (c *Client) roundInitializedReader(s *Snapshot) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		body, err := c.getValue(ctx, PathRoundInitialized)
		if err != nil {
			return err
		}
		b, err := parseBoolBody(body)
		if err != nil {
			return decodeError(PathRoundInitialized, err)
		}
		s.RoundInitialized = &b
		return nil
	}
}

func (c *Client) addressEndpoint(s *Snapshot) endpoint {
	return endpoint{path: PathEthAddr, read: func(ctx context.Context) error {
		body, err := c.getValue(ctx, PathEthAddr)
		if err != nil {
			return err
		}
		if s.Address, err = parseAddress(string(bytes.TrimSpace(body))); err != nil {
			return decodeError(PathEthAddr, err)
		}
		return nil
	}}
}

func (c *Client) balanceEndpoint(s *Snapshot) endpoint {
	return endpoint{path: PathEthBalance, read: func(ctx context.Context) error {
		body, err := c.getValue(ctx, PathEthBalance)
		if err != nil {
			return err
		}
		if s.EthBalance, err = parseDecimalBody(body); err != nil {
			return decodeError(PathEthBalance, err)
		}
		return nil
	}}
}
