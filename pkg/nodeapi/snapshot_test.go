package nodeapi_test

import (
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

const maxUint256Text = "115792089237316195423570985008687907853269984665640564039457584007913129639935"

func bigOf(t *testing.T, s string) *big.Int {
	t.Helper()
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		t.Fatalf("bad number %q", s)
	}
	return n
}

func wantBig(t *testing.T, name string, got *big.Int, want string) {
	t.Helper()
	if got == nil || got.String() != want {
		t.Errorf("%s = %v, want %s", name, got, want)
	}
}

func TestSnapshotCurrentRoundTrip(t *testing.T) {
	at := time.Date(2026, 8, 18, 16, 0, 0, 0, time.UTC)
	n, c := startFake(t, nodeapi.Current, nodeapi.Options{Clock: clock.NewFake(at)})
	addr := common.HexToAddress("0xbd677e96a755207d348578727aa57a512c2022bd")
	n.SetAddress(addr)
	n.SetVersion("0.7.2")
	n.SetRound(4300, false)
	n.SetLastRewardRound(4299)
	n.SetActive(false)
	n.SetStake(bigOf(t, "1000000000000000000000001")) // 1e24 + 1: no float64 holds it
	n.SetBalance(bigOf(t, "12345678901234567890"))
	n.SetPrice(big.NewRat(1, 3))
	n.SetServiceURI("https://10.1.2.3:8935")
	n.SetCommission(50000, 750000)
	n.SetActivationRounds(2466, nil)

	s, err := c.Snapshot(testCtx(t), nodeapi.Current)
	if err != nil {
		t.Fatal(err)
	}
	if s.Generation != nodeapi.Current || s.Version != "0.7.2" || s.NodeID != "" || !s.FetchedAt.Equal(at) {
		t.Errorf("generation %q, version %q, node id %q, fetched %v", s.Generation, s.Version, s.NodeID, s.FetchedAt)
	}
	if s.Address != addr.Hex() || s.Transcoder.Address != strings.ToLower(addr.Hex()) {
		t.Errorf("address %q / transcoder address %q", s.Address, s.Transcoder.Address)
	}
	if s.Address == s.Transcoder.Address || !nodeapi.SameAddress(s.Address, s.Transcoder.Address) {
		t.Errorf("checksummed %q and lowercase %q must differ in case and compare equal", s.Address, s.Transcoder.Address)
	}
	wantBig(t, "CurrentRound", s.CurrentRound, "4300")
	if s.RoundInitialized == nil || *s.RoundInitialized {
		t.Errorf("RoundInitialized = %v, want false", s.RoundInitialized)
	}
	tr := s.Transcoder
	wantBig(t, "LastRewardRound", tr.LastRewardRound, "4299")
	wantBig(t, "LastActiveStakeUpdateRound", tr.LastActiveStakeUpdateRound, "4299")
	wantBig(t, "DelegatedStake", tr.DelegatedStake, "1000000000000000000000001")
	wantBig(t, "DeactivationRound", tr.DeactivationRound, maxUint256Text)
	wantBig(t, "ActivationRound", tr.ActivationRound, "2466")
	wantBig(t, "RewardCut", tr.RewardCut, "50000")
	wantBig(t, "FeeShare", tr.FeeShare, "750000")
	wantBig(t, "EthBalance", s.EthBalance, "12345678901234567890")
	if tr.Active || !tr.Registered() || tr.ServiceURI != "https://10.1.2.3:8935" || tr.PricePerSegment != nil {
		t.Errorf("transcoder %+v", tr)
	}
	if s.PriceInfo == nil || s.PriceInfo.Cmp(big.NewRat(1, 3)) != 0 {
		t.Errorf("PriceInfo = %v, want 1/3", s.PriceInfo)
	}
	if s.MaxGasPrice != nil || len(s.Optional) != 0 {
		t.Errorf("MaxGasPrice = %v, Optional = %v; want no maximum and no failures", s.MaxGasPrice, s.Optional)
	}
}

func TestSnapshotCurrentVariants(t *testing.T) {
	tests := []struct {
		name  string
		setup func(n *fakenode.Node)
		check func(t *testing.T, s *nodeapi.Snapshot)
	}{
		{name: "max gas price set", setup: func(n *fakenode.Node) { n.SetMaxGasPrice(big.NewInt(110e9)) },
			check: func(t *testing.T, s *nodeapi.Snapshot) { wantBig(t, "MaxGasPrice", s.MaxGasPrice, "110000000000") }},
		{name: "no price set", setup: func(n *fakenode.Node) { n.SetPrice(nil) },
			check: func(t *testing.T, s *nodeapi.Snapshot) {
				if s.PriceInfo != nil {
					t.Errorf("PriceInfo = %v, want nil", s.PriceInfo)
				}
			}},
		{name: "maxGasPrice missing before v0.5.15", setup: func(n *fakenode.Node) {
			n.SetFault(nodeapi.PathMaxGasPrice, fakenode.Status(404, "404 page not found"))
		}, check: func(t *testing.T, s *nodeapi.Snapshot) {
			if s.MaxGasPrice != nil || nodeapi.ReasonOf(s.Optional[nodeapi.PathMaxGasPrice]) != "http_404" {
				t.Errorf("MaxGasPrice %v, Optional %v", s.MaxGasPrice, s.Optional)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, c := startFake(t, nodeapi.Current, nodeapi.Options{})
			tc.setup(n)
			s, err := c.Snapshot(testCtx(t), nodeapi.Current)
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, s)
		})
	}
}

func TestSnapshotLegacyRoundTrip(t *testing.T) {
	n, c := startFake(t, nodeapi.Legacy, nodeapi.Options{})
	n.SetNodeID("1220abcdef")
	n.SetRound(1050, true)
	n.SetLastRewardRound(1049)
	n.SetStake(bigOf(t, "1234567890123456789012345"))
	s, err := c.Snapshot(testCtx(t), nodeapi.Legacy)
	if err != nil {
		t.Fatal(err)
	}
	if s.Generation != nodeapi.Legacy || s.NodeID != "1220abcdef" || s.Version != "" || s.PriceInfo != nil || s.MaxGasPrice != nil {
		t.Errorf("snapshot %+v", s)
	}
	if s.Address != fakenode.DefaultAddress || !nodeapi.SameAddress(s.Address, s.Transcoder.Address) {
		t.Errorf("address %q, transcoder %q", s.Address, s.Transcoder.Address)
	}
	wantBig(t, "CurrentRound", s.CurrentRound, "1050")
	wantBig(t, "LastRewardRound", s.Transcoder.LastRewardRound, "1049")
	wantBig(t, "DelegatedStake", s.Transcoder.DelegatedStake, "1234567890123456789012345")
	wantBig(t, "PricePerSegment", s.Transcoder.PricePerSegment, "150000000000")
	wantBig(t, "EthBalance", s.EthBalance, fakenode.DefaultBalance)
	if s.Transcoder.ActivationRound != nil || s.Transcoder.DeactivationRound != nil {
		t.Errorf("2018 record has rounds %v %v", s.Transcoder.ActivationRound, s.Transcoder.DeactivationRound)
	}
	if s.RoundInitialized == nil || !*s.RoundInitialized || len(s.Optional) != 0 {
		t.Errorf("RoundInitialized %v, Optional %v", s.RoundInitialized, s.Optional)
	}
}

// TestSnapshotV05 reads the v0.5.0-v0.6.x specifics: the raw round of
// each byte length, round 0 as no bytes at all, and /maxGasPrice absent
// before v0.5.15.
func TestSnapshotV05(t *testing.T) {
	n, c := startFake(t, nodeapi.V05, nodeapi.Options{})
	for _, round := range []uint64{0, 1, 255, 256, 65536, 1<<63 + 7} {
		n.SetRound(round, true)
		s, err := c.Snapshot(testCtx(t), nodeapi.V05)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		wantBig(t, "CurrentRound", s.CurrentRound, new(big.Int).SetUint64(round).String())
	}
	n.SetFault(nodeapi.PathMaxGasPrice, fakenode.Status(404, "404 page not found"))
	s, err := c.Snapshot(testCtx(t), nodeapi.V05)
	if err != nil {
		t.Fatal(err)
	}
	if s.MaxGasPrice != nil || nodeapi.ReasonOf(s.Optional[nodeapi.PathMaxGasPrice]) != "http_404" {
		t.Errorf("MaxGasPrice %v, Optional %v", s.MaxGasPrice, s.Optional)
	}
}

func TestSnapshotLegacyWithoutRoundInitialized(t *testing.T) {
	n, c := startFake(t, nodeapi.Legacy, nodeapi.Options{})
	// 0.2.0 had no /roundInitialized.
	n.SetFault(nodeapi.PathRoundInitialized, fakenode.Status(404, "404 page not found"))
	s, err := c.Snapshot(testCtx(t), nodeapi.Legacy)
	if err != nil {
		t.Fatal(err)
	}
	if s.RoundInitialized != nil {
		t.Errorf("RoundInitialized = %v, want unknown", *s.RoundInitialized)
	}
	err = s.Optional[nodeapi.PathRoundInitialized]
	wantError(t, err, nodeapi.PathRoundInitialized, "http_404")
}

func TestSnapshotAuto(t *testing.T) {
	for _, gen := range nodeapi.Generations() {
		t.Run(string(gen), func(t *testing.T) {
			_, c := startFake(t, gen, nodeapi.Options{})
			s, err := c.Snapshot(testCtx(t), nodeapi.Auto)
			if err != nil {
				t.Fatal(err)
			}
			if s.Generation != gen {
				t.Fatalf("generation %q, want %q", s.Generation, gen)
			}
		})
	}
}

func TestSnapshotUnknownGeneration(t *testing.T) {
	_, c := startFake(t, nodeapi.Current, nodeapi.Options{})
	if _, err := c.Snapshot(testCtx(t), "v2"); err == nil {
		t.Fatal("Snapshot of an unknown generation succeeded")
	}
}
