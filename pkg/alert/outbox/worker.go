package outbox

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// Run delivers the pending records with one worker per sink until ctx
// ends, then returns nil once every worker has stopped (an attempt in
// flight is abandoned and its record kept). Records waiting for a sink
// that is not in sinks are dropped, loudly. Run may be called again
// after it returns (for example with a reloaded set of sinks), never
// twice at once. While it runs it also retries, on the backoff, the
// writes and removals that failed (see Enqueue).
func (o *Outbox) Run(ctx context.Context, sinks map[string]alert.Sink) error {
	if len(sinks) == 0 {
		return errors.New("outbox run: no sinks")
	}
	for name, s := range sinks {
		if s == nil || s.Name() != name {
			return fmt.Errorf("outbox run: sink %q is nil or named differently", name)
		}
	}
	queues, orphans, err := o.start(sinks)
	if err != nil {
		return err
	}
	for _, e := range orphans {
		o.finish(e, ResultDropped, nil, "sink is no longer configured")
	}
	o.retainReceipts(sinks)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		o.saveLoop(ctx)
	}()
	for name, q := range queues {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o.work(ctx, q, sinks[name])
		}()
	}
	<-ctx.Done()
	wg.Wait()
	o.mu.Lock()
	o.running = nil
	o.mu.Unlock()
	return nil
}

// start marks the outbox running and takes the records of unknown sinks out.
func (o *Outbox) start(sinks map[string]alert.Sink) (map[string]*queue, []*entry, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	switch {
	case o.closed:
		return nil, nil, errors.New("outbox run: outbox is closed")
	case o.running != nil:
		return nil, nil, errors.New("outbox run: already running")
	}
	var orphans []*entry
	for name, q := range o.queues {
		if _, ok := sinks[name]; !ok {
			orphans = append(orphans, q.entries...)
			delete(o.queues, name)
		}
	}
	o.running = map[string]bool{}
	queues := map[string]*queue{}
	for name := range sinks {
		o.running[name] = true
		queues[name] = o.queueFor(name)
	}
	return queues, orphans, nil
}

// work is one sink's delivery loop.
func (o *Outbox) work(ctx context.Context, q *queue, sink alert.Sink) {
	for ctx.Err() == nil {
		now := o.opts.Clock.Now()
		o.mu.Lock()
		expired := q.takeExpired(now, o.opts.MaxAge)
		e, wakeAt := q.pick(now, o.opts.MaxAge)
		q.inflight = e
		o.mu.Unlock()
		for _, x := range expired {
			o.finish(x, ResultExpired, nil, fmt.Sprintf("undelivered for longer than the max age %s", o.opts.MaxAge))
		}
		if e == nil {
			o.wait(ctx, q, now, wakeAt)
			continue
		}
		err := o.attempt(ctx, sink, e)
		if ctx.Err() != nil && err != nil {
			// Stopped mid-attempt: keep the record for the next Run.
			o.mu.Lock()
			q.inflight = nil
			o.mu.Unlock()
			return
		}
		// A delivery that completed while Run was stopping is recorded,
		// so a restart (reload, shutdown) does not send it twice.
		o.settle(q, e, err)
	}
}

// wait blocks until ctx ends, a record is enqueued, or wakeAt passes.
func (o *Outbox) wait(ctx context.Context, q *queue, now, wakeAt time.Time) {
	var fire <-chan time.Time
	if !wakeAt.IsZero() {
		t := o.opts.Clock.NewTimer(wakeAt.Sub(now))
		defer t.Stop()
		fire = t.C()
	}
	select {
	case <-ctx.Done():
	case <-q.wake:
	case <-fire:
	}
}

// stopGrace is how long an attempt in flight may still finish once Run is
// stopping: a request the sink already accepted is then recorded instead
// of being sent again by the next Run.
const stopGrace = 2 * time.Second

// attempt calls the sink under the outbox's guard timeout. When ctx ends
// during the call, the call gets stopGrace more before it is cancelled. A
// threading sink gets the receipt of the episode's first message, and the
// receipt it returns is stored before the record is settled.
func (o *Outbox) attempt(ctx context.Context, sink alert.Sink, e *entry) error {
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), o.opts.AttemptTimeout)
	defer cancel()
	stop := context.AfterFunc(ctx, func() {
		t := time.NewTimer(stopGrace)
		defer t.Stop()
		select {
		case <-t.C:
			cancel()
		case <-actx.Done():
		}
	})
	defer stop()
	th, ok := sink.(alert.Threader)
	if !ok {
		return sink.Notify(actx, e.rec.Notification)
	}
	n := e.rec.Notification
	receipt, err := th.NotifyThread(actx, n, o.receipts.thread(e.rec.Sink, n))
	if err == nil {
		changed, werr := o.receipts.keep(e.rec.Sink, n, receipt, o.opts.Clock.Now())
		o.receiptChanged(e, changed, werr)
	}
	return err
}

// retainReceipts drops the receipts of sinks that are not configured.
func (o *Outbox) retainReceipts(sinks map[string]alert.Sink) {
	keep := map[string]bool{}
	for name := range sinks {
		keep[name] = true
	}
	changed, err := o.receipts.retain(keep)
	if changed && err != nil {
		o.mu.Lock()
		o.storageFailed(err, o.opts.Clock.Now())
		o.mu.Unlock()
		o.log.WithError(err).Warn("cannot store the message receipts; retrying the write")
		o.wakeSaver()
	}
}

// settle records the outcome of an attempt of e.
func (o *Outbox) settle(q *queue, e *entry, err error) {
	now := o.opts.Clock.Now()
	if err == nil {
		o.mu.Lock()
		q.inflight = nil
		q.streak, q.failingSince, q.gate = 0, time.Time{}, time.Time{}
		for _, x := range q.entries {
			x.notBefore = time.Time{} // the sink works again: retry the others now
		}
		q.remove(e)
		o.mu.Unlock()
		o.finish(e, ResultSent, nil, "")
		return
	}
	retry, after, reason := alert.Classify(err)
	o.mu.Lock()
	q.inflight = nil
	prevReason := q.lastReason
	q.streak++
	if q.failingSince.IsZero() {
		q.failingSince = now
	}
	q.lastReason, q.lastError, q.lastErrorAt = reason, err.Error(), now
	e.lastError = reason
	if retry {
		e.attempts++
		q.gate = now.Add(max(o.opts.Backoff.Delay(q.streak, o.opts.Rand()), after))
		e.notBefore = now.Add(max(o.opts.Backoff.Delay(e.attempts, o.opts.Rand()), after))
	} else {
		q.remove(e)
	}
	streak, gate := q.streak, q.gate
	o.mu.Unlock()
	if !retry {
		o.finish(e, ResultFailed, err, "the sink rejected it permanently")
		return
	}
	o.metrics.count(q.sink, ResultRetry)
	log := o.entryLog(e).WithError(err).WithFields(logrus.Fields{"reason": reason, "failures": streak, "next_attempt": gate})
	if reason != prevReason {
		log.Warn("notification delivery failed; will retry")
	} else {
		log.Debug("notification delivery failed again; will retry")
	}
	o.opts.OnAttempt(o.attemptOf(e, ResultRetry, reason, err, now))
}

// finish removes a record that is done (sent or dropped), counts and logs it.
func (o *Outbox) finish(e *entry, result string, err error, why string) {
	o.discard(e)
	changed, werr := o.receipts.forget(e.rec.Sink, e.rec.Notification)
	o.receiptChanged(e, changed, werr)
	o.metrics.count(e.rec.Sink, result)
	_, _, reason := alert.Classify(err)
	if err == nil {
		reason = ""
	}
	log := o.entryLog(e)
	switch result {
	case ResultSent:
		log.Debug("notification delivered")
	default:
		if err != nil {
			log = log.WithError(err).WithField("reason", reason)
		}
		log.WithField("result", result).Error("notification dropped: " + why)
	}
	o.opts.OnAttempt(o.attemptOf(e, result, reason, err, o.opts.Clock.Now()))
}

func (o *Outbox) entryLog(e *entry) logrus.FieldLogger {
	n := e.rec.Notification
	return o.log.WithFields(logrus.Fields{"sink": e.rec.Sink, "record": e.id, "alert": n.Alert,
		"target": n.Target, "status": n.Status, "seq": n.Seq})
}

func (o *Outbox) attemptOf(e *entry, result, reason string, err error, at time.Time) Attempt {
	n := e.rec.Notification
	return Attempt{Sink: e.rec.Sink, RecordID: e.id, Alert: n.Alert, Target: n.Target, Status: n.Status,
		Seq: n.Seq, Result: result, Reason: reason, Err: err, At: at}
}
