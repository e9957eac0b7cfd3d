package checks

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

// lpwatch_check_status is one-hot per result, follows a new state, and
// loses the four series of a forgotten result.
func TestStatusCollector(t *testing.T) {
	c := newStatusCollector()
	a := Result{Check: "LivepeerNodeDown", Target: "tc001", State: OK}
	b := Result{Check: "RewardNotCalled", Target: "tc001", State: Critical}
	c.set(a)
	c.set(b)
	b.State = Warning
	c.set(b)
	want := `# HELP lpwatch_check_status State of each check per target, one-hot over ok, warning, critical and unknown.
# TYPE lpwatch_check_status gauge
lpwatch_check_status{check="LivepeerNodeDown",state="critical",target="tc001"} 0
lpwatch_check_status{check="LivepeerNodeDown",state="ok",target="tc001"} 1
lpwatch_check_status{check="LivepeerNodeDown",state="unknown",target="tc001"} 0
lpwatch_check_status{check="LivepeerNodeDown",state="warning",target="tc001"} 0
lpwatch_check_status{check="RewardNotCalled",state="critical",target="tc001"} 0
lpwatch_check_status{check="RewardNotCalled",state="ok",target="tc001"} 0
lpwatch_check_status{check="RewardNotCalled",state="unknown",target="tc001"} 0
lpwatch_check_status{check="RewardNotCalled",state="warning",target="tc001"} 1
`
	if err := testutil.CollectAndCompare(c, strings.NewReader(want)); err != nil {
		t.Error(err)
	}
	if problems, err := testutil.CollectAndLint(c); err != nil || len(problems) != 0 {
		t.Errorf("lint: %v %v", problems, err)
	}
	c.forget(a)
	if n := testutil.CollectAndCount(c); n != 4 {
		t.Errorf("%d series after forgetting one result, want 4", n)
	}
}
