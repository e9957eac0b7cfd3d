package outbox

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"sort"
	"sync"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
)

// Outbox is a durable notification queue in one directory. Its methods
// are safe for concurrent use.
type Outbox struct {
	opts     Options
	log      logrus.FieldLogger
	store    *store
	receipts *receipts
	metrics  *metrics

	// diskMu serializes the writes of records that were only in memory
	// with the removals of finished records; it is taken before mu.
	diskMu   sync.Mutex
	disk     diskBacklog
	saveWake chan struct{}

	mu      sync.Mutex
	nextSeq uint64
	queues  map[string]*queue
	// adding holds the sink and notification ID of each record an Enqueue
	// is writing, so that a concurrent Enqueue of the same ID waits for none
	// and adds no second copy.
	adding  map[string]bool
	running map[string]bool // configured sinks while Run runs, else nil
	closed  bool
	storage storageState
}

// Attempt describes one delivery attempt or drop, for Options.OnAttempt.
type Attempt struct {
	Sink     string
	RecordID string
	Alert    string
	Target   string
	Status   alert.Status
	Seq      uint64
	// Result is one of the Result* constants.
	Result string
	// Reason is the failure class ("http_500", "timeout", ...), or "".
	Reason string
	// Err is the sink's error (secret-free), or nil.
	Err error
	// At is when the attempt ended, on the outbox clock.
	At time.Time
}

// SinkHealth is the delivery state of one sink, for the engine (which
// raises NotificationDeliveryFailing through the other sinks) and /status.
type SinkHealth struct {
	Sink string `json:"sink"`
	// FailingSince is the first failure of the current streak (retryable
	// or permanent: a revoked webhook fails every message permanently);
	// zero when the last attempt succeeded.
	FailingSince time.Time `json:"failing_since,omitzero"`
	// ConsecutiveFailures counts the failures of the current streak.
	ConsecutiveFailures int `json:"consecutive_failures"`
	// LastReason is the class of the most recent failure ("http_500").
	LastReason string `json:"last_reason,omitempty"`
	// LastError is its secret-free message.
	LastError string `json:"last_error,omitempty"`
	// LastErrorAt is when it happened.
	LastErrorAt time.Time `json:"last_error_at,omitzero"`
	// QueueDepth is the number of pending records.
	QueueDepth int `json:"queue_depth"`
	// OldestPending is the age of the oldest pending record.
	OldestPending time.Duration `json:"oldest_pending"`
	// NextAttempt is the earliest next attempt allowed by backoff.
	NextAttempt time.Time `json:"next_attempt,omitzero"`
	// Unstored counts the pending records held only in memory because
	// the outbox directory could not be written (full, read-only): they
	// are delivered, but lost if lpwatch stops before a write succeeds.
	Unstored int `json:"unstored"`
	// StorageError is the outbox directory's last write or removal
	// failure, the same for every sink; "" once it takes writes again.
	StorageError string `json:"storage_error,omitempty"`
	// StorageFailingSince is when that failure began.
	StorageFailingSince time.Time `json:"storage_failing_since,omitzero"`
}

// Open opens (creating if needed) the outbox in dir, takes its lock,
// registers its metrics, and loads the records a previous process left
// (they are delivered once Run starts) and the message receipts of the
// threading sinks (see receipts.go). Damaged records are moved aside; a
// record or receipts file in a newer format fails Open
// (statefile.ErrNewer), touching nothing.
func Open(dir string, opts Options) (*Outbox, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	log := opts.Logger.WithField("component", "outbox")
	st, err := openStore(dir, log)
	if err != nil {
		return nil, err
	}
	rcs, err := openReceipts(dir, opts.Clock.Now(), log)
	if err != nil {
		_ = st.close()
		return nil, err
	}
	o := &Outbox{opts: opts, log: log, store: st, receipts: rcs, queues: map[string]*queue{}, adding: map[string]bool{}, saveWake: make(chan struct{}, 1)}
	recs, maxSeq, err := st.load()
	if err != nil {
		_ = st.close()
		return nil, err
	}
	o.nextSeq = maxSeq + 1
	for _, l := range recs {
		o.queueFor(l.rec.Sink).insert(&entry{id: l.id, order: l.seq, key: l.rec.Notification.Key(), rec: l.rec, stored: true})
	}
	if len(recs) > 0 {
		log.WithField("records", len(recs)).Info("outbox loaded undelivered notifications")
	}
	if o.metrics, err = newMetrics(opts.Registerer, o); err != nil {
		_ = st.close()
		return nil, err
	}
	return o, nil
}

// Close unregisters the metrics and releases the directory. Run must
// have returned. Pending records stay on disk for the next Open; a last
// write is tried for those only in memory, and an error says how many
// are lost when it fails too.
func (o *Outbox) Close() error {
	o.mu.Lock()
	switch {
	case o.closed:
		o.mu.Unlock()
		return errors.New("outbox already closed")
	case o.running != nil:
		o.mu.Unlock()
		return errors.New("outbox is running; cancel Run's context first")
	}
	o.closed = true
	o.mu.Unlock()
	var errs []error
	if done, _ := o.flush(); !done {
		o.mu.Lock()
		lost, why := o.unstored(), o.storage.err
		o.mu.Unlock()
		if lost > 0 {
			o.log.WithField("records", lost).WithField("storage_error", why).Error("closing the outbox with notifications it could never store: they are lost")
			errs = append(errs, fmt.Errorf("close outbox: %d notification(s) could not be stored and are lost: %s", lost, why))
		}
	}
	errs = append(errs, o.metrics.unregister(), o.store.close())
	return errors.Join(errs...)
}

// queueFor returns the queue of sink, creating it. Call with o.mu held.
func (o *Outbox) queueFor(sink string) *queue {
	q, ok := o.queues[sink]
	if !ok {
		q = newQueue(sink)
		o.queues[sink] = q
		if o.metrics != nil {
			o.metrics.initSink(sink)
		}
	}
	return q
}

// Enqueue makes n durable for each sink before returning; the workers
// then deliver it. Notifications of one alert identity must be enqueued
// in Seq order (the engine does so). While Run runs, every sink must be
// one it was given.
//
// When the records cannot be written (the state directory is full,
// read-only or gone), Enqueue still takes n and returns nil: n is held
// in memory, delivered like any other record, and its write is retried
// on the backoff (and at once when a later write works) until it is on
// disk or delivered. The failure is logged, and reported per sink by
// Health (Unstored, StorageError) and lpwatch_notification_unstored. This
// is a choice: refusing n would hold back every notification, including
// the one about the full disk, until space returns, and lose it just as
// surely if lpwatch stopped meanwhile; taken, it is lost only if lpwatch
// stops before the directory recovers (Close reports how many), and the
// alert engine, whose state file could not be written either, evaluates
// again after a restart what it could not record. Beyond maxUnstored
// records in memory Enqueue fails instead, so that memory stays bounded,
// and the engine retries at its next evaluation.
//
// A notification whose ID a sink's queue already holds is not added again
// for that sink: it is the same event, queued again by an engine that was
// stopped before it could save its state (see alert.NotificationID). The
// copy held is kept (it may be in flight) and delivered once; the other
// sinks get theirs.
func (o *Outbox) Enqueue(ctx context.Context, n *alert.Notification, sinks []string) error {
	if err := validateNotification(n); err != nil {
		return fmt.Errorf("enqueue: %w", err)
	}
	n = clone(n)
	if len(sinks) == 0 {
		return fmt.Errorf("enqueue %s: no sinks", n.Key())
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("enqueue %s: %w", n.Key(), err)
	}
	now := o.opts.Clock.Now()
	sinks, ids, datas, err := o.reserve(n, sinks, now)
	if err != nil || len(sinks) == 0 {
		return err
	}
	werr := o.store.writeAll(ids, datas)
	o.mu.Lock()
	for _, sink := range sinks {
		delete(o.adding, addingKey(sink, n.ID))
	}
	held := o.unstored()
	if werr != nil && held+len(ids) > maxUnstored {
		o.mu.Unlock()
		return fmt.Errorf("enqueue %s: %w (%d notifications already wait in memory for the outbox directory)", n.Key(), werr, held)
	}
	if werr != nil {
		o.storageFailed(werr, now)
	}
	retry := werr == nil && (held > 0 || o.storage.err != "")
	for i, sink := range sinks {
		seq, _ := parseID(ids[i])
		q := o.queueFor(sink)
		q.insert(&entry{id: ids[i], order: seq, key: n.Key(), rec: diskRecord{Sink: sink, EnqueuedAt: now, Notification: n}, stored: werr == nil})
		q.signal()
	}
	o.mu.Unlock()
	switch {
	case werr != nil:
		o.log.WithError(werr).WithFields(logrus.Fields{"alert": n.Alert, "target": n.Target, "status": n.Status, "seq": n.Seq,
			"sinks": len(sinks)}).Error("cannot store a notification in the outbox; delivering it from memory and retrying the write")
		o.wakeSaver()
	case retry:
		o.wakeSaver() // the directory takes writes again
	}
	return nil
}

// reserve checks the sinks and allocates one record ID per sink that does
// not hold n already; it returns those sinks, marked as being added.
func (o *Outbox) reserve(n *alert.Notification, sinks []string, now time.Time) ([]string, []string, [][]byte, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		return nil, nil, nil, errors.New("enqueue: outbox is closed")
	}
	seen := map[string]bool{}
	var todo, ids []string
	var datas [][]byte
	for _, sink := range sinks {
		switch {
		case sink == "":
			return nil, nil, nil, fmt.Errorf("enqueue %s: empty sink name", n.Key())
		case seen[sink]:
			return nil, nil, nil, fmt.Errorf("enqueue %s: sink %q listed twice", n.Key(), sink)
		case o.running != nil && !o.running[sink]:
			return nil, nil, nil, fmt.Errorf("enqueue %s: unknown sink %q", n.Key(), sink)
		}
		seen[sink] = true
		if o.holds(sink, n.ID) {
			o.log.WithFields(logrus.Fields{"sink": sink, "id": n.ID, "alert": n.Alert, "target": n.Target, "seq": n.Seq}).
				Info("notification already queued for this sink (queued again after a restart); keeping the one queued")
			continue
		}
		data, err := encodeRecord(diskRecord{Sink: sink, EnqueuedAt: now, Notification: n})
		if err != nil {
			return nil, nil, nil, err
		}
		todo, ids = append(todo, sink), append(ids, formatID(o.nextSeq))
		datas = append(datas, data)
		o.nextSeq++
	}
	for _, sink := range todo {
		o.adding[addingKey(sink, n.ID)] = true
	}
	return todo, ids, datas, nil
}

// holds reports whether sink's queue has (or an Enqueue is adding) the
// notification id. Call with o.mu held.
func (o *Outbox) holds(sink, id string) bool {
	if o.adding[addingKey(sink, id)] {
		return true
	}
	if q, ok := o.queues[sink]; ok {
		for _, e := range q.entries {
			if e.rec.Notification.ID == id {
				return true
			}
		}
	}
	return false
}

func addingKey(sink, id string) string { return sink + "\x00" + id }

// Pending returns every waiting record, by sink name then enqueue order.
func (o *Outbox) Pending() []Record {
	o.mu.Lock()
	defer o.mu.Unlock()
	var out []Record
	for _, name := range o.sinkNames() {
		q := o.queues[name]
		for _, e := range q.entries {
			next := e.notBefore
			if q.gate.After(next) {
				next = q.gate
			}
			out = append(out, Record{ID: e.id, Sink: name, EnqueuedAt: e.rec.EnqueuedAt, Notification: e.rec.Notification,
				Attempts: e.attempts, NextAttempt: next, LastError: e.lastError})
		}
	}
	return out
}

// Health reports each known sink's delivery state, by sink name.
func (o *Outbox) Health() []SinkHealth {
	now := o.opts.Clock.Now()
	o.mu.Lock()
	defer o.mu.Unlock()
	var out []SinkHealth
	for _, name := range o.sinkNames() {
		q := o.queues[name]
		h := SinkHealth{Sink: name, FailingSince: q.failingSince, ConsecutiveFailures: q.streak,
			LastReason: q.lastReason, LastError: q.lastError, LastErrorAt: q.lastErrorAt,
			QueueDepth: len(q.entries), NextAttempt: q.gate, Unstored: q.unstored(),
			StorageError: o.storage.err, StorageFailingSince: o.storage.failingSince}
		if t, ok := q.oldest(); ok && now.After(t) {
			h.OldestPending = now.Sub(t)
		}
		out = append(out, h)
	}
	return out
}

// sinkNames lists the queues' names in order. Call with o.mu held.
func (o *Outbox) sinkNames() []string {
	names := make([]string, 0, len(o.queues))
	for name := range o.queues {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// clone copies n so that the caller may reuse its notification.
func clone(n *alert.Notification) *alert.Notification {
	c := *n
	c.Labels = maps.Clone(n.Labels)
	c.Details = maps.Clone(n.Details)
	return &c
}
