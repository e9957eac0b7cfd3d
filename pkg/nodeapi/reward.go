package nodeapi

import (
	"context"
	"net/http"
)

// CallReward asks the node to call reward() on-chain: POST /reward.
//
// THIS IS AN ACTION. It is the only request of this package that changes
// anything: the node signs and sends a transaction with its own key and
// blocks until it is mined or fails, which can take ten minutes, so give ctx
// a matching deadline, and build this Client on an HTTP transport that the
// node's reads do not share: a transport limited to one connection per
// host queues every read behind the call. lpwatch calls it only from the
// opt-in auto_reward feature, at most once per round, and must verify the
// result on-chain.
//
// A 200 answer is success; any other status is an *Error with reason
// "http_<code>" whose message is the node's (for example "Error calling
// reward: nonce too low"). Beware: 2018 and v0.5-era nodes answer 200 with
// an empty body even when the call failed, because they only logged errors.
func (c *Client) CallReward(ctx context.Context) error {
	resp, err := c.roundTrip(ctx, http.MethodPost, PathReward, "")
	if err != nil {
		return err
	}
	if resp.status != http.StatusOK {
		return statusError(PathReward, resp)
	}
	return nil
}
