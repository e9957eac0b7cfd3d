package remediation

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/watchdog"
)

// Defaults of Options.
const (
	// DefaultRewardCallTimeout bounds POST /reward: the node answers only
	// once its transaction is mined or failed, which with go-livepeer's
	// defaults takes at most -transactionTimeout (5m) times
	// -maxTransactionReplacements+1 (2), after the gas estimation and the
	// walk of the transcoder pool for the list hints. Five minutes more
	// than those ten let the node give its own answer.
	DefaultRewardCallTimeout = 15 * time.Minute
	// DefaultRewardConfirmTimeout bounds the wait for the chain to show the
	// reward after the node answered.
	DefaultRewardConfirmTimeout = 10 * time.Minute
)

// Emitter queues one-off events; *alert.Engine implements it.
type Emitter interface {
	Emit(ctx context.Context, alert, target string, sev alert.Severity, summary, description string, details map[string]string) error
}

// RewardCaller asks one node to call reward(); *nodeapi.Client implements it.
type RewardCaller interface {
	CallReward(ctx context.Context) error
}

// Options configures a Controller. Everything with side effects is injected.
type Options struct {
	// StateDir holds the ledger (remediation.json). Required.
	StateDir string
	// Units connects to systemd. It is called at the first restart, and
	// again after a failed connection; the controller closes what it got
	// when Run returns. Required.
	Units func(ctx context.Context) (watchdog.UnitManager, error)
	// Emitter announces RemediationPerformed events. Required.
	Emitter Emitter
	// Rewarder returns the reward caller of a node; nil builds a
	// nodeapi.Client with HTTPClient.
	Rewarder func(n config.Node) (RewardCaller, error)
	// HTTPClient performs the reward calls. Give it a transport of its own,
	// not the probes': a call stays open for minutes, until the node's
	// transaction is mined, and on a transport with one connection per
	// host the probes of that node would queue behind it.
	HTTPClient *http.Client
	Clock      clock.Clock
	Logger     logrus.FieldLogger
	Registerer prometheus.Registerer
	// Config is the configuration at start: the series of its units in
	// lpwatch_remediations_total exist, at 0, from New on. Each Feed's
	// configuration replaces it (a reload's units appear, removed ones go);
	// nil leaves the series to the first Feed.
	Config *config.Config
	// Location is where scheduled_chain_restart's HH:MM is read; nil means
	// time.Local.
	Location *time.Location
	// RewardCallTimeout and RewardConfirmTimeout: zero means the defaults.
	RewardCallTimeout    time.Duration
	RewardConfirmTimeout time.Duration
}

// validate fills defaults and reports every missing or bad option.
func (o *Options) validate() error {
	var errs []error
	if o.StateDir == "" {
		errs = append(errs, errors.New("state dir is required"))
	}
	if o.Units == nil {
		errs = append(errs, errors.New("a systemd unit manager is required"))
	}
	if o.Emitter == nil {
		errs = append(errs, errors.New("an event emitter is required"))
	}
	if o.RewardCallTimeout < 0 || o.RewardConfirmTimeout < 0 {
		errs = append(errs, fmt.Errorf("reward timeouts must not be negative (call %s, confirm %s)", o.RewardCallTimeout, o.RewardConfirmTimeout))
	}
	if len(errs) > 0 {
		return fmt.Errorf("remediation options: %w", errors.Join(errs...))
	}
	if o.Clock == nil {
		o.Clock = clock.Real{}
	}
	if o.Logger == nil {
		l := logrus.New()
		l.Out = nopWriter{}
		o.Logger = l
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.RewardCallTimeout == 0 {
		o.RewardCallTimeout = DefaultRewardCallTimeout
	}
	if o.RewardConfirmTimeout == 0 {
		o.RewardConfirmTimeout = DefaultRewardConfirmTimeout
	}
	if o.Rewarder == nil {
		hc, clk := o.HTTPClient, o.Clock
		o.Rewarder = func(n config.Node) (RewardCaller, error) {
			return nodeapi.New(n.URL, nodeapi.Options{HTTPClient: hc, Clock: clk})
		}
	}
	return nil
}

// nopWriter discards log output when no logger is given.
type nopWriter struct{}

func (nopWriter) Write(p []byte) (int, error) { return len(p), nil }
