package nodeapi

import (
	"context"
	"errors"
	"net/http"
)

// detectGated tells Gated from Current on a node that speaks the current
// API: a Gated node registers the read path /rewardCaller, which older
// nodes answer 404 (their mux has no such path). Any other answer, a 500
// of a failed chain call included, is the path's handler: Gated. Only a
// transport failure is an error.
func (c *Client) detectGated(ctx context.Context) (Generation, error) {
	resp, err := c.roundTrip(ctx, http.MethodGet, PathRewardCaller, "")
	switch {
	case err != nil && isTransport(err):
		return "", err
	case err != nil, resp.status == http.StatusNotFound:
		return Current, nil
	}
	return Gated, nil
}

// IsRouteMissing reports whether err is a node's answer that the path or
// the method is not registered: 404 or 405. A Gated node answers so for
// its transaction routes unless it runs with -enableCliTxRoutes.
func IsRouteMissing(err error) bool {
	var e *Error
	if !errors.As(err, &e) {
		return false
	}
	return e.Reason == HTTPReason(http.StatusNotFound) || e.Reason == HTTPReason(http.StatusMethodNotAllowed)
}
