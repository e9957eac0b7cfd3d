package nodeapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"
)

// maxMessageBytes bounds how much of an error body is kept in an *Error.
const maxMessageBytes = 256

// response is one answer from the node, its body fully read.
type response struct {
	status int
	body   []byte
}

// roundTrip sends one request and reads the whole body through the size
// limit. Any request to an action path other than CallReward's POST /reward
// is refused before anything is sent.
func (c *Client) roundTrip(ctx context.Context, method, path string, accept string) (response, error) {
	if IsActionPath(path) && (method != http.MethodPost || path != PathReward) {
		return response{}, &Error{Path: path, Reason: ReasonForbiddenPath,
			Err: errors.New("refusing to request an action path")}
	}
	req, err := http.NewRequestWithContext(ctx, method, c.endpoint(path), nil)
	if err != nil {
		return response{}, &Error{Path: path, Reason: ReasonConnection, Err: err}
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return response{}, transportError(ctx, path, err)
	}
	defer resp.Body.Close()
	if resp.ContentLength > c.max {
		return response{}, tooLarge(path, c.max)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.max+1))
	if err != nil {
		return response{}, transportError(ctx, path, err)
	}
	if int64(len(body)) > c.max {
		// Closing without draining drops the connection instead of reading
		// the rest of an oversized body.
		return response{}, tooLarge(path, c.max)
	}
	return response{status: resp.StatusCode, body: body}, nil
}

func tooLarge(path string, max int64) *Error {
	return &Error{Path: path, Reason: ReasonBodyTooLarge,
		Err: fmt.Errorf("response body exceeds %d bytes", max)}
}

// get requests a read-only path and returns the body of a 200 answer, which
// may be empty. Any other status is an *Error carrying the node's message.
func (c *Client) get(ctx context.Context, path string) ([]byte, error) {
	resp, err := c.roundTrip(ctx, http.MethodGet, path, "")
	if err != nil {
		return nil, err
	}
	if resp.status != http.StatusOK {
		return nil, statusError(path, resp)
	}
	return resp.body, nil
}

// getValue is get for paths whose 200 answer must carry a value: an empty
// (or whitespace-only) body is an *Error with ReasonEmptyBody.
func (c *Client) getValue(ctx context.Context, path string) ([]byte, error) {
	body, err := c.get(ctx, path)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, emptyBody(path)
	}
	return body, nil
}

func emptyBody(path string) *Error {
	return &Error{Path: path, Reason: ReasonEmptyBody,
		Err: errors.New("the node answered 200 with no value")}
}

func decodeError(path string, err error) *Error {
	return &Error{Path: path, Reason: ReasonDecode, Err: err}
}

// statusError turns a non-200 answer into an *Error. go-livepeer writes its
// errors with http.Error, so the body is a one-line text message.
func statusError(path string, resp response) *Error {
	msg := message(resp.body)
	if msg == "" {
		msg = http.StatusText(resp.status)
	}
	return &Error{Path: path, Reason: HTTPReason(resp.status),
		Err: fmt.Errorf("status %d: %s", resp.status, msg)}
}

// message returns a short printable form of an error body.
func message(body []byte) string {
	if len(body) > maxMessageBytes {
		body = body[:maxMessageBytes]
	}
	s := strings.TrimSpace(strings.ToValidUTF8(string(body), string(utf8.RuneError)))
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}
