package soak

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// leakySink passes every notification to its sink and, for each one
// delivered, leaks a goroutine until stop closes: one per alert
// transition, the leak TestSoakCatchesALeak plants.
type leakySink struct {
	alert.Sink
	stop   <-chan struct{}
	leaked *atomic.Int64
}

// Notify implements alert.Sink.
func (s leakySink) Notify(ctx context.Context, n *alert.Notification) error {
	err := s.Sink.Notify(ctx, n)
	if err == nil {
		s.leaked.Add(1)
		go func() { <-s.stop }()
	}
	return err
}

// TestSoakCatchesALeak runs the soak with a goroutine leaked per alert
// transition (the sinks wrapped in leakySink) and checks that the soak's
// judgment fails it on the bound per transition, while every count the
// schedule implies still holds.
func TestSoakCatchesALeak(t *testing.T) {
	stop := make(chan struct{})
	defer close(stop)
	var leaked atomic.Int64
	from, rec := soak(t, 5, 10, func(s alert.Sink) alert.Sink {
		return leakySink{Sink: s, stop: stop, leaked: &leaked}
	})
	problems := leaks(rec.usage, from, soakLimits)
	t.Logf("%d goroutines leaked; the soak's judgment: %q", leaked.Load(), problems)
	for _, p := range problems {
		if strings.Contains(p, "per alert transition") && !strings.Contains(p, "too few") {
			return
		}
	}
	t.Errorf("a leak of one goroutine per alert transition passed the soak: %q", problems)
}
