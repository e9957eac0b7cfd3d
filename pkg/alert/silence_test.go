package alert_test

import (
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
)

func TestSilenceAddRules(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	const week = 7 * 24 * time.Hour
	sils, err := alert.OpenSilences(t.TempDir(), now, checks.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		sil  alert.Silence
		want string // "" accepts
	}{
		{"alert and target", alert.Silence{Alert: alert.DiskSpaceLow, Target: "/data", Comment: "resize", EndsAt: now.Add(time.Hour)}, ""},
		{"explicit all", alert.Silence{All: true, Comment: "move the rack", EndsAt: now.Add(week)}, ""},
		{"no matcher", alert.Silence{Comment: "oops", EndsAt: now.Add(time.Hour)}, `a silence of every alert needs "all": true`},
		{"all with a matcher", alert.Silence{All: true, Alert: alert.DiskSpaceLow, Comment: "x", EndsAt: now.Add(time.Hour)}, `"all" matches every alert`},
		{"until 2099", alert.Silence{All: true, Comment: "forever", EndsAt: time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)}, "must end within 168h0m0s of now"},
		{"a minute too long", alert.Silence{Target: "tc001", Comment: "x", EndsAt: now.Add(week + time.Minute)}, "alert.silence_max_duration"},
		{"ended", alert.Silence{Target: "tc001", Comment: "x", EndsAt: now.Add(-time.Minute)}, "in the future"},
		{"no comment", alert.Silence{Target: "tc001", EndsAt: now.Add(time.Hour)}, "a comment is required"},
		{"unknown alert", alert.Silence{Alert: "NoSuchAlert", Comment: "x", EndsAt: now.Add(time.Hour)}, "unknown alert name"},
	}
	for _, c := range cases {
		out, err := sils.Add(c.sil, now, week)
		switch {
		case c.want == "" && (err != nil || out.ID == ""):
			t.Errorf("%s: refused: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
	if got := len(sils.List(now)); got != 2 {
		t.Errorf("%d silences stored, want the 2 accepted", got)
	}
	if _, ok := sils.Match(alert.RewardNotCalled, "tc002", now); !ok {
		t.Error("the explicit all-silence does not match every alert")
	}
}
