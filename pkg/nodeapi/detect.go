package nodeapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
)

// Detect finds which API generation the node speaks, by reading only
// read-only paths, in this order:
//
//  1. /orchestratorInfo answering a JSON object with a Transcoder field: Current.
//  2. /transcoderInfo answering the bare 2018 transcoder struct: Legacy.
//  3. /nodeID answering a node ID (it was removed in 0.3.0): Legacy.
//
// When the first request fails at the transport level (refused, timeout,
// canceled), that *Error is returned at once: the node is not answering.
// When no probe matches, the *Error has ReasonUnrecognized and joins what
// each probe saw. A node whose /orchestratorInfo answers 200 with an empty
// body (as v0.5-era nodes do when their chain call fails) cannot be told
// apart and gives ReasonUnrecognized; try again later.
func (c *Client) Detect(ctx context.Context) (Generation, error) {
	var seen []error
	body, err := c.get(ctx, PathOrchestratorInfo)
	if err == nil {
		if err = looksCurrent(body); err == nil {
			return Current, nil
		}
		err = decodeError(PathOrchestratorInfo, err)
	} else if isTransport(err) {
		return "", err
	}
	seen = append(seen, err)

	body, err = c.get(ctx, PathTranscoderInfo)
	if err == nil {
		if _, err = DecodeLegacyTranscoder(body); err == nil {
			return Legacy, nil
		}
		err = decodeError(PathTranscoderInfo, err)
	}
	seen = append(seen, err)

	body, err = c.get(ctx, PathNodeID)
	if err == nil {
		if _, err = parseNodeID(string(bytes.TrimSpace(body))); err == nil {
			return Legacy, nil
		}
		err = decodeError(PathNodeID, err)
	}
	seen = append(seen, err)
	if reason := ReasonOf(err); isTransportReason(reason) {
		return "", err
	}
	return "", &Error{Reason: ReasonUnrecognized,
		Err: fmt.Errorf("neither the current nor the 2018 node api answered: %w", errors.Join(seen...))}
}

// looksCurrent checks for the current /orchestratorInfo wrapper without
// judging the record itself: a record this client cannot decode is
// reported by Snapshot, with its reason.
func looksCurrent(body []byte) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return errors.New("empty body")
	}
	o, err := decodeObject(body)
	if err != nil {
		return err
	}
	_, err = o.object("Transcoder")
	return err
}

func isTransport(err error) bool { return isTransportReason(ReasonOf(err)) }

func isTransportReason(reason string) bool {
	switch reason {
	case ReasonTimeout, ReasonCanceled, ReasonConnectionRefused, ReasonConnection:
		return true
	}
	return false
}
