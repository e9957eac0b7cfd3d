package soak

import (
	"fmt"
	"time"
)

// limits bound what a soak's usage may show over the judged span (from
// day 2 on: day 1 opens the connections and fills the caches).
type limits struct {
	// goroutineRise and heapRise bound the rise of the least-squares line
	// of goroutines and heap in use against time, over the span.
	goroutineRise float64
	heapRise      float64
	// perTransition bounds the least-squares slope of goroutines against
	// the alert transitions so far: what each transition leaves behind.
	perTransition float64
	// minTransitions is the fewest transitions the span must see for the
	// slope per transition to mean anything.
	minTransitions int
}

// soakLimits are the soak's bounds. The day-to-day noise of a 30-day,
// 100-node run is about 16 goroutines (connections of nodes that are down
// at the sample, or not) and 10 MiB of heap; fitted over hourly samples
// the lines of a run that leaks nothing rise by far less. A leak of one
// goroutine per alert transition has a slope of 1 per transition; of 100
// bytes per probe, a heap rise above 8 MiB in a long run.
var soakLimits = limits{goroutineRise: 20, heapRise: 8 << 20, perTransition: 0.25, minTransitions: 10}

// line is a least-squares fit y = intercept + slope·x.
type line struct{ slope, intercept float64 }

// fitLine fits ys against xs by least squares. ok is false when there are
// fewer than two points, the lengths differ or every x is the same.
func fitLine(xs, ys []float64) (l line, ok bool) {
	n := float64(len(xs))
	if len(xs) < 2 || len(xs) != len(ys) {
		return line{}, false
	}
	var sx, sy float64
	for i := range xs {
		sx, sy = sx+xs[i], sy+ys[i]
	}
	mx, my := sx/n, sy/n
	var sxx, sxy float64
	for i := range xs {
		dx := xs[i] - mx
		sxx, sxy = sxx+dx*dx, sxy+dx*(ys[i]-my)
	}
	if sxx == 0 {
		return line{}, false
	}
	l.slope = sxy / sxx
	l.intercept = my - l.slope*mx
	return l, true
}

// leaks judges the usage measured at or after from against lim and
// describes every bound exceeded; none when the run leaked nothing.
func leaks(us []usage, from time.Time, lim limits) []string {
	var days, trans, gs, hs []float64
	for _, u := range us {
		if u.at.Before(from) {
			continue
		}
		days = append(days, u.at.Sub(from).Hours()/24)
		trans = append(trans, float64(u.transitions))
		gs = append(gs, float64(u.goroutines))
		hs = append(hs, float64(u.heapInuse))
	}
	if len(days) < 3 {
		return []string{fmt.Sprintf("%d samples from %s on: too few to fit a trend", len(days), from.Format(time.RFC3339))}
	}
	var out []string
	span := days[len(days)-1] - days[0]
	if l, ok := fitLine(days, gs); ok && l.slope*span > lim.goroutineRise {
		out = append(out, fmt.Sprintf("goroutines rise by %.1f over %.1f days (limit %.0f)", l.slope*span, span, lim.goroutineRise))
	}
	if l, ok := fitLine(days, hs); ok && l.slope*span > lim.heapRise {
		out = append(out, fmt.Sprintf("heap in use rises by %.1f MiB over %.1f days (limit %.0f MiB)", l.slope*span/(1<<20), span, lim.heapRise/(1<<20)))
	}
	seen := int(trans[len(trans)-1] - trans[0])
	l, ok := fitLine(trans, gs)
	switch {
	case seen < lim.minTransitions || !ok:
		out = append(out, fmt.Sprintf("%d alert transitions: too few to bound the goroutines per transition (at least %d)", seen, lim.minTransitions))
	case l.slope > lim.perTransition:
		out = append(out, fmt.Sprintf("goroutines grow by %.2f per alert transition over %d transitions (limit %.2f)", l.slope, seen, lim.perTransition))
	}
	return out
}
