package contracts_test

import (
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"

	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/contracts/legacy"
)

// Selectors and topics as published in the lpwatch fact sheet (§5), which
// computed them from Livepeer's deployed ABIs.
func TestSelectorsAndTopicsMatchLivepeer(t *testing.T) {
	ctrl, rounds, bonding, old := contracts.NewController().GetABI(), contracts.NewRoundsManager().GetABI(),
		contracts.NewBondingManager().GetABI(), legacy.NewLegacyBondingManager().GetABI()
	// lookup returns the canonical signature and the selector or topic of name.
	type lookup func(a abi.ABI, name string) (sig, id string, ok bool)
	method := lookup(func(a abi.ABI, name string) (string, string, bool) {
		m, ok := a.Methods[name]
		return m.Sig, fmt.Sprintf("%#x", m.ID), ok
	})
	event := lookup(func(a abi.ABI, name string) (string, string, bool) {
		ev, ok := a.Events[name]
		return ev.Sig, ev.ID.Hex(), ok
	})
	tests := []struct {
		find lookup
		abi  abi.ABI
		name string
		sig  string
		id   string
	}{
		{method, ctrl, "getContract", "getContract(bytes32)", "0xe16c7d98"},
		{method, ctrl, "getContractInfo", "getContractInfo(bytes32)", "0x613e2de2"},
		{method, ctrl, "paused", "paused()", "0x5c975abb"},
		{method, rounds, "currentRound", "currentRound()", "0x8a19c8bc"},
		{method, rounds, "currentRoundInitialized", "currentRoundInitialized()", "0x219bc76c"},
		{method, rounds, "roundLength", "roundLength()", "0x8b649b94"},
		{method, rounds, "currentRoundStartBlock", "currentRoundStartBlock()", "0x8fa148f2"},
		{method, rounds, "blockNum", "blockNum()", "0x8ae63d6d"},
		{method, rounds, "currentRoundLocked", "currentRoundLocked()", "0x6841f253"},
		{method, rounds, "lastInitializedRound", "lastInitializedRound()", "0x8807f36e"},
		{method, rounds, "roundLockAmount", "roundLockAmount()", "0xf5b490d5"},
		{method, rounds, "blockHashForRound", "blockHashForRound(uint256)", "0x3aa4add4"},
		{method, rounds, "initializeRound", "initializeRound()", "0xd4807fb2"},
		{method, bonding, "getTranscoder", "getTranscoder(address)", "0x5dce9948"},
		{method, bonding, "isActiveTranscoder", "isActiveTranscoder(address)", "0x08802374"},
		{method, bonding, "transcoderTotalStake", "transcoderTotalStake(address)", "0x9ef9df94"},
		{method, bonding, "transcoderStatus", "transcoderStatus(address)", "0x8b2f1652"},
		{method, bonding, "isRegisteredTranscoder", "isRegisteredTranscoder(address)", "0x68ba170c"},
		{method, bonding, "reward", "reward()", "0x228cb733"},
		{method, bonding, "rewardWithHint", "rewardWithHint(address,address)", "0x81871056"},
		{method, old, "getTranscoder", "getTranscoder(address)", "0x5dce9948"},
		{method, old, "transcoderTotalStake", "transcoderTotalStake(address)", "0x9ef9df94"},
		{method, old, "transcoderStatus", "transcoderStatus(address)", "0x8b2f1652"},
		{method, old, "reward", "reward()", "0x228cb733"},
		{event, ctrl, "SetContractInfo", "SetContractInfo(bytes32,address,bytes20)", "0xf9a6cf519167d81bc5cb3d26c60c0c9a19704aa908c148e82a861b570f4cd2d7"},
		{event, ctrl, "Pause", "Pause()", "0x6985a02210a168e66602d3235cb6db0e70f92b3ba4d376a33c0f3d9434bff625"},
		{event, ctrl, "Unpause", "Unpause()", "0x7805862f689e2f13df9f062ff482ad3ad112aca9e0847911ed832e158c525b33"},
		{event, rounds, "NewRound", "NewRound(uint256,bytes32)", "0x22f2fc17c5daf07db2379b3a03a8ef20a183f761097a58fce219c8a14619e786"},
		{event, rounds, "ParameterUpdate", "ParameterUpdate(string)", "0x9f5033568d78ae30f29f01e944f97b2216493bd19d1b46d429673acff3dcd674"},
		{event, bonding, "Reward", "Reward(address,uint256)", "0x619caafabdd75649b302ba8419e48cccf64f37f1983ac4727cfb38b57703ffc9"},
		{event, bonding, "TranscoderSlashed", "TranscoderSlashed(address,address,uint256,uint256)", "0xf4b71fed8e2c9a8c67c388bc6d35ad20b9368a24eed6d565459f2b277b6c0c22"},
		{event, bonding, "TranscoderActivated", "TranscoderActivated(address,uint256)", "0x65d72d782835d64c3287844a829608d5abdc7e864cc9affe96d910ab3db665e9"},
		{event, bonding, "TranscoderDeactivated", "TranscoderDeactivated(address,uint256)", "0xfee3e693fc72d0a0a673805f3e606c551f4c677b9072444b90dd2d0406bc995c"},
		{event, old, "Reward", "Reward(address,uint256)", "0x619caafabdd75649b302ba8419e48cccf64f37f1983ac4727cfb38b57703ffc9"},
		{event, old, "TranscoderSlashed", "TranscoderSlashed(address,address,uint256,uint256)", "0xf4b71fed8e2c9a8c67c388bc6d35ad20b9368a24eed6d565459f2b277b6c0c22"},
		{event, bonding, "Unbond", "Unbond(address,address,uint256,uint256,uint256)", "0x2d5d98d189bee5496a08db2a5948cb7e5e786f09d17d0c3f228eb41776c24a06"},
		{event, old, "Unbond", "Unbond(address,address,uint256,uint256,uint256)", "0x2d5d98d189bee5496a08db2a5948cb7e5e786f09d17d0c3f228eb41776c24a06"},
	}
	for _, tt := range tests {
		t.Run(tt.sig, func(t *testing.T) {
			sig, id, ok := tt.find(tt.abi, tt.name)
			if !ok {
				t.Fatalf("%s missing from the ABI", tt.name)
			}
			if sig != tt.sig || id != tt.id {
				t.Errorf("%s %s, want %s %s", sig, id, tt.sig, tt.id)
			}
		})
	}
}

// The indexed arguments decide which topics a log filter can match.
func TestEventIndexedArguments(t *testing.T) {
	rounds, bonding := contracts.NewRoundsManager().GetABI(), contracts.NewBondingManager().GetABI()
	tests := []struct {
		ev      abi.Event
		indexed []bool
	}{
		{rounds.Events["NewRound"], []bool{true, false}},
		{bonding.Events["Reward"], []bool{true, false}},
		{bonding.Events["TranscoderSlashed"], []bool{true, false, false, false}},
		{bonding.Events["Unbond"], []bool{true, true, false, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.ev.Name, func(t *testing.T) {
			if len(tt.ev.Inputs) != len(tt.indexed) {
				t.Fatalf("%d inputs, want %d", len(tt.ev.Inputs), len(tt.indexed))
			}
			for i, in := range tt.ev.Inputs {
				if in.Indexed != tt.indexed[i] {
					t.Errorf("input %d (%s) indexed=%v, want %v", i, in.Name, in.Indexed, tt.indexed[i])
				}
			}
		})
	}
}

func TestGetTranscoderLayouts(t *testing.T) {
	tests := []struct {
		name    string
		abi     abi.ABI
		outputs []string
	}{
		{"current", contracts.NewBondingManager().GetABI(), []string{
			"lastRewardRound", "rewardCut", "feeShare", "lastActiveStakeUpdateRound", "activationRound",
			"deactivationRound", "activeCumulativeRewards", "cumulativeRewards", "cumulativeFees", "lastFeeRound"}},
		{"legacy", legacy.NewLegacyBondingManager().GetABI(), []string{
			"lastRewardRound", "rewardCut", "feeShare", "pricePerSegment", "pendingRewardCut",
			"pendingFeeShare", "pendingPricePerSegment"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			outs := tt.abi.Methods["getTranscoder"].Outputs
			if len(outs) != len(tt.outputs) {
				t.Fatalf("%d outputs, want %d", len(outs), len(tt.outputs))
			}
			for i, o := range outs {
				if o.Name != tt.outputs[i] || o.Type.String() != "uint256" {
					t.Errorf("output %d is %s %s, want uint256 %s", i, o.Type, o.Name, tt.outputs[i])
				}
			}
		})
	}
}

// The 2018 contract asks for the round; today's does not.
func TestIsActiveTranscoderSignatures(t *testing.T) {
	cur := contracts.NewBondingManager().GetABI().Methods["isActiveTranscoder"]
	old := legacy.NewLegacyBondingManager().GetABI().Methods["isActiveTranscoder"]
	if cur.Sig != "isActiveTranscoder(address)" || old.Sig != "isActiveTranscoder(address,uint256)" {
		t.Fatalf("signatures %s and %s", cur.Sig, old.Sig)
	}
}
