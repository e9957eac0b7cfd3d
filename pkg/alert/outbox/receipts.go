package outbox

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/statefile"
)

// Receipts. A sink that threads its messages (alert.Threader: Telegram,
// Discord) names the message it posted for the first notification of an
// alert's firing episode; the later notifications of the episode (the
// reminders, the resolve) reply to it or edit it. The outbox keeps that
// receipt per sink and alert identity in receiptsFile, written in full,
// fsynced and renamed over the old one (pkg/statefile) before the record
// of the delivered notification is removed, so that a resolve sent after
// a restart, or after a kill -9, still finds its trigger's message.
//
// A receipt belongs to one episode (the alert's StartsAt): a notification
// of another episode never uses it, and the episode's resolve removes it
// once it is done (delivered, dropped or expired). A notification whose
// episode has no receipt (its trigger predates this file, went to the
// sink before a crash that lost the write, or was never delivered) gets
// "" and is sent as a message of its own: threading is lost, the message
// is not. When the file cannot be written, the receipt is kept in memory,
// the failure is reported as the outbox's storage failure, and the save
// loop retries the write.
const (
	receiptsFile    = "receipts.json"
	receiptsVersion = 1
)

// ReceiptsFormat is the format of the outbox's receipts file
// (state.dir/outbox/receipts.json).
func ReceiptsFormat() statefile.Format {
	return statefile.Format{Name: filepath.Join(RecordFormat().Name, receiptsFile), Version: receiptsVersion}
}

// Receipt is the message a threading sink posted for the first
// notification of an alert's firing episode.
type Receipt struct {
	// Sink is the sink's name.
	Sink string `json:"sink"`
	// Key is the alert identity (alert.Notification.Key).
	Key string `json:"key"`
	// StartsAt is the start of the firing episode.
	StartsAt time.Time `json:"starts_at"`
	// Receipt is what the sink returned (a message id), opaque here.
	Receipt string `json:"receipt"`
	// At is when the sink accepted the notification.
	At time.Time `json:"at"`
}

// receiptsDoc is the content of receiptsFile.
type receiptsDoc struct {
	Version  int       `json:"version"`
	Receipts []Receipt `json:"receipts"`
}

// receipts is the receipts file in memory. Its mutex also serializes the
// writes; it is never held while taking Outbox.mu.
type receipts struct {
	path string

	mu    sync.Mutex
	byKey map[string]Receipt
	dirty bool // the file lags behind byKey
}

func receiptKey(sink, key string) string { return sink + "\x00" + key }

// openReceipts reads the receipts file of dir. A missing file is an empty
// set; a damaged one is moved aside and logged (threading is lost, nothing
// else); one in a newer format fails, touching nothing.
func openReceipts(dir string, now time.Time, log logrus.FieldLogger) (*receipts, error) {
	r := &receipts{path: filepath.Join(dir, receiptsFile), byKey: map[string]Receipt{}}
	var doc receiptsDoc
	if _, err := statefile.ReadVersioned(r.path, ReceiptsFormat(), &doc, now); err != nil {
		if !errors.Is(err, statefile.ErrCorrupt) {
			return nil, fmt.Errorf("outbox receipts: %w", err)
		}
		log.WithError(err).Error("outbox receipts unreadable; resolves of alerts that fired before are sent as messages of their own")
		return r, nil
	}
	for _, rc := range doc.Receipts {
		if rc.Sink == "" || rc.Key == "" || rc.Receipt == "" {
			continue
		}
		r.byKey[receiptKey(rc.Sink, rc.Key)] = rc
	}
	return r, nil
}

// thread returns the receipt n replies to at sink: the one of n's
// episode, unless n starts the episode; "" when there is none.
func (r *receipts) thread(sink string, n *alert.Notification) string {
	if alert.StartsEpisode(n) {
		return ""
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	rc, ok := r.byKey[receiptKey(sink, n.Key())]
	if !ok || !rc.StartsAt.Equal(n.StartsAt) {
		return ""
	}
	return rc.Receipt
}

// keep records the receipt of n, delivered to sink at now, when it starts
// its episode or its episode has none yet (a reminder of an episode whose
// first message predates the receipts: the resolve replies to it). It
// reports whether anything changed and the write's error.
func (r *receipts) keep(sink string, n *alert.Notification, receipt string, now time.Time) (bool, error) {
	if receipt == "" || n.Status != alert.StatusFiring {
		return false, nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	k := receiptKey(sink, n.Key())
	if have, ok := r.byKey[k]; ok && have.StartsAt.Equal(n.StartsAt) && !alert.StartsEpisode(n) {
		return false, nil
	}
	r.byKey[k] = Receipt{Sink: sink, Key: n.Key(), StartsAt: n.StartsAt, Receipt: receipt, At: now}
	return true, r.saveLocked()
}

// forget removes the receipt of n's episode at sink, n being its resolve.
func (r *receipts) forget(sink string, n *alert.Notification) (bool, error) {
	if n.Status != alert.StatusResolved {
		return false, nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	k := receiptKey(sink, n.Key())
	if have, ok := r.byKey[k]; !ok || !have.StartsAt.Equal(n.StartsAt) {
		return false, nil
	}
	delete(r.byKey, k)
	return true, r.saveLocked()
}

// retain drops the receipts of sinks that are not in keep.
func (r *receipts) retain(keep map[string]bool) (bool, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	changed := false
	for k, rc := range r.byKey {
		if !keep[rc.Sink] {
			delete(r.byKey, k)
			changed = true
		}
	}
	if !changed {
		return false, nil
	}
	return true, r.saveLocked()
}

// list returns the receipts, by sink then key.
func (r *receipts) list() []Receipt {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.sortedLocked()
}

// lagging reports whether the file is behind what is in memory.
func (r *receipts) lagging() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.dirty
}

// save writes the file if it lags behind.
func (r *receipts) save() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.dirty {
		return nil
	}
	return r.saveLocked()
}

func (r *receipts) sortedLocked() []Receipt {
	out := make([]Receipt, 0, len(r.byKey))
	for _, rc := range r.byKey {
		out = append(out, rc)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Sink != out[j].Sink {
			return out[i].Sink < out[j].Sink
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// saveLocked writes every receipt; on failure the file lags behind until
// a later write works. Call with r.mu held.
func (r *receipts) saveLocked() error {
	r.dirty = true
	if err := statefile.WriteJSON(r.path, receiptsDoc{Version: receiptsVersion, Receipts: r.sortedLocked()}); err != nil {
		return fmt.Errorf("store receipts: %w", err)
	}
	r.dirty = false
	return nil
}

// Receipts returns the receipts the outbox keeps, by sink then alert
// identity.
func (o *Outbox) Receipts() []Receipt { return o.receipts.list() }

// receiptChanged reports the outcome of a change of the receipts: a write
// that failed is a storage failure, retried by the save loop.
func (o *Outbox) receiptChanged(e *entry, changed bool, err error) {
	if !changed || err == nil {
		return
	}
	o.mu.Lock()
	o.storageFailed(err, o.opts.Clock.Now())
	o.mu.Unlock()
	o.entryLog(e).WithError(err).Warn("cannot store the message receipt of a notification; keeping it in memory and retrying the write")
	o.wakeSaver()
}
