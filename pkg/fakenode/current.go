package fakenode

import (
	"math/big"
	"net/http"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// transcoder is go-livepeer's types.Transcoder (current): no json tags, so
// PascalCase names, bare big numbers and a lowercase address.
type transcoder struct {
	Address                    common.Address
	ServiceURI                 string
	LastRewardRound            *big.Int
	RewardCut                  *big.Int
	FeeShare                   *big.Int
	DelegatedStake             *big.Int
	ActivationRound            *big.Int
	DeactivationRound          *big.Int
	LastActiveStakeUpdateRound *big.Int
	Active                     bool
	Status                     string
	PricePerPixel              *big.Rat
}

func currentTranscoder(s state) transcoder {
	return transcoder{
		Address: s.orchestratorAddress(), ServiceURI: s.serviceURI, LastRewardRound: s.lastRewardRound,
		RewardCut: s.rewardCut, FeeShare: s.feeShare, DelegatedStake: s.stake,
		ActivationRound: s.activation, DeactivationRound: s.deactivation,
		LastActiveStakeUpdateRound: s.lastRewardRound, Active: s.active, Status: s.status(),
	}
}

// remoteTranscoder is one entry of /status RegisteredTranscoders.
type remoteTranscoder struct {
	Address  string
	Capacity int
}

// nodeStatus is go-livepeer's common.NodeStatus of an orchestrator with one
// remote transcoder.
type nodeStatus struct {
	Manifests                   map[string]any
	InternalManifests           map[string]string
	StreamInfo                  map[string]any
	OrchestratorPool            []string
	OrchestratorPoolInfos       []any
	Version                     string
	GolangRuntimeVersion        string
	GOArch                      string
	GOOS                        string
	RegisteredTranscodersNumber int
	RegisteredTranscoders       []remoteTranscoder
	LocalTranscoding            bool
	BroadcasterPrices           map[string]*big.Rat
}

// arbitrumContracts are the Arbitrum One addresses /contractAddresses lists.
func arbitrumContracts() map[string]common.Address {
	return map[string]common.Address{
		"Controller":          common.HexToAddress("0xD8E8328501E9645d16Cf49539efC04f734606ee4"),
		"LivepeerToken":       common.HexToAddress("0x289ba1701C2F088cf0faf8B3705246331cB8A839"),
		"LivepeerTokenFaucet": {},
		"TicketBroker":        common.HexToAddress("0xa8bB618B1520E284046F3dFc448851A1Ff26e41B"),
		"RoundsManager":       common.HexToAddress("0xdd6f56DcC28D3F5f27084381fE8Df634985cc39f"),
		"BondingManager":      common.HexToAddress("0x35Bcf3c30594191d53231E4FF333E8A770453e40"),
		"Minter":              common.HexToAddress("0xc20DE37170B45774e6CD3d2304017fc962f27252"),
	}
}

// currentActions are the action paths of go-livepeer v0.9.1.
func currentActions() []string {
	other := append(legacyOnlyActions(), gatedOnlyActions()...)
	var out []string
	for _, p := range nodeapi.ActionPaths() {
		if !slices.Contains(other, p) {
			out = append(out, p)
		}
	}
	return out
}

// statusHandler answers /status as an orchestrator with one remote
// transcoder, built with Go goVersion.
func statusHandler(goVersion string) handler {
	return jsonOf(func(s state) any {
		return nodeStatus{
			Manifests: map[string]any{}, InternalManifests: map[string]string{},
			StreamInfo: map[string]any{}, OrchestratorPool: []string{},
			Version: s.version, GolangRuntimeVersion: goVersion, GOArch: "amd64", GOOS: "linux",
			RegisteredTranscodersNumber: 1,
			RegisteredTranscoders:       []remoteTranscoder{{Address: "10.0.0.5:53412", Capacity: 10}},
			BroadcasterPrices:           map[string]*big.Rat{"default": s.price},
		}
	})
}

// currentHandlers serve the API of go-livepeer v0.9.1.
func (n *Node) currentHandlers() map[string]handler {
	m := map[string]handler{
		nodeapi.PathStatus:           statusHandler("go1.26.8"),
		nodeapi.PathOrchestratorInfo: n.orchestratorInfo,
		nodeapi.PathCurrentRound: func(w http.ResponseWriter, _ *http.Request, s state) {
			writeText(w, s.round.String())
		},
		nodeapi.PathRoundInitialized: serveRoundInitialized,
		nodeapi.PathEthAddr:          serveEthAddr,
		nodeapi.PathEthBalance:       n.decimal(func(s state) *big.Int { return s.balance }, "ETH balance"),
		nodeapi.PathMaxGasPrice: func(w http.ResponseWriter, _ *http.Request, s state) {
			if s.maxGasPrice != nil {
				writeText(w, s.maxGasPrice.String())
			}
		},
		nodeapi.PathMetrics:               serveMetrics,
		"/minGasPrice":                    text("0"),
		"/tokenBalance":                   text("1000000000000000000"),
		"/EthChainID":                     text("42161"),
		"/IsOrchestrator":                 text("true"),
		"/IsRedeemer":                     text("false"),
		"/getLogLevel":                    text("3"),
		"/contractAddresses":              jsonOf(func(state) any { return arbitrumContracts() }),
		"/delegatorInfo":                  jsonOf(currentDelegator),
		"/protocolParameters":             jsonOf(currentProtocolParameters),
		"/senderInfo":                     jsonOf(func(state) any { return senderInfo() }),
		"/ticketBrokerParams":             jsonOf(func(state) any { return map[string]*big.Int{"UnlockPeriod": big.NewInt(40320)} }),
		"/getAvailableTranscodingOptions": transcodingOptionsHandler,
		"/getBroadcastConfig": func(w http.ResponseWriter, _ *http.Request, _ state) {
			writeRaw(w, []byte(`{"MaxPrice":null,"TranscodingOptions":"P240p30fps16x9,P360p30fps16x9"}`))
		},
		"/currentBlock": func(w http.ResponseWriter, _ *http.Request, s state) {
			writeRaw(w, s.currentBlock.Bytes())
		},
		"/registeredOrchestrators": func(w http.ResponseWriter, r *http.Request, s state) {
			if s.stake == nil {
				n.fail(w, "could not get orchestrator pool")
				return
			}
			t := currentTranscoder(s)
			t.PricePerPixel = s.price
			writeJSON(w, []transcoder{t})
		},
		"/orchestratorEarningPoolsForRound": jsonOf(earningsPool),
	}
	n.addActions(m, currentActions())
	return m
}

func (n *Node) orchestratorInfo(w http.ResponseWriter, _ *http.Request, s state) {
	if s.stake == nil {
		n.fail(w, "could not get transcoder: chain call failed")
		return
	}
	t := currentTranscoder(s)
	writeJSON(w, struct {
		Transcoder *transcoder
		PriceInfo  *big.Rat
	}{&t, s.price})
}
