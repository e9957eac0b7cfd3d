package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// latencyResult is one run of one path at one rate.
type latencyResult struct {
	sent, failed int
	rate         float64
	// send and sched are p50, p99, p99.9 and max from the actual send
	// time and from the scheduled one.
	send, sched [4]time.Duration
	load        window
}

// measureLatency starts lpwatch over f and sends rate requests per second
// to path for d. The load is open-loop: workers each own a slice of a
// fixed schedule, and latency is also measured from the scheduled send
// time, so a slow answer delays nothing and hides nothing (no coordinated
// omission).
func measureLatency(ctx context.Context, bin string, f *fleet, o lpOpts, path string, rate int, d time.Duration) (latencyResult, error) {
	p, err := startLpwatch(bin, f, o)
	if err != nil {
		return latencyResult{}, err
	}
	defer p.stop()
	if err := sleep(ctx, 2*time.Second); err != nil {
		return latencyResult{}, err
	}
	const workers = 64
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers, MaxConnsPerHost: workers}}
	defer client.CloseIdleConnections()
	url := "http://" + p.listen + path
	total := int(float64(rate) * d.Seconds())
	period := time.Second / time.Duration(rate)
	lats := make([]time.Duration, total)  // from the scheduled send time
	serve := make([]time.Duration, total) // from the actual send time
	var fails atomic.Int64
	var wg sync.WaitGroup
	r := latencyResult{sent: total, load: window{start: readLoad()}}
	begin := time.Now().Add(100 * time.Millisecond)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < total; i += workers {
				at := begin.Add(time.Duration(i) * period)
				time.Sleep(time.Until(at))
				t0 := time.Now()
				req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
				if err != nil {
					fails.Add(1)
					lats[i], serve[i] = -1, -1
					continue
				}
				resp, err := client.Do(req)
				if err != nil {
					fails.Add(1)
					lats[i], serve[i] = -1, -1
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				lats[i], serve[i] = time.Since(at), time.Since(t0)
			}
		}(w)
	}
	wg.Wait()
	r.load.end = readLoad()
	r.failed = int(fails.Load())
	r.rate = float64(total) / time.Since(begin).Seconds()
	r.send, r.sched = percentiles(serve), percentiles(lats)
	return r, ctx.Err()
}

// percentiles returns p50, p99, p99.9 and max of the non-negative samples.
func percentiles(samples []time.Duration) [4]time.Duration {
	ok := make([]time.Duration, 0, len(samples))
	for _, l := range samples {
		if l >= 0 {
			ok = append(ok, l)
		}
	}
	sort.Slice(ok, func(i, j int) bool { return ok[i] < ok[j] })
	var out [4]time.Duration
	if len(ok) == 0 {
		return out
	}
	for i, q := range []float64{0.5, 0.99, 0.999, 1} {
		out[i] = ok[int(q*float64(len(ok)-1))]
	}
	return out
}

// runLatency measures /health and /metrics at 2,000 requests/s and
// /metrics at a rate a fleet's Prometheus servers would reach, each runs
// times.
func runLatency(ctx context.Context, o options, f *fleet, lo lpOpts, d time.Duration) error {
	s := setupOf(f, lo)
	for _, c := range []struct {
		path   string
		rate   int
		target string
	}{{"/health", 2000, "/health p99 from send <= 1 ms"}, {"/metrics", 2000, "none"}, {"/metrics", 100, "none"}} {
		var rs []latencyResult
		for range o.runs {
			r, err := measureLatency(ctx, o.bin, f, lo, c.path, c.rate, d)
			if err != nil {
				return err
			}
			rs = append(rs, r)
		}
		reportLatency(fmt.Sprintf("latency %s at %d req/s", c.path, c.rate), s, rs, d, c.target)
	}
	return nil
}

func reportLatency(name string, s setup, rs []latencyResult, d time.Duration, target string) {
	ms := func(i int, sched bool) []float64 {
		var out []float64
		for _, r := range rs {
			v := r.send[i]
			if sched {
				v = r.sched[i]
			}
			out = append(out, float64(v.Microseconds())/1000)
		}
		return out
	}
	var ws []window
	sent, failed := 0, 0
	var rates []float64
	for _, r := range rs {
		ws, sent, failed, rates = append(ws, r.load), sent+r.sent, failed+r.failed, append(rates, r.rate)
	}
	figures := fmt.Sprintf("%d run(s) of %s, min/median/max in ms: from send p50 %s, p99 %s, p99.9 %s, max %s; from the schedule (open loop) p50 %s, p99 %s; achieved %s req/s, %d of %d failed (target %s)",
		len(rs), d, stats("%.2f", ms(0, false)), stats("%.2f", ms(1, false)), stats("%.2f", ms(2, false)), stats("%.1f", ms(3, false)),
		stats("%.2f", ms(0, true)), stats("%.2f", ms(1, true)), stats("%.0f", rates), failed, sent, target)
	line(name, s, figures, ws)
}
