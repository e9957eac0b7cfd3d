package outbox

import (
	"cmp"
	"context"
	"fmt"
	"time"

	"github.com/lpwatch/lpwatch/pkg/clock"
)

// maxUnstored bounds the records held only in memory while the directory
// cannot be written; beyond it Enqueue fails (and the engine retries).
const maxUnstored = 1000

// storageState is what the outbox reports about its directory. It is
// guarded by Outbox.mu.
type storageState struct {
	// err is the last failure while something is outstanding, "" when
	// every pending record is on disk and every finished one removed.
	err          string
	failingSince time.Time
	// streak counts failed retries in a row, for their backoff.
	streak int
}

// diskBacklog is what remains to be done on disk. It is guarded by
// Outbox.diskMu.
type diskBacklog struct {
	// stale are finished records whose file could not be removed.
	stale []string
	// unsynced is set when a removal's directory fsync failed.
	unsynced bool
}

// storageFailed records a failure to write or remove. Call with o.mu held.
func (o *Outbox) storageFailed(err error, now time.Time) {
	if o.storage.failingSince.IsZero() {
		o.storage.failingSince = now
	}
	o.storage.err = err.Error()
}

// unstored counts the pending records that are only in memory. Call with
// o.mu held.
func (o *Outbox) unstored() int {
	n := 0
	for _, q := range o.queues {
		n += q.unstored()
	}
	return n
}

// wakeSaver makes the save loop retry now.
func (o *Outbox) wakeSaver() {
	select {
	case o.saveWake <- struct{}{}:
	default:
	}
}

// saveLoop retries what could not be written or removed until ctx ends:
// at once when woken (a new failure, or a write that works again), then
// on the outbox's backoff for as long as it keeps failing.
func (o *Outbox) saveLoop(ctx context.Context) {
	for {
		done, retry := o.flush()
		var timer clock.Timer
		var fire <-chan time.Time
		if !done {
			timer = o.opts.Clock.NewTimer(retry)
			fire = timer.C()
		}
		select {
		case <-ctx.Done():
		case <-o.saveWake:
		case <-fire:
		}
		if timer != nil {
			timer.Stop()
		}
		if ctx.Err() != nil {
			return
		}
	}
}

// flush writes the pending records that are only in memory, oldest
// first, and removes the files of finished records whose removal failed.
// It reports whether nothing is left to do, and otherwise when to retry.
func (o *Outbox) flush() (done bool, retry time.Duration) {
	o.diskMu.Lock()
	defer o.diskMu.Unlock()
	o.mu.Lock()
	var todo []*entry
	for _, name := range o.sinkNames() {
		for _, e := range o.queues[name].entries {
			if !e.stored {
				todo = append(todo, e)
			}
		}
	}
	failing := o.storage.err != ""
	o.mu.Unlock()
	if len(todo) == 0 && len(o.disk.stale) == 0 && !o.disk.unsynced && !failing && !o.receipts.lagging() {
		return true, 0
	}
	written, err := o.retryDisk(todo, failing)
	now := o.opts.Clock.Now()
	o.mu.Lock()
	defer o.mu.Unlock()
	if err == nil {
		if failing {
			o.log.WithField("written", written).Info("outbox storage works again: every pending notification is on disk")
		}
		o.storage = storageState{}
		return true, 0
	}
	if o.storage.err != err.Error() {
		o.log.WithError(err).WithField("unstored", o.unstored()).Warn("outbox storage still failing; notifications are delivered from memory, writes retried")
	}
	o.storageFailed(err, now)
	o.storage.streak++
	return false, o.opts.Backoff.Delay(o.storage.streak, o.opts.Rand())
}

// retryDisk does the backlog: removals first (they free space), then the
// receipts and the writes, stopping at the first failure. With nothing to write while
// storage is failing, it writes a probe file, so that the failure is
// reported until the directory takes a write again. Call with o.diskMu
// held.
func (o *Outbox) retryDisk(todo []*entry, failing bool) (int, error) {
	var kept []string
	var firstErr error
	for _, id := range o.disk.stale {
		if err := o.store.unlink(id); err != nil {
			kept = append(kept, id)
			firstErr = cmp.Or(firstErr, err)
			continue
		}
		o.disk.unsynced = true
	}
	o.disk.stale = kept
	if o.disk.unsynced {
		if err := o.store.sync(); err != nil {
			return 0, cmp.Or(firstErr, err)
		}
		o.disk.unsynced = false
	}
	if firstErr != nil {
		return 0, firstErr
	}
	if err := o.receipts.save(); err != nil {
		return 0, err
	}
	if len(todo) == 0 && failing {
		return 0, o.store.probe()
	}
	for i, e := range todo {
		data, err := encodeRecord(e.rec)
		if err == nil {
			err = o.store.writeAll([]string{e.id}, [][]byte{data})
		}
		if err != nil {
			return i, fmt.Errorf("store record %s: %w", e.id, err)
		}
		o.mu.Lock()
		e.stored = true
		o.mu.Unlock()
	}
	return len(todo), nil
}

// discard removes the file of a finished (sent or dropped) record. A
// failure never undoes the outcome or loses another record: the removal
// (or the directory fsync that makes it durable) is retried by the save
// loop and reported as a storage failure; until it succeeds, a restart
// would deliver the record once more.
func (o *Outbox) discard(e *entry) {
	o.diskMu.Lock()
	defer o.diskMu.Unlock()
	o.mu.Lock()
	stored := e.stored
	o.mu.Unlock()
	if !stored {
		return
	}
	err := o.store.unlink(e.id)
	switch {
	case err != nil:
		o.disk.stale = append(o.disk.stale, e.id)
	default:
		if err = o.store.sync(); err != nil {
			o.disk.unsynced = true
		}
	}
	if err == nil {
		return
	}
	o.mu.Lock()
	o.storageFailed(err, o.opts.Clock.Now())
	o.mu.Unlock()
	o.entryLog(e).WithError(err).Error("cannot remove the record of a finished notification; retrying (a restart before it succeeds sends it again)")
	o.wakeSaver()
}
