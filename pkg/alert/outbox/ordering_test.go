package outbox

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
)

// flakySink fails the first failures attempts of each notification ID
// (retryably) and records the order of accepted ones.
type flakySink struct {
	mu       sync.Mutex
	failures int
	tries    map[string]int
	accepted []string
	stuck    string // alert identity that always fails
}

func (f *flakySink) notify(_ context.Context, n *alert.Notification) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tries[n.ID]++
	if n.Key() == f.stuck || f.tries[n.ID] <= f.failures {
		return &alert.DeliveryError{Retryable: true, Reason: "http_502", Err: errors.New("bad gateway")}
	}
	f.accepted = append(f.accepted, fmt.Sprintf("%s#%d", n.Key(), n.Seq))
	return nil
}

func (f *flakySink) got() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.accepted...)
}

func TestSeqOrderPerIdentity(t *testing.T) {
	h := newHarness(t, "", nil, nil)
	f := &flakySink{failures: 2, tries: map[string]int{}}
	// Enqueued out of Seq order on purpose: delivery follows Seq.
	for _, seq := range []uint64{2, 1, 3} {
		status := alert.StatusFiring
		if seq == 2 {
			status = alert.StatusResolved
		}
		h.enqueue(alerttest.Notification("TxStalled", "tc001", status, seq), "s")
		h.enqueue(alerttest.Notification("EthBalanceLow", "tc001", status, seq), "s")
	}
	h.run(sinkFunc("s", f.notify))
	h.drive(time.Second, 6, isResult(ResultSent))
	last := map[string]uint64{}
	for _, a := range f.got() {
		key, num, _ := strings.Cut(a, "#")
		seq, err := strconv.ParseUint(num, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		if seq <= last[key] {
			t.Errorf("%s delivered after seq %d: %v", a, last[key], f.got())
		}
		last[key] = seq
	}
	if len(f.got()) != 6 {
		t.Errorf("accepted %v, want 6", f.got())
	}
}

func TestStuckIdentityDoesNotBlockOthers(t *testing.T) {
	h := newHarness(t, "", nil, nil)
	f := &flakySink{tries: map[string]int{}, stuck: alert.Key("TxStalled", "tc001")}
	h.enqueue(alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1), "s")
	h.enqueue(alerttest.Notification("TxStalled", "tc001", alert.StatusResolved, 2), "s")
	h.enqueue(alerttest.Notification("EthBalanceLow", "tc001", alert.StatusFiring, 1), "s")
	h.enqueue(alerttest.Notification("EthBalanceLow", "tc001", alert.StatusResolved, 2), "s")
	h.enqueue(alerttest.Notification("DiskSpaceLow", "tc001", alert.StatusFiring, 1), "s")
	h.run(sinkFunc("s", f.notify))
	h.drive(time.Second, 3, isResult(ResultSent))
	// The success reset the backoff: the stuck record is tried again next.
	h.drive(time.Second, 1, isResult(ResultRetry))
	want := []string{"EthBalanceLow/tc001#1", "EthBalanceLow/tc001#2", "DiskSpaceLow/tc001#1"}
	if got := f.got(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("accepted %v, want %v", got, want)
	}
	p := h.ob.Pending()
	if len(p) != 2 || p[0].Notification.Seq != 1 || p[0].Attempts == 0 || p[0].LastError != "http_502" || p[1].Attempts != 0 {
		t.Errorf("pending %+v, want the stuck trigger (retried) and its resolve (never tried)", p)
	}
	hs := h.ob.Health()[0]
	if hs.FailingSince.IsZero() || hs.ConsecutiveFailures == 0 || hs.QueueDepth != 2 {
		t.Errorf("health %+v, want the sink failing with 2 pending", hs)
	}
}
