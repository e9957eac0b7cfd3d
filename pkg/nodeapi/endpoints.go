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

// getRound is get with the empty-body check /currentRound needs: a binary
// round may legitimately contain bytes that look like whitespace.
func (c *Client) getRound(ctx context.Context, path string) ([]byte, error) {
	body, err := c.get(ctx, path)
	if err == nil && len(body) == 0 {
		return nil, emptyBody(path)
	}
	return body, err
}

func (c *Client) currentEndpoints(s *Snapshot) []endpoint {
	return []endpoint{
		reader(PathStatus, false, c.getValue, objectParser(func(o object) (err error) {
			s.Version, err = o.str("Version")
			return err
		})),
		reader(PathOrchestratorInfo, false, c.getValue, func(body []byte) (err error) {
			s.Transcoder, s.PriceInfo, err = DecodeOrchestratorInfo(body)
			return err
		}),
		c.roundEndpoint(s),
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

func (c *Client) legacyEndpoints(s *Snapshot) []endpoint {
	return []endpoint{
		reader(PathTranscoderInfo, false, c.getValue, func(body []byte) (err error) {
			s.Transcoder, err = DecodeLegacyTranscoder(body)
			return err
		}),
		reader(PathNodeID, false, c.getValue, func(body []byte) (err error) {
			s.NodeID, err = parseNodeID(string(bytes.TrimSpace(body)))
			return err
		}),
		c.roundEndpoint(s),
		c.addressEndpoint(s),
		c.balanceEndpoint(s),
		reader(PathStatus, false, c.getValue, objectParser(checkLegacyStatus)),
		// Optional: it appeared in 0.2.4.
		c.roundInitializedEndpoint(s, true),
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

func (c *Client) roundEndpoint(s *Snapshot) endpoint {
	return reader(PathCurrentRound, false, c.getRound, func(body []byte) (err error) {
		s.CurrentRound, err = parseRound(body)
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
