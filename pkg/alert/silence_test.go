package alert

import (
	"strings"
	"testing"
	"time"
)

func TestSilenceAddRules(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	const week = 7 * 24 * time.Hour
	sils, err := OpenSilences(t.TempDir(), now)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		sil  Silence
		want string // "" accepts
	}{
		{"alert and target", Silence{Alert: DiskSpaceLow, Target: "/data", Comment: "resize", EndsAt: now.Add(time.Hour)}, ""},
		{"explicit all", Silence{All: true, Comment: "move the rack", EndsAt: now.Add(week)}, ""},
		{"no matcher", Silence{Comment: "oops", EndsAt: now.Add(time.Hour)}, `a silence of every alert needs "all": true`},
		{"all with a matcher", Silence{All: true, Alert: DiskSpaceLow, Comment: "x", EndsAt: now.Add(time.Hour)}, `"all" matches every alert`},
		{"until 2099", Silence{All: true, Comment: "forever", EndsAt: time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)}, "must end within 168h0m0s of now"},
		{"a minute too long", Silence{Target: "tc001", Comment: "x", EndsAt: now.Add(week + time.Minute)}, "alert.silence_max_duration"},
		{"ended", Silence{Target: "tc001", Comment: "x", EndsAt: now.Add(-time.Minute)}, "in the future"},
		{"no comment", Silence{Target: "tc001", EndsAt: now.Add(time.Hour)}, "a comment is required"},
		{"unknown alert", Silence{Alert: "NoSuchAlert", Comment: "x", EndsAt: now.Add(time.Hour)}, "unknown alert name"},
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
	if _, ok := sils.Match(RewardNotCalled, "tc002", now); !ok {
		t.Error("the explicit all-silence does not match every alert")
	}
}
