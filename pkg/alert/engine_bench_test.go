package alert

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/clock"
)

// BenchmarkEngineUpdate1000Nodes measures one evaluation's alert update for
// 1,000 nodes with six alerts each, all quiet but 1% firing.
func BenchmarkEngineUpdate1000Nodes(b *testing.B) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	dir := b.TempDir()
	sil, _ := OpenSilences(dir, clk.Now())
	eng, err := NewEngine(EngineOptions{StateDir: dir, Source: "bench", Routes: []Route{{Name: "log", MinSeverity: SeverityInfo, SendResolved: true}},
		Repeat: Repeat{Default: 4 * time.Hour}, Outbox: &fakeOutbox{}, Silences: sil, Clock: clk, Logger: discard()})
	if err != nil {
		b.Fatal(err)
	}
	names := []string{LivepeerNodeDown, LivepeerNodeIdentityMismatch, TranscoderInactive, RewardNotCalled, RewardStatusUnknown, EthBalanceLow}
	var inputs []Input
	for i := 0; i < 1000; i++ {
		for _, n := range names {
			in := Input{Alert: n, Target: fmt.Sprintf("n%04d", i), Severity: SeverityWarning}
			in.Active = i%100 == 0 && n == TranscoderInactive
			inputs = append(inputs, in)
		}
	}
	ctx := context.Background()
	if err := eng.Update(ctx, inputs); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		clk.Advance(time.Second)
		if err := eng.Update(ctx, inputs); err != nil {
			b.Fatal(err)
		}
	}
}
