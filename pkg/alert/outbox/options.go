package outbox

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/clock"
)

// Defaults of Options.
const (
	DefaultMaxAge         = 24 * time.Hour
	DefaultAttemptTimeout = 2 * time.Minute
)

// Options configures an Outbox.
type Options struct {
	// Clock drives backoff, max age and metrics; nil means the wall clock.
	Clock clock.Clock
	// Logger receives drops (error), failing attempts (warn) and
	// per-attempt detail (debug). Required.
	Logger logrus.FieldLogger
	// Registerer receives the metrics; nil keeps them unexported.
	Registerer prometheus.Registerer
	// Sinks are the names of the configured sinks: their series of
	// lpwatch_notifications_total exist, at 0, from Open on. Run's sinks
	// replace them.
	Sinks []string
	// MaxAge is how long a record may wait before it is dropped; 0 means
	// DefaultMaxAge.
	MaxAge time.Duration
	// Backoff paces retries; the zero value means DefaultBackoff.
	Backoff Backoff
	// Rand returns a number in [0, 1) for jitter; nil means math/rand/v2.
	Rand func() float64
	// AttemptTimeout bounds one Notify call, as a guard over the sink's
	// own timeout; 0 means DefaultAttemptTimeout.
	AttemptTimeout time.Duration
	// OnAttempt, when set, is called after every attempt and every drop,
	// outside the outbox's lock (tests wait on it; it must not block).
	OnAttempt func(Attempt)
}

// Backoff is exponential backoff with jitter:
// Initial * Multiplier^(n-1), capped at Max, then scaled by a random
// factor in [1-Jitter, 1+Jitter).
type Backoff struct {
	Initial    time.Duration
	Max        time.Duration
	Multiplier float64
	Jitter     float64
}

// DefaultBackoff is 1s doubling up to 5m, with 20% jitter.
func DefaultBackoff() Backoff {
	return Backoff{Initial: time.Second, Max: 5 * time.Minute, Multiplier: 2, Jitter: 0.2}
}

// Validate reports a backoff that cannot work.
func (b Backoff) Validate() error {
	var errs []error
	if b.Initial <= 0 {
		errs = append(errs, fmt.Errorf("backoff initial %s must be positive", b.Initial))
	}
	if b.Max < b.Initial {
		errs = append(errs, fmt.Errorf("backoff max %s is below initial %s", b.Max, b.Initial))
	}
	if b.Multiplier < 1 || math.IsNaN(b.Multiplier) || math.IsInf(b.Multiplier, 0) {
		errs = append(errs, fmt.Errorf("backoff multiplier %v must be at least 1", b.Multiplier))
	}
	if b.Jitter < 0 || b.Jitter >= 1 || math.IsNaN(b.Jitter) {
		errs = append(errs, fmt.Errorf("backoff jitter %v must be in [0, 1)", b.Jitter))
	}
	return errors.Join(errs...)
}

// Delay is the wait before retry number attempt (1 for the first retry),
// given r in [0, 1) for the jitter. It is a pure function.
func (b Backoff) Delay(attempt int, r float64) time.Duration {
	if attempt < 1 {
		attempt = 1
	}
	d := float64(b.Initial) * math.Pow(b.Multiplier, float64(attempt-1))
	if d > float64(b.Max) || math.IsInf(d, 0) {
		d = float64(b.Max)
	}
	d *= 1 + b.Jitter*(2*r-1)
	return time.Duration(d)
}

// withDefaults validates o and fills in the documented defaults.
func (o Options) withDefaults() (Options, error) {
	var errs []error
	if o.Logger == nil {
		errs = append(errs, errors.New("a logger is required"))
	}
	if o.MaxAge < 0 {
		errs = append(errs, fmt.Errorf("max age %s is negative", o.MaxAge))
	}
	if o.AttemptTimeout < 0 {
		errs = append(errs, fmt.Errorf("attempt timeout %s is negative", o.AttemptTimeout))
	}
	if o.Backoff == (Backoff{}) {
		o.Backoff = DefaultBackoff()
	}
	if err := o.Backoff.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return o, fmt.Errorf("outbox options: %w", err)
	}
	if o.Clock == nil {
		o.Clock = clock.Real{}
	}
	if o.Registerer == nil {
		o.Registerer = prometheus.NewRegistry()
	}
	if o.MaxAge == 0 {
		o.MaxAge = DefaultMaxAge
	}
	if o.AttemptTimeout == 0 {
		o.AttemptTimeout = DefaultAttemptTimeout
	}
	if o.Rand == nil {
		o.Rand = rand.Float64
	}
	if o.OnAttempt == nil {
		o.OnAttempt = func(Attempt) {}
	}
	return o, nil
}
