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
func TestSelectorsMatchLivepeer(t *testing.T) {
	ctrl, rounds, bonding, old := contracts.NewController().GetABI(), contracts.NewRoundsManager().GetABI(),
		contracts.NewBondingManager().GetABI(), legacy.NewLegacyBondingManager().GetABI()
	tests := []struct {
		abi      abi.ABI
		method   string
		sig      string
		selector string
	}{
		{ctrl, "getContract", "getContract(bytes32)", "0xe16c7d98"},
		{ctrl, "getContractInfo", "getContractInfo(bytes32)", "0x613e2de2"},
		{ctrl, "paused", "paused()", "0x5c975abb"},
		{rounds, "currentRound", "currentRound()", "0x8a19c8bc"},
		{rounds, "currentRoundInitialized", "currentRoundInitialized()", "0x219bc76c"},
		{rounds, "roundLength", "roundLength()", "0x8b649b94"},
		{rounds, "currentRoundStartBlock", "currentRoundStartBlock()", "0x8fa148f2"},
		{rounds, "blockNum", "blockNum()", "0x8ae63d6d"},
		{rounds, "currentRoundLocked", "currentRoundLocked()", "0x6841f253"},
		{rounds, "lastInitializedRound", "lastInitializedRound()", "0x8807f36e"},
		{rounds, "roundLockAmount", "roundLockAmount()", "0xf5b490d5"},
		{rounds, "blockHashForRound", "blockHashForRound(uint256)", "0x3aa4add4"},
		{rounds, "initializeRound", "initializeRound()", "0xd4807fb2"},
		{bonding, "getTranscoder", "getTranscoder(address)", "0x5dce9948"},
		{bonding, "isActiveTranscoder", "isActiveTranscoder(address)", "0x08802374"},
		{bonding, "transcoderTotalStake", "transcoderTotalStake(address)", "0x9ef9df94"},
		{bonding, "transcoderStatus", "transcoderStatus(address)", "0x8b2f1652"},
		{bonding, "isRegisteredTranscoder", "isRegisteredTranscoder(address)", "0x68ba170c"},
		{bonding, "reward", "reward()", "0x228cb733"},
		{bonding, "rewardWithHint", "rewardWithHint(address,address)", "0x81871056"},
		{old, "getTranscoder", "getTranscoder(address)", "0x5dce9948"},
		{old, "transcoderTotalStake", "transcoderTotalStake(address)", "0x9ef9df94"},
		{old, "transcoderStatus", "transcoderStatus(address)", "0x8b2f1652"},
		{old, "reward", "reward()", "0x228cb733"},
	}
	for _, tt := range tests {
		t.Run(tt.sig, func(t *testing.T) {
			m, ok := tt.abi.Methods[tt.method]
			if !ok {
				t.Fatalf("method %s missing from the ABI", tt.method)
			}
			if m.Sig != tt.sig {
				t.Errorf("signature %s, want %s", m.Sig, tt.sig)
			}
			if got := fmt.Sprintf("%#x", m.ID); got != tt.selector {
				t.Errorf("selector %s, want %s", got, tt.selector)
			}
		})
	}
}

func TestEventTopicsMatchLivepeer(t *testing.T) {
	ctrl, rounds, bonding, old := contracts.NewController().GetABI(), contracts.NewRoundsManager().GetABI(),
		contracts.NewBondingManager().GetABI(), legacy.NewLegacyBondingManager().GetABI()
	tests := []struct {
		abi   abi.ABI
		event string
		sig   string
		topic string
	}{
		{ctrl, "SetContractInfo", "SetContractInfo(bytes32,address,bytes20)", "0xf9a6cf519167d81bc5cb3d26c60c0c9a19704aa908c148e82a861b570f4cd2d7"},
		{ctrl, "Pause", "Pause()", "0x6985a02210a168e66602d3235cb6db0e70f92b3ba4d376a33c0f3d9434bff625"},
		{ctrl, "Unpause", "Unpause()", "0x7805862f689e2f13df9f062ff482ad3ad112aca9e0847911ed832e158c525b33"},
		{rounds, "NewRound", "NewRound(uint256,bytes32)", "0x22f2fc17c5daf07db2379b3a03a8ef20a183f761097a58fce219c8a14619e786"},
		{rounds, "ParameterUpdate", "ParameterUpdate(string)", "0x9f5033568d78ae30f29f01e944f97b2216493bd19d1b46d429673acff3dcd674"},
		{bonding, "Reward", "Reward(address,uint256)", "0x619caafabdd75649b302ba8419e48cccf64f37f1983ac4727cfb38b57703ffc9"},
		{bonding, "TranscoderSlashed", "TranscoderSlashed(address,address,uint256,uint256)", "0xf4b71fed8e2c9a8c67c388bc6d35ad20b9368a24eed6d565459f2b277b6c0c22"},
		{bonding, "TranscoderActivated", "TranscoderActivated(address,uint256)", "0x65d72d782835d64c3287844a829608d5abdc7e864cc9affe96d910ab3db665e9"},
		{bonding, "TranscoderDeactivated", "TranscoderDeactivated(address,uint256)", "0xfee3e693fc72d0a0a673805f3e606c551f4c677b9072444b90dd2d0406bc995c"},
		{old, "Reward", "Reward(address,uint256)", "0x619caafabdd75649b302ba8419e48cccf64f37f1983ac4727cfb38b57703ffc9"},
		{old, "TranscoderSlashed", "TranscoderSlashed(address,address,uint256,uint256)", "0xf4b71fed8e2c9a8c67c388bc6d35ad20b9368a24eed6d565459f2b277b6c0c22"},
	}
	for _, tt := range tests {
		t.Run(tt.sig, func(t *testing.T) {
			ev, ok := tt.abi.Events[tt.event]
			if !ok {
				t.Fatalf("event %s missing from the ABI", tt.event)
			}
			if ev.Sig != tt.sig {
				t.Errorf("signature %s, want %s", ev.Sig, tt.sig)
			}
			if got := ev.ID.Hex(); got != tt.topic {
				t.Errorf("topic %s, want %s", got, tt.topic)
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
