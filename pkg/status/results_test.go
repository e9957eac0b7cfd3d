package status

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
)

func result(check, target string, s checks.State, reason string) checks.Result {
	return checks.Result{Check: check, Target: target, State: s, Reason: reason}
}

func health(t *testing.T, r *Results) (bool, HealthReport) {
	t.Helper()
	healthy, body := r.HealthJSON()
	var rep HealthReport
	if err := json.Unmarshal(body, &rep); err != nil {
		t.Fatalf("health body %q: %v", body, err)
	}
	return healthy, rep
}

// Results keep when each state began, report what changed, and encode
// /health again only when what it shows changed.
func TestResults(t *testing.T) {
	r := NewResults()
	if healthy, rep := health(t, r); healthy || rep.Status != "fail" || rep.Checks == nil {
		t.Errorf("before any result: %v %+v", healthy, rep)
	}
	first := []checks.Result{
		result(alert.LivepeerNodeDown, "tc002", checks.OK, "answering"),
		result(alert.LivepeerNodeDown, "tc001", checks.OK, "answering"),
		result(alert.RewardNotCalled, "tc001", checks.OK, "called"),
	}
	changed, err := r.Set(t0, first)
	if err != nil || len(changed) != 3 {
		t.Fatalf("first set: %d changed, %v", len(changed), err)
	}
	healthy, rep := health(t, r)
	if !healthy || rep.Status != "ok" || len(rep.Checks) != 3 {
		t.Errorf("health %v %+v", healthy, rep)
	}
	var order []string
	for _, c := range r.All() {
		order = append(order, c.Target+"/"+c.Check)
	}
	if strings.Join(order, " ") != "tc001/LivepeerNodeDown tc001/RewardNotCalled tc002/LivepeerNodeDown" {
		t.Errorf("order %v", order)
	}

	// Same states: nothing changed, the body stays the same slice.
	_, before := r.HealthJSON()
	if changed, _ := r.Set(t0.Add(time.Minute), first); len(changed) != 0 {
		t.Errorf("changed %v", changed)
	}
	if _, after := r.HealthJSON(); &after[0] != &before[0] {
		t.Error("/health encoded again though nothing it shows changed")
	}
	// A new reason is shown; the state's start is kept.
	second := append([]checks.Result(nil), first...)
	second[1].Reason = "answering in 3ms"
	if changed, _ := r.Set(t0.Add(2*time.Minute), second); len(changed) != 0 {
		t.Errorf("changed %v", changed)
	}
	if _, body := r.HealthJSON(); !strings.Contains(string(body), "answering in 3ms") {
		t.Errorf("new reason not in /health: %s", body)
	}
	// A new state is a change and starts now.
	third := append([]checks.Result(nil), second...)
	third[0] = result(alert.LivepeerNodeDown, "tc002", checks.Critical, "down")
	now := t0.Add(3 * time.Minute)
	if changed, _ := r.Set(now, third); len(changed) != 1 || changed[0].Target != "tc002" {
		t.Errorf("changed %v", changed)
	}
	for _, c := range r.All() {
		want := t0
		if c.Target == "tc002" {
			want = now
		}
		if !c.Since.Equal(want) {
			t.Errorf("%s/%s since %s, want %s", c.Target, c.Check, c.Since, want)
		}
	}
	if healthy, _ := health(t, r); healthy {
		t.Error("healthy with a node down")
	}
	// Forgetting tc002 drops its result and makes /health ok again.
	gone, err := r.Forget(map[string]bool{"tc002": true})
	if err != nil || len(gone) != 1 || gone[0].Target != "tc002" || len(r.All()) != 2 {
		t.Errorf("forget: %v %v, left %d", gone, err, len(r.All()))
	}
	if healthy, rep := health(t, r); !healthy || len(rep.Checks) != 2 {
		t.Errorf("after forget: %v %+v", healthy, rep)
	}
}

// /health is decided by the health-relevant checks only: a warning or
// another check's critical state keeps it ok, unknown or critical fails.
func TestHealth(t *testing.T) {
	check := func(name string, s checks.State) Check { return Check{Result: result(name, "x", s, "")} }
	cases := []struct {
		in   []Check
		want string
	}{
		{nil, "fail"},
		{[]Check{check(alert.RewardNotCalled, checks.Critical)}, "fail"}, // nothing relevant evaluated
		{[]Check{check(alert.LivepeerNodeDown, checks.OK), check(alert.RewardNotCalled, checks.Critical)}, "ok"},
		{[]Check{check(alert.LivepeerNodeDown, checks.Warning)}, "ok"},
		{[]Check{check(alert.EthNodeDown, checks.Unknown)}, "fail"},
		{[]Check{check(alert.LivepeerNodeDown, checks.OK), check(alert.EthNodeHeadStale, checks.Critical)}, "fail"},
	}
	for i, c := range cases {
		rep := Health(c.in)
		if rep.Status != c.want || len(rep.Checks) != len(c.in) {
			t.Errorf("case %d: %s with %d checks, want %s", i, rep.Status, len(rep.Checks), c.want)
		}
	}
	rep := Health([]Check{check(alert.RewardNotCalled, checks.Warning), check(alert.LivepeerNodeDown, checks.OK)})
	if rep.Checks[0].Health || !rep.Checks[1].Health || rep.Checks[0].State != "warning" {
		t.Errorf("checks %+v", rep.Checks)
	}
}

// The /health body assembled from the entries encoded at their last
// change is byte for byte the indented encoding of the whole report,
// through new results, new reasons and states, and forgotten targets.
func TestResultsHealthBodyIsTheReportEncoded(t *testing.T) {
	r := NewResults()
	check := func(step string) {
		t.Helper()
		want, err := json.MarshalIndent(Health(r.All()), "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		wantHealthy := Health(r.All()).Status == "ok"
		if healthy, body := r.HealthJSON(); string(body) != string(want)+"\n" || healthy != wantHealthy {
			t.Errorf("%s: body (healthy %v)\n%s\nwant (healthy %v)\n%s", step, healthy, body, wantHealthy, want)
		}
	}
	if _, err := r.Forget(nil); err != nil {
		t.Fatal(err)
	}
	check("empty")
	rs := []checks.Result{
		result(alert.LivepeerNodeDown, "tc002", checks.OK, "answering"),
		result(alert.LivepeerNodeDown, "tc001", checks.OK, `answering "fast" <ok>`),
		result(alert.RewardNotCalled, "tc001", checks.Warning, "12 blocks left"),
		result(alert.EthBalanceLow, "tc001", checks.OK, "5 ETH"),
	}
	steps := []struct {
		name string
		edit func()
	}{
		{"first", func() {}},
		{"a new reason", func() { rs[2].Reason = "11 blocks left" }},
		{"a new state", func() { rs[0].State, rs[0].Reason = checks.Critical, "connection refused" }},
		{"a new target", func() { rs = append(rs, result(alert.LivepeerNodeDown, "tc000", checks.Unknown, "not probed yet")) }},
	}
	for i, s := range steps {
		s.edit()
		if _, err := r.Set(t0.Add(time.Duration(i)*time.Minute), rs); err != nil {
			t.Fatal(err)
		}
		check(s.name)
	}
	if _, err := r.Forget(map[string]bool{"tc000": true, "tc002": true}); err != nil {
		t.Fatal(err)
	}
	check("forgotten")
}
