package observe

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/lpwatch/lpwatch/pkg/chain"
)

func slashAt(block uint64, tx string) chain.SlashEvent {
	return chain.SlashEvent{EventMeta: chain.EventMeta{BlockNumber: block, TxHash: common.HexToHash(tx)}}
}

// TestChainRecordKeepsItsEvents: the record of a scanning probe carries
// what the scans found, from before the first scan (empty) across new
// observations; each event is kept once, the latest MaxRecentEvents of
// them; a failed scan keeps what the earlier ones found; a probe that does
// not scan records no events.
func TestChainRecordKeepsItsEvents(t *testing.T) {
	s := NewStore()
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	obs := &chain.Observation{Block: &chain.Head{Number: 100}}
	s.PutChain(Chain{At: at, Obs: obs}, true)
	c := s.Snapshot().Chain
	if c.Obs != obs || c.Events == nil || c.Events.Scanned || c.Events.Last != nil {
		t.Fatalf("record before the first scan %+v, events %+v", c, c.Events)
	}
	<-s.Changed()

	s.PutChainScan(ChainScan{From: 91, To: 100, Slashes: []chain.SlashEvent{slashAt(95, "0x01")}, Calls: 2})
	select {
	case <-s.Changed():
		t.Error("a scan woke the evaluation")
	default:
	}
	s.PutChain(Chain{At: at.Add(time.Minute), Obs: obs}, true)
	s.PutChainScan(ChainScan{From: 101, To: 110, Slashes: []chain.SlashEvent{slashAt(95, "0x01"), slashAt(105, "0x02")}})
	ev := s.Snapshot().Chain.Events
	if !ev.Scanned || ev.ScannedTo != 110 || len(ev.Slashes) != 2 || ev.Last.From != 101 {
		t.Fatalf("events after two scans %+v", ev)
	}

	s.PutChainScan(ChainScan{From: 111, To: 120, Err: errors.New("timeout")})
	ev = s.Snapshot().Chain.Events
	if ev.Err == nil || !ev.Scanned || ev.ScannedTo != 110 || len(ev.Slashes) != 2 || ev.Last.Err == nil {
		t.Fatalf("events after a failed scan %+v", ev)
	}

	var many []chain.SlashEvent
	for i := range MaxRecentEvents + 5 {
		many = append(many, slashAt(200+uint64(i), fmt.Sprintf("0x1%03d", i)))
	}
	s.PutChainScan(ChainScan{From: 121, To: 300, Slashes: many})
	ev = s.Snapshot().Chain.Events
	if ev.Err != nil || len(ev.Slashes) != MaxRecentEvents || ev.Slashes[MaxRecentEvents-1] != many[len(many)-1] {
		t.Fatalf("kept %d slashes, want the latest %d", len(ev.Slashes), MaxRecentEvents)
	}

	snap := s.Snapshot()
	snap.Chain.Events.Slashes[0] = chain.SlashEvent{}
	if s.Snapshot().Chain.Events.Slashes[0] == (chain.SlashEvent{}) {
		t.Error("a snapshot shares its events with the store")
	}

	s.PutChain(Chain{At: at.Add(2 * time.Minute), Obs: obs}, false)
	if c := s.Snapshot().Chain; c.Events != nil {
		t.Errorf("a probe that does not scan recorded events %+v", c.Events)
	}
}
