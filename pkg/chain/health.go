package chain

import (
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// EndpointHealth is one endpoint's state in an observation. A nil field
// could not be read (see Observation.Errors for why).
type EndpointHealth struct {
	Name    string
	ChainID *big.Int
	Head    *Head
	Sync    *SyncStatus
	Peers   *uint64
	// Healthy: the chain ID and the head were read and the chain ID is the
	// expected one.
	Healthy bool
	// Reason classifies the first failed read (chain ID, head, sync, peers
	// in that order); "" when every read succeeded.
	Reason string
	// Err is that read's error.
	Err error
}

// HeadAge returns the age of the head block at now; ok is false without a head.
func (h EndpointHealth) HeadAge(now time.Time) (age time.Duration, ok bool) {
	if h.Head == nil {
		return 0, false
	}
	return h.Head.Age(now), true
}

// healthReads are the reads of one endpoint's health check.
type healthReads struct {
	peers bool
	sync  bool
	// multicall also reads whether Multicall3 is deployed, at now.
	multicall bool
	now       time.Time
}

// fieldMulticall is the read of Multicall3's code in a health check.
const fieldMulticall = "multicall"

// readHealth queues the health reads of e into ph.
func readHealth(ph *phase, r healthReads, h *EndpointHealth) {
	e, none := ph.e, common.Address{}
	h.Name = e.Name()
	ph.add(none, "chain_id", chainIDRequest(&h.ChainID))
	ph.add(none, "head", headRequest(&h.Head))
	if r.sync {
		ph.add(none, "syncing", syncRequest(&h.Sync))
	}
	if r.peers {
		ph.add(none, "peers", peersRequest(&h.Peers))
	}
	if r.multicall {
		ph.add(none, fieldMulticall, codeRequest(Multicall3Address(), nil, func(code []byte) error {
			e.setMulticall(len(code) > 0, r.now)
			return nil
		}))
	}
}

// finish fills Healthy, Reason and Err from the batch's errors and the
// expected chain ID, and returns the error that decides failover (nil when
// healthy).
func (h *EndpointHealth) finish(errs []ReadError, p *Pool, e *Endpoint) error {
	order := []string{"chain_id", "head", "syncing", "peers"}
	var first, decisive error
	for _, field := range order {
		for _, re := range errs {
			if re.Endpoint != h.Name || re.Field != field || re.Address != (common.Address{}) {
				continue
			}
			if first == nil {
				first = re.Err
			}
			if decisive == nil && (field == "chain_id" || field == "head") {
				decisive = re.Err
			}
		}
	}
	if decisive == nil && h.ChainID != nil {
		decisive = p.checkChainID(e, h.ChainID)
		if first == nil {
			first = decisive
		}
	}
	h.Healthy = decisive == nil && h.ChainID != nil && h.Head != nil
	h.Err, h.Reason = first, Reason(first)
	return decisive
}
