package nodeapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
)

// getter fetches one path and returns its body.
type getter func(ctx context.Context, path string) ([]byte, error)

// reader returns an endpoint that fetches path with get and hands the body
// to parse; a parse error becomes an *Error with ReasonDecode.
func reader(path string, optional bool, get getter, parse func(body []byte) error) endpoint {
	return endpoint{path: path, optional: optional, read: func(ctx context.Context) error {
		body, err := get(ctx, path)
		if err != nil {
			return err
		}
		if err := parse(body); err != nil {
			return decodeError(path, err)
		}
		return nil
	}}
}

// objectParser adapts a parser of a JSON object to a body parser.
func objectParser(parse func(o object) error) func(body []byte) error {
	return func(body []byte) error {
		o, err := decodeObject(body)
		if err != nil {
			return err
		}
		return parse(o)
	}
}

// getRound is get with the empty-body check a decimal /currentRound needs,
// without trimming anything: bytes that look like whitespace are not
// whitespace in a raw round, and parseRoundText reports them.
func (c *Client) getRound(ctx context.Context, path string) ([]byte, error) {
	body, err := c.get(ctx, path)
	if err == nil && len(body) == 0 {
		return nil, emptyBody(path)
	}
	return body, err
}

// currentEndpoints are the endpoints of the /orchestratorInfo generations,
// Current and V05, which differ in how they write /currentRound.
func (c *Client) currentEndpoints(s *Snapshot, gen Generation) []endpoint {
	return []endpoint{
		reader(PathStatus, false, c.getValue, objectParser(func(o object) (err error) {
			s.Version, err = o.str("Version")
			return err
		})),
		reader(PathOrchestratorInfo, false, c.getValue, func(body []byte) (err error) {
			s.Transcoder, s.PriceInfo, err = decodeOrchestratorInfo(body, gen)
			return err
		}),
		c.roundEndpoint(s, gen),
		c.roundInitializedEndpoint(s, false),
		c.addressEndpoint(s),
		c.balanceEndpoint(s),
		// Optional: nodes before v0.5.15 do not have it. Empty means no maximum.
		reader(PathMaxGasPrice, true, c.get, func(body []byte) (err error) {
			if len(bytes.TrimSpace(body)) == 0 {
				return nil
			}
			s.MaxGasPrice, err = parseDecimalBody(body)
			return err
		}),
	}
}

// legacyEndpoints are the endpoints of 0.2.x, whose identity is also the
// libp2p node ID.
func (c *Client) legacyEndpoints(s *Snapshot) []endpoint {
	return []endpoint{
		c.transcoderInfoEndpoint(s),
		reader(PathNodeID, false, c.getValue, func(body []byte) (err error) {
			s.NodeID, err = parseNodeID(string(bytes.TrimSpace(body)))
			return err
		}),
		c.roundEndpoint(s, Legacy),
		c.addressEndpoint(s),
		c.balanceEndpoint(s),
		reader(PathStatus, false, c.getValue, objectParser(checkLegacyStatus)),
		// Optional: it appeared in 0.2.4.
		c.roundInitializedEndpoint(s, true),
	}
}

// v03Endpoints are the endpoints of v0.3.x: the 2018 paths without
// /nodeID, which 0.3.0 removed; /ethAddr alone tells who the node is.
func (c *Client) v03Endpoints(s *Snapshot) []endpoint {
	return []endpoint{
		c.transcoderInfoEndpoint(s),
		c.roundEndpoint(s, V03),
		c.addressEndpoint(s),
		c.balanceEndpoint(s),
		reader(PathStatus, false, c.getValue, objectParser(checkManifests)),
		c.roundInitializedEndpoint(s, false),
	}
}

func (c *Client) transcoderInfoEndpoint(s *Snapshot) endpoint {
	return reader(PathTranscoderInfo, false, c.getValue, func(body []byte) (err error) {
		s.Transcoder, err = DecodeLegacyTranscoder(body)
		return err
	})
}

// checkLegacyStatus checks the 0.2.x /status shape {"NodeID", "Manifests"}.
func checkLegacyStatus(o object) error {
	id, err := o.str("NodeID")
	if err != nil {
		return err
	}
	if _, err := parseNodeID(id); err != nil {
		return fmt.Errorf("field NodeID: %w", err)
	}
	return checkManifests(o)
}

// checkManifests checks the Manifests map of a 2018 /status; on v0.3.x it
// is the whole body.
func checkManifests(o object) error {
	if m, ok := o["Manifests"]; !ok {
		return errors.New("field Manifests is missing")
	} else if !isNull(m) {
		if _, err := o.object("Manifests"); err != nil {
			return err
		}
	}
	return nil
}

// roundEndpoint reads /currentRound in the form generation gen writes:
// raw big-endian bytes on V05, decimal text on every other generation.
func (c *Client) roundEndpoint(s *Snapshot, gen Generation) endpoint {
	if gen == V05 {
		// No empty-body check: round 0 is no bytes at all, and v0.5.0 and
		// later report a failed chain call with a 500.
		return reader(PathCurrentRound, false, c.get, func(body []byte) (err error) {
			s.CurrentRound, err = parseRoundBytes(body)
			return err
		})
	}
	return reader(PathCurrentRound, false, c.getRound, func(body []byte) (err error) {
		s.CurrentRound, err = parseRoundText(body)
		return err
	})
}

func (c *Client) roundInitializedEndpoint(s *Snapshot, optional bool) endpoint {
	return reader(PathRoundInitialized, optional, c.getValue, func(body []byte) error {
		b, err := parseBoolBody(body)
		if err == nil {
			s.RoundInitialized = &b
		}
		return err
	})
}

func (c *Client) addressEndpoint(s *Snapshot) endpoint {
	return reader(PathEthAddr, false, c.getValue, func(body []byte) (err error) {
		s.Address, err = parseAddress(string(bytes.TrimSpace(body)))
		return err
	})
}

func (c *Client) balanceEndpoint(s *Snapshot) endpoint {
	return reader(PathEthBalance, false, c.getValue, func(body []byte) (err error) {
		s.EthBalance, err = parseDecimalBody(body)
		return err
	})
}
