package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Probe interval, timeout and checks.node_down_for of the fault measurement.
const (
	faultInterval = 5 * time.Second
	faultTimeout  = 2 * time.Second
	faultFor      = 10 * time.Second
)

// faultOpts is lpwatch's configuration for the fault measurement.
func faultOpts(hookURL string) lpOpts {
	return lpOpts{interval: faultInterval, timeout: faultTimeout, downFor: faultFor, hookURL: hookURL}
}

// measureFault starts lpwatch over f (one node), stops the node and
// measures until the webhook accepts LivepeerNodeDown; the node is
// started again afterwards.
func measureFault(ctx context.Context, bin string, f *fleet, o lpOpts, h *hook) (time.Duration, window, error) {
	p, err := startLpwatch(bin, f, o)
	if err != nil {
		return 0, window{}, err
	}
	defer p.stop()
	if err := sleep(ctx, 2*o.interval); err != nil {
		return 0, window{}, err
	}
	w := window{start: readLoad()}
	t0 := time.Now()
	f.nodes[0].Stop()
	defer func() { _ = f.nodes[0].Restart() }()
	e, ok := h.wait(ctx, t0, "LivepeerNodeDown", nodeName(0), "firing", t0.Add(3*(o.interval+o.downFor)))
	w.end = readLoad()
	if !ok {
		return 0, w, errors.New("fault: no LivepeerNodeDown notification arrived\n" + p.logTail())
	}
	return e.at.Sub(t0), w, nil
}

// runFault measures fault to notification runs times.
func runFault(ctx context.Context, o options, f *fleet) error {
	h := newHook()
	defer h.close()
	lo := faultOpts(h.URL())
	var ds []time.Duration
	var ws []window
	for range o.runs {
		d, w, err := measureFault(ctx, o.bin, f, lo, h)
		if err != nil {
			return err
		}
		ds, ws = append(ds, d), append(ws, w)
	}
	budget := lo.interval + lo.downFor + time.Second
	line("fault to notification", setupOf(f, lo), fmt.Sprintf("%d run(s), LivepeerNodeDown accepted by a webhook after the node stopped, min/median/max %s s (target <= interval + for + 1 s = %s)",
		len(ds), stats("%.3f", seconds(ds)), budget), ws)
	return nil
}
