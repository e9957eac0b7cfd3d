package soak

import "testing"

// Tolerances of checkFlat: over the days from day 2 on, the fitted line
// may rise by at most this much in all. The day-to-day noise of a 30-day,
// 100-node run is about 16 goroutines (connections of nodes that are down
// at the sample, or not) and 10 MiB of heap; a leak of one goroutine per
// alert, or of 100 bytes per probe, exceeds these.
const (
	goroutineRise = 20
	heapRise      = 8 << 20
)

// checkFlat fits a line through the samples from day 2 on and fails when
// goroutines or heap rise by more than the tolerance over that span.
func checkFlat(t *testing.T, samples []sample) {
	t.Helper()
	if len(samples) < 3 {
		t.Logf("%d days: too short to judge a trend", len(samples))
		return
	}
	var gs, hs []float64
	for _, s := range samples[1:] {
		gs = append(gs, float64(s.goroutines))
		hs = append(hs, float64(s.heapInuse))
	}
	span := float64(len(gs) - 1)
	if rise := slope(gs) * span; rise > goroutineRise {
		t.Errorf("goroutines rise by %.1f from day 2 to day %d (limit %d)", rise, len(samples), goroutineRise)
	}
	if rise := slope(hs) * span; rise > heapRise {
		t.Errorf("heap in use rises by %.1f MiB from day 2 to day %d (limit %d MiB)", rise/(1<<20), len(samples), heapRise>>20)
	}
}

// slope is the least-squares slope of ys against 0, 1, 2, ...
func slope(ys []float64) float64 {
	n := float64(len(ys))
	var sx, sy, sxy, sxx float64
	for i, y := range ys {
		x := float64(i)
		sx, sy, sxy, sxx = sx+x, sy+y, sxy+x*y, sxx+x*x
	}
	den := n*sxx - sx*sx
	if den == 0 {
		return 0
	}
	return (n*sxy - sx*sy) / den
}
