package daemon

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/outbox"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/statefile"
)

// Outbox is the durable delivery queue.
type Outbox interface {
	alert.Enqueuer
	Run(ctx context.Context, sinks map[string]alert.Sink) error
	Health() []outbox.SinkHealth
	Pending() []outbox.Record
	Close() error
}

// openAlerting opens silences, the outbox and the alert engine in the state
// directory and builds the sinks. Damaged state files are moved aside and
// reported; lpwatch still starts, so monitoring never stops for them. A
// state file in a newer format stops the start (statefile.ErrNewer).
func (d *Daemon) openAlerting(cfg *config.Config) error {
	now := d.clock.Now()
	catalog := checks.Catalog()
	sil, err := alert.OpenSilences(cfg.State.Dir, now, catalog)
	if errors.Is(err, statefile.ErrNewer) {
		return err
	}
	if err != nil {
		d.log.WithError(err).Error("silences could not be loaded; starting without them")
	}
	d.silences = sil
	ob, err := outbox.Open(filepath.Join(cfg.State.Dir, "outbox"), outbox.Options{
		Clock: d.clock, Logger: d.log.WithField("component", "outbox"), Registerer: d.opts.Registry,
		Sinks: sinkNames(cfg), MaxAge: cfg.Alert.OutboxMaxAge,
		Backoff: outbox.Backoff{Initial: cfg.Alert.BackoffInitial, Max: cfg.Alert.BackoffMax, Multiplier: 2, Jitter: 0.2},
	})
	if err != nil {
		return fmt.Errorf("open outbox: %w", err)
	}
	d.outbox = ob
	sinks, err := d.buildSinkSet(cfg)
	if err != nil {
		return err
	}
	d.sinks = sinks
	eng, err := alert.NewEngine(alert.EngineOptions{
		Catalog: catalog, StateDir: cfg.State.Dir, Source: source(cfg), RunbookBaseURL: cfg.Alert.RunbookBaseURL,
		Routes: routes(cfg), Repeat: repeat(cfg), Outbox: ob, Silences: sil,
		Clock: d.clock, Logger: d.log, Registerer: d.opts.Registry,
	})
	if errors.Is(err, statefile.ErrNewer) {
		_ = ob.Close()
		return err
	}
	if err != nil {
		d.log.WithError(err).Error("alert state could not be loaded; starting afresh")
	}
	d.engine = eng
	return nil
}

// sinkNames are the names of the configured sinks.
func sinkNames(cfg *config.Config) []string {
	out := make([]string, len(cfg.Alert.Sinks))
	for i, s := range cfg.Alert.Sinks {
		out[i] = s.Name
	}
	return out
}

func (d *Daemon) buildSinkSet(cfg *config.Config) (map[string]alert.Sink, error) {
	sinks, err := d.opts.Sinks(cfg)
	if err != nil {
		return nil, fmt.Errorf("sinks: %w", err)
	}
	return sinks, nil
}

// applySinks swaps the sinks and routes after a reload and restarts the
// outbox's workers with them.
func (d *Daemon) applySinks(cfg *config.Config, sinks map[string]alert.Sink) {
	d.mu.Lock()
	d.sinks = sinks
	d.mu.Unlock()
	d.engine.SetRoutes(routes(cfg), repeat(cfg), source(cfg), cfg.Alert.RunbookBaseURL)
	d.restartDelivery()
}

func (d *Daemon) currentSinks() map[string]alert.Sink {
	d.mu.RLock()
	defer d.mu.RUnlock()
	out := make(map[string]alert.Sink, len(d.sinks))
	for k, v := range d.sinks {
		out[k] = v
	}
	return out
}

// deliveryRunner runs the outbox workers and restarts them on reload.
type deliveryRunner struct {
	mu     sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
}

// runDelivery runs the outbox until ctx ends, restarting its workers when
// restartDelivery is called.
func (d *Daemon) runDelivery(ctx context.Context) error {
	for {
		rctx, cancel := context.WithCancel(ctx)
		done := make(chan struct{})
		d.delivery.mu.Lock()
		d.delivery.cancel, d.delivery.done = cancel, done
		d.delivery.mu.Unlock()
		sinks := d.currentSinks()
		var err error
		if len(sinks) == 0 {
			d.log.Warn("no sinks configured: notifications are queued but not delivered")
			<-rctx.Done()
		} else {
			err = d.outbox.Run(rctx, sinks)
		}
		cancel()
		close(done)
		if err != nil {
			return err
		}
		if ctx.Err() != nil {
			return nil
		}
	}
}

func (d *Daemon) restartDelivery() {
	d.delivery.mu.Lock()
	cancel, done := d.delivery.cancel, d.delivery.done
	d.delivery.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
}

// deliveryInputs turns the outbox's per-sink health into
// NotificationDeliveryFailing inputs (sent through the other sinks).
func (d *Daemon) deliveryInputs(now time.Time) []alert.Input {
	limit := d.config().Checks.DeliveryFailingFor
	var out []alert.Input
	for _, h := range d.outbox.Health() {
		in := alert.Input{Alert: alert.NotificationDeliveryFailing, Target: h.Sink, Severity: alert.SeverityWarning}
		if h.FailingFor(now, limit) {
			in.Active = true
			in.Reason = fmt.Sprintf("sink %s has failed since %s (%d attempts, last: %s); %d notification(s) waiting",
				h.Sink, h.FailingSince.Format(time.RFC3339), h.ConsecutiveFailures, h.LastReason, h.QueueDepth)
			in.Details = map[string]string{"sink": h.Sink, "last_reason": h.LastReason, "queue_depth": fmt.Sprint(h.QueueDepth)}
		}
		out = append(out, in)
	}
	return out
}

// startedNotice sends the optional "lpwatch started" notification.
func (d *Daemon) startedNotice(ctx context.Context, cfg *config.Config) {
	if !cfg.Alert.StartedNotice {
		return
	}
	desc := fmt.Sprintf("lpwatch %s started, watching %d node(s)", d.opts.Version, len(cfg.Nodes))
	if err := d.engine.Emit(ctx, alert.LpwatchStarted, source(cfg), alert.SeverityInfo, "", desc, nil); err != nil {
		d.log.WithError(err).Error("cannot queue the started notice")
	}
}

// source names this instance in notifications.
func source(cfg *config.Config) string {
	if cfg.Alert.Source != "" {
		return cfg.Alert.Source
	}
	h, err := os.Hostname()
	if err != nil || h == "" {
		return "lpwatch"
	}
	return h
}

// runResend re-posts firing alerts to sinks that forget them otherwise
// (Alertmanager), every sink's resend interval, until ctx ends.
func (d *Daemon) runResend(ctx context.Context) error {
	tick := d.clock.NewTicker(time.Second)
	defer tick.Stop()
	last := make(map[string]time.Time)
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C():
		}
		now := d.clock.Now()
		for name, s := range d.currentSinks() {
			r, ok := s.(alert.Resender)
			if !ok || now.Sub(last[name]) < r.ResendInterval() {
				continue
			}
			last[name] = now
			firing := d.engine.Firing(name)
			if len(firing) == 0 {
				continue
			}
			if err := r.Resend(ctx, firing); err != nil {
				d.log.WithError(err).WithField("sink", name).Warn("re-posting firing alerts failed; retried next interval")
			}
		}
	}
}
