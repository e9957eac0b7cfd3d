package status

import (
	"testing"
	"time"
)

// The digest lists each node, the chain, the restarts of the last 24 hours
// (of seven, one a day) and the alerts firing.
func TestDigest(t *testing.T) {
	want := "tc001: reward not called 60% into the round · round 4253: 24 blocks (≈5m0s) left; last rewarded round 4253; missed rounds 3; balance 2.0000 ETH; runway 5.0 days.\n" +
		"tc002: not known yet · round 4253: 24 blocks (≈5m0s) left; last rewarded round -; missed rounds 0; balance 0.0000 ETH; runway -.\n" +
		"chain: endpoint https://arb.example.com, head age 30s.\n" +
		"restart: geth.service at 11:00 (EthNodeHeadStale): recovered.\n" +
		"1 restart(s) in the last 24h; 1 alert(s) firing now."
	if got := Digest(Build(fullInputs())); got != want {
		t.Errorf("digest:\n%s\nwant:\n%s", got, want)
	}
}

// Without chain and ledger, the digest still closes with its counts.
func TestDigestWithoutChain(t *testing.T) {
	in := fullInputs()
	in.Config, in.Snapshot, in.Remediation, in.Alerts, in.Checks = fleetConfig(false), nodeSnapshot(), nil, nil, nil
	in.Now = t0.Add(time.Hour)
	want := "tc001: not known yet; last rewarded round 4252; missed rounds 0; balance 1.5000 ETH; runway -.\n" +
		"tc002: not known yet; last rewarded round -; missed rounds 0; balance 0.0000 ETH; runway -.\n" +
		"0 restart(s) in the last 24h; 0 alert(s) firing now."
	if got := Digest(Build(in)); got != want {
		t.Errorf("digest:\n%s\nwant:\n%s", got, want)
	}
}
