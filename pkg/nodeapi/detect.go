package nodeapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
)

// Detect finds which API generation the node speaks, by reading only
// read-only paths:
//
//  1. /orchestratorInfo answering a JSON object with a Transcoder field:
//     Current or V05, told apart by the version /status reports (v0.5.x and
//     v0.6.x are V05). When the version does not tell (a build without one,
//     or a development build of a line in which the form changed), the form
//     of /currentRound does: decimal text is Current, anything else V05.
//     A Current node that serves the read path /rewardCaller is Gated.
//  2. /transcoderInfo answering the bare 2018 transcoder struct: Legacy when
//     /nodeID answers a node ID, V03 when /nodeID is not found (0.3.0
//     removed it).
//  3. /nodeID answering a node ID: Legacy, even when /transcoderInfo failed.
//
// When the first request fails at the transport level (refused, timeout,
// canceled), that *Error is returned at once: the node is not answering.
// When no probe matches, the *Error has ReasonUnrecognized and joins what
// each probe saw. A node whose /orchestratorInfo or /transcoderInfo answers
// 200 with an empty body (as v0.5.0 and the 2018 nodes do when their chain
// call fails) cannot be told apart and gives ReasonUnrecognized, except a
// 0.2.x node, whose /nodeID still answers; try again later.
func (c *Client) Detect(ctx context.Context) (Generation, error) {
	var seen []error
	body, err := c.get(ctx, PathOrchestratorInfo)
	if err == nil {
		if err = looksCurrent(body); err == nil {
			gen, err := c.detectRoundForm(ctx)
			if err != nil || gen != Current {
				return gen, err
			}
			return c.detectGated(ctx)
		}
		err = decodeError(PathOrchestratorInfo, err)
	} else if isTransport(err) {
		return "", err
	}
	seen = append(seen, err)

	body, err = c.get(ctx, PathTranscoderInfo)
	if err == nil {
		if _, err = DecodeLegacyTranscoder(body); err != nil {
			err = decodeError(PathTranscoderInfo, err)
		}
	}
	transcoderInfo := err
	seen = append(seen, err)

	body, err = c.get(ctx, PathNodeID)
	if err == nil {
		if _, err = parseNodeID(string(bytes.TrimSpace(body))); err == nil {
			return Legacy, nil
		}
		err = decodeError(PathNodeID, err)
	}
	if transcoderInfo == nil && ReasonOf(err) == HTTPReason(http.StatusNotFound) {
		return V03, nil
	}
	seen = append(seen, err)
	if reason := ReasonOf(err); isTransportReason(reason) {
		return "", err
	}
	return "", &Error{Reason: ReasonUnrecognized,
		Err: fmt.Errorf("no generation of the node api answered: %w", errors.Join(seen...))}
}

// detectRoundForm tells Current from V05 on a node that serves
// /orchestratorInfo: by its version first, then by the form of
// /currentRound. When that cannot be read either (or is empty: round 0),
// it is Current, whose strict decimal reading rejects raw bytes, so that a
// probe detecting again once the round answers gets V05.
func (c *Client) detectRoundForm(ctx context.Context) (Generation, error) {
	body, err := c.getValue(ctx, PathStatus)
	if err == nil {
		var o object
		if o, err = decodeObject(body); err == nil {
			var v string
			if v, err = o.str("Version"); err == nil {
				if gen, ok := generationOfVersion(v); ok {
					return gen, nil
				}
			}
		}
	}
	if isTransport(err) {
		return "", err
	}
	body, err = c.get(ctx, PathCurrentRound)
	if isTransport(err) {
		return "", err
	}
	// Only a body that is there and is not decimal text says V05: reading
	// text as raw bytes would misread it silently, the other way round is
	// a decode error.
	if err == nil && len(body) > 0 {
		if _, err := parseRoundText(body); err != nil {
			return V05, nil
		}
	}
	return Current, nil
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
