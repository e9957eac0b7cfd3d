package fakenode

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// state is what the fake node reports. Handlers read a copy taken under the
// node's lock; setters replace big numbers with fresh copies and never
// mutate a shared value, so a copy stays consistent after the lock is
// released.
type state struct {
	address         common.Address
	nodeID          string
	version         string
	round           *big.Int
	initialized     bool
	lastRewardRound *big.Int
	active          bool
	registered      bool
	stake           *big.Int // nil: the chain call fails
	balance         *big.Int // nil: the chain call fails
	maxGasPrice     *big.Int // nil: no maximum
	price           *big.Rat // nil: no base price set
	serviceURI      string
	rewardCut       *big.Int
	feeShare        *big.Int
	pricePerSegment *big.Int
	activation      *big.Int
	deactivation    *big.Int
	currentBlock    *big.Int
	monitor         bool
	metricsText     string
	// orchestrator is -ethOrchAddr in delegated mode (zero: the node is
	// its own orchestrator); rewardCaller is the orchestrator's caller.
	orchestrator common.Address
	rewardCaller common.Address
}

// maxUint256 is 2^256-1, the DeactivationRound of an active orchestrator.
func maxUint256() *big.Int {
	return new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
}

// Defaults of a fresh fake node: a healthy, registered, active orchestrator
// that has called reward in the current round.
const (
	DefaultAddress = "0x5bE44e23041E93CDF9bCd5A0968524e104e38ae1"
	DefaultNodeID  = "1220a5f3c6f1e0b2d4c6e8a0b2c4d6e8f0a2b4c6d8e0f2a4b6c8d0e2f4a6b8c0d2e4"
	DefaultVersion = "0.9.1"
	DefaultRound   = 4253
	// DefaultStake is about 1.2e26 LPT wei: larger than any int64 or exact float64.
	DefaultStake = "123456789012345678901234567"
	// DefaultBalance is 0.5 ETH in wei.
	DefaultBalance = "500000000000000000"
	// DefaultVersionV05 is the version /status reports on a nodeapi.V05 node.
	DefaultVersionV05 = "0.6.0"
)

func defaultState() state {
	return state{
		address:         common.HexToAddress(DefaultAddress),
		nodeID:          DefaultNodeID,
		version:         DefaultVersion,
		round:           big.NewInt(DefaultRound),
		initialized:     true,
		lastRewardRound: big.NewInt(DefaultRound),
		active:          true,
		registered:      true,
		stake:           mustBig(DefaultStake),
		balance:         mustBig(DefaultBalance),
		price:           big.NewRat(1200, 1),
		serviceURI:      "https://127.0.0.1:8935",
		rewardCut:       big.NewInt(50000),
		feeShare:        big.NewInt(750000),
		pricePerSegment: big.NewInt(150000000000),
		activation:      big.NewInt(2466),
		deactivation:    maxUint256(),
		currentBlock:    big.NewInt(250000000),
	}
}

// mustBig parses a decimal constant of this file.
func mustBig(s string) *big.Int {
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic("fakenode: bad built-in constant " + s)
	}
	return n
}

func copyBig(n *big.Int) *big.Int {
	if n == nil {
		return nil
	}
	return new(big.Int).Set(n)
}

func (n *Node) update(f func(s *state)) {
	n.mu.Lock()
	defer n.mu.Unlock()
	f(&n.st)
}

// SetAddress sets the node's ETH account.
func (n *Node) SetAddress(a common.Address) { n.update(func(s *state) { s.address = a }) }

// SetNodeID sets the 2018 node ID (nodeapi.Legacy only).
func (n *Node) SetNodeID(id string) { n.update(func(s *state) { s.nodeID = id }) }

// SetVersion sets the version reported by /status (nodeapi.Current and
// nodeapi.V05).
func (n *Node) SetVersion(v string) { n.update(func(s *state) { s.version = v }) }

// SetRound sets the current round and whether it is initialized.
func (n *Node) SetRound(round uint64, initialized bool) {
	n.update(func(s *state) {
		s.round = new(big.Int).SetUint64(round)
		s.initialized = initialized
	})
}

// SetLastRewardRound sets the round in which reward was last called.
func (n *Node) SetLastRewardRound(round uint64) {
	n.update(func(s *state) { s.lastRewardRound = new(big.Int).SetUint64(round) })
}

// SetActive sets membership of the active set.
func (n *Node) SetActive(active bool) { n.update(func(s *state) { s.active = active }) }

// SetRegistered sets Status to "Registered" or "Not Registered".
func (n *Node) SetRegistered(registered bool) { n.update(func(s *state) { s.registered = registered }) }

// SetStake sets the total delegated stake in LPT wei. Nil makes the
// transcoder endpoints fail the way the node does when a chain call fails.
func (n *Node) SetStake(stake *big.Int) { n.update(func(s *state) { s.stake = copyBig(stake) }) }

// SetBalance sets the ETH balance in wei. Nil makes /ethBalance fail the
// way the node does when its chain call fails.
func (n *Node) SetBalance(wei *big.Int) { n.update(func(s *state) { s.balance = copyBig(wei) }) }

// SetMaxGasPrice sets the node's -maxGasPrice in wei; nil means none, and
// /maxGasPrice then answers an empty body.
func (n *Node) SetMaxGasPrice(wei *big.Int) {
	n.update(func(s *state) { s.maxGasPrice = copyBig(wei) })
}

// SetPrice sets the base price per pixel; nil writes PriceInfo as null.
func (n *Node) SetPrice(p *big.Rat) {
	n.update(func(s *state) {
		s.price = nil
		if p != nil {
			s.price = new(big.Rat).Set(p)
		}
	})
}

// SetServiceURI sets the registered service URI.
func (n *Node) SetServiceURI(uri string) { n.update(func(s *state) { s.serviceURI = uri }) }

// SetCommission sets RewardCut and FeeShare (divisor 1,000,000).
func (n *Node) SetCommission(rewardCut, feeShare uint64) {
	n.update(func(s *state) {
		s.rewardCut = new(big.Int).SetUint64(rewardCut)
		s.feeShare = new(big.Int).SetUint64(feeShare)
	})
}

// SetActivationRounds sets ActivationRound and DeactivationRound. A nil
// deactivation means 2^256-1, the value of an orchestrator that is not
// leaving the active set.
func (n *Node) SetActivationRounds(activation uint64, deactivation *big.Int) {
	n.update(func(s *state) {
		s.activation = new(big.Int).SetUint64(activation)
		s.deactivation = copyBig(deactivation)
		if deactivation == nil {
			s.deactivation = maxUint256()
		}
	})
}

// SetCurrentBlock sets the block number /currentBlock reports (current).
func (n *Node) SetCurrentBlock(block uint64) {
	n.update(func(s *state) { s.currentBlock = new(big.Int).SetUint64(block) })
}

// LastRewardRound returns the round in which reward was last called.
func (n *Node) LastRewardRound() *big.Int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return copyBig(n.st.lastRewardRound)
}

// status is the on-chain Status string.
func (s *state) status() string {
	if s.registered {
		return "Registered"
	}
	return "Not Registered"
}
