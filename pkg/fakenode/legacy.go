package fakenode

import (
	"math/big"
	"net/http"

	"github.com/ethereum/go-ethereum/common"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// legacyTranscoder is the 2018 types.Transcoder, served bare (not wrapped)
// by /transcoderInfo. Its field set is exact for 0.2.0.
type legacyTranscoder struct {
	Address                common.Address
	LastRewardRound        *big.Int
	RewardCut              *big.Int
	FeeShare               *big.Int
	PricePerSegment        *big.Int
	PendingRewardCut       *big.Int
	PendingFeeShare        *big.Int
	PendingPricePerSegment *big.Int
	DelegatedStake         *big.Int
	Active                 bool
	Status                 string
}

func legacyTranscoderOf(s state) legacyTranscoder {
	return legacyTranscoder{
		Address: s.address, LastRewardRound: s.lastRewardRound, RewardCut: s.rewardCut,
		FeeShare: s.feeShare, PricePerSegment: s.pricePerSegment, PendingRewardCut: s.rewardCut,
		PendingFeeShare: s.feeShare, PendingPricePerSegment: s.pricePerSegment,
		DelegatedStake: s.stake, Active: s.active, Status: s.status(),
	}
}

// legacyOnlyActions are the 2018 action paths that later versions dropped.
func legacyOnlyActions() []string {
	return []string{"/activateTranscoder", "/setTranscoderConfig", "/deposit",
		"/withdrawDeposit", "/setGasPrice", "/transcode"}
}

// legacyActions are the action paths of 0.2.x.
func legacyActions() []string {
	return append(legacyOnlyActions(), "/initializeRound", "/claimEarnings", "/bond",
		"/unbond", "/withdrawStake", "/withdrawFees", "/transferTokens", "/requestTokens",
		"/setBroadcastConfig")
}

// legacyHandlers serve the 0.2.4 API: the CLI paths on the media server's
// mux. Every failure is a 200 with an empty body, and the JSON endpoints
// that set a Content-Type are /transcoderInfo, /status and a few others.
func (n *Node) legacyHandlers() map[string]handler {
	m := map[string]handler{
		nodeapi.PathTranscoderInfo: n.stakeJSON(func(s state) any { return legacyTranscoderOf(s) }),
		nodeapi.PathNodeID: func(w http.ResponseWriter, _ *http.Request, s state) {
			writeText(w, s.nodeID)
		},
		nodeapi.PathStatus: jsonOf(func(s state) any {
			return struct {
				NodeID    string
				Manifests map[string]string
			}{s.nodeID, map[string]string{}}
		}),
		nodeapi.PathCurrentRound: func(w http.ResponseWriter, _ *http.Request, s state) {
			writeText(w, s.round.String())
		},
		nodeapi.PathRoundInitialized:      serveRoundInitialized,
		nodeapi.PathEthAddr:               serveEthAddr,
		nodeapi.PathEthBalance:            n.decimal(func(s state) *big.Int { return s.balance }, ""),
		"/tokenBalance":                   text("1000000000000000000"),
		"/broadcasterDeposit":             text("0"),
		"/EthNetworkID":                   text("1"),
		"/gasPrice":                       text("0"),
		"/IsTranscoder":                   text("true"),
		"/nodeAddrs":                      text("/ip4/127.0.0.1/tcp/15000"),
		"/peersCount":                     jsonOf(func(state) any { return map[string]int{"count": 8} }),
		"/contractAddresses":              jsonOf(func(state) any { return mainnetContracts() }),
		"/delegatorInfo":                  jsonOf(legacyDelegator),
		"/protocolParameters":             jsonOf(legacyProtocolParameters),
		"/transcoderEarningPoolsForRound": jsonOf(earningsPool),
		"/getAvailableTranscodingOptions": transcodingOptionsHandler,
		"/registeredTranscoders":          n.stakeJSON(func(s state) any { return []legacyTranscoder{legacyTranscoderOf(s)} }),
		"/getBroadcastConfig": func(w http.ResponseWriter, _ *http.Request, _ state) {
			writeRaw(w, []byte(`{"MaxPricePerSegment":150000000000,"TranscodingOptions":"P240p30fps16x9,P360p30fps16x9"}`))
		},
	}
	n.addActions(m, legacyActions())
	return m
}
