package alert_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

// BenchmarkEngineUpdate1000Nodes measures one evaluation's alert update for
// 1,000 nodes with six alerts each, all quiet but 1% firing.
func BenchmarkEngineUpdate1000Nodes(b *testing.B) {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	dir := b.TempDir()
	sil, _ := alert.OpenSilences(dir, clk.Now(), checks.Catalog())
	eng, err := alert.NewEngine(alert.EngineOptions{Catalog: checks.Catalog(), StateDir: dir, Source: "bench", Routes: []alert.Route{{Name: "log", MinSeverity: alert.SeverityInfo, SendResolved: true}},
		Repeat: alert.Repeat{Default: 4 * time.Hour}, Outbox: &fakeOutbox{}, Silences: sil, Clock: clk, Logger: discard()})
	if err != nil {
		b.Fatal(err)
	}
	names := []string{alert.LivepeerNodeDown, alert.LivepeerNodeIdentityMismatch, alert.TranscoderInactive, alert.RewardNotCalled, alert.RewardStatusUnknown, alert.EthBalanceLow}
	var inputs []alert.Input
	for i := 0; i < 1000; i++ {
		for _, n := range names {
			in := alert.Input{Alert: n, Target: fmt.Sprintf("n%04d", i), Severity: alert.SeverityWarning}
			in.Active = i%100 == 0 && n == alert.TranscoderInactive
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
