package nodeapi_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// whitespaceRounds are rounds whose raw big-endian bytes look like text:
// whitespace (0x09, 0x0a, 0x0d, 0x20) next to digits, or only digits. A
// client that trims or sniffs the raw v0.5 form reads another number.
var whitespaceRounds = []uint64{4253, 2613, 0x0931, 0x0d32, 0x2033, 0x3520, 0x0a0a, 0x3132, 9, 10, 13, 32}

// TestEveryGeneration detects each generation the fake serves and takes a
// full snapshot of it, both with the generation given and with Auto, at
// rounds whose v0.5 bytes look like whitespace or digits. Every field the
// generation reports must be read exactly, and no endpoint may fail.
func TestEveryGeneration(t *testing.T) {
	type expect struct {
		detect  []string
		version string
		nodeID  string
		uri     string
		perSeg  bool
	}
	want := map[nodeapi.Generation]expect{
		nodeapi.Gated:   {detect: []string{"/orchestratorInfo", "/status", "/rewardCaller"}, version: fakenode.DefaultVersionGated, uri: "https://127.0.0.1:8935"},
		nodeapi.Current: {detect: []string{"/orchestratorInfo", "/status", "/rewardCaller"}, version: fakenode.DefaultVersion, uri: "https://127.0.0.1:8935"},
		nodeapi.V05:     {detect: []string{"/orchestratorInfo", "/status"}, version: fakenode.DefaultVersionV05, uri: "https://127.0.0.1:8935"},
		nodeapi.V03:     {detect: []string{"/orchestratorInfo", "/transcoderInfo", "/nodeID"}, uri: "https://127.0.0.1:8935", perSeg: true},
		nodeapi.Legacy:  {detect: []string{"/orchestratorInfo", "/transcoderInfo", "/nodeID"}, nodeID: fakenode.DefaultNodeID, perSeg: true},
	}
	for _, gen := range nodeapi.Generations() {
		w, ok := want[gen]
		if !ok {
			t.Fatalf("no expectations for generation %q", gen)
		}
		n, c := startFake(t, gen, nodeapi.Options{})
		for _, round := range whitespaceRounds {
			t.Run(fmt.Sprintf("%s/round %d", gen, round), func(t *testing.T) {
				n.SetRound(round, true)
				n.SetLastRewardRound(round - 1)
				n.ResetRequests()
				got, err := c.Detect(testCtx(t))
				if err != nil || got != gen {
					t.Fatalf("Detect = %q, %v; want %q", got, err, gen)
				}
				if !slices.Equal(n.Requests(), w.detect) {
					t.Errorf("Detect requested %v, want %v", n.Requests(), w.detect)
				}
				for _, asked := range []nodeapi.Generation{gen, nodeapi.Auto} {
					s, err := c.Snapshot(testCtx(t), asked)
					if err != nil {
						t.Fatalf("Snapshot(%s): %v", asked, err)
					}
					if s.Generation != gen || s.Version != w.version || s.NodeID != w.nodeID || len(s.Optional) != 0 {
						t.Errorf("Snapshot(%s): generation %q, version %q, node id %q, optional failures %v",
							asked, s.Generation, s.Version, s.NodeID, s.Optional)
					}
					if s.Address != fakenode.DefaultAddress || !nodeapi.SameAddress(s.Transcoder.Address, fakenode.DefaultAddress) {
						t.Errorf("Snapshot(%s): address %q, transcoder address %q", asked, s.Address, s.Transcoder.Address)
					}
					wantBig(t, "CurrentRound", s.CurrentRound, fmt.Sprint(round))
					wantBig(t, "LastRewardRound", s.Transcoder.LastRewardRound, fmt.Sprint(round-1))
					wantBig(t, "DelegatedStake", s.Transcoder.DelegatedStake, fakenode.DefaultStake)
					wantBig(t, "EthBalance", s.EthBalance, fakenode.DefaultBalance)
					if s.RoundInitialized == nil || !*s.RoundInitialized {
						t.Errorf("RoundInitialized %v, want true", s.RoundInitialized)
					}
					if s.Transcoder.ServiceURI != w.uri || (s.Transcoder.PricePerSegment != nil) != w.perSeg || !s.Transcoder.Active || !s.Transcoder.Registered() {
						t.Errorf("transcoder %+v", s.Transcoder)
					}
				}
				if a := n.ActionRequests(); len(a) != 0 {
					t.Fatalf("action paths requested: %v", a)
				}
			})
		}
	}
}

// TestCurrentRefusesRawRound: a v0.5 node configured as current gives a
// decode error that names the fix; it is never read as another round
// (2613 is "\n5", which trimmed reads as 5). The node reports no version
// here, so only the round's form can tell (see
// TestSnapshotRefusesAnotherGenerationsVersion for the version).
func TestCurrentRefusesRawRound(t *testing.T) {
	for _, round := range whitespaceRounds[:8] {
		t.Run(fmt.Sprint(round), func(t *testing.T) {
			n, c := startFake(t, nodeapi.V05, nodeapi.Options{})
			n.SetVersion("undefined")
			n.SetRound(round, true)
			s, err := c.Snapshot(testCtx(t), nodeapi.Current)
			if round == 0x3132 {
				// Its bytes are the digits "12": the one form the two
				// generations share, which only the generation tells apart.
				if err != nil || s.CurrentRound.Int64() != 12 {
					t.Fatalf("round 0x3132 as current: %v, %v", s, err)
				}
				return
			}
			wantError(t, err, nodeapi.PathCurrentRound, nodeapi.ReasonDecode)
			if !strings.Contains(err.Error(), `api "v0.5"`) {
				t.Errorf("error %q does not name the v0.5 generation", err)
			}
		})
	}
}

// TestSnapshotRefusesAnotherGenerationsVersion: a node pinned as one of
// the /orchestratorInfo generations that reports a version of the other
// fails with a decode error naming the fix, instead of reading its round
// in the wrong form ("4253" as raw bytes is 875705651).
func TestSnapshotRefusesAnotherGenerationsVersion(t *testing.T) {
	tests := []struct {
		served, pinned nodeapi.Generation
		version        string
	}{
		{nodeapi.Current, nodeapi.V05, "0.7.0"},
		{nodeapi.V05, nodeapi.Current, "0.5.38"},
	}
	for _, tc := range tests {
		t.Run(string(tc.pinned), func(t *testing.T) {
			n, c := startFake(t, tc.served, nodeapi.Options{})
			n.SetRound(0x3132, true) // "12594" as text, "12" as raw bytes: both forms parse
			n.SetVersion(tc.version)
			_, err := c.Snapshot(testCtx(t), tc.pinned)
			wantError(t, err, nodeapi.PathStatus, nodeapi.ReasonDecode)
			if want := `set api = "` + string(tc.served) + `" or "auto"`; !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not say %q", err, want)
			}
			s, err := c.Snapshot(testCtx(t), nodeapi.Auto)
			if err != nil || s.Generation != tc.served || s.CurrentRound.Int64() != 0x3132 {
				t.Fatalf("auto: %+v, %v", s, err)
			}
		})
	}
}
