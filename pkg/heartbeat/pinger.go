// Package heartbeat is the heartbeat out, lpwatch's dead man's switch
// ([alert.heartbeat]): it pings a URL (healthchecks.io style) every
// interval while the probe scheduler completes cycles, so that the
// service behind the URL pages when lpwatch or its host goes silent, and
// pings the fail URL with a short reason while no sink can deliver,
// since lpwatch can then page no one itself.
//
// It decides nothing about liveness or delivery: the caller gives it the
// watchdog's rule (watchdog.Heartbeat.Alive) and the delivery state.
package heartbeat

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/redact"
)

// maxAnswer bounds what is read of the service's answer.
const maxAnswer = 4 << 10

// Options configures a Pinger. Client, Clock, Alive and Undeliverable are
// required.
type Options struct {
	// Client sends the pings; each is also bounded by the configured
	// timeout.
	Client *http.Client
	Clock  clock.Clock
	// Logger receives ping failures and recoveries. Default: discard.
	Logger logrus.FieldLogger
	// Registerer takes the heartbeat metrics; nil leaves them unregistered.
	Registerer prometheus.Registerer
	// Config returns the [alert.heartbeat] section running now.
	Config func() config.Heartbeat
	// Alive reports the age of the scheduler's last progressing cycle and
	// whether it is recent enough for a ping: the watchdog's rule.
	Alive func() (time.Duration, bool)
	// Undeliverable says why no sink can deliver a notification now, ""
	// while one can.
	Undeliverable func(now time.Time) string
}

// Status is the heartbeat's state for /status, `lpwatch status` and the
// status page. It names the service by scheme and host only.
type Status struct {
	// URL is the success URL's scheme and host.
	URL      string        `json:"url"`
	Interval time.Duration `json:"interval"`
	// State is "pending" before the first ping, "ok" when the last success
	// ping was accepted, "failing" when the last ping was to the fail URL
	// (no sink delivers), "withheld" while the scheduler is stalled, and
	// "error" when the last ping was not accepted.
	State string `json:"state"`
	// Reason says why, for every state but ok and pending.
	Reason string `json:"reason,omitempty"`
	// LastPing is the time and kind (success, fail, start) of the last ping sent.
	LastPing     time.Time `json:"last_ping,omitzero"`
	LastPingKind string    `json:"last_ping_kind,omitempty"`
	// LastSuccess is when a success ping was last accepted.
	LastSuccess time.Time `json:"last_success,omitzero"`
}

// The values of Status.State.
const (
	StatePending  = "pending"
	StateOK       = "ok"
	StateFailing  = "failing"
	StateWithheld = "withheld"
	StateError    = "error"
)

// Pinger sends the heartbeat pings. Its methods are safe for concurrent use.
type Pinger struct {
	opts    Options
	log     logrus.FieldLogger
	metrics *metrics

	// reconfigure wakes Run to read the configuration again.
	reconfigure chan struct{}

	mu     sync.Mutex
	status Status
}

// New returns a Pinger over opts.
func New(opts Options) (*Pinger, error) {
	var missing []string
	for _, m := range []struct {
		name string
		nil  bool
	}{{"client", opts.Client == nil}, {"clock", opts.Clock == nil}, {"config", opts.Config == nil},
		{"alive", opts.Alive == nil}, {"undeliverable", opts.Undeliverable == nil}} {
		if m.nil {
			missing = append(missing, m.name)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("heartbeat: missing %v", missing)
	}
	log := opts.Logger
	if log == nil {
		l := logrus.New()
		l.SetOutput(io.Discard)
		log = l
	}
	return &Pinger{opts: opts, log: log.WithField("component", "heartbeat"), metrics: newMetrics(opts.Registerer),
		reconfigure: make(chan struct{}, 1), status: Status{State: StatePending}}, nil
}

// Run pings until ctx ends: the start URL at once when configured, then
// every interval the success URL (or the fail URL) as Options say. With
// no URL configured it pings nothing and holds no ticker. Reconfigure
// makes it read the configuration again (after a reload).
func (p *Pinger) Run(ctx context.Context) error {
	h := p.opts.Config()
	if h.Enabled() && h.Start {
		p.send(ctx, h, PingStart, "")
	}
	var (
		t        clock.Ticker
		tick     <-chan time.Time
		interval time.Duration
	)
	defer func() {
		if t != nil {
			t.Stop()
		}
	}()
	for {
		if on := h.Enabled(); !on || h.Interval != interval {
			if t != nil {
				t.Stop()
				t, tick, interval = nil, nil, 0
			}
			if on {
				interval = h.Interval
				t = p.opts.Clock.NewTicker(interval)
				tick = t.C()
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-p.reconfigure:
		case <-tick:
			p.Tick(ctx, h)
		}
		h = p.opts.Config()
	}
}

// Reconfigure tells Run that the configuration changed.
func (p *Pinger) Reconfigure() {
	select {
	case p.reconfigure <- struct{}{}:
	default:
	}
}

// Tick makes the decision of one interval: no ping while the scheduler
// is stalled, the fail URL while no sink delivers, else the success URL.
func (p *Pinger) Tick(ctx context.Context, h config.Heartbeat) {
	if age, alive := p.opts.Alive(); !alive {
		p.withhold(age)
		return
	}
	if why := p.opts.Undeliverable(p.opts.Clock.Now()); why != "" {
		p.send(ctx, h, PingFail, why)
		return
	}
	p.send(ctx, h, PingSuccess, "")
}

// Status returns the heartbeat's state.
func (p *Pinger) Status() Status {
	h := p.opts.Config()
	p.mu.Lock()
	st := p.status
	p.mu.Unlock()
	st.URL, st.Interval = redact.URL(h.URL.Reveal()), h.Interval
	return st
}

// withhold records a tick without a ping: the scheduler is stalled.
func (p *Pinger) withhold(age time.Duration) {
	reason := fmt.Sprintf("the scheduler completed no cycle for %s: no ping, so the heartbeat service pages", age.Truncate(time.Second))
	p.mu.Lock()
	was := p.status.State
	p.status.State, p.status.Reason = StateWithheld, reason
	p.mu.Unlock()
	// Counted once the status says so: a reader of both sees them agree.
	p.metrics.pings.WithLabelValues(PingSuccess, resultWithheld).Inc()
	if was != StateWithheld {
		p.log.WithField("last_cycle_age", age.Truncate(time.Second)).Warn("scheduler stalled: withholding heartbeat pings")
	}
}

// send sends one ping: the fail ping carries why as its body.
func (p *Pinger) send(ctx context.Context, h config.Heartbeat, ping, why string) {
	target := pingURL(h, ping)
	err := p.request(ctx, h.Timeout, target, why)
	now := p.opts.Clock.Now()
	result := resultSent
	if err != nil {
		result = resultError
		err = redact.Error(err, target, h.URL.Reveal(), h.FailURL.Reveal())
	}
	defer p.metrics.pings.WithLabelValues(ping, result).Inc() // once the status says so
	p.mu.Lock()
	defer p.mu.Unlock()
	was := p.status.State
	st := &p.status
	st.LastPing, st.LastPingKind = now, ping
	fields := logrus.Fields{"ping": ping, "service": redact.URL(target)}
	switch {
	case err != nil:
		st.State, st.Reason = StateError, fmt.Sprintf("%s ping not accepted: %v", ping, err)
		p.log.WithFields(fields).WithError(err).Warn("heartbeat ping failed; retried next interval")
	case ping == PingFail:
		st.State, st.Reason = StateFailing, why
		if was != StateFailing {
			p.log.WithFields(fields).WithField("reason", why).Warn("no sink delivers: pinging the heartbeat's fail URL")
		}
	case ping == PingSuccess:
		st.State, st.Reason, st.LastSuccess = StateOK, "", now
		p.metrics.lastSuccess.Set(float64(now.UnixNano()) / 1e9)
		if was != StateOK && was != StatePending {
			p.log.WithFields(fields).Info("heartbeat pings succeed again")
		}
	}
}

// request sends the ping to target under timeout: a POST with body as
// text when body is set, else a GET. Any 2xx answer accepts it.
func (p *Pinger) request(ctx context.Context, timeout time.Duration, target, body string) error {
	if timeout <= 0 {
		timeout = config.DefaultHeartbeatTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	method, rd := http.MethodGet, io.Reader(nil)
	if body != "" {
		method, rd = http.MethodPost, strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, target, rd)
	if err != nil {
		return err
	}
	req.Header.Set("User-Agent", "lpwatch")
	if body != "" {
		req.Header.Set("Content-Type", "text/plain; charset=utf-8")
	}
	resp, err := p.opts.Client.Do(req)
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return fmt.Errorf("no answer within %s: %w", timeout, err)
		}
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxAnswer))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return errors.New("answered " + strconv.Itoa(resp.StatusCode))
	}
	return nil
}
