package fakenode

import (
	"math/big"
	"net/http"

	"github.com/ethereum/go-ethereum/common"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// v03Transcoder is types.Transcoder of go-livepeer v0.3.x, served bare by
// /transcoderInfo: the 0.2.x struct plus ServiceURI.
type v03Transcoder struct {
	Address                common.Address
	ServiceURI             string
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

func v03TranscoderOf(s state) v03Transcoder {
	l := legacyTranscoderOf(s)
	return v03Transcoder{
		Address: l.Address, ServiceURI: s.serviceURI, LastRewardRound: l.LastRewardRound,
		RewardCut: l.RewardCut, FeeShare: l.FeeShare, PricePerSegment: l.PricePerSegment,
		PendingRewardCut: l.PendingRewardCut, PendingFeeShare: l.PendingFeeShare,
		PendingPricePerSegment: l.PendingPricePerSegment, DelegatedStake: l.DelegatedStake,
		Active: l.Active, Status: l.Status,
	}
}

// v03Actions are the action paths of v0.3.3.
func v03Actions() []string {
	return []string{"/setBroadcastConfig", "/initializeRound", "/activateTranscoder", "/setTranscoderConfig",
		"/bond", "/rebond", "/unbond", "/withdrawStake", "/withdrawFees", "/claimEarnings", "/deposit",
		"/withdrawDeposit", "/transferTokens", "/requestTokens", "/setGasPrice"}
}

// v03Handlers serve the API of go-livepeer v0.3.3, the last v0.3.x release
// (nodeapi.V03): the 2018 paths on the CLI port's own mux, without /nodeID
// and the other libp2p paths that 0.3.0 removed; /status holds only the
// manifests. Every failure is a 200 with an empty body, /reward's included.
func (n *Node) v03Handlers() map[string]handler {
	m := map[string]handler{
		nodeapi.PathTranscoderInfo: func(w http.ResponseWriter, _ *http.Request, s state) {
			if s.stake == nil {
				n.fail(w, "")
				return
			}
			writeJSON(w, v03TranscoderOf(s))
		},
		nodeapi.PathStatus: jsonOf(func(state) any {
			return struct{ Manifests map[string]string }{map[string]string{}}
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
		"/contractAddresses":              jsonOf(func(state) any { return mainnetContracts() }),
		"/delegatorInfo":                  jsonOf(currentDelegator),
		"/protocolParameters":             jsonOf(legacyProtocolParameters),
		"/transcoderEarningPoolsForRound": jsonOf(earningsPool),
		"/unbondingLocks":                 jsonOf(func(state) any { return []struct{}{} }),
		"/getAvailableTranscodingOptions": transcodingOptionsHandler,
		"/registeredTranscoders": func(w http.ResponseWriter, _ *http.Request, s state) {
			if s.stake == nil {
				n.fail(w, "")
				return
			}
			writeJSON(w, []v03Transcoder{v03TranscoderOf(s)})
		},
		"/getBroadcastConfig": func(w http.ResponseWriter, _ *http.Request, _ state) {
			writeRaw(w, []byte(`{"MaxPricePerSegment":150000000000,"TranscodingOptions":"P240p30fps16x9,P360p30fps16x9"}`))
		},
	}
	n.addActions(m, v03Actions())
	m[nodeapi.PathReward] = hideErrors(m[nodeapi.PathReward])
	return m
}
