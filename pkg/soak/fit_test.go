package soak

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func TestFitLine(t *testing.T) {
	cases := []struct {
		name   string
		xs, ys []float64
		want   line
		ok     bool
	}{
		{"exact", []float64{0, 1, 2, 3}, []float64{3, 5, 7, 9}, line{slope: 2, intercept: 3}, true},
		{"flat", []float64{0, 1, 2}, []float64{4, 4, 4}, line{slope: 0, intercept: 4}, true},
		{"symmetric noise", []float64{0, 1, 2, 3}, []float64{1, -1, -1, 1}, line{slope: 0, intercept: 0}, true},
		// Least squares through (0,0) (1,1) (2,1): slope 1/2, intercept 1/6.
		{"best fit", []float64{0, 1, 2}, []float64{0, 1, 1}, line{slope: 0.5, intercept: 1.0 / 6}, true},
		{"uneven x", []float64{10, 12, 20}, []float64{1, 2, 6}, line{slope: 0.5, intercept: -4}, true},
		{"one point", []float64{1}, []float64{1}, line{}, false},
		{"same x", []float64{2, 2, 2}, []float64{1, 2, 3}, line{}, false},
		{"lengths differ", []float64{0, 1, 2}, []float64{1, 2}, line{}, false},
	}
	for _, c := range cases {
		got, ok := fitLine(c.xs, c.ys)
		if ok != c.ok || math.Abs(got.slope-c.want.slope) > 1e-9 || math.Abs(got.intercept-c.want.intercept) > 1e-9 {
			t.Errorf("%s: fitLine = %+v %v, want %+v %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

// synthetic is four days of hourly usage from t0, with transitions
// arriving at random hours (about 60 in all); goroutines(hour, transitions,
// noise) gives the goroutine count, where noise is in [-1, 1).
func synthetic(goroutines func(hour, transitions int, noise float64) float64) []usage {
	rng := rand.New(rand.NewPCG(1, 2))
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	var out []usage
	trans := 0
	for h := 0; h <= 4*24; h++ {
		if rng.Float64() < 0.6 {
			trans += rng.IntN(2) + 1
		}
		g := goroutines(h, trans, 2*rng.Float64()-1)
		out = append(out, usage{at: t0.Add(time.Duration(h) * time.Hour), transitions: trans, goroutines: int(math.Round(g)), heapInuse: 8 << 20})
	}
	return out
}

func TestLeaks(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		us   []usage
		want string // a problem containing this, or none when ""
	}{
		{"flat", synthetic(func(int, int, float64) float64 { return 120 }), ""},
		{"noisy flat", synthetic(func(_, _ int, n float64) float64 { return 120 + 6*n }), ""},
		// Connections closed for a few hours a day: fewer goroutines for
		// a while, then back.
		{"daily dips", synthetic(func(h, _ int, _ float64) float64 {
			if h%24 > 10 && h%24 < 14 {
				return 114
			}
			return 120
		}), ""},
		{"one per transition", synthetic(func(_, tr int, _ float64) float64 { return 120 + float64(tr) }), "1.00 per alert transition"},
		{"noisy, one per transition", synthetic(func(_, tr int, n float64) float64 { return 120 + float64(tr) + 6*n }), "per alert transition"},
		{"one per two transitions", synthetic(func(_, tr int, _ float64) float64 { return 120 + float64(tr)/2 }), "per alert transition"},
		{"one every two hours", synthetic(func(h, _ int, _ float64) float64 { return 120 + float64(h)/2 }), "goroutines rise by 48.0 over 4.0 days"},
		{"heap", func() []usage {
			us := synthetic(func(int, int, float64) float64 { return 120 })
			for i := range us {
				us[i].heapInuse += uint64(i) << 18 // 256 KiB an hour
			}
			return us
		}(), "heap in use rises by 24.0 MiB"},
		{"no transitions", []usage{{at: t0, goroutines: 1}, {at: t0.Add(time.Hour), goroutines: 1}, {at: t0.Add(2 * time.Hour), goroutines: 1}},
			"0 alert transitions: too few"},
		{"two samples", []usage{{at: t0}, {at: t0.Add(time.Hour)}}, "too few to fit"},
	}
	for _, c := range cases {
		got := leaks(c.us, t0, soakLimits)
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("%s: %q, want no problem", c.name, got)
		case c.want != "" && (len(got) == 0 || !strings.Contains(strings.Join(got, "; "), c.want)):
			t.Errorf("%s: %q, want a problem with %q", c.name, got, c.want)
		}
	}
	// Usage before the judged span does not count.
	us := synthetic(func(h, _ int, _ float64) float64 {
		if h < 24 {
			return 60 + float64(h)*2
		}
		return 120
	})
	if got := leaks(us, t0.Add(24*time.Hour), soakLimits); len(got) > 0 {
		t.Errorf("warm-up judged: %q", got)
	}
}
