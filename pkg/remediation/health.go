package remediation

import (
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// chainObservation returns the chain prober's observation in a feed, or why
// there is none usable.
func chainObservation(f Feed) (*observe.Chain, *chain.Observation, string) {
	c := f.Snapshot.Chain
	switch {
	case f.Config == nil:
		return nil, nil, "nothing evaluated yet"
	case c == nil:
		return nil, nil, "no chain observation yet"
	}
	obs := c.Obs
	if obs == nil {
		if c.Err != nil {
			return c, nil, "the chain probe failed: " + c.Reason
		}
		return c, nil, "the chain observation is empty"
	}
	return c, obs, ""
}

// chainHealth reports whether the chain is healthy in f: an observation
// taken at or after since, whose endpoint in use has a head no older than
// chain.head_max_age at f.At and is not syncing blocks. When it is not,
// why says so in words.
func chainHealth(f Feed, since time.Time) (ok bool, why string) {
	c, obs, why := chainObservation(f)
	switch {
	case why != "":
		return false, why
	case !since.IsZero() && !c.At.After(since):
		return false, fmt.Sprintf("no chain observation since %s", since.Format(time.RFC3339))
	case !since.IsZero() && !obs.Started.IsZero() && !obs.Started.After(since):
		return false, fmt.Sprintf("the newest chain observation began before %s", since.Format(time.RFC3339))
	case obs.Endpoint == "" || obs.Block == nil:
		return false, "no chain endpoint is usable"
	}
	if maxAge := f.Config.Chain.HeadMaxAge; obs.Block.Stale(f.At, maxAge) {
		return false, fmt.Sprintf("head %d is %s old (limit %s)", obs.Block.Number, obs.Block.Age(f.At).Round(time.Second), maxAge)
	}
	for _, e := range obs.Endpoints {
		if e.Name != obs.Endpoint {
			continue
		}
		switch {
		case !e.Healthy:
			return false, fmt.Sprintf("endpoint %s is unhealthy: %s", e.Name, e.Reason)
		case e.Sync == nil:
			return false, fmt.Sprintf("endpoint %s: sync status unknown", e.Name)
		case e.Sync.BlockSyncing():
			return false, fmt.Sprintf("endpoint %s is syncing, %d blocks behind", e.Name, e.Sync.BlocksBehind())
		}
		return true, fmt.Sprintf("head %d is %s old and the node is not syncing", obs.Block.Number, obs.Block.Age(f.At).Round(time.Second))
	}
	return false, fmt.Sprintf("endpoint %s is missing from the observation", obs.Endpoint)
}

// chainRound returns the chain's current round in f.
func chainRound(f Feed) (uint64, bool) {
	_, obs, why := chainObservation(f)
	if why != "" || obs.Round.CurrentRound == nil {
		return 0, false
	}
	return *obs.Round.CurrentRound, true
}

// nodeAgrees reports whether node answered at or after since and its
// current round equals the chain's; without chain monitoring, answering is
// enough.
func nodeAgrees(f Feed, node string, since time.Time) (ok bool, why string) {
	o, seen := f.Snapshot.Node(node)
	switch {
	case f.Config == nil:
		return false, "nothing evaluated yet"
	case !seen:
		return false, "the node has not been observed"
	case !since.IsZero() && !o.At.After(since):
		return false, fmt.Sprintf("the node has not been observed since %s", since.Format(time.RFC3339))
	case o.Err != nil || o.Snapshot == nil:
		return false, "the node does not answer: " + o.Reason
	}
	if len(f.Config.Chain.URLs) == 0 {
		return true, "the node answers (no chain to compare with)"
	}
	round, ok := chainRound(f)
	if !ok {
		return false, "the chain's current round is unknown"
	}
	nr := o.Snapshot.CurrentRound
	if nr == nil {
		return false, "the node reports no current round"
	}
	if !nr.IsUint64() || nr.Uint64() != round {
		return false, fmt.Sprintf("the node is at round %s, the chain at %d", nr, round)
	}
	return true, fmt.Sprintf("the node answers and agrees with the chain on round %d", round)
}

// chainAccount returns what the chain observation in f knows about addr.
func chainAccount(f Feed, addr common.Address) (*chain.Observation, *chain.AccountInfo) {
	_, obs, why := chainObservation(f)
	if why != "" {
		return nil, nil
	}
	return obs, obs.Account(addr)
}
