package remediation

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestDisabledDoesNothing(t *testing.T) {
	cfg := testConfig()
	cfg.Remediation.Enabled = false
	cfg.Remediation.ScheduledChainRestart = "12:00"
	r := startRig(t, "", nil)
	r.stall(cfg)
	r.healthy(cfg) // a second feed: the first has been handled once this one is
	r.waitStatus("the feeds", func(Status) bool { _, seq, _ := r.c.mail.get(); return seq == 2 })
	r.clk.Advance(48 * time.Hour)
	r.stall(cfg)
	st := r.c.Status()
	if len(r.units.list()) != 0 || len(st.Restarts) != 0 || !st.NextScheduledRestart.IsZero() || len(r.emit.list()) != 0 {
		t.Fatalf("remediation is off but acted: restarts %v, status %+v", r.units.list(), st)
	}
}

func TestFeedRejectsBadInput(t *testing.T) {
	r := startRig(t, "", nil)
	for name, f := range map[string]Feed{"no config": {At: testStart}, "no time": {Config: testConfig()}} {
		if err := r.c.Feed(f); err == nil {
			t.Errorf("%s: Feed accepted it", name)
		}
	}
}

func TestNewRejectsMissingOptions(t *testing.T) {
	_, err := New(Options{})
	for _, want := range []string{"state dir", "unit manager", "emitter"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("New(Options{}) = %v, want it to name %q", err, want)
		}
	}
}

// TestDocsListResults: docs/remediation.md names every result label value.
func TestDocsListResults(t *testing.T) {
	doc, err := os.ReadFile("../../docs/remediation.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range Results() {
		if !strings.Contains(string(doc), "`"+r+"`") {
			t.Errorf("docs/remediation.md does not name the result %q", r)
		}
	}
}
